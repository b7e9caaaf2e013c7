// A CPU cooler: a tower (a base under an overhang), a top-flow cooler or an all-in-one's pump.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/opendb_row.hpp"
#include "catalog/shape_kit.hpp"
#include "catalog/solid_names.hpp"

#include <algorithm>

namespace rigfit {
namespace {

using namespace json_read;
using namespace shape_kit;
using nlohmann::json;

// A tower's front fan raised over tall memory lifts the cooler's top by as much: the fan is
// taken to sit flush with the fin stack's top before it is raised. ESTIMATE (a rule of thumb).
const char* kRaisedFanEstimate = "a raised fan's top rises with it (fan taken flush with the fins)";
// Width of a tower cooler's base and heat-pipe bundle under its fins: about 60 mm square for
// the common 4-6 pipe towers, centred on the socket. ESTIMATE (a rule of thumb, not from a
// standard: no maker in the sources read gives it).
constexpr double kTowerBaseMm = 60.0;
const char* kTowerBaseEstimate = "tower base 60 mm square, centred on the socket (rule of thumb)";
// Where a tower's maker gives no RAM clearance, its fins and fans are taken to begin this high
// above the board. ESTIMATE: towers are built to clear standard-height modules (JEDEC DDR4,
// 31.25 mm, reference A7), and the lowest clearance found for a tower in the sources read is
// 32 mm (Noctua NH-D15 G2 in dual-fan mode, second-hand copy of noctua.at); be quiet! gives
// 40 mm for the Dark Rock Pro 4. Memory taller than 32 mm under an unpublished tower is a
// verdict that rests on this figure, and says so; its band runs up to the highest clearance the
// catalog has sourced (catalog/ranges.cpp).
constexpr double kTowerOverhangMm = 32.0;
const char* kTowerOverhangEstimate =
    "ram_clearance_mm (not published: 32 mm taken, just over a standard 31.25 mm module)";

void read(FigureReader& r, const json&, Part& part) {
  CoolerInfo c;
  c.sockets = r.list("sockets");
  c.heightMm = r.optional("height_mm");
  if (r.has("footprint_x_mm") != r.has("footprint_y_mm"))
    fail("/figures/footprint_x_mm", "give both footprint_x_mm and footprint_y_mm, or neither");
  std::string type = r.has("type") ? r.text("type") : "";
  if (!type.empty() && type != "tower" && type != "top_flow" && type != "aio_pump")
    fail("/figures/type/value",
         "must be \"tower\", \"top_flow\" or \"aio_pump\" (got \"" + type + "\")");
  // A published RAM clearance is a tower's figure.
  c.tower = type == "tower" || (type.empty() && r.has("ram_clearance_mm"));
  if (r.has("ram_clearance_mm") && !c.tower)
    fail("/figures/ram_clearance_mm",
         "only a tower cooler has a RAM clearance (type is " + type + ")");
  if (r.has("fan_raise_max_mm") && !c.tower)
    fail("/figures/fan_raise_max_mm", "only a tower cooler's front fan can be raised over the "
                                      "memory (give \"type\": \"tower\")");
  if (r.has("radiator")) c.radiator = r.text("radiator");
  part.cooler = c;
  part.needs = MountKind::CoolerMount;
}

void shapes(Part& p) {
  const CoolerInfo& c = *p.cooler;
  if (!c.heightMm || !p.figures.count("footprint_x_mm")) return; // checks say "not checked"
  double fx = fig(p, "footprint_x_mm"), fy = fig(p, "footprint_y_mm");
  auto est = p.estimatedAmong({"height_mm", "footprint_x_mm", "footprint_y_mm"});
  if (!c.tower) {
    add(p, solid::kBody, SolidRole::Body, box(-fx / 2, fx / 2, -fy / 2, fy / 2, 0, *c.heightMm),
        est);
    return;
  }
  // A tower: fins and fans overhang from the RAM clearance up; below it only the base and heat
  // pipes stand, over the socket.
  const bool published = p.figures.count("ram_clearance_mm") > 0;
  double clear = published ? fig(p, "ram_clearance_mm") : kTowerOverhangMm;
  // The estimate joins the part's figures, so `parts show` and the report list it with its
  // reason like any other.
  if (!published)
    p.figures["ram_clearance_mm"] = Figure{
        kTowerOverhangMm,
        "",
        "not published: taken as 32 mm, just over a standard 31.25 mm module (JEDEC DDR4): towers "
        "are built to clear standard-height memory, and the lowest clearance found for a tower in "
        "the sources read is 32 mm (Noctua NH-D15 G2, dual fan, second-hand copy of noctua.at)",
        std::nullopt,
        std::nullopt,
        ""};
  std::vector<std::string> clearEst = published ? p.estimatedAmong({"ram_clearance_mm"})
                                                : std::vector<std::string>{kTowerOverhangEstimate};
  add(p, solid::kBody, SolidRole::Body, box(-fx / 2, fx / 2, -fy / 2, fy / 2, clear, *c.heightMm),
      plus(est, clearEst));
  double bx = std::min(fx, kTowerBaseMm), by = std::min(fy, kTowerBaseMm);
  add(p, solid::kBase, SolidRole::Body, box(-bx / 2, bx / 2, -by / 2, by / 2, 0, clear),
      plus(plus(est, clearEst), {kTowerBaseEstimate}));
  if (p.figures.count("fan_raise_max_mm"))
    p.options.push_back({kFanRaiseOption, "front fan raised", 0, fig(p, "fan_raise_max_mm"), "mm",
                         plus(p.estimatedAmong({"fan_raise_max_mm"}), {kRaisedFanEstimate})});
}

// Its fan is counted in the board's allowance.
PowerUse power(const Part&) {
  return {};
}

// A down-draught cooler stands lower than this; a tower at least this tall. A rule of thumb
// from the catalog's coolers (top-flow 58 to 93 mm, towers 155 mm and more), not from the row.
constexpr double kTowerFromMm = 110.0;
// A cooler's fan when the row gives none: 120 mm, the commonest size. ESTIMATE.
constexpr double kUsualFanMm = 120.0;

// BuildCores OpenDB's CPUCooler rows: sockets, height (two rows in three), fan size (one in
// seven), water-cooled or not. Air coolers are towers or down-draught coolers by their height
// and as wide and deep as their fan (estimates that say so); a water cooler is its pump, whose
// height the row does not give (its "height" may be the radiator's), so it is not measured.
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Cooler);
  json sockets = json::array();
  for (const std::string& s : opendb::texts(row, "cpu_sockets"))
    sockets.push_back(opendb::socketName(s));
  if (sockets.empty()) return why = "no CPU sockets", false;
  w.sourced("sockets", sockets);
  auto water = row.find("water_cooled");
  if (water != row.end() && water->is_boolean() && water->get<bool>()) {
    w.estimated("type", "aio_pump",
                "the row says water-cooled: the pump block over the CPU; its height is not in "
                "the row (its height figure may be the radiator's), so it is not measured");
    spec = std::move(w.spec());
    return true;
  }
  std::optional<double> height = opendb::positive(row, "height");
  if (!height) {
    spec = std::move(w.spec()); // sockets only: every clearance check says "not checked"
    return true;
  }
  w.sourced("height_mm", *height);
  const bool tower = *height >= kTowerFromMm;
  w.estimated("type", tower ? "tower" : "top_flow",
              std::string(tower ? "a tower" : "a down-draught (top-flow) cooler") +
                  ", from its height: the catalog's towers stand 155 mm and more, its "
                  "down-draught coolers 93 mm and less (rule of thumb, not in the row)");
  if (tower) w.drawnWith("meshes/tower-cooler.obj");
  std::optional<double> fan = opendb::positive(row, "fan_size");
  std::string how = fan ? "its fan's " + shortNumber(*fan) + " mm from the row"
                        : std::string("a 120 mm fan, the commonest (the row gives no fan size)");
  w.estimated("footprint_x_mm", fan.value_or(kUsualFanMm),
              "as wide as its fan: " + how + "; the cooler's own footprint is not in the row");
  w.estimated("footprint_y_mm", fan.value_or(kUsualFanMm),
              "as deep as its fan is wide: " + how +
                  "; a tower's depth varies (one fan or two), not in the row");
  spec = std::move(w.spec());
  return true;
}

} // namespace

const CategoryDescription& coolerCategory() {
  static const CategoryDescription d{
      Category::Cooler,
      "cooler",
      1,
      {{"height_mm", 20, 250, "mm"},
       {"footprint_x_mm", 30, 250, "mm"},
       {"footprint_y_mm", 30, 250, "mm"},
       {"ram_clearance_mm", 10, 120, "mm"},
       {"fan_raise_max_mm", 1, 60, "mm"}},
      {"sockets", "radiator", "type"},
      read,
      shapes,
      power,
      {0x90, 0xa4, 0xae},
      {{"sockets", "sockets (e.g. AM4, LGA1700)", {}, true, true},
       {"height_mm", "height (mm)", {}, false},
       {"footprint_x_mm", "footprint along the board's long edge (mm)", {}, false},
       {"footprint_y_mm", "footprint toward the memory (mm)", {}, false},
       {"ram_clearance_mm", "RAM clearance under the fins (mm)", {}, false}},
      "CPUCooler",
      fromOpenDb,
      {MountKind::CoolerMount}};
  return d;
}

} // namespace rigfit
