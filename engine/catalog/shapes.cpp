#include "catalog/shapes.hpp"

#include "catalog/standards.hpp"

#include <algorithm>
#include <cassert>
#include <map>
#include <set>

namespace rigfit {
namespace {

using geo::Aabb;
using geo::Pose;
using geo::Vec3;
namespace st = standard;

Aabb box(double x0, double x1, double y0, double y1, double z0, double z1) {
  return Aabb::fromCorners({x0, y0, z0}, {x1, y1, z1});
}

void add(Part& p, std::string name, SolidRole role, Aabb b, std::vector<std::string> est,
         bool soft = false) {
  p.solids.push_back({std::move(name), role, b, soft, false, std::move(est), std::nullopt, ""});
}

void addDatum(Part& p, std::string name, Aabb b, std::vector<std::string> est) {
  p.solids.push_back(
      {std::move(name), SolidRole::Body, b, false, true, std::move(est), std::nullopt, ""});
}

std::vector<std::string> plus(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Mount makeMount(std::string name, MountKind kind, const Pose& X_PM,
                std::vector<std::string> accepts, std::vector<std::string> mates) {
  Mount m;
  m.name = std::move(name);
  m.kind = kind;
  m.X_PM = X_PM;
  m.accepts = std::move(accepts);
  m.mates = std::move(mates);
  return m;
}

double fig(const Part& p, const char* name) {
  return p.figures.at(name).value;
}

// Space an 8-pin plug and its bend need above a card's top edge. ESTIMATE: the housing stands
// about 15 mm and a cable bends within about 20 mm more; not from a standard.
constexpr double kPowerPlugSpaceMm = 35.0;
// Length along the card's edge that one power plug needs: an 8-pin housing is about 21 mm
// long, and 24 mm leaves room to grip its latch. ESTIMATE.
constexpr double kPowerPlugRunMm = 24.0;
// Air an open-air cooler's fans need in front of them: one empty slot, the usual advice for
// open-air cards stacked in a tower (a rule of thumb, not a measurement).
constexpr double kFanIntakeMm = st::kSlotPitchMm;
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
// verdict that rests on this figure, and says so.
constexpr double kTowerOverhangMm = 32.0;
const char* kTowerOverhangEstimate =
    "ram_clearance_mm (not published: 32 mm taken, just over a standard 31.25 mm module)";
// Panels are solids a metre thick: only their inner faces are real, and the thickness makes an
// overlap's least separating move always the one back through that face (a thin wall would cap
// a 30 mm intrusion at its own thickness). Limit surfaces are as deep.
constexpr double kWall = 1000.0;
// A PSU shroud's top plate: sheet steel about 1 mm thick. Its thickness only sets the solid's
// underside; every measure is taken from its top face.
constexpr double kShroudSheetMm = 1.0;
// Default card height when a card's spec has none: the CEM full-height maximum (reference A5).
constexpr double kFullHeightCardMm = 111.15;

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

// The case's published limits as surfaces, with the pieces the options take out taken out.
void addLimitSolids(const Part& p, std::vector<Solid>& out, const Options& options) {
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
    push("gpu_length_limit", box(*gpu.mm, D + kWall, -kWall, H + kWall, -kWall, Z + kWall), gpu,
         Category::Gpu);
  // A PSU whose place is not modelled is measured against its limit as a figure, not a surface.
  if (psu.mm && *psu.mm < D && p.figures.count("psu_centre_z_mm"))
    push("psu_bay_end", box(*psu.mm, D + kWall, -kWall, H + kWall, -kWall, Z + kWall), psu,
         Category::Psu);
}

void caseShapes(Part& p) {
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
  addDatum(p, "tray", box(0, D, 0, H, -kWall, 0), dims);
  addDatum(p, "floor", box(0, D, -kWall, 0, -kWall, Z), dims);
  add(p, "top_panel", SolidRole::Body, box(0, D, H, H + kWall, -kWall, Z), dims);
  addDatum(p, "rear_panel", box(-kWall, 0, 0, H, -kWall, Z), dims);
  add(p, "front_panel", SolidRole::Body, box(D, D + kWall, 0, H, -kWall, Z), dims);
  add(p, "side_panel", SolidRole::Body, box(0, D, 0, H, Z, Z + kWall), sideEst);
  addLimitSolids(p, p.solids, Options{});
  if (p.figures.count("psu_shroud_height_mm")) {
    // The shroud's top plate, from the rear panel forward, tray to side panel: what a card that
    // hangs below the board meets. The PSU stands under it.
    double top = fig(p, "psu_shroud_height_mm"), depth = fig(p, "psu_shroud_depth_mm");
    add(p, "psu_shroud", SolidRole::Body,
        box(0, std::min(depth, D), top - kShroudSheetMm, top, 0, Z),
        p.estimatedAmong({"psu_shroud_height_mm", "psu_shroud_depth_mm"}));
  }

  // The board's frame: +X down (-Y case), +Y toward the front (+X case), +Z toward the window.
  Pose X_CB;
  X_CB.R = geo::Mat3(Vec3(0, -1, 0), Vec3(1, 0, 0), Vec3(0, 0, 1));
  X_CB.t = Vec3(0.0, boardTop, boardSurface);
  Mount tray = makeMount("tray", MountKind::Tray, X_CB, c.formFactors, {"tray"});
  tray.estimates = plus(p.estimatedAmong({"board_top_mm"}), {kStandoffEstimate});
  p.mounts.push_back(tray);
  // A case whose PSU place is not modelled (a PSU at the front, at the top, or in a chamber
  // behind the tray) still takes one: its form factor and length are checked, not its place.
  const bool psuPlaced = p.figures.count("psu_centre_z_mm") > 0;
  Mount bay = makeMount("psu_bay", MountKind::PsuBay,
                        Pose::translation({0, 0, psuPlaced ? fig(p, "psu_centre_z_mm") : 0.0}),
                        c.psuFormFactors, {});
  bay.maxLengthMm = c.maxPsuLengthMm.value_or(0.0);
  bay.estimates = p.estimatedAmong({"psu_centre_z_mm"});
  bay.unplaced = !psuPlaced;
  p.mounts.push_back(bay);
  static const std::map<std::string, std::string> panelSolid = {
      {"front", "front_panel"}, {"rear", "rear_panel"}, {"top", "top_panel"}, {"bottom", "floor"}};
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

void radiatorShapes(Part& p) {
  const RadiatorInfo& r = *p.radiator;
  double l = r.lengthMm / 2, w = r.widthMm / 2;
  add(p, "body", SolidRole::Body, box(-l, l, -w, w, 0, r.thicknessMm),
      p.estimatedAmong({"length_mm", "width_mm", "thickness_mm"}));
  if (r.fanThicknessMm <= 0) return;
  // Its fans stack on it, inside or outside: either way the stack stands as deep from the place.
  double f = r.fanSizeMm * r.fanCount / 2, h = r.fanSizeMm / 2;
  add(p, "fans", SolidRole::Body,
      box(-f, f, -h, h, r.thicknessMm, r.thicknessMm + r.fanThicknessMm),
      p.estimatedAmong({"fan_size_mm", "fan_thickness_mm", "thickness_mm"}));
}

void fanShapes(Part& p) {
  const FanInfo& f = *p.fan;
  double h = f.sizeMm / 2;
  add(p, "body", SolidRole::Body, box(-h, h, -h, h, 0, f.thicknessMm),
      p.estimatedAmong({"size_mm", "thickness_mm"}));
}

void boardShapes(Part& p) {
  BoardInfo& b = *p.board;
  const standard::FormFactor* ff = standard::formFactor(b.formFactor);
  assert(ff && "the reader admits only known form factors");
  b.widthMm = ff->widthMm;
  b.depthMm = ff->depthMm;
  add(p, "pcb", SolidRole::Body, box(0, b.widthMm, 0, b.depthMm, -st::kBoardThicknessMm, 0), {});
  const BoardLayout& L = *p.boardLayout;
  for (const auto& s : L.pcie) {
    double line = st::kSlot1FromTopMm + (s.position - 1) * st::kSlotPitchMm;
    int idx = s.mechanical >= 16 ? 3 : s.mechanical >= 8 ? 2 : s.mechanical >= 4 ? 1 : 0;
    double len = st::kPcieConnectorLengthMm[idx];
    auto est = plus(L.pcieEstimates, {kSlotLineEstimate});
    addDatum(p, "slot:" + s.name,
             box(line - st::kPcieConnectorWidthMm / 2, line + st::kPcieConnectorWidthMm / 2,
                 st::kPcieConnectorStartMm, st::kPcieConnectorStartMm + len, 0,
                 st::kPcieConnectorHeightMm),
             est);
    Mount m = makeMount(s.name, MountKind::PcieSlot, Pose::translation({line, 0, 0}),
                        {"x" + std::to_string(s.mechanical)}, {"slot:" + s.name});
    m.position = s.position;
    m.mechanical = s.mechanical;
    m.lanes = s.lanes;
    m.gen = s.gen;
    m.via = s.via;
    m.laneRules = s.laneRules;
    m.estimates = est;
    p.mounts.push_back(m);
  }
  for (const auto& d : L.dimms) {
    Mount m = makeMount(d.name, MountKind::DimmSlot, Pose::translation({L.dimmStartX, d.y, 0}),
                        {b.memoryType}, {});
    m.channel = d.channel;
    m.preferred = d.preferred;
    m.estimates = L.dimmEstimates;
    p.mounts.push_back(m);
  }
  for (const auto& s : L.m2s) {
    Mount m = makeMount(s.name, MountKind::M2Slot, Pose::translation({s.x, s.y, 0}), {s.key}, {});
    m.maxLengthMm = s.maxLength;
    m.lanes = s.lanes;
    m.gen = s.gen;
    m.via = s.via;
    m.estimates = L.m2Estimates;
    p.mounts.push_back(m);
  }
  Mount socket = makeMount("CPU", MountKind::CpuSocket,
                           Pose::translation({fig(p, "socket_x_mm"), fig(p, "socket_y_mm"), 0}),
                           {b.socket}, {});
  socket.estimates = p.estimatedAmong({"socket_x_mm", "socket_y_mm"});
  p.mounts.push_back(socket);
  if (p.figures.count("header_band_mm") && p.figures.count("header_plug_height_mm")) {
    // Front-panel, USB, fan and audio headers line the bottom edge; their plugs and the
    // cables that leave them downward need the band on both sides of the edge.
    double band = fig(p, "header_band_mm"), h = fig(p, "header_plug_height_mm");
    add(p, "bottom_header_plugs", SolidRole::Keepout,
        box(b.widthMm - band, b.widthMm + band, 0, b.depthMm, 0, h),
        p.estimatedAmong({"header_band_mm", "header_plug_height_mm"}), true);
  }
}

void gpuShapes(Part& p) {
  const GpuInfo& g = *p.gpu;
  std::vector<std::string> est =
      plus(p.estimatedAmong({"length_mm",
                             p.figures.count("thickness_mm") ? "thickness_mm" : "thickness_slots",
                             "height_mm"}),
           {kCardBackEstimate});
  double height = g.heightMm.value_or(kFullHeightCardMm);
  if (!g.heightMm) est.push_back("height_mm (not in the spec: CEM full-height 111.15 mm used)");
  double top = st::kCardFingersAboveBoardMm + height;
  double back = -st::kCardBackSideMm, front = back + g.thicknessMm;
  add(p, "body", SolidRole::Body, box(back, front, 0, g.lengthMm, st::kPcieConnectorHeightMm, top),
      est);
  if (g.powerPlugs && !g.powerPlugs->empty() && p.figures.count("power_plug_from_end_mm")) {
    double at = g.lengthMm - fig(p, "power_plug_from_end_mm");
    double run = kPowerPlugRunMm * static_cast<double>(g.powerPlugs->size());
    add(p, "power_plug", SolidRole::Keepout,
        box(0, st::kSlotPitchMm, std::max(0.0, at - run / 2), std::min(g.lengthMm, at + run / 2),
            top, top + kPowerPlugSpaceMm),
        plus(est, plus(p.estimatedAmong({"power_plug_from_end_mm"}),
                       {"power plug and bend space (35 mm, rule of thumb)"})),
        true);
  }
  if (!g.blower)
    add(p, "fan_intake", SolidRole::Airflow,
        box(front, front + kFanIntakeMm, 0, g.lengthMm, st::kPcieConnectorHeightMm, top), est);
}

void cpuShapes(Part& p) {
  double s = fig(p, "package_mm"), h = fig(p, "package_height_mm");
  add(p, "package", SolidRole::Body, box(-s / 2, s / 2, -s / 2, s / 2, 0, h),
      p.estimatedAmong({"package_mm", "package_height_mm"}));
  Mount m = makeMount("cooler", MountKind::CoolerMount, Pose{}, {p.cpu->socket}, {"package"});
  p.mounts.push_back(m);
}

void coolerShapes(Part& p) {
  const CoolerInfo& c = *p.cooler;
  if (!c.heightMm || !p.figures.count("footprint_x_mm")) return; // checks say "not checked"
  double fx = fig(p, "footprint_x_mm"), fy = fig(p, "footprint_y_mm");
  auto est = p.estimatedAmong({"height_mm", "footprint_x_mm", "footprint_y_mm"});
  if (!c.tower) {
    add(p, "body", SolidRole::Body, box(-fx / 2, fx / 2, -fy / 2, fy / 2, 0, *c.heightMm), est);
    return;
  }
  // A tower: fins and fans overhang from the RAM clearance up; below it only the base and heat
  // pipes stand, over the socket.
  const bool published = p.figures.count("ram_clearance_mm") > 0;
  double clear = published ? fig(p, "ram_clearance_mm") : kTowerOverhangMm;
  // The estimate joins the part's figures, so `parts show` and the report list it with its
  // reason like any other.
  if (!published)
    p.figures["ram_clearance_mm"] = {
        kTowerOverhangMm, "",
        "not published: taken as 32 mm, just over a standard 31.25 mm module (JEDEC DDR4): towers "
        "are built to clear standard-height memory, and the lowest clearance found for a tower in "
        "the sources read is 32 mm (Noctua NH-D15 G2, dual fan, second-hand copy of noctua.at)"};
  std::vector<std::string> clearEst = published ? p.estimatedAmong({"ram_clearance_mm"})
                                                : std::vector<std::string>{kTowerOverhangEstimate};
  add(p, "body", SolidRole::Body, box(-fx / 2, fx / 2, -fy / 2, fy / 2, clear, *c.heightMm),
      plus(est, clearEst));
  double bx = std::min(fx, kTowerBaseMm), by = std::min(fy, kTowerBaseMm);
  add(p, "base", SolidRole::Body, box(-bx / 2, bx / 2, -by / 2, by / 2, 0, clear),
      plus(plus(est, clearEst), {kTowerBaseEstimate}));
  if (p.figures.count("fan_raise_max_mm"))
    p.options.push_back({kFanRaiseOption, "front fan raised", 0, fig(p, "fan_raise_max_mm"), "mm",
                         plus(p.estimatedAmong({"fan_raise_max_mm"}), {kRaisedFanEstimate})});
}

void memoryShapes(Part& p) {
  const MemoryInfo& m = *p.memory;
  if (!m.heightMm) return;
  double len = fig(p, "length_mm"), t = fig(p, "thickness_mm");
  add(p, "body", SolidRole::Body, box(0, len, -t / 2, t / 2, 0, *m.heightMm),
      p.estimatedAmong({"height_mm", "length_mm", "thickness_mm"}));
}

void psuShapes(Part& p) {
  const PsuInfo& s = *p.psu;
  bool atx = s.formFactor == "ATX";
  double w = atx ? st::kAtxPsuWidthMm : st::kSfxPsuWidthMm;
  double h = atx ? st::kAtxPsuHeightMm : st::kSfxPsuHeightMm;
  auto est = p.estimatedAmong({"length_mm"});
  add(p, "body", SolidRole::Body, box(0, s.lengthMm, 0, h, -w / 2, w / 2), est);
  add(p, "cable_space", SolidRole::Keepout,
      box(s.lengthMm, s.lengthMm + kPsuCableSpaceMm, 0, h, -w / 2, w / 2),
      plus(est, {"cable space (30 mm, rule of thumb)"}), true);
}

void storageShapes(Part& p) {
  double len = fig(p, "length_mm"), w = fig(p, "width_mm"), t = fig(p, "thickness_mm");
  add(p, "body", SolidRole::Body, box(-w / 2, w / 2, 0, len, 0, t),
      p.estimatedAmong({"length_mm", "width_mm", "thickness_mm"}));
}

} // namespace

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
  return fig(chassis, "interior_width_mm");
}

std::vector<Solid> solidsWith(const Part& part, const Options& options) {
  std::vector<Solid> out = part.solids;
  if (part.chassis) {
    // Pieces taken out take their limits with them.
    if (options.empty()) return out;
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Solid& s) { return s.role == SolidRole::Limit; }),
              out.end());
    addLimitSolids(part, out, options);
    return out;
  }
  for (const auto& [name, value] : options) {
    const PartOption* o = part.option(name);
    assert(o && value >= o->min && value <= o->max);
    if (name != kFanRaiseOption || value == 0.0) continue;
    // A tower's overhang (its front fan over the memory) rises, and the base column under it
    // grows to meet it.
    for (Solid& s : out) {
      if (s.name == "body") s.box.lo.z += value, s.box.hi.z += value;
      if (s.name == "base") s.box.hi.z += value;
      if (s.name == "body" || s.name == "base")
        s.estimates.insert(s.estimates.end(), o->estimates.begin(), o->estimates.end());
    }
  }
  return out;
}

void buildShapes(Part& part) {
  switch (part.category) {
  case Category::Case:
    return caseShapes(part);
  case Category::Motherboard:
    return boardShapes(part);
  case Category::Gpu:
    return gpuShapes(part);
  case Category::Cpu:
    return cpuShapes(part);
  case Category::Cooler:
    return coolerShapes(part);
  case Category::Memory:
    return memoryShapes(part);
  case Category::Psu:
    return psuShapes(part);
  case Category::Storage:
    return storageShapes(part);
  case Category::Fan:
    return fanShapes(part);
  case Category::Radiator:
    return radiatorShapes(part);
  }
}

} // namespace rigfit
