#include "scene.hpp"

#include "catalog/solid_names.hpp"
#include "catalog/standards.hpp"
#include "draw/draw.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace rigfit::render {

glm::vec4 rgba(draw::Rgb c, float alpha) {
  return {c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha};
}

namespace {

// A failing overlap's region, a little larger than itself so that it shows through the two
// bodies it lies in.
constexpr double kOverlapInflateMm = 0.8;

// How the pictures that are not a part's solid are drawn. None is a figure a check measures:
// - a rear opening is the 12.06 x 89.90 mm cut-out per slot of the CEM bracket drawings
//   (reference A5), its window-side end level with a full-height card's top: the CEM
//   full-height 111.15 mm plus the 3.4 mm the card's fingers sit above the board (an estimate,
//   standards.hpp);
// - a free DIMM socket is drawn the standard module's 133.35 mm long (reference A7) and 6 mm
//   wide and tall, a picture's proportions, not measured;
// - a panel, the tray and the floor are half-spaces to the checks; each is drawn as a sheet
//   3 mm thick at the interior's face, a picture's thickness, not measured.
constexpr double kOpeningTallMm = 12.06, kOpeningLongMm = 89.90;
constexpr double kOpeningEndAboveBoardMm = 111.15 + standard::kCardFingersAboveBoardMm;
constexpr double kDimmSocketLongMm = 133.35, kDimmSocketSideMm = 6.0;
constexpr double kSheetMm = 3.0;
// Rings stand this far off the face they are drawn on, so the face does not hide them.
constexpr double kRingLiftMm = 0.5;

// A pose whose +Z is axis `axis` (0, 1 or 2) of `X`'s frame, with its origin at `at` in that
// frame; its X and Y the next two axes in turn, so it is a rotation.
geo::Pose facing(const geo::Pose& X, int axis, const glm::dvec3& at) {
  glm::dvec3 e[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  geo::Pose local;
  local.R = geo::Mat3(e[(axis + 1) % 3], e[(axis + 2) % 3], e[axis]);
  local.t = at;
  return X * local;
}

// The 3D scene as a sink of the build's draw commands: parts in their category's colour (from
// their meshes where they have usable ones), failing parts red, keep-outs as orange edges, the
// case as the edges of its interior so the inside shows, failing overlaps over everything.
class SceneSink : public draw::Sink {
public:
  SceneSink(Scene& scene, MeshLibrary* meshes, const SceneStyle& style)
      : s_(scene), meshes_(meshes), style_(style) {}

  void interior(const geo::Aabb& box) override {
    s_.bounds = box;
    interior_ = box;
    if (style_.showCase)
      s_.boxes.push_back({geo::Box::fromAabb(box), rgba(draw::palette::kCaseEdge), false});
  }
  void casePiece(const draw::SolidDraw& d) override {
    if (!style_.showCase) return;
    const std::string& name = d.solid.solid->name;
    // The panels, tray and floor are half-spaces to the checks (whatever lies beyond a panel
    // is outside the case); drawn, each is a sheet at the interior's face.
    geo::Aabb sheet = d.solid.bounds;
    sheet.lo = glm::max(sheet.lo, interior_.lo - kSheetMm);
    sheet.hi = glm::min(sheet.hi, interior_.hi + kSheetMm);
    const geo::Box box = geo::Box::fromAabb(sheet);
    if (name == solid::kSidePanel) {
      if (style_.sidePanel) s_.glass.push_back({box, rgba(draw::palette::kGlass, 0.07f)});
    } else if (name == solid::kPsuShroud) {
      s_.glass.push_back({box, rgba(draw::palette::kShroud, 0.55f)});
    } else {
      s_.glass.push_back({box, rgba(draw::palette::kPanel, 0.10f)});
    }
  }
  void part(const Placed& p, bool failing) override {
    // A mesh fits the part's own boxes; options (a raised fan) change those, so such a part is
    // drawn from its boxes.
    if (!meshes_ || !p.options.empty() || !p.placed) return;
    if (std::shared_ptr<const Mesh> m = meshes_->of(*p.part)) {
      s_.meshes.push_back({m, p.X_CP, colourOf(p, failing)});
      meshed_.insert(&p);
    }
  }
  void solid(const draw::SolidDraw& d) override {
    SolidRole role = d.solid.solid->role;
    if (role == SolidRole::Airflow || role == SolidRole::Limit) return;
    if (role == SolidRole::Body && meshed_.count(&d.part)) return;
    if (role == SolidRole::Keepout)
      s_.boxes.push_back({d.solid.box, rgba(draw::palette::kWarn), false});
    else
      s_.boxes.push_back({d.solid.box, colourOf(d.part, d.failing), true});
    if (role == SolidRole::Body && d.solid.solid->name == solid::kBody)
      fanRings(d.part, *d.solid.solid);
  }
  void mount(const draw::MountDraw& m) override {
    if (m.taken) return;
    const glm::dvec2 h = draw::placeFootprint(m.mount);
    if (m.mount.kind == MountKind::FanMount && style_.showCase && h.x > 0) {
      // A free fan place: a ring the size of the largest fan it takes.
      s_.rings.push_back(
          {facing(m.X_CM, 2, {0, 0, kRingLiftMm}), h.x, rgba(draw::palette::kAirflow)});
    } else if (m.mount.kind == MountKind::RadiatorMount && style_.showCase && h.x > 0) {
      // A free radiator place: the outline of the longest radiator it takes.
      s_.details.push_back(
          {geo::Box::fromAabb({{-h.x, -h.y, kRingLiftMm}, {h.x, h.y, kRingLiftMm + 1}}, m.X_CM),
           rgba(draw::palette::kAirflow), false});
    } else if (m.mount.kind == MountKind::PsuBay && style_.showCase && !m.mount.unplaced &&
               (m.mount.acceptsUnknown ||
                std::count(m.mount.accepts.begin(), m.mount.accepts.end(), "ATX"))) {
      // A free bay that takes ATX units: where an ATX12V unit (150 x 86 x 140 mm, reference A6)
      // would stand, in the PSU's frame (length along X, height along Y, width across Z). A bay
      // for SFX units only is not drawn: no SFX depth is sourced here.
      constexpr double w = standard::kAtxPsuWidthMm / 2;
      geo::Aabb unit{{0, 0, -w}, {standard::kAtxPsuLengthMm, standard::kAtxPsuHeightMm, w}};
      s_.details.push_back({geo::Box::fromAabb(unit, m.X_CM), rgba(draw::palette::kPanel), false});
      s_.labels.push_back({m.X_CM * unit.centre(), "PSU bay"});
    } else if (m.mount.kind == MountKind::DimmSlot) {
      constexpr double side = kDimmSocketSideMm / 2;
      s_.details.push_back(
          {geo::Box::fromAabb({{0, -side, 0}, {kDimmSocketLongMm, side, 2 * side}}, m.X_CM),
           rgba(draw::palette::kSocket), true});
    }
  }
  void openings(const std::vector<draw::Opening>& all) override {
    if (!style_.showCase) return;
    // Cut through the rear panel's sheet (x from -3 to 0), a little proud of both its faces.
    constexpr double boardSurface = standard::kStandoffMm + standard::kBoardThicknessMm;
    const double zEnd = boardSurface + kOpeningEndAboveBoardMm;
    for (const draw::Opening& o : all) {
      geo::Aabb cut{{-kSheetMm - 0.5, o.centreY - kOpeningTallMm / 2, zEnd - kOpeningLongMm},
                    {0.3, o.centreY + kOpeningTallMm / 2, zEnd}};
      s_.details.push_back({geo::Box::fromAabb(cut), rgba(draw::palette::kSocket), true});
      // Its number just outside the rear panel, where the bracket's screw would be.
      s_.labels.push_back(
          {{-16.0, o.centreY, zEnd - kOpeningLongMm / 2}, std::to_string(o.number)});
    }
  }
  void overlap(const geo::Aabb& volume) override {
    if (style_.overlaps)
      s_.boxes.push_back({geo::Box::fromAabb(volume.inflated(kOverlapInflateMm)),
                          rgba(draw::palette::kOverlap, 0.6f), true, true});
  }

private:
  // A card, cooler or fan drawn from its boxes gets its fans as rings: a box alone does not say
  // which face breathes. A card's fans lie along its intake face (as many as its "fans" figure
  // says), a top-flow cooler's on its top, a fan's on its face.
  void fanRings(const Placed& p, const Solid& body) {
    if (meshed_.count(&p)) return;
    const geo::Aabb& b = body.box;
    const glm::dvec3 size = b.hi - b.lo;
    const glm::vec4 c = rgba(draw::palette::kFanBlade);
    auto ring = [&](int axis, const glm::dvec3& at, double r) {
      for (double k : {1.0, 0.62, 0.22}) // the frame, the blades' sweep, the hub
        s_.rings.push_back({facing(p.X_CP, axis, at), r * k, c});
    };
    switch (p.part->category) {
    case Category::Gpu: {
      auto fans = p.part->figures.find("fans");
      int n = fans == p.part->figures.end() ? 0 : static_cast<int>(fans->second.value);
      if (p.part->gpu->blower || n <= 0) return;
      double pitch = size.y / n, r = 0.45 * std::min(pitch, size.z);
      for (int i = 0; i < n; ++i)
        ring(0, {b.hi.x + kRingLiftMm, b.lo.y + pitch * (i + 0.5), (b.lo.z + b.hi.z) / 2}, r);
      return;
    }
    case Category::Cooler:
      // A tower's body is its overhang on a base; its fans face sideways, which the figures do
      // not say: only a one-block (top-flow) cooler gets its ring.
      if (p.part->cooler && (p.part->cooler->tower || !p.part->cooler->radiator.empty())) return;
      ring(2, {(b.lo.x + b.hi.x) / 2, (b.lo.y + b.hi.y) / 2, b.hi.z + kRingLiftMm},
           0.47 * std::min(size.x, size.y));
      return;
    case Category::Fan:
      ring(2, {(b.lo.x + b.hi.x) / 2, (b.lo.y + b.hi.y) / 2, b.hi.z + kRingLiftMm},
           0.48 * std::min(size.x, size.y));
      return;
    default:
      return;
    }
  }

  static glm::vec4 colourOf(const Placed& p, bool failing) {
    return rgba(failing ? draw::palette::kFail : draw::palette::category(p.part->category));
  }

  Scene& s_;
  MeshLibrary* meshes_;
  const SceneStyle& style_;
  std::set<const Placed*> meshed_;
  geo::Aabb interior_;
};

} // namespace

Scene sceneOf(const Assembly& assembly, const std::vector<Finding>& findings, MeshLibrary* meshes,
              const SceneStyle& style) {
  Scene s;
  SceneSink sink(s, meshes, style);
  draw::drawBuild(assembly, findings, sink);
  return s;
}

} // namespace rigfit::render
