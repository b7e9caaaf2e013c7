// A case fan: its frame size and thickness.
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
  FanInfo f;
  f.sizeMm = r.number("size_mm");
  f.thicknessMm = r.number("thickness_mm");
  f.powerW = r.optional("power_w");
  f.packFans = r.optionalCount("pack_fans").value_or(1);
  part.fan = f;
  part.needs = MountKind::FanMount;
  part.fits = shortNumber(f.sizeMm);
}

void shapes(Part& p) {
  const FanInfo& f = *p.fan;
  double h = f.sizeMm / 2;
  add(p, solid::kBody, SolidRole::Body, box(-h, h, -h, h, 0, f.thicknessMm),
      p.estimatedAmong({"size_mm", "thickness_mm"}));
}

PowerUse power(const Part& p) {
  return {PowerUse::Kind::Fans, p.fan->powerW, "power_w", 1};
}

// BuildCores OpenDB's CaseFan rows: size and how many fans a pack holds; no thickness, so the
// standard 25 mm frame stands in, except for fans named slim, which are left out.
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Fan);
  std::optional<double> size = opendb::positive(row, "size");
  if (!size) return why = "no size", false;
  w.sourced("size_mm", *size);
  if (std::optional<double> n = opendb::positive(row, "quantity"); n && *n > 1) {
    if (*n > 12 || *n != std::floor(*n))
      return why = "a pack of " + shortNumber(*n) + " fans: not a pack of 2 to 12", false;
    w.sourced("pack_fans", *n);
  }
  std::string lower;
  for (char c : opendb::name(row))
    lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("slim") != std::string::npos)
    return why = "a slim fan whose thickness the row does not give", false;
  w.drawnWith("meshes/fan-120x25.stl");
  w.estimated("thickness_mm", 25,
              "the usual 25 mm frame; the row gives no thickness (not measured)");
  spec = std::move(w.spec());
  return true;
}

} // namespace

const CategoryDescription& fanCategory() {
  static const CategoryDescription d{Category::Fan,
                                     "fan",
                                     2,
                                     {{"size_mm", 40, 200, "mm"},
                                      {"thickness_mm", 5, 60, "mm"},
                                      {"power_w", 0.1, 30, "W"},
                                      {"pack_fans", 1, 12, "fans"}},
                                     {},
                                     read,
                                     shapes,
                                     power,
                                     {0x54, 0x6e, 0x7a},
                                     {{"size_mm", "size (mm)", {"120", "140"}},
                                      {"thickness_mm", "thickness (mm)"},
                                      {"power_w", "power (W)", {}, false}},
                                     "CaseFan",
                                     fromOpenDb,
                                     {MountKind::FanMount}};
  return d;
}

} // namespace rigfit
