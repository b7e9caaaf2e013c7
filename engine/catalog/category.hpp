#pragma once
// A part category described once: its name, the figures it may carry, how they are read into
// the part, the solids and mounts they make, what the part draws from the PSU and the colour it
// is drawn in. The reader, the shapes, the power check, the drawings and the viewer's new-part
// form all take a category from here; adding one is a file in catalog/categories/ and a line
// in category.cpp. No other code switches over the categories (a check may still ask whether a
// part is a case or a board).
#include "catalog/part.hpp"

#include <array>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rigfit {

namespace json_read {
class FigureReader;
}

// A numeric figure a category may carry and its plausible range: a value outside it is a typo
// or a unit mix-up.
struct FigureRule {
  const char* name;
  double min, max;
  const char* unit;
};

// What a part draws from the PSU, for the power check.
struct PowerUse {
  enum class Kind {
    None,   // nothing of its own (a PSU; a cooler's fan is in the board's allowance)
    Figure, // `watts` from the figure `figure`; unknown when the spec has none
    Fans    // `fans` fans: `watts` when given, else an allowance a fan
  };
  Kind kind = Kind::None;
  std::optional<double> watts;
  const char* figure = "power_w";
  int fans = 0;
};

// A field of the viewer's new-part form: a figure a builder types or picks.
struct FormField {
  FormField(std::string figure_, std::string label_, std::vector<std::string> choices_ = {},
            bool required_ = true, bool list_ = false)
      : figure(std::move(figure_)), label(std::move(label_)), choices(std::move(choices_)),
        required(required_), list(list_) {}

  std::string figure;               // as in the spec: "length_mm"
  std::string label;                // for a builder: "length (mm)"
  std::vector<std::string> choices; // a text figure's allowed values; empty for a number
  bool required = true;
  bool list = false; // a text figure that is a list ("sockets"): comma-separated in the form
};

struct CategoryDescription {
  Category category;
  const char* name; // "gpu": its folder under parts/, its "category" in a spec, its id stem
  int sinceSchema;  // the part schema that brought it (fans and radiators came with 2)
  std::vector<FigureRule> numbers;
  std::vector<const char*> texts; // figures given as a string, a yes/no or a list of strings
  // Checks the figures together and fills the part's info, `needs` and `fits` (throws
  // json_read::ParseError naming the field).
  void (*read)(json_read::FigureReader& r, const nlohmann::json& spec, Part& part);
  // The solids the checks measure and the mounts it offers, from the figures read.
  void (*shapes)(Part& part);
  PowerUse (*power)(const Part& part);
  std::array<std::uint8_t, 3> colour; // how its parts are drawn (RGB), in 3D and in SVG
  // The viewer's new-part form: what the checks need (docs/CUSTOM_PARTS.md) and the optional
  // figures that let more of them measure the part; empty where a builder cannot describe one.
  std::vector<FormField> form;
  // Its file in the BuildCores OpenDB snapshot ("GPU" for parts/opendb/GPU.jsonl.gz), and the
  // mapping of a row to a part spec (the JSON a part file holds): every figure from the row
  // cites it, every figure rigfit fills in is an estimate saying how it was made. False, with
  // `why`, for a row that cannot be a part (a figure the checks need is missing). Null where
  // rigfit maps none of the category yet.
  const char* openDbFile = nullptr;
  bool (*fromOpenDb)(const nlohmann::json& row, nlohmann::json& spec, std::string& why) = nullptr;
  // The mounts its parts can need (a drive: an M.2 slot or a bay; a case: none), for finding
  // candidates for a mount before reading them.
  std::vector<MountKind> goesIn = {};
};

// Every category, in the order of the Category enum.
const std::vector<const CategoryDescription*>& categories();
const CategoryDescription& describe(Category c);

// The descriptions, one a file in catalog/categories/.
const CategoryDescription& caseCategory();
const CategoryDescription& motherboardCategory();
const CategoryDescription& gpuCategory();
const CategoryDescription& cpuCategory();
const CategoryDescription& coolerCategory();
const CategoryDescription& memoryCategory();
const CategoryDescription& psuCategory();
const CategoryDescription& storageCategory();
const CategoryDescription& fanCategory();
const CategoryDescription& radiatorCategory();

} // namespace rigfit
