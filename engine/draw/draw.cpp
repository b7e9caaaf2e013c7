#include "draw/draw.hpp"

#include "catalog/standards.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

namespace rigfit::draw {
namespace {

// Where a failing overlap is: the common volume of the two parts' solids that meet (bodies and
// hard keep-outs); none when they have none in common (rotated boxes).
std::vector<geo::Aabb> overlapVolumes(const World& w, const Finding& f) {
  std::vector<geo::Aabb> out;
  auto solidsOf = [&](const std::string& id) {
    std::vector<const WorldSolid*> v;
    for (const WorldSolid& ws : w.solids)
      // Material and hard keep-outs; not mounting surfaces (a card's edge sits in its slot) or
      // soft keep-outs (they only warn).
      if (w.itemOf(ws).id == id && !ws.solid->datum &&
          (ws.solid->role == SolidRole::Body ||
           (ws.solid->role == SolidRole::Keepout && !ws.solid->soft)))
        v.push_back(&ws);
    return v;
  };
  if (f.parts.size() == 2)
    for (const WorldSolid* a : solidsOf(f.parts[0]))
      for (const WorldSolid* b : solidsOf(f.parts[1])) {
        geo::Aabb common{glm::max(a->bounds.lo, b->bounds.lo),
                         glm::min(a->bounds.hi, b->bounds.hi)};
        glm::dvec3 size = common.hi - common.lo;
        if (size.x > 0 && size.y > 0 && size.z > 0) out.push_back(common);
      }
  return out;
}

// A failure about where material is (a clearance, a bracket against the case's openings, a
// mount that does not take the part) paints its parts red. One about watts, plugs, gigabytes
// or lanes does not: a PSU short of plugs would paint every card red and hide a real clash;
// the fit panel lists those.
bool isPhysical(const Finding& f) {
  return f.unit == Unit::Mm || f.unit == Unit::Openings || f.check == "mount";
}

bool isOverlap(const Finding& f) {
  return f.severity == Severity::Fail && f.measured && *f.measured < 0 && f.unit == Unit::Mm;
}

// Which findings get a dimension: every problem, and the clearances the answer is about.
bool dimensioned(const Finding& f) {
  if (!f.where || !f.measured || f.unit != Unit::Mm) return false;
  if (f.severity == Severity::Fail || f.severity == Severity::Warn) return true;
  return f.check == "gpu-gap" || f.check == "gpu-length" || f.check == "cooler-height" ||
         f.check == "bottom-card-psu";
}

// Two panel places whose footprints share area on the same panel.
bool placesOverlap(const Mount& a, const geo::Pose& Xa, const Mount& b, const geo::Pose& Xb) {
  auto area = [](const Mount& m, const geo::Pose& X) {
    glm::dvec2 h = placeFootprint(m);
    return geo::Box::fromAabb({{-h.x, -h.y, -1}, {h.x, h.y, 1}}, X).bounds();
  };
  geo::Aabb A = area(a, Xa), B = area(b, Xb);
  glm::dvec3 lo = glm::max(A.lo, B.lo), hi = glm::min(A.hi, B.hi);
  return lo.x < hi.x && lo.y < hi.y && lo.z < hi.z;
}

bool isPanelPlace(const Mount& m) {
  return m.kind == MountKind::FanMount || m.kind == MountKind::RadiatorMount;
}

std::vector<Opening> openingsOf(const World& w) {
  std::span<const int> boards = w.itemsOf(Category::Motherboard);
  if (boards.empty()) return {};
  const Placed& board = w.item(boards.front());
  int count = w.item(w.caseItem()).part->chassis->openings;
  double top = board.X_CP.t.y, pitch = standard::kSlotPitchMm;
  std::vector<Opening> out;
  for (int k = 1; k <= count; ++k) {
    double centre = top - (standard::kSlot1FromTopMm + (k - 1) * pitch);
    out.push_back(
        {k, centre, centre + pitch / 2, top - (standard::kSlot1FromTopMm + (k - 0.5) * pitch)});
  }
  return out;
}

} // namespace

glm::dvec2 placeFootprint(const Mount& m) {
  if (!isPanelPlace(m)) return {0, 0};
  double size = 0;
  for (const std::string& a : m.accepts)
    size = std::max(size, std::atof(a.c_str()));
  if (m.kind == MountKind::FanMount) return {size / 2, size / 2};
  const double fan = std::fmod(size, 140.0) == 0 ? 140.0 : 120.0;
  return {size / 2, fan / 2};
}

geo::Aabb caseInterior(const Assembly& assembly) {
  const Part& chassis = *assembly.items.front().part;
  return {{0, 0, 0},
          {chassis.figures.at("interior_depth_mm").value,
           chassis.figures.at("interior_height_mm").value, chassis.chassis->sidePanelZ}};
}

void drawBuild(const Assembly& assembly, const std::vector<Finding>& findings, Sink& sink) {
  const World& w = assembly.world();
  std::set<std::string> failing;
  for (const Finding& f : findings)
    if (f.severity == Severity::Fail && isPhysical(f))
      failing.insert(f.parts.begin(), f.parts.end());
  auto isCase = [](const Placed& p) { return p.part->category == Category::Case; };

  sink.interior(caseInterior(assembly));
  for (const WorldSolid& ws : w.solids)
    if (const Placed& p = w.itemOf(ws); isCase(p) && ws.solid->role == SolidRole::Body)
      sink.casePiece({p, ws, false});
  for (const Placed& p : assembly.items)
    if (!isCase(p)) sink.part(p, failing.count(p.id) > 0);
  for (const WorldSolid& ws : w.solids) {
    const Placed& p = w.itemOf(ws);
    // The case itself is the interior and its pieces; of its other solids only the limits it
    // publishes are drawn.
    if (isCase(p) && ws.solid->role != SolidRole::Limit) continue;
    sink.solid({p, ws, failing.count(p.id) > 0});
  }
  std::set<std::pair<const Placed*, const Mount*>> taken;
  for (const Placed& p : assembly.items)
    if (p.parent) taken.insert({&assembly.items[static_cast<size_t>(*p.parent)], p.mount});
  for (const Placed& p : assembly.items) {
    if (!p.placed) continue;
    for (const Mount& m : p.part->mounts) {
      bool on = taken.count({&p, &m}) > 0;
      const geo::Pose X = p.X_CP * m.X_PM;
      if (!on && isPanelPlace(m))
        for (const Mount& other : p.part->mounts)
          if (&other != &m && isPanelPlace(other) && taken.count({&p, &other}) &&
              placesOverlap(m, X, other, p.X_CP * other.X_PM))
            on = true;
      sink.mount({p, m, X, on});
    }
  }
  // A pair of parts overlapping in several solid pairs has a finding for each, and each would
  // give the same common volumes: a pair's are given once. Without common volumes (rotated
  // boxes), the finding's own box.
  std::set<std::pair<std::string, std::string>> pairsDrawn;
  for (const Finding& f : findings) {
    if (!isOverlap(f)) continue;
    std::vector<geo::Aabb> volumes = overlapVolumes(w, f);
    if (!volumes.empty()) {
      if (!pairsDrawn.insert(std::minmax(f.parts[0], f.parts[1])).second) continue;
    } else if (f.where) {
      volumes.push_back(*f.where);
    }
    for (const geo::Aabb& v : volumes)
      sink.overlap(v);
  }
  if (std::vector<Opening> all = openingsOf(w); !all.empty()) sink.openings(all);
  for (const Finding& f : findings)
    if (dimensioned(f)) sink.dimension(f);
  sink.end();
}

} // namespace rigfit::draw
