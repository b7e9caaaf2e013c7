// A drive: M.2 on the board, or 2.5 in and 3.5 in in a case's bays.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/shape_kit.hpp"
#include "catalog/solid_names.hpp"

namespace rigfit {
namespace {

using namespace json_read;
using namespace shape_kit;
using nlohmann::json;

void read(FigureReader& r, const json&, Part& part) {
  StorageInfo s;
  s.formFactor = r.text("form_factor");
  if (s.formFactor != "M.2" && s.formFactor != "2.5in" && s.formFactor != "3.5in")
    fail("/figures/form_factor/value",
         "must be M.2, 2.5in or 3.5in (got \"" + s.formFactor + "\")");
  s.lengthMm = r.number("length_mm");
  r.number("width_mm");
  r.number("thickness_mm");
  s.powerW = r.optional("power_w");
  if (s.formFactor == "M.2") {
    s.key = r.text("key");
    part.needs = MountKind::M2Slot;
    part.fits = s.key;
  } else {
    part.needs = MountKind::DriveBay;
    part.fits = s.formFactor;
  }
  part.storage = s;
}

void shapes(Part& p) {
  double len = fig(p, "length_mm"), w = fig(p, "width_mm"), t = fig(p, "thickness_mm");
  add(p, solid::kBody, SolidRole::Body, box(-w / 2, w / 2, 0, len, 0, t),
      p.estimatedAmong({"length_mm", "width_mm", "thickness_mm"}));
}

PowerUse power(const Part& p) {
  return {PowerUse::Kind::Figure, p.storage->powerW, "power_w"};
}

} // namespace

const CategoryDescription& storageCategory() {
  static const CategoryDescription d{Category::Storage,
                                     "storage",
                                     1,
                                     {{"length_mm", 20, 200, "mm"},
                                      {"width_mm", 10, 120, "mm"},
                                      {"thickness_mm", 0.5, 45, "mm"},
                                      {"power_w", 0.1, 30, "W"}},
                                     {"form_factor", "key"},
                                     read,
                                     shapes,
                                     power,
                                     {0x00, 0x83, 0x8f},
                                     {{"form_factor", "drive size", {"2.5in", "3.5in"}},
                                      {"length_mm", "length (mm)"},
                                      {"width_mm", "width (mm)"},
                                      {"thickness_mm", "thickness (mm)"},
                                      {"power_w", "power (W)", {}, false}}};
  return d;
}

} // namespace rigfit
