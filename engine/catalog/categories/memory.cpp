// A memory module: its type, capacity, kit and height.
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
  MemoryInfo m;
  m.type = r.text("type");
  m.kit = r.text("kit");
  m.moduleGb = r.number("module_gb");
  m.kitModules = r.count("kit_modules");
  m.heightMm = r.optional("height_mm");
  m.powerW = r.optional("power_w");
  r.number("length_mm");
  r.number("thickness_mm");
  part.memory = m;
  part.needs = MountKind::DimmSlot;
  part.fits = m.type;
}

void shapes(Part& p) {
  const MemoryInfo& m = *p.memory;
  if (!m.heightMm) return;
  double len = fig(p, "length_mm"), t = fig(p, "thickness_mm");
  add(p, solid::kBody, SolidRole::Body, box(0, len, -t / 2, t / 2, 0, *m.heightMm),
      p.estimatedAmong({"height_mm", "length_mm", "thickness_mm"}));
}

PowerUse power(const Part& p) {
  return {PowerUse::Kind::Figure, p.memory->powerW, "power_w"};
}

// BuildCores OpenDB's RAM rows: type, modules and (for about one in seven) height. Desktop
// DIMMs only (DDR2 to DDR5); their length is the standard outline and their thickness an estimate
// by whether they carry heat spreaders.
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Memory);
  std::string form = opendb::text(row, "form_factor").value_or("");
  if (form != "288-pin DIMM" && form != "240-pin DIMM")
    return why = "form factor \"" + form + "\": only desktop DIMMs (240 and 288 pins) are modelled",
           false;
  std::string type = opendb::text(row, "ram_type").value_or("");
  if (type != "DDR2" && type != "DDR3" && type != "DDR4" && type != "DDR5")
    return why = "type \"" + type + "\" is not modelled", false;
  w.sourced("type", type);
  const json& modules = opendb::object(row, "modules");
  std::optional<double> gb = opendb::positive(modules, "capacity_gb");
  std::optional<double> count = opendb::positive(modules, "quantity");
  if (!gb || !count) return why = "no module count or size", false;
  w.sourced("module_gb", *gb);
  w.sourced("kit_modules", *count);
  w.sourced("kit", shortNumber(*count) + "x" + shortNumber(*gb) + " GB");
  if (std::optional<double> h = opendb::positive(row, "height")) w.sourced("height_mm", *h);
  w.estimated("length_mm", 133.35,
              "the standard DIMM length, 133.35 mm for DDR2 to DDR5 (reference A7, from memory, "
              "unconfirmed); not in the row");
  auto spreader = row.find("heat_spreader");
  bool spread = spreader != row.end() && spreader->is_boolean() && spreader->get<bool>();
  w.estimated("thickness_mm", spread ? 8 : 4,
              spread ? "a module with heat spreaders: about 8 mm, as the catalog's spreader "
                       "modules are estimated; not measured"
                     : "a bare module: about 4 mm, as the catalog's bare module is estimated; "
                       "not measured");
  spec = std::move(w.spec());
  return true;
}

} // namespace

const CategoryDescription& memoryCategory() {
  static const CategoryDescription d{Category::Memory,
                                     "memory",
                                     1,
                                     {{"module_gb", 1, 256, "GB"},
                                      {"kit_modules", 1, 16, "modules"},
                                      {"height_mm", 20, 80, "mm"},
                                      {"length_mm", 100, 160, "mm"},
                                      {"thickness_mm", 1, 20, "mm"},
                                      {"power_w", 0.1, 30, "W"}},
                                     {"type", "kit"},
                                     read,
                                     shapes,
                                     power,
                                     {0x6a, 0x1b, 0x9a},
                                     {{"type", "type", {"DDR4", "DDR5"}},
                                      {"kit", "kit (e.g. 2x16 GB)"},
                                      {"module_gb", "one module (GB)"},
                                      {"kit_modules", "modules in the kit"},
                                      {"length_mm", "length (mm)"},
                                      {"thickness_mm", "thickness (mm)"},
                                      {"height_mm", "height (mm)", {}, false}},
                                     "RAM",
                                     fromOpenDb,
                                     {MountKind::DimmSlot}};
  return d;
}

} // namespace rigfit
