// A PSU: its form factor, length and rating, and the room its plugs need in front.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/shape_kit.hpp"
#include "catalog/shapes.hpp"
#include "catalog/solid_names.hpp"
#include "catalog/standards.hpp"

namespace rigfit {
namespace {

using namespace json_read;
using namespace shape_kit;
using nlohmann::json;

void read(FigureReader& r, const json&, Part& part) {
  PsuInfo p;
  p.formFactor = r.text("form_factor");
  if (p.formFactor != "ATX" && p.formFactor != "SFX" && p.formFactor != "SFX-L")
    fail("/figures/form_factor/value", "must be ATX, SFX or SFX-L");
  p.lengthMm = r.number("length_mm");
  p.watts = r.optional("watts");
  if (r.has("pcie_8pin")) p.pcie8pin = r.count("pcie_8pin");
  part.psu = p;
  part.needs = MountKind::PsuBay;
  part.fits = p.formFactor;
}

void shapes(Part& p) {
  const PsuInfo& s = *p.psu;
  bool atx = s.formFactor == "ATX";
  double w = atx ? st::kAtxPsuWidthMm : st::kSfxPsuWidthMm;
  double h = atx ? st::kAtxPsuHeightMm : st::kSfxPsuHeightMm;
  auto est = p.estimatedAmong({"length_mm"});
  add(p, solid::kBody, SolidRole::Body, box(0, s.lengthMm, 0, h, -w / 2, w / 2), est);
  add(p, solid::kCableSpace, SolidRole::Keepout,
      box(s.lengthMm, s.lengthMm + kPsuCableSpaceMm, 0, h, -w / 2, w / 2),
      plus(est, {"cable space (30 mm, rule of thumb)"}), true);
}

// It supplies; it draws nothing the check counts.
PowerUse power(const Part&) {
  return {};
}

} // namespace

const CategoryDescription& psuCategory() {
  static const CategoryDescription d{
      Category::Psu,
      "psu",
      1,
      {{"watts", 100, 3000, "W"}, {"length_mm", 80, 300, "mm"}, {"pcie_8pin", 0, 16, "plugs"}},
      {"form_factor"},
      read,
      shapes,
      power,
      {0x61, 0x61, 0x61},
      {{"form_factor", "form factor", {"ATX", "SFX", "SFX-L"}},
       {"length_mm", "length (mm)"},
       {"watts", "rating (W)", {}, false}}};
  return d;
}

} // namespace rigfit
