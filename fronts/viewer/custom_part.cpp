#include "custom_part.hpp"

#include "catalog/category.hpp"

#include <cctype>
#include <cstdlib>

namespace rigfit::viewer {

const std::vector<Category>& formCategories() {
  static const std::vector<Category> c = {Category::Gpu,      Category::Cooler, Category::Fan,
                                          Category::Radiator, Category::Memory, Category::Psu,
                                          Category::Storage};
  return c;
}

const std::vector<FormField>& formFields(Category c) {
  return describe(c).form;
}

namespace {

// A number picked from a list (a fan's size) rather than a text figure (a form factor).
bool numericChoices(const FormField& f) {
  for (const std::string& c : f.choices) {
    char* end = nullptr;
    std::strtod(c.c_str(), &end);
    if (end == c.c_str() || *end != '\0') return false;
  }
  return true;
}

} // namespace

std::string idFromName(const std::string& name) {
  std::string id;
  for (char ch : name) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (std::isalnum(u))
      id += static_cast<char>(std::tolower(u));
    else if (!id.empty() && id.back() != '-')
      id += '-';
  }
  while (!id.empty() && id.back() == '-')
    id.pop_back();
  return id;
}

Result<nlohmann::json> specOf(const CustomPartForm& form) {
  using nlohmann::json;
  std::string id = idFromName(form.name);
  if (id.empty()) return Error{"", "name", "give the part a name (letters or digits)"};
  if (form.howMeasured.size() < 8)
    return Error{"", "how measured",
                 "say in a few words where the figures come from (\"measured with a steel "
                 "rule\")"};
  json figures = json::object();
  for (const FormField& f : formFields(form.category)) {
    auto it = form.values.find(f.figure);
    std::string v = it == form.values.end() ? "" : it->second;
    if (v.empty()) {
      if (f.required) return Error{"", f.label, "missing: the checks need it"};
      continue;
    }
    json value;
    if (f.list) {
      value = json::array();
      std::string item;
      for (char ch : v + ",") {
        if (ch != ',') {
          if (!std::isspace(static_cast<unsigned char>(ch))) item += ch;
          continue;
        }
        if (!item.empty()) value.push_back(item), item.clear();
      }
    } else if (!f.choices.empty() && !numericChoices(f)) {
      value = v;
    } else {
      char* end = nullptr;
      double d = std::strtod(v.c_str(), &end);
      if (end == v.c_str() || *end != '\0')
        return Error{"", f.label, "must be a number (got \"" + v + "\")"};
      value = d;
    }
    figures[f.figure] = {{"value", value}, {"source", "me"}};
  }
  return json{{"schema", 2},
              {"id", id},
              {"name", form.name},
              {"category", toString(form.category)},
              {"sources", {{"me", form.howMeasured}}},
              {"figures", figures}};
}

} // namespace rigfit::viewer
