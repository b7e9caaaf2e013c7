// A drive: M.2 on the board, or 2.5 in and 3.5 in in a case's bays.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/opendb_row.hpp"
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

// BuildCores OpenDB's Storage rows: form factor only. An M.2 drive's length and width are in
// its size name (2280: 22 mm wide, 80 long); a 2.5 in or 3.5 in drive takes its standard's
// outline, an estimate.
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Storage);
  std::string form = opendb::text(row, "form_factor").value_or("");
  if (form.rfind("M.2-22", 0) == 0 && form.size() > 6) {
    double length = std::atof(form.c_str() + 6);
    if (length <= 0) return why = "form factor \"" + form + "\" has no length", false;
    w.sourced("form_factor", "M.2");
    w.sourced("length_mm", length);
    w.sourced("width_mm", 22);
    w.estimated("key", "M",
                "an M-key slot takes NVMe drives and B+M-keyed SATA drives alike; the row gives "
                "no key");
    w.estimated("thickness_mm", 2.38,
                "as a single-sided 2280 drive (Samsung's 2.38 mm, reference A8, unconfirmed); "
                "not in the row");
  } else if (form == "2.5\"") {
    w.sourced("form_factor", "2.5in");
    w.estimated("length_mm", 100.45,
                "the 2.5 in drive outline (SFF-8201, from memory); not in the row");
    w.estimated("width_mm", 69.85,
                "the 2.5 in drive outline (SFF-8201, from memory); not in the row");
    w.estimated(
        "thickness_mm", 7,
        "a 7 mm drive, the thinner of the two common heights (7 and 9.5 mm); not in the row");
  } else if (form == "3.5\"") {
    w.sourced("form_factor", "3.5in");
    w.estimated("length_mm", 147,
                "the 3.5 in drive outline (SFF-8301, from memory); not in the row");
    w.estimated("width_mm", 101.6,
                "the 3.5 in drive outline (SFF-8301, from memory); not in the row");
    w.estimated("thickness_mm", 26.1,
                "the 3.5 in drive outline (SFF-8301, from memory); not in the row");
  } else {
    return why = form.empty()
                     ? "no form factor"
                     : "form factor \"" + form + "\" is not modelled (M.2, 2.5 in, 3.5 in)",
           false;
  }
  spec = std::move(w.spec());
  return true;
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
                                      {"power_w", "power (W)", {}, false}},
                                     "Storage",
                                     fromOpenDb,
                                     {MountKind::M2Slot, MountKind::DriveBay}};
  return d;
}

} // namespace rigfit
