// Checks 1, 2 and 9: overlaps between parts, intrusions into keep-outs, air for open-air fans.
#include "catalog/solid_names.hpp"
#include "catalog/standards.hpp"
#include "fit/checks.hpp"
#include "geometry/clearance.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace rigfit {
namespace {

bool boundsOverlap(const WorldSolid& a, const WorldSolid& b) {
  return geo::overlapBeyond(a.bounds, b.bounds, geo::kTouchToleranceMm);
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

namespace {

// Pairs of solids whose bounds overlap, found by sort and sweep along x: a build of thousands
// of parts is measured in the pairs that can touch, not in all of them. Pairs::Within: two from
// `as`; Pairs::Between: one from `as` and one from `bs`, the `as` member first; each pair once.
enum class Pairs { Within, Between };
template <class Visit>
void overlappingPairs(Pairs which, const std::vector<const WorldSolid*>& as,
                      const std::vector<const WorldSolid*>& bs, Visit visit) {
  const bool sameSet = which == Pairs::Within;
  std::vector<std::pair<const WorldSolid*, bool>> all; // solid, from `bs`
  all.reserve(as.size() + bs.size());
  for (const WorldSolid* a : as)
    all.push_back({a, false});
  for (const WorldSolid* b : bs)
    all.push_back({b, true});
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
    return x.first->bounds.lo.x < y.first->bounds.lo.x;
  });
  std::vector<std::pair<const WorldSolid*, bool>> active;
  active.reserve(all.size());
  for (const auto& entry : all) {
    const WorldSolid* s = entry.first;
    const bool fromB = entry.second;
    // Whatever ends before this one starts can touch nothing from here on.
    const double start = s->bounds.lo.x;
    std::erase_if(active, [start](const auto& a) { return a.first->bounds.hi.x <= start; });
    for (const auto& [o, oFromB] : active) {
      if (!sameSet && fromB == oFromB) continue;
      if (!boundsOverlap(*o, *s)) continue;
      if (sameSet || !oFromB)
        visit(*o, *s);
      else
        visit(*s, *o);
    }
    active.push_back({s, fromB});
  }
}

std::vector<const WorldSolid*> withRole(const World& w, SolidRole role) {
  std::vector<const WorldSolid*> out;
  out.reserve(w.solids.size());
  for (const WorldSolid& s : w.solids)
    if (s.solid->role == role) out.push_back(&s);
  return out;
}

// Findings of one kind beyond this many are counted, not listed: a build of thousands of
// stacked drives would otherwise print millions of lines and take gigabytes.
constexpr size_t kMaxListed = 50;

// The overlaps of one check: the first kMaxListed in the world's order of solids (the order
// findings have always come in), and how many more there are among how many parts.
struct Overlaps {
  struct Hit {
    const WorldSolid *a, *b;
    double d;
    bool hard; // an overlap that fails, not a soft keep-out's warning
    bool operator<(const Hit& o) const { return std::pair(a, b) < std::pair(o.a, o.b); }
  };
  std::set<Hit> listed;
  size_t more = 0;
  std::vector<bool> inMore; // by item: a part in some unlisted overlap
  size_t moreParts = 0;
  bool moreHard = false; // some unlisted overlap is a fail, not a warning

  void add(const Hit& h) {
    if (listed.size() == kMaxListed && !(h < *listed.rbegin())) { // after every one listed
      count(h);
      return;
    }
    listed.insert(h);
    if (listed.size() <= kMaxListed) return;
    auto last = std::prev(listed.end()); // pushed out of the list by h: counted instead
    count(*last);
    listed.erase(last);
  }

private:
  void count(const Hit& h) {
    ++more;
    for (int item : {h.a->item, h.b->item}) {
      if (static_cast<size_t>(item) >= inMore.size()) inMore.resize(item + 1);
      if (!inMore[item]) inMore[item] = true, ++moreParts;
    }
    moreHard |= h.hard;
  }
};

// The one finding that stands for those not listed, as severe as the worst of them.
Finding unlisted(const char* check, const Overlaps& o, const char* what) {
  Finding f = summary(check, "and " + std::to_string(o.more) + " more " + what + " among " +
                                 std::to_string(o.moreParts) + " parts, not listed (the first " +
                                 std::to_string(kMaxListed) + " are)");
  f.severity = o.moreHard ? Severity::Fail : Severity::Warn;
  return f;
}

} // namespace

void checkCollisions(CheckContext& c) {
  const World& w = c.world;
  size_t pairs = 0;
  Overlaps found;
  const std::vector<const WorldSolid*> bodies = withRole(w, SolidRole::Body);
  overlappingPairs(Pairs::Within, bodies, {}, [&](const WorldSolid& x, const WorldSolid& y) {
    if (x.item == y.item) return;
    ++pairs;
    const WorldSolid& a = &x < &y ? x : y; // in the world's order
    const WorldSolid& b = &x < &y ? y : x;
    if (w.mated(a, b) || wasMeasured(c.measured, &a, &b)) return;
    double d = geo::clearanceDistance(a.box, b.box);
    if (d < -geo::kTouchToleranceMm) found.add({&a, &b, d, true});
  });
  for (const Overlaps::Hit& h : found.listed) {
    Finding f;
    f.check = "collision";
    f.severity = Severity::Fail;
    f.parts = {w.itemOf(*h.a).id, w.itemOf(*h.b).id};
    f.measured = h.d;
    f.required = 0.0;
    f.unit = Unit::Mm;
    f.message = solidName(w, *h.a) + " and " + solidName(w, *h.b) + " overlap by " + mm(-h.d);
    f.where = overlapBox(*h.a, *h.b);
    f.estimates = c.estimates({h.a, h.b});
    c.out.push_back(std::move(f));
  }
  if (found.more > 0) c.out.push_back(unlisted("collision", found, "overlaps between parts"));
  if (!found.listed.empty()) return;
  if (!c.full()) { // a pass that measures nothing: its words are all it would add
    c.out.push_back(summary("collision", ""));
    return;
  }
  // What was measured: the solids, and the pairs of them close enough to touch.
  const std::string measuredText = std::to_string(bodies.size()) + " solids; " +
                                   std::to_string(pairs) + (pairs == 1 ? " pair" : " pairs") +
                                   " close enough to touch measured";
  // Overlaps a named check measured (two cards, a card in the PSU) are not repeated here, and
  // the summary must not deny them.
  size_t named =
      static_cast<size_t>(std::count_if(c.out.begin(), c.out.end(), [](const Finding& f) {
        return f.hard && f.severity == Severity::Fail && f.unit == Unit::Mm && f.measured &&
               *f.measured < -geo::kTouchToleranceMm;
      }));
  c.out.push_back(summary(
      "collision", named == 0 ? "no two parts overlap (" + measuredText + ")"
                              : "nothing overlaps beyond the " +
                                    (named == 1 ? std::string("overlap or limit")
                                                : std::to_string(named) + " overlaps and limits") +
                                    " reported above (" + measuredText + ")"));
}

void checkKeepouts(CheckContext& c) {
  const World& w = c.world;
  std::vector<const WorldSolid*> keepouts = withRole(w, SolidRole::Keepout);
  Overlaps found;
  overlappingPairs(Pairs::Between, keepouts, withRole(w, SolidRole::Body),
                   [&](const WorldSolid& k, const WorldSolid& b) {
                     if (b.item == k.item || w.mated(k, b) || wasMeasured(c.measured, &k, &b))
                       return;
                     double d = geo::clearanceDistance(k.box, b.box);
                     if (d < -geo::kTouchToleranceMm) found.add({&k, &b, d, !k.solid->soft});
                   });
  for (const Overlaps::Hit& h : found.listed) {
    const WorldSolid &k = *h.a, &b = *h.b;
    Finding f;
    f.check = "keepout";
    f.severity = k.solid->soft ? Severity::Warn : Severity::Fail;
    f.parts = {w.itemOf(k).id, w.itemOf(b).id};
    f.measured = h.d;
    f.required = 0.0;
    f.unit = Unit::Mm;
    f.message =
        solidName(w, b) + " reaches " + mm(-h.d) + " into the space " + solidName(w, k) + " needs";
    f.where = overlapBox(k, b);
    f.estimates = c.estimates({&k, &b});
    f.hard = false;
    c.out.push_back(std::move(f));
  }
  if (found.more > 0) {
    Finding f = unlisted("keepout", found, "intrusions into keep-outs");
    f.hard = false;
    c.out.push_back(std::move(f));
  }
  if (!found.listed.empty() || keepouts.empty()) return;
  if (!c.full()) { // as the collisions' summary
    c.out.push_back(summary("keepout", ""));
    return;
  }
  // Intrusions a named check measured between solids (a bottom card into the header plugs)
  // are not repeated here, and the summary must not deny them.
  size_t named =
      static_cast<size_t>(std::count_if(c.out.begin(), c.out.end(), [](const Finding& f) {
        return !f.hard && f.severity != Severity::Pass && f.unit == Unit::Mm && f.measured &&
               *f.measured < -geo::kTouchToleranceMm && f.where;
      }));
  const std::string kept = std::to_string(keepouts.size()) +
                           (keepouts.size() == 1 ? " keep-out" : " keep-outs") +
                           " (plugs, cables, headers)";
  c.out.push_back(summary(
      "keepout", named == 0 ? "nothing intrudes on the " + kept
                            : "no intrusion into the " + kept + " beyond the " +
                                  (named == 1 ? std::string("one") : std::to_string(named)) +
                                  " reported above"));
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
    const WorldSolid* intake = w.find(g, solid::kFanIntake);
    const WorldSolid* body = w.find(g, solid::kBody);
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
    f.unit = Unit::Mm;
    f.required = want;
    f.hard = false;
    if (!nearest) {
      f.severity = Severity::Pass; // nothing inside the intake, so no gap was measured
      f.message =
          c.say([&] { return label(card) + "'s fans have at least " + mm(want) + " of free air"; });
    } else {
      f.severity = Severity::Warn;
      f.measured = gap;
      f.parts.push_back(w.itemOf(*nearest).id);
      f.message = c.say([&] {
        return label(card) + "'s fans breathe through " + mm(gap) + " before " +
               solidName(w, *nearest) + "; open-air coolers want a free slot (" + mm(want) +
               "): a thinner or blower card, or a slot further down, leaves more";
      });
      if (c.full()) f.where = overlapBox(*intake, *nearest);
      f.estimates = c.estimates({body, nearest});
    }
    c.out.push_back(std::move(f));
  }
}

} // namespace rigfit
