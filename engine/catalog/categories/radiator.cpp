// An all-in-one's radiator: its size, its fans and the stack they make.
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
  RadiatorInfo x;
  x.lengthMm = r.number("length_mm");
  x.widthMm = r.number("width_mm");
  x.thicknessMm = r.number("thickness_mm");
  x.fanSizeMm = r.number("fan_size_mm");
  x.fanCount = r.count("fan_count");
  x.fanThicknessMm = r.number("fan_thickness_mm");
  x.powerW = r.optional("power_w");
  if (x.fanSizeMm * x.fanCount > x.lengthMm)
    fail("/figures/length_mm/value", std::to_string(x.fanCount) + " fans of " +
                                         shortNumber(x.fanSizeMm) + " mm do not fit along " +
                                         shortNumber(x.lengthMm) + " mm");
  part.radiator = x;
  part.needs = MountKind::RadiatorMount;
  part.fits = std::to_string(x.sizeClass());
}

void shapes(Part& p) {
  const RadiatorInfo& r = *p.radiator;
  double l = r.lengthMm / 2, w = r.widthMm / 2;
  add(p, solid::kBody, SolidRole::Body, box(-l, l, -w, w, 0, r.thicknessMm),
      p.estimatedAmong({"length_mm", "width_mm", "thickness_mm"}));
  if (r.fanThicknessMm <= 0) return;
  // Its fans stack on it, inside or outside: either way the stack stands as deep from the place.
  double f = r.fanSizeMm * r.fanCount / 2, h = r.fanSizeMm / 2;
  add(p, "fans", SolidRole::Body,
      box(-f, f, -h, h, r.thicknessMm, r.thicknessMm + r.fanThicknessMm),
      p.estimatedAmong({"fan_size_mm", "fan_thickness_mm", "thickness_mm"}));
}

PowerUse power(const Part& p) {
  return {PowerUse::Kind::Fans, p.radiator->powerW, "power_w", p.radiator->fanCount};
}

} // namespace

const CategoryDescription& radiatorCategory() {
  static const CategoryDescription d{
      Category::Radiator,
      "radiator",
      2,
      {{"length_mm", 100, 600, "mm"},
       {"width_mm", 80, 200, "mm"},
       {"thickness_mm", 10, 100, "mm"},
       {"fan_size_mm", 80, 200, "mm"},
       {"fan_count", 1, 4, "fans"},
       {"fan_thickness_mm", 0, 60, "mm"},
       {"power_w", 0.1, 60, "W"}},
      {},
      read,
      shapes,
      power,
      {0x45, 0x5a, 0x64},
      {{"length_mm", "length (mm)"},
       {"width_mm", "width (mm)"},
       {"thickness_mm", "thickness, radiator only (mm)"},
       {"fan_size_mm", "its fans' size (mm)", {"120", "140"}},
       {"fan_count", "how many fans"},
       {"fan_thickness_mm", "its fans' thickness (mm; 0 if counted above)"},
       {"power_w", "its fans' power (W)", {}, false}},
      nullptr,
      nullptr,
      {MountKind::RadiatorMount}};
  return d;
}

} // namespace rigfit
