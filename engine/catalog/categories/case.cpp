// A case: its interior, panels and published limits, the board tray, the PSU bay, and the places
// for fans, radiators and drives.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/opendb_row.hpp"
#include "catalog/shape_kit.hpp"
#include "catalog/shapes.hpp"
#include "catalog/solid_names.hpp"
#include "catalog/standards.hpp"

#include <algorithm>
#include <cassert>
#include <map>

namespace rigfit {
namespace {

using namespace json_read;
using namespace shape_kit;
using nlohmann::json;

// A PSU shroud's top plate: sheet steel about 1 mm thick. Its thickness only sets the solid's
// underside; every measure is taken from its top face.
constexpr double kShroudSheetMm = 1.0;
// Where the side panel is drawn when the case publishes neither its cooler limit nor its width:
// a picture only (no solid, no check measures it), wide enough to show a tower cooler.
constexpr double kUnknownSideDrawnMm = 180.0;
// A case panel with its frame, for an interior taken from outside dimensions: about 10 mm.
// ESTIMATE, as in the curated cases' estimates.
constexpr double kWallEstimateMm = 10.0;

// A fan or radiator place's pose: origin at the centre of its face (the panel's inner face, or
// `inset` inside it), +Z into the case, +X along the panel (up on the front and rear, toward the
// front on the top and bottom), which is the way a radiator's length runs. Right-handed.
Pose panelPlacePose(const PanelPlace& m, double D, double H) {
  Pose X;
  if (m.panel == "front")
    X.R = geo::Mat3(Vec3(0, 1, 0), Vec3(0, 0, -1), Vec3(-1, 0, 0)), X.t = {D, m.a, m.b};
  else if (m.panel == "rear")
    X.R = geo::Mat3(Vec3(0, 1, 0), Vec3(0, 0, 1), Vec3(1, 0, 0)), X.t = {0, m.a, m.b};
  else if (m.panel == "top")
    X.R = geo::Mat3(Vec3(1, 0, 0), Vec3(0, 0, 1), Vec3(0, -1, 0)), X.t = {m.a, H, m.b};
  else if (m.panel == "bottom")
    X.R = geo::Mat3(Vec3(1, 0, 0), Vec3(0, 0, -1), Vec3(0, 1, 0)), X.t = {m.a, 0, m.b};
  else
    assert(false && "the reader admits only front, rear, top and bottom");
  X.t = X.t + X.R * Vec3(0, 0, m.inset);
  return X;
}

// A drive bay's pose: the drive lies flat (+Z up), its length toward the front (+Y part = +X
// case) and its width across the case (+X part = +Z case).
Pose driveBayPose(const DriveBayPlace& b) {
  Pose X;
  X.R = geo::Mat3(Vec3(0, 0, 1), Vec3(1, 0, 0), Vec3(0, 1, 0));
  X.t = {b.x, b.y, b.z};
  return X;
}

void read(FigureReader& r, const json& j, Part& part) {
  CaseInfo c;
  c.formFactors = r.list("form_factors");
  int positions = 0;
  for (const std::string& f : c.formFactors) {
    const standard::FormFactor* ff = standard::formFactor(f);
    if (!ff)
      fail("/figures/form_factors/value",
           "each must be ATX, microATX, Mini-ITX or E-ATX (got \"" + f + "\")");
    positions = std::max(positions, ff->slotPositions);
  }
  c.openings = r.count("expansion_slots");
  // Every slot of the largest board it takes needs an opening.
  if (c.openings < positions)
    fail("/figures/expansion_slots/value", std::to_string(c.openings) +
                                               " openings cannot serve a board with " +
                                               std::to_string(positions) + " slot positions");
  c.maxGpuLengthMm = r.optional("max_gpu_length_mm");
  c.maxCoolerMm = r.optional("max_cpu_cooler_mm");
  c.maxPsuLengthMm = r.optional("max_psu_length_mm");
  c.fansW = r.optional("fans_w");
  r.number("interior_depth_mm");
  r.number("interior_height_mm");
  r.number("board_top_mm");
  if (r.has("psu_centre_z_mm")) r.number("psu_centre_z_mm"); // absent: its place is unknown
  // A case that does not say which PSU form factors it takes: any goes in, not checked.
  if (r.has("psu_form_factors")) c.psuFormFactors = r.list("psu_form_factors");
  // A shroud over the PSU is a solid where its height and depth are given (or estimated).
  bool shroud = r.flag("psu_shroud").value_or(false);
  if (r.has("psu_shroud_height_mm") != r.has("psu_shroud_depth_mm"))
    fail("/figures/psu_shroud_height_mm",
         "give both psu_shroud_height_mm and psu_shroud_depth_mm, or neither");
  if (r.has("psu_shroud_height_mm") && !shroud)
    fail("/figures/psu_shroud_height_mm", "needs \"psu_shroud\": true");
  if (r.has("psu_shroud_height_mm") && r.number("psu_shroud_height_mm") >= r.number("board_top_mm"))
    fail("/figures/psu_shroud_height_mm/value", "the shroud would stand above the board's top");
  if (r.has("drive_bays_3_5in")) r.count("drive_bays_3_5in");
  if (r.has("drive_bays_2_5in")) r.count("drive_bays_2_5in");
  c.sideKnown = c.maxCoolerMm || r.has("interior_width_mm");
  if (r.number("board_top_mm") > r.number("interior_height_mm"))
    fail("/figures/board_top_mm/value", "the board's top edge is above the interior's top");
  part.chassis = c;
  readCasePlaces(j, part);
}

void shapes(Part& p) {
  const CaseInfo& c = *p.chassis;
  double D = fig(p, "interior_depth_mm"), H = fig(p, "interior_height_mm");
  double boardTop = fig(p, "board_top_mm");
  double boardSurface = st::kStandoffMm + st::kBoardThicknessMm;
  CaseInfo& info = *p.chassis;
  info.sidePanelZ = sidePanelZ(p);
  std::vector<std::string> sideEst = c.maxCoolerMm ? p.estimatedAmong({"max_cpu_cooler_mm"})
                                                   : p.estimatedAmong({"interior_width_mm"});
  double Z = info.sidePanelZ;
  auto dims = p.estimatedAmong({"interior_depth_mm", "interior_height_mm"});
  addDatum(p, solid::kTray, box(0, D, 0, H, -kWall, 0), dims);
  addDatum(p, solid::kFloor, box(0, D, -kWall, 0, -kWall, Z), dims);
  add(p, solid::kTopPanel, SolidRole::Body, box(0, D, H, H + kWall, -kWall, Z), dims);
  addDatum(p, solid::kRearPanel, box(-kWall, 0, 0, H, -kWall, Z), dims);
  add(p, solid::kFrontPanel, SolidRole::Body, box(D, D + kWall, 0, H, -kWall, Z), dims);
  if (c.sideKnown)
    add(p, solid::kSidePanel, SolidRole::Body, box(0, D, 0, H, Z, Z + kWall), sideEst);
  addLimitSolids(p, p.solids, Options{});
  if (p.figures.count("psu_shroud_height_mm")) {
    // The shroud's top plate, from the rear panel forward, tray to side panel: what a card that
    // hangs below the board meets. The PSU stands under it.
    double top = fig(p, "psu_shroud_height_mm"), depth = fig(p, "psu_shroud_depth_mm");
    add(p, solid::kPsuShroud, SolidRole::Body,
        box(0, std::min(depth, D), top - kShroudSheetMm, top, 0, Z),
        p.estimatedAmong({"psu_shroud_height_mm", "psu_shroud_depth_mm"}));
  }

  // The board's frame: +X down (-Y case), +Y toward the front (+X case), +Z toward the window.
  Pose X_CB;
  X_CB.R = geo::Mat3(Vec3(0, -1, 0), Vec3(1, 0, 0), Vec3(0, 0, 1));
  X_CB.t = Vec3(0.0, boardTop, boardSurface);
  Mount tray = makeMount("tray", MountKind::Tray, X_CB, c.formFactors, {solid::kTray});
  tray.estimates = plus(p.estimatedAmong({"board_top_mm"}), {kStandoffEstimate});
  p.mounts.push_back(tray);
  // A case whose PSU place is not modelled (a PSU at the front, at the top, or in a chamber
  // behind the tray) still takes one: its form factor and length are checked, not its place.
  const bool psuPlaced = p.figures.count("psu_centre_z_mm") > 0;
  const bool psuFormsKnown = p.figures.count("psu_form_factors") > 0;
  Mount bay = makeMount(
      "psu_bay", MountKind::PsuBay,
      Pose::translation({0, 0, psuPlaced ? fig(p, "psu_centre_z_mm") : 0.0}),
      psuFormsKnown ? c.psuFormFactors : std::vector<std::string>{"ATX", "SFX", "SFX-L"}, {});
  bay.acceptsUnknown = !psuFormsKnown;
  bay.maxLengthMm = c.maxPsuLengthMm.value_or(0.0);
  bay.estimates = p.estimatedAmong({"psu_centre_z_mm"});
  bay.unplaced = !psuPlaced;
  p.mounts.push_back(bay);
  static const std::map<std::string, std::string> panelSolid = {{"front", solid::kFrontPanel},
                                                                {"rear", solid::kRearPanel},
                                                                {"top", solid::kTopPanel},
                                                                {"bottom", solid::kFloor}};
  auto addPlaces = [&](const std::vector<PanelPlace>& places, MountKind kind,
                       const std::vector<std::string>& estimates) {
    for (const PanelPlace& f : places) {
      std::vector<std::string> sizes;
      for (int s : f.sizes)
        sizes.push_back(std::to_string(s));
      // A place set inside the panel rests on brackets that are not drawn, not on the panel.
      std::vector<std::string> mates;
      if (f.inset == 0) mates.push_back(panelSolid.at(f.panel));
      Mount m = makeMount(f.name, kind, panelPlacePose(f, D, H), sizes, mates);
      m.estimates = estimates;
      p.mounts.push_back(m);
    }
  };
  addPlaces(c.fanMounts, MountKind::FanMount, c.fanMountEstimates);
  addPlaces(c.radiatorMounts, MountKind::RadiatorMount, c.radiatorMountEstimates);
  for (const CaseRemovable& r : c.removables)
    p.options.push_back(
        {removedOption(r.name), r.what + " taken out", 0, 1, "", r.estimates, true});
  for (const DriveBayPlace& b : c.driveBays) {
    Mount m = makeMount(b.name, MountKind::DriveBay, driveBayPose(b), b.sizes, {});
    m.estimates = c.driveBayEstimates;
    p.mounts.push_back(m);
  }
}

PowerUse power(const Part& p) {
  return {PowerUse::Kind::Figure, p.chassis->fansW, "fans_w"};
}

// A front panel and its fans before a case's published GPU limit, where the row has no depth:
// 25 mm fans and a 5 mm panel. ESTIMATE, a typical front, not from the row.
constexpr double kFrontBeyondGpuLimitMm = 30.0;
// Height left over a board and an ATX PSU in a case whose height is unknown: 40 mm. ESTIMATE.
constexpr double kSpareHeightMm = 40.0;

// BuildCores OpenDB's PCCase rows: board form factors, expansion openings, GPU and cooler limits
// and (for about a third) outside dimensions. Where the row has no dimensions the interior is
// built around what it takes (the published GPU length, the largest board over an ATX PSU), and
// a case with neither a cooler limit nor a width has no measured side panel. No PSU place, PSU
// length or fan and radiator places: those checks say "not checked".
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Case);
  json forms = json::array();
  double boardLength = 0; // the largest board's length, its rear-edge side, standing upright
  for (const std::string& f : opendb::texts(row, "supported_motherboard_form_factors"))
    if (std::string name = opendb::boardFormFactor(f); !name.empty()) {
      forms.push_back(name);
      boardLength = std::max(boardLength, standard::formFactor(name)->widthMm);
    }
  if (forms.empty())
    return why = "no board form factor rigfit models (ATX, microATX, Mini-ITX, E-ATX)", false;
  w.sourced("form_factors", forms);
  std::optional<double> openings = opendb::positive(row, "expansion_slots");
  if (!openings) return why = "no expansion slot count", false;
  w.sourced("expansion_slots", *openings);
  std::optional<double> gpu = opendb::positive(row, "max_video_card_length");
  std::optional<double> cooler = opendb::positive(row, "max_cpu_cooler_height");
  if (gpu) w.sourced("max_gpu_length_mm", *gpu);
  if (cooler) w.sourced("max_cpu_cooler_mm", *cooler);
  const json& dims = opendb::object(row, "dimensions_mm");
  std::optional<double> depth = opendb::positive(dims, "depth");
  std::optional<double> height = opendb::positive(dims, "height");
  std::optional<double> width = opendb::positive(dims, "width");
  if (depth) w.sourced("external_depth_mm", *depth);
  if (height) w.sourced("external_height_mm", *height);
  if (width) w.sourced("external_width_mm", *width);
  // The published GPU limit is the room a card has: the interior is never shorter than it.
  if (depth && (!gpu || *depth - 2 * kWallEstimateMm >= *gpu))
    w.estimated("interior_depth_mm", *depth - 2 * kWallEstimateMm,
                "external depth " + shortNumber(*depth) +
                    " mm less about 10 mm for each of the front and rear panels; not measured");
  else if (gpu)
    w.estimated("interior_depth_mm", *gpu + kFrontBeyondGpuLimitMm,
                "the published GPU length " + shortNumber(*gpu) +
                    " mm plus 30 mm for a front panel with 25 mm fans (typical; " +
                    (depth ? "the row's outside depth is less than its GPU length allows"
                           : "the row has no dimensions") +
                    ")");
  else
    return why = "neither dimensions nor a GPU length: the interior's depth is unknown", false;
  const double psuSpare = standard::kAtxPsuHeightMm;
  double H = 0;
  // A height that cannot hold the largest board upright over a PSU is a desktop case, or the
  // row's dimensions in another order: it is not used.
  const bool heightUsable = height && *height - 2 * kWallEstimateMm >= boardLength + psuSpare;
  if (heightUsable) {
    H = *height - 2 * kWallEstimateMm;
    w.estimated("interior_height_mm", H,
                "external height " + shortNumber(*height) +
                    " mm less about 10 mm each for the top panel and the floor; not measured");
  } else {
    H = boardLength + psuSpare + kSpareHeightMm;
    w.estimated("interior_height_mm", H,
                std::string(height ? "the row's height (" + shortNumber(*height) +
                                         " mm) cannot hold the largest board it takes upright "
                                         "over a PSU, so it is not used"
                                   : "the row has no dimensions") +
                    ": the largest board it takes (" + shortNumber(boardLength) +
                    " mm) over an ATX PSU (86 mm) with 40 mm to spare (typical, not measured)");
  }
  double spare = std::max(0.0, H - psuSpare - boardLength);
  w.estimated("board_top_mm", H - spare / 2,
              "the interior's spare height over an 86 mm PSU and the largest board it takes, "
              "split evenly above and below the board; where the board sits is not published");
  // No side panel from the outside width: in a dual-chamber case (PSU and drives behind the
  // tray) the width says little about the room over the board, and a guess would let a cooler
  // "fit" that does not. Without a cooler limit, the side panel is unknown.
  // The row's PSU form factors as it names them (Flex ATX and TFX too: an ATX unit does not
  // go there); a row that names none leaves the PSU's form factor unchecked.
  json psus = json::array();
  for (const std::string& f : opendb::texts(row, "supported_power_supply_form_factors"))
    psus.push_back(f);
  if (!psus.empty()) w.sourced("psu_form_factors", psus);
  if (std::optional<double> n = opendb::positive(row, "internal_3_5_bays"))
    w.sourced("drive_bays_3_5in", *n);
  if (std::optional<double> n = opendb::positive(row, "internal_2_5_bays"))
    w.sourced("drive_bays_2_5in", *n);
  spec = std::move(w.spec());
  return true;
}

} // namespace

// The case's published limits as surfaces, with the pieces the options take out taken out.
void shape_kit::addLimitSolids(const Part& p, std::vector<Solid>& out, const Options& options) {
  const CaseInfo& c = *p.chassis;
  double D = fig(p, "interior_depth_mm"), H = fig(p, "interior_height_mm");
  double Z = c.sidePanelZ;
  using Limit = CaseLimit;
  Limit gpu = caseLengthLimit(p, Category::Gpu, options);
  Limit psu = caseLengthLimit(p, Category::Psu, options);
  auto push = [&](const char* name, Aabb b, const Limit& l, Category limits) {
    out.push_back({name, SolidRole::Limit, b, false, false, l.estimates, limits, l.condition});
  };
  // Whatever stands in front of the cards (front panel, fans, cages) begins at the published
  // GPU length, measured from the slot plane at x = 0. A limit is a plane: its surface reaches
  // a wall's depth every other way too, so that a part far past it is measured back along x,
  // not out of its side.
  if (gpu.mm && *gpu.mm < D)
    push(solid::kGpuLengthLimit, box(*gpu.mm, D + kWall, -kWall, H + kWall, -kWall, Z + kWall), gpu,
         Category::Gpu);
  // A PSU whose place is not modelled is measured against its limit as a figure, not a surface.
  if (psu.mm && *psu.mm < D && p.figures.count("psu_centre_z_mm"))
    push(solid::kPsuBayEnd, box(*psu.mm, D + kWall, -kWall, H + kWall, -kWall, Z + kWall), psu,
         Category::Psu);
}

CaseLimit caseLengthLimit(const Part& chassis, Category of, const Options& options) {
  const CaseInfo& c = *chassis.chassis;
  const bool gpu = of == Category::Gpu;
  const char* figure = gpu ? "max_gpu_length_mm" : "max_psu_length_mm";
  CaseLimit l{gpu ? c.maxGpuLengthMm : c.maxPsuLengthMm,
              gpu ? chassis.estimatedAmong({figure})
                  : chassis.estimatedAmong({figure, "psu_centre_z_mm"}),
              ""};
  for (const CaseRemovable& r : c.removables) {
    auto it = options.find(removedOption(r.name));
    if (it != options.end() && it->second == 1.0) continue; // taken out: its limit with it
    const std::optional<double>& by = gpu ? r.maxGpuLengthMm : r.maxPsuLengthMm;
    if (!by || (l.mm && *l.mm <= *by)) continue;
    l.mm = by;
    l.condition = "with " + r.what + " in";
    l.estimates = r.estimates;
    if (!r.estimates.empty()) l.estimates.push_back(r.name + " " + figure);
  }
  return l;
}

double sidePanelZ(const Part& chassis) {
  const CaseInfo& c = *chassis.chassis;
  // The published cooler limit is measured from the board's component surface.
  if (c.maxCoolerMm) return st::kStandoffMm + st::kBoardThicknessMm + *c.maxCoolerMm;
  if (chassis.figures.count("interior_width_mm")) return fig(chassis, "interior_width_mm");
  return kUnknownSideDrawnMm;
}

const CategoryDescription& caseCategory() {
  static const CategoryDescription d{Category::Case,
                                     "case",
                                     1,
                                     {{"expansion_slots", 1, 12, "openings"},
                                      {"max_gpu_length_mm", 100, 600, "mm"},
                                      {"max_cpu_cooler_mm", 20, 250, "mm"},
                                      {"max_psu_length_mm", 80, 400, "mm"},
                                      {"interior_depth_mm", 150, 1000, "mm"},
                                      {"interior_height_mm", 150, 1000, "mm"},
                                      {"interior_width_mm", 50, 600, "mm"},
                                      {"board_top_mm", 150, 1000, "mm"},
                                      {"psu_centre_z_mm", -200, 400, "mm"},
                                      {"fans_w", 0, 200, "W"},
                                      {"external_depth_mm", 150, 1000, "mm"},
                                      {"external_width_mm", 50, 600, "mm"},
                                      {"external_height_mm", 150, 1000, "mm"},
                                      {"drive_bays_3_5in", 0, 20, "bays"},
                                      {"drive_bays_2_5in", 0, 20, "bays"},
                                      {"psu_shroud_height_mm", 20, 300, "mm"},
                                      {"psu_shroud_depth_mm", 50, 1000, "mm"}},
                                     {"form_factors", "psu_form_factors", "psu_shroud"},
                                     read,
                                     shapes,
                                     power,
                                     {0xbd, 0xbd, 0xbd},
                                     {},
                                     "PCCase",
                                     fromOpenDb};
  return d;
}

} // namespace rigfit
