#include "fit/probe.hpp"

#include "catalog/compat.hpp"
#include "catalog/shapes.hpp"
#include "fit/checks.hpp"
#include "geometry/clearance.hpp"

#include <algorithm>

namespace rigfit {
namespace {

// A published limit bounds only what it was published for: a card's length, a PSU's length.
bool limitsOther(const Solid& obstacle, const Part& part) {
  return obstacle.role == SolidRole::Limit && obstacle.limits != part.category;
}

} // namespace

std::string probeVerdict(const ProbeAnswer& a) {
  if (!a.compatible) return "not compatible";
  if (a.formFactorOnly)
    return "takes its form factor (its place and length in this case are not checked)";
  const bool clear = a.marginMm >= -geo::kTouchToleranceMm;
  if (!a.fits && clear && a.openingsMissing) return "does not fit: needs another case opening";
  std::string out = std::string(a.fits ? "fits, " : "does not fit, ") + mm(a.marginMm);
  if (a.openingsMissing) out += ", and needs another case opening";
  if (a.unplaced) out += " (its place in this case is not modelled: its length only)";
  return out;
}

PlacementProbe::PlacementProbe(const Assembly& assembly) : assembly_(assembly) {
  for (const WorldSolid& s : assembly.world().solids)
    if (s.solid->role == SolidRole::Body || s.solid->role == SolidRole::Limit ||
        (s.solid->role == SolidRole::Keepout && !s.solid->soft))
      obstacles_.push_back(&s);
}

ProbeAnswer PlacementProbe::probe(const Part& part, int parentItem, const Mount& mount,
                                  double horizonMm) const {
  ProbeAnswer a;
  a.compatible = incompatibility(part, mount).empty();
  if (!a.compatible) return a;
  const Placed& parent = assembly_.items[parentItem];
  a.marginMm = horizonMm;
  if (mount.unplaced || !parent.placed) {
    a.unplaced = true;
    const Placed& chassis = assembly_.items[0];
    CaseLimit limit = caseLengthLimit(*chassis.part, part.category, chassis.options);
    if (part.psu && limit.mm)
      a.marginMm = std::min(horizonMm, *limit.mm - part.psu->lengthMm);
    else
      a.formFactorOnly = true;
    a.fits = a.marginMm >= -geo::kTouchToleranceMm;
    return a;
  }
  geo::Pose X_CP = parent.X_CP * mount.X_PM;
  for (const Solid& s : part.solids) {
    if (s.role != SolidRole::Body) continue;
    geo::Box box = geo::Box::fromAabb(s.box, X_CP);
    geo::Aabb bounds = box.bounds();
    for (const WorldSolid* o : obstacles_) {
      // The bounds' distance never exceeds the boxes': a pair whose bounds are farther than
      // the margin so far cannot set it.
      if (geo::signedDistance(bounds, o->bounds) >= a.marginMm) continue;
      if (limitsOther(*o->solid, part)) continue;
      if (o->item == parentItem &&
          std::find(mount.mates.begin(), mount.mates.end(), o->solid->name) != mount.mates.end())
        continue; // the mating pair: card edge in its slot
      double d = geo::clearanceDistance(box, o->box);
      if (o->solid->datum && d >= -geo::kTouchToleranceMm) continue; // resting on it: no margin
      if (d < a.marginMm) {
        a.marginMm = d;
        a.blockingItem = o->item;
        a.blockingSolid = o->solid->name;
      }
    }
  }
  if (mount.kind == MountKind::PcieSlot && part.gpu) {
    int last = mount.position + part.gpu->bracketSlots - 1;
    a.openingsMissing = last > assembly_.items[0].part->chassis->openings;
  }
  a.fits = a.marginMm >= -geo::kTouchToleranceMm && !a.openingsMissing;
  return a;
}

} // namespace rigfit
