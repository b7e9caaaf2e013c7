#pragma once
// A part a builder describes in the viewer by its dimensions alone: the form's fields for each
// category, and the part spec the filled form makes. No ImGui here: tested headless.
#include "catalog/category.hpp"
#include "common/result.hpp"

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rigfit::viewer {

using rigfit::FormField;

// The categories a builder can describe this way, and the fields of each: what the checks need
// (docs/CUSTOM_PARTS.md), and the optional figures that let more of them measure the part.
const std::vector<Category>& formCategories();
const std::vector<FormField>& formFields(Category c);

struct CustomPartForm {
  Category category = Category::Gpu;
  std::string name;
  std::string howMeasured; // the source every figure cites: "measured with a steel rule"
  std::map<std::string, std::string> values; // by figure, as typed; "" is left out
};

// "My Card (measured)" -> "my-card-measured": the id and file name the part gets.
std::string idFromName(const std::string& name);

// The part spec (schema 2) the form describes, every figure given sourced to the builder's
// own words (for a case, board or CPU, the figures rigfit fills in are estimates that say how). An
// error names the form's field that is missing or not a number; the catalog's reader then checks
// the figures' ranges like any part file's.
Result<nlohmann::json> specOf(const CustomPartForm& form);

} // namespace rigfit::viewer
