#include "custom_part.hpp"

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
  static const std::map<Category, std::vector<FormField>> fields = {
      {Category::Gpu,
       {{"length_mm", "length (mm)"},
        {"thickness_slots", "cooler thickness (slots, e.g. 2.5)"},
        {"bracket_slots", "bracket (slots)"},
        {"cooling", "cooling", {"open_air", "blower"}},
        {"interface", "edge", {"x16", "x8", "x4", "x1"}},
        {"height_mm", "height (mm)", {}, false},
        {"power_w", "power (W)", {}, false}}},
      {Category::Cooler,
       {{"sockets", "sockets (e.g. AM4, LGA1700)", {}, true, true},
        {"height_mm", "height (mm)", {}, false},
        {"footprint_x_mm", "footprint along the board's long edge (mm)", {}, false},
        {"footprint_y_mm", "footprint toward the memory (mm)", {}, false},
        {"ram_clearance_mm", "RAM clearance under the fins (mm)", {}, false}}},
      {Category::Fan,
       {{"size_mm", "size (mm)", {"120", "140"}},
        {"thickness_mm", "thickness (mm)"},
        {"power_w", "power (W)", {}, false}}},
      {Category::Memory,
       {{"type", "type", {"DDR4", "DDR5"}},
        {"kit", "kit (e.g. 2x16 GB)"},
        {"module_gb", "one module (GB)"},
        {"kit_modules", "modules in the kit"},
        {"length_mm", "length (mm)"},
        {"thickness_mm", "thickness (mm)"},
        {"height_mm", "height (mm)", {}, false}}},
      {Category::Psu,
       {{"form_factor", "form factor", {"ATX", "SFX", "SFX-L"}},
        {"length_mm", "length (mm)"},
        {"watts", "rating (W)", {}, false}}},
      {Category::Radiator,
       {{"length_mm", "length (mm)"},
        {"width_mm", "width (mm)"},
        {"thickness_mm", "thickness, radiator only (mm)"},
        {"fan_size_mm", "its fans' size (mm)", {"120", "140"}},
        {"fan_count", "how many fans"},
        {"fan_thickness_mm", "its fans' thickness (mm; 0 if counted above)"},
        {"power_w", "its fans' power (W)", {}, false}}},
      {Category::Storage,
       {{"form_factor", "drive size", {"2.5in", "3.5in"}},
        {"length_mm", "length (mm)"},
        {"width_mm", "width (mm)"},
        {"thickness_mm", "thickness (mm)"},
        {"power_w", "power (W)", {}, false}}},
  };
  static const std::vector<FormField> none;
  auto it = fields.find(c);
  return it == fields.end() ? none : it->second;
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
