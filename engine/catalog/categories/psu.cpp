// A PSU: its form factor, length and rating, and the room its plugs need in front.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/opendb_row.hpp"
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

// BuildCores OpenDB's PSU rows: form factor, length, wattage and connectors. A row without a
// length is left out (an ATX unit runs from 125 to over 200 mm: no fair estimate).
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Psu);
  std::string form = opendb::text(row, "form_factor").value_or("");
  if (form != "ATX" && form != "SFX" && form != "SFX-L")
    return why = form.empty() ? "no form factor"
                              : "form factor \"" + form + "\" is not modelled (ATX, SFX, SFX-L)",
           false;
  w.sourced("form_factor", form);
  if (form == "ATX") w.drawnWith("meshes/psu-atx.obj");
  std::optional<double> length = opendb::positive(row, "length");
  if (!length) return why = "no length", false;
  w.sourced("length_mm", *length);
  if (std::optional<double> watts = opendb::positive(row, "wattage")) w.sourced("watts", *watts);
  // The row writes 0 where it has no count: a PSU without PCIe plugs stays "not counted".
  if (std::optional<double> n =
          opendb::positive(opendb::object(row, "connectors"), "pcie_6_plus_2_pin"))
    w.sourced("pcie_8pin", *n);
  spec = std::move(w.spec());
  return true;
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
       {"watts", "rating (W)", {}, false}},
      "PSU",
      fromOpenDb,
      {MountKind::PsuBay}};
  return d;
}

} // namespace rigfit
