#include "custom_part.hpp"

#include "catalog/category.hpp"
#include "catalog/opendb_row.hpp"

#include <cctype>
#include <cstdlib>
#include <map>
#include <utility>

namespace rigfit::viewer {

namespace {

// A case, a board or a CPU is described by what its maker's page lists (a case's board sizes and
// limits, a board's slots, a CPU's socket), the figures a BuildCores OpenDB row holds; the rest
// (where the board sits, where the slots are, the package's size) rigfit estimates the way it
// does for an OpenDB row, saying how. So their forms fill a row, and the category's OpenDB
// mapping makes the spec. rowOf says which row field each of the form's fields fills.
const std::vector<std::string> kSockets = {"AM4",     "AM5",     "LGA1151", "LGA1200",
                                           "LGA1700", "LGA1851", "LGA2066", "sTRX4"};
// The board sizes the mapping lays out (it has no E-ATX slot layout).
const std::vector<std::string> kBoardSizes = {"ATX", "microATX", "Mini-ITX"};

const std::vector<FormField>& rowFields(Category c) {
  static const std::vector<FormField> cpu = {
      {"socket", "socket", kSockets},
      {"tdp", "TDP (W)", {}, false},
      {"integrated_graphics", "integrated graphics", {"yes", "no"}, false}};
  static const std::vector<FormField> board = {
      {"form_factor", "size", kBoardSizes},
      {"socket", "socket", kSockets},
      {"ram_type", "memory type", {"DDR4", "DDR5", "DDR3"}},
      {"memory_slots", "memory slots", {"2", "4"}},
      {"x16_slots", "x16 (long) PCIe slots"},
      {"pcie_gen", "PCIe generation of the long slots", {"3", "4", "5"}, false},
      {"x1_slots", "x1 (short) PCIe slots", {}, false},
      {"memory_max", "most memory (GB)", {}, false}};
  static const std::vector<FormField> chassis = {
      {"supported_motherboard_form_factors",
       "board sizes it takes (ATX, microATX, ...)",
       {},
       true,
       true},
      {"expansion_slots", "rear expansion slots"},
      {"max_video_card_length", "longest graphics card (mm)"},
      {"max_cpu_cooler_height", "tallest CPU cooler (mm)", {}, false},
      {"depth", "outside depth (mm)", {}, false},
      {"width", "outside width (mm)", {}, false},
      {"height", "outside height (mm)", {}, false}};
  static const std::vector<FormField> none;
  return c == Category::Cpu           ? cpu
         : c == Category::Motherboard ? board
         : c == Category::Case        ? chassis
                                      : none;
}

bool rowBased(Category c) {
  return !rowFields(c).empty();
}

} // namespace

const std::vector<Category>& formCategories() {
  static const std::vector<Category> c = {
      Category::Case, Category::Motherboard, Category::Cpu,    Category::Gpu, Category::Cooler,
      Category::Fan,  Category::Radiator,    Category::Memory, Category::Psu, Category::Storage};
  return c;
}

const std::vector<FormField>& formFields(Category c) {
  return rowBased(c) ? rowFields(c) : describe(c).form;
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

namespace {

using nlohmann::json;

// The figures a form holds, typed: numbers, lists split at commas, choices as chosen. An error
// names the field.
Result<json> valuesOf(const CustomPartForm& form) {
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
    figures[f.figure] = value;
  }
  return figures;
}

// What the mapping wrote about "the row" is about the form here.
std::string reworded(std::string s) {
  for (auto [from, to] : {std::pair<std::string, std::string>{"the row's", "the form's"},
                          {"the row", "the form"},
                          {"OpenDB", "the form"}})
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
      s.replace(at, from.size(), to);
  return s;
}
void reword(json& j) {
  if (j.is_string()) {
    j = reworded(j.get<std::string>());
  } else if (j.is_structured()) {
    for (json& v : j)
      reword(v);
  }
}

// Every figure the row gave now cites the builder.
void recite(json& j) {
  if (!j.is_structured()) return;
  if (j.is_object() && j.contains("source") && j["source"] == "opendb") j["source"] = "me";
  for (json& v : j)
    recite(v);
}

// A board size as a builder types it ("microATX", "mATX", "Mini ITX", "E-ATX") in OpenDB's
// words; anything else as typed, which the mapping then refuses by name.
std::string openDbSize(const std::string& typed) {
  std::string key;
  for (char c : typed)
    if (std::isalnum(static_cast<unsigned char>(c)))
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::map<std::string, std::string> size = {
      {"atx", "ATX"},          {"microatx", "Micro ATX"}, {"matx", "Micro ATX"},
      {"miniitx", "Mini-ITX"}, {"itx", "Mini-ITX"},       {"eatx", "EATX"}};
  auto it = size.find(key);
  return it == size.end() ? typed : it->second;
}

// The OpenDB-shaped row a case, board or CPU form fills.
json rowOf(const CustomPartForm& form, const json& v) {
  json row = {{"opendb_id", ""}, {"metadata", {{"name", form.name}}}};
  auto number = [&](const char* key) { return v.contains(key) ? v.at(key) : json(); };
  switch (form.category) {
  case Category::Cpu:
    row["socket"] = v.at("socket");
    row["specifications"] = json::object();
    if (v.contains("tdp")) row["specifications"]["tdp"] = v.at("tdp");
    if (v.contains("integrated_graphics"))
      row["specifications"]["integratedGraphics"] = {
          {"model", v.at("integrated_graphics") == "yes" ? "yes" : "None"}};
    break;
  case Category::Motherboard:
    row["form_factor"] = openDbSize(v.at("form_factor"));
    row["socket"] = v.at("socket");
    row["memory"] = {{"ram_type", v.at("ram_type")}, {"slots", v.at("memory_slots")}};
    if (v.contains("memory_max")) row["memory"]["max"] = v.at("memory_max");
    row["pcie_slots"] = json::array({{{"lanes", 16}, {"quantity", v.at("x16_slots")}}});
    if (v.contains("pcie_gen"))
      row["pcie_slots"][0]["gen"] = std::to_string(v.at("pcie_gen").get<int>());
    if (v.contains("x1_slots"))
      row["pcie_slots"].push_back({{"lanes", 1}, {"quantity", v.at("x1_slots")}});
    break;
  case Category::Case: {
    json sizes = json::array();
    for (const json& s : v.at("supported_motherboard_form_factors"))
      sizes.push_back(openDbSize(s));
    row["supported_motherboard_form_factors"] = sizes;
    row["expansion_slots"] = v.at("expansion_slots");
    row["max_video_card_length"] = v.at("max_video_card_length");
    if (v.contains("max_cpu_cooler_height"))
      row["max_cpu_cooler_height"] = v.at("max_cpu_cooler_height");
    row["dimensions_mm"] = {
        {"depth", number("depth")}, {"width", number("width")}, {"height", number("height")}};
    break;
  }
  default:
    break;
  }
  return row;
}

} // namespace

Result<nlohmann::json> specOf(const CustomPartForm& form) {
  std::string id = idFromName(form.name);
  if (id.empty()) return Error{"", "name", "give the part a name (letters or digits)"};
  if (form.howMeasured.size() < 8)
    return Error{"", "how measured",
                 "say in a few words where the figures come from (\"measured with a steel "
                 "rule\")"};
  Result<json> values = valuesOf(form);
  if (!values) return values.error();
  if (rowBased(form.category)) {
    // A size the mapping does not know it would leave out; typed by a builder, it is refused.
    if (form.category == Category::Case)
      for (const json& typed : (*values)["supported_motherboard_form_factors"])
        if (opendb::boardFormFactor(openDbSize(typed)).empty())
          return Error{"", rowFields(Category::Case).front().label,
                       "\"" + typed.get<std::string>() +
                           "\" is not a board size rigfit models (ATX, microATX, Mini-ITX, "
                           "E-ATX)"};
    json spec;
    std::string why;
    if (!describe(form.category).fromOpenDb(rowOf(form, *values), spec, why)) {
      return Error{"", "form", reworded(why)};
    }
    spec["id"] = id;
    spec.erase("opendb_id");
    recite(spec);
    reword(spec);
    // What the form did not ask is assumed, and said: every long slot wired x16, and of the
    // generation the mapping takes where none is given.
    if (form.category == Category::Motherboard && spec.contains("pcie_slots"))
      spec["pcie_slots"]["layout_estimate"] =
          spec["pcie_slots"]["layout_estimate"].get<std::string>() +
          "; the form gives counts only: each long slot is taken as wired x16" +
          (values->contains("pcie_gen") ? "" : ", at PCIe 3.0 (no generation given)");
    spec["name"] = form.name;
    spec["sources"] = {{"me", form.howMeasured}};
    return spec;
  }
  json figures = json::object();
  for (auto& [figure, value] : values->items())
    figures[figure] = {{"value", value}, {"source", "me"}};
  return json{{"schema", 2},
              {"id", id},
              {"name", form.name},
              {"category", toString(form.category)},
              {"sources", {{"me", form.howMeasured}}},
              {"figures", figures}};
}

} // namespace rigfit::viewer
