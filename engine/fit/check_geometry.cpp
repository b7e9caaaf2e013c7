// Checks 1, 2 and 9: overlaps between parts, intrusions into keep-outs, air for open-air fans.
#include "catalog/standards.hpp"
#include "fit/checks.hpp"
#include "geometry/clearance.hpp"

#include <algorithm>
#include <cmath>

namespace rigfit {
namespace {

bool boundsOverlap(const WorldSolid& a, const WorldSolid& b) {
  return geo::signedDistance(a.bounds, b.bounds) < -geo::kTouchToleranceMm;
}

geo::Aabb overlapBox(const WorldSolid& a, const WorldSolid& b) {
  return {glm::max(a.bounds.lo, b.bounds.lo), glm::min(a.bounds.hi, b.bounds.hi)};
}

std::string solidName(const World& w, const WorldSolid& s) {
  return label(w.itemOf(s)) + " " + s.solid->name;
}

Finding summary(const char* check, std::string message) {
  Finding f;
  f.check = check;
  f.severity = Severity::Pass;
  f.message = std::move(message);
  return f;
}

} // namespace

void checkCollisions(CheckContext& c) {
  const World& w = c.world;
  size_t pairs = 0, found = 0;
  for (size_t i = 0; i < w.solids.size(); ++i) {
    const WorldSolid& a = w.solids[i];
    if (a.solid->role != SolidRole::Body) continue;
    for (size_t j = i + 1; j < w.solids.size(); ++j) {
      const WorldSolid& b = w.solids[j];
      if (b.solid->role != SolidRole::Body || a.item == b.item) continue;
      ++pairs;
      if (!boundsOverlap(a, b) || w.mated(a, b) || wasMeasured(c.measured, &a, &b)) continue;
      double d = geo::clearanceDistance(a.box, b.box);
      if (d >= -geo::kTouchToleranceMm) continue;
      ++found;
      Finding f;
      f.check = "collision";
      f.severity = Severity::Fail;
      f.parts = {w.itemOf(a).id, w.itemOf(b).id};
      f.measured = d;
      f.required = 0.0;
      f.unit = "mm";
      f.message = solidName(w, a) + " and " + solidName(w, b) + " overlap by " + mm(-d);
      f.where = overlapBox(a, b);
      f.estimates = w.estimates({&a, &b});
      c.out.push_back(std::move(f));
    }
  }
  if (found > 0) return;
  // Overlaps a named check measured (two cards, a card in the PSU) are not repeated here, and
  // the summary must not deny them.
  size_t named =
      static_cast<size_t>(std::count_if(c.out.begin(), c.out.end(), [](const Finding& f) {
        return f.hard && f.severity == Severity::Fail && f.unit == "mm" && f.measured &&
               *f.measured < -geo::kTouchToleranceMm;
      }));
  c.out.push_back(
      summary("collision", named == 0 ? "no two parts overlap (" + std::to_string(pairs) +
                                            " pairs of solids measured)"
                                      : "nothing overlaps beyond the " + std::to_string(named) +
                                            " overlaps and limits reported above (" +
                                            std::to_string(pairs) + " pairs of solids measured)"));
}

void checkKeepouts(CheckContext& c) {
  const World& w = c.world;
  size_t found = 0, keepouts = 0;
  for (const WorldSolid& k : w.solids) {
    if (k.solid->role != SolidRole::Keepout) continue;
    ++keepouts;
    for (const WorldSolid& b : w.solids) {
      if (b.solid->role != SolidRole::Body || b.item == k.item) continue;
      if (!boundsOverlap(k, b) || w.mated(k, b) || wasMeasured(c.measured, &k, &b)) continue;
      double d = geo::clearanceDistance(k.box, b.box);
      if (d >= -geo::kTouchToleranceMm) continue;
      ++found;
      Finding f;
      f.check = "keepout";
      f.severity = k.solid->soft ? Severity::Warn : Severity::Fail;
      f.parts = {w.itemOf(k).id, w.itemOf(b).id};
      f.measured = d;
      f.required = 0.0;
      f.unit = "mm";
      f.message =
          solidName(w, b) + " reaches " + mm(-d) + " into the space " + solidName(w, k) + " needs";
      f.where = overlapBox(k, b);
      f.estimates = w.estimates({&k, &b});
      f.hard = false;
      c.out.push_back(std::move(f));
    }
  }
  if (found == 0 && keepouts > 0)
    c.out.push_back(summary("keepout", "nothing intrudes on the " + std::to_string(keepouts) +
                                           " keep-outs (plugs, cables, headers)"));
}

void checkGpuCooling(CheckContext& c) {
  const World& w = c.world;
  const double want = standard::kSlotPitchMm;
  for (int g : w.itemsOf(Category::Gpu)) {
    const Placed& card = w.item(g);
    if (card.part->gpu->blower) {
      Finding f = summary("gpu-cooling", label(card) + " is a blower card: it exhausts through its "
                                                       "bracket and tolerates a close neighbour");
      f.severity = Severity::Info;
      f.parts = {card.id};
      c.out.push_back(std::move(f));
      continue;
    }
    const WorldSolid* intake = w.find(g, "fan_intake");
    const WorldSolid* body = w.find(g, "body");
    if (!intake || !body) continue;
    double gap = INFINITY;
    const WorldSolid* nearest = nullptr;
    for (const WorldSolid& b : w.solids) {
      if (b.solid->role != SolidRole::Body || b.item == g || !boundsOverlap(*intake, b)) continue;
      if (w.mated(*intake, b)) continue;
      double d = geo::clearanceDistance(body->box, b.box);
      if (d < gap) gap = d, nearest = &b;
    }
    // A neighbour that overlaps the card is a collision, reported as one; air is moot there.
    if (nearest && gap < -geo::kTouchToleranceMm) continue;
    Finding f;
    f.check = "gpu-cooling";
    f.parts = {card.id};
    f.unit = "mm";
    f.required = want;
    f.hard = false;
    if (!nearest) {
      f.severity = Severity::Pass; // nothing inside the intake, so no gap was measured
      f.message = label(card) + "'s fans have at least " + mm(want) + " of free air";
    } else {
      f.severity = Severity::Warn;
      f.measured = gap;
      f.parts.push_back(w.itemOf(*nearest).id);
      f.message = label(card) + "'s fans breathe through " + mm(gap) + " before " +
                  solidName(w, *nearest) + "; open-air coolers want a free slot (" + mm(want) +
                  "): a thinner or blower card, or a slot further down, leaves more";
      f.where = overlapBox(*intake, *nearest);
      f.estimates = w.estimates({body, nearest});
    }
    c.out.push_back(std::move(f));
  }
}

} // namespace rigfit
