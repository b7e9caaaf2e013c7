// Check 3: the clearances builders name, each measured between specific solids.
#include "fit/checks.hpp"
#include "geometry/clearance.hpp"

#include <algorithm>
#include <cmath>

namespace rigfit {
namespace {

struct Measure {
  double d = INFINITY;
  const WorldSolid* a = nullptr;
  const WorldSolid* b = nullptr;
};

Measure measure(CheckContext& c, const WorldSolid* a, const WorldSolid* b) {
  if (!a || !b) return {};
  markMeasured(c.measured, a, b);
  return {geo::clearanceDistance(a->box, b->box), a, b};
}

// The box between two solids' nearest points, or their overlap, for highlighting.
geo::Aabb between(const WorldSolid& a, const WorldSolid& b) {
  geo::Clearance cl = geo::clearance(a.box, b.box);
  return geo::Aabb::fromCorners(cl.pointA, cl.pointB);
}

Finding finding(const char* check, Severity s, std::vector<std::string> parts, double measured,
                double required, std::string message) {
  Finding f;
  f.check = check;
  f.severity = s;
  f.parts = std::move(parts);
  f.measured = measured;
  f.required = required;
  f.unit = "mm";
  f.message = std::move(message);
  return f;
}

Finding notChecked(const char* check, std::vector<std::string> parts, std::string why) {
  Finding f;
  f.check = check;
  f.severity = Severity::NotChecked;
  f.parts = std::move(parts);
  f.message = std::move(why);
  return f;
}

// The length a limit surface allows, measured from the rear (x = 0), and the configuration it
// holds in; a front panel standing where the published limit is at most `published`.
std::string allowed(const WorldSolid& limit, const std::optional<double>& published) {
  if (limit.solid->role != SolidRole::Limit) return mm(published.value_or(limit.solid->box.lo.x));
  std::string out = mm(limit.solid->box.lo.x);
  if (!limit.solid->condition.empty()) out += " " + limit.solid->condition;
  return out;
}

void gpuLength(CheckContext& c, int g, const WorldSolid* limit) {
  const World& w = c.world;
  const Placed& card = w.item(g);
  const Placed& chassis = w.item(w.caseItem());
  if (!limit) {
    c.out.push_back(notChecked("gpu-length", {card.id, chassis.id},
                               "GPU length: the case spec gives no maximum GPU length"));
    return;
  }
  const WorldSolid* body = w.find(g, "body");
  Measure m = measure(c, body, limit);
  Severity s = clearanceVerdict(m.d, c.settings);
  std::string msg = label(card) + " is " + mm(card.part->gpu->lengthMm) + " long; the case takes " +
                    allowed(*limit, chassis.part->chassis->maxGpuLengthMm) + ": ";
  msg += m.d >= -geo::kTouchToleranceMm ? mm(m.d) + " to spare" : mm(-m.d) + " too long";
  Finding f = finding("gpu-length", s, {card.id, chassis.id}, m.d, c.settings.minClearanceMm, msg);
  f.where = between(*body, *limit);
  f.estimates = w.estimates({body, limit});
  c.out.push_back(std::move(f));
}

void gpuHeight(CheckContext& c, int g, const WorldSolid* side) {
  const World& w = c.world;
  const Placed& card = w.item(g);
  const std::string caseId = w.item(w.caseItem()).id;
  if (!card.part->gpu->heightMm) {
    c.out.push_back(notChecked("gpu-height", {card.id},
                               "GPU height: " + label(card) + "'s spec has no card height"));
    return;
  }
  const WorldSolid* body = w.find(g, "body");
  Measure mb = measure(c, body, side);
  Finding f = finding("gpu-height", clearanceVerdict(mb.d, c.settings), {card.id, caseId}, mb.d,
                      c.settings.minClearanceMm,
                      label(card) + ": " + mm(*card.part->gpu->heightMm) + " tall; " +
                          (mb.d >= -geo::kTouchToleranceMm
                               ? mm(mb.d) + " from its top edge to the side panel"
                               : "the side panel cuts " + mm(-mb.d) + " into it"));
  f.where = between(*body, *side);
  f.estimates = w.estimates({body, side});
  c.out.push_back(std::move(f));

  const WorldSolid* plug = w.find(g, "power_plug");
  if (!plug) {
    if (!card.part->gpu->powerPlugs)
      c.out.push_back(
          notChecked("gpu-power-plug", {card.id},
                     "power plug bend: " + label(card) + "'s spec does not list its power plugs"));
    else if (!card.part->gpu->powerPlugs->empty())
      c.out.push_back(
          notChecked("gpu-power-plug", {card.id},
                     "power plug bend: " + label(card) + "'s spec does not place its plug"));
    return;
  }
  Measure mp = measure(c, plug, side);
  Finding p = finding("gpu-power-plug", clearanceVerdict(mp.d, c.settings, true), {card.id, caseId},
                      mp.d, c.settings.minClearanceMm,
                      label(card) + ": the power plug and its cable bend " +
                          (mp.d >= -geo::kTouchToleranceMm
                               ? "clear the side panel by " + mm(mp.d)
                               : "need " + mm(-mp.d) + " more than the side panel leaves"));
  p.hard = false;
  p.where = between(*plug, *side);
  p.estimates = w.estimates({plug, side});
  c.out.push_back(std::move(p));
}

void coolerChecks(CheckContext& c, int k, const WorldSolid* side) {
  const World& w = c.world;
  const Placed& cooler = w.item(k);
  const WorldSolid* body = w.find(k, "body");
  if (!body) {
    c.out.push_back(notChecked("cooler-height", {cooler.id},
                               "cooler height, RAM and top-card clearance: " + label(cooler) +
                                   "'s spec has no height or footprint"));
    return;
  }
  // Height against the side panel: the body's top, which a front fan raised over the memory
  // lifts with it (solidsWith).
  auto raised = cooler.options.find(kFanRaiseOption);
  std::string raisedText = raised != cooler.options.end() && raised->second > 0
                               ? " with its front fan raised " + mm(raised->second)
                               : "";
  Measure m = measure(c, body, side);
  Finding f = finding("cooler-height", clearanceVerdict(m.d, c.settings), {cooler.id}, m.d,
                      c.settings.minClearanceMm,
                      label(cooler) + raisedText + " stands " + mm(body->solid->box.hi.z) +
                          " above the board; the side panel leaves " +
                          (m.d >= -geo::kTouchToleranceMm ? mm(m.d) + " to spare"
                                                          : "no room: " + mm(-m.d) + " too tall"));
  f.where = between(*body, *side);
  f.estimates = w.estimates({body, side});
  c.out.push_back(std::move(f));

  // Overhang against the memory modules and the top card: the nearest of each kind.
  const WorldSolid* base = w.find(k, "base"); // a tower's base under its overhang, if any
  auto nearest = [&](Category cat, const char* check, const char* what) {
    std::vector<int> items = w.itemsOf(cat);
    if (items.empty()) return;
    Measure best;
    bool missing = false;
    for (int i : items) {
      const WorldSolid* other = w.find(i, "body");
      if (!other) {
        missing = true;
        continue;
      }
      for (const WorldSolid* mine : {body, base}) {
        if (!mine) continue;
        Measure mi = measure(c, mine, other);
        if (mi.d < best.d) best = mi;
      }
    }
    if (!best.b) {
      c.out.push_back(
          notChecked(check, {cooler.id},
                     std::string("cooler against ") + what + ": their specs have no height"));
      return;
    }
    const Placed& o = w.itemOf(*best.b);
    Severity s = clearanceVerdict(best.d, c.settings);
    std::string msg =
        label(cooler) + raisedText + " against " + what + ": " +
        (best.d >= -geo::kTouchToleranceMm ? mm(best.d) + " clear of " + o.id
                                           : "overlaps " + o.id + " by " + mm(-best.d));
    if (missing) msg += " (some modules have no height and were not checked)";
    Finding fi = finding(check, s, {cooler.id, o.id}, best.d, c.settings.minClearanceMm, msg);
    fi.where = between(*best.a, *best.b);
    fi.estimates = w.estimates({best.a, best.b});
    c.out.push_back(std::move(fi));
  };
  nearest(Category::Memory, "cooler-ram", "the memory");
  nearest(Category::Gpu, "cooler-gpu", "the graphics cards");
}

void psuLength(CheckContext& c, int p) {
  const World& w = c.world;
  const Placed& psu = w.item(p);
  const WorldSolid* end = w.find(w.caseItem(), "psu_bay_end");
  if (!end) {
    c.out.push_back(notChecked("psu-length", {psu.id, w.item(w.caseItem()).id},
                               "PSU length: the case spec gives no maximum PSU length"));
    return;
  }
  const WorldSolid* body = w.find(p, "body");
  const WorldSolid* cables = w.find(p, "cable_space");
  Measure mb = measure(c, body, end);
  Finding f = finding(
      "psu-length", clearanceVerdict(mb.d, c.settings), {psu.id}, mb.d, c.settings.minClearanceMm,
      label(psu) + " is " + mm(psu.part->psu->lengthMm) + " long; the bay takes " +
          allowed(*end, std::nullopt) + ": " +
          (mb.d >= -geo::kTouchToleranceMm ? mm(mb.d) + " to spare" : mm(-mb.d) + " too long"));
  f.where = between(*body, *end);
  f.estimates = w.estimates({body, end});
  c.out.push_back(std::move(f));
  Measure mc = measure(c, cables, end);
  Finding k = finding(
      "psu-cables", clearanceVerdict(mc.d, c.settings, true), {psu.id}, mc.d,
      c.settings.minClearanceMm,
      label(psu) + ": room for its cable plugs in front: " +
          (mc.d >= -geo::kTouchToleranceMm ? mm(mc.d) + " to spare" : mm(-mc.d) + " short"));
  k.hard = false;
  k.where = between(*cables, *end);
  k.estimates = w.estimates({cables, end});
  c.out.push_back(std::move(k));
}

// The lowest card against what lies under the board's bottom edge: the PSU (material), its
// cable space and the header plugs along the edge (keep-outs), one finding each.
void bottomCard(CheckContext& c) {
  const World& w = c.world;
  int lowest = -1;
  const WorldSolid* body = nullptr;
  for (int g : w.itemsOf(Category::Gpu)) {
    const WorldSolid* b = w.find(g, "body");
    if (b && (!body || b->bounds.lo.y < body->bounds.lo.y)) lowest = g, body = b;
  }
  if (!body) return;
  const Placed& card = w.item(lowest);
  std::string where = label(card) + ", the lowest card";
  for (int b : w.itemsOf(Category::Motherboard))
    if (const WorldSolid* pcb = w.find(b, "pcb")) {
      double overhang = pcb->bounds.lo.y - body->bounds.lo.y;
      where += overhang > 0 ? ", hangs " + mm(overhang) + " below the board's bottom edge"
                            : ", ends " + mm(-overhang) + " above the board's bottom edge";
    }
  auto against = [&](const WorldSolid* other, const char* check, const char* what) -> double {
    if (!other) return INFINITY;
    Measure m = measure(c, body, other);
    bool soft = other->solid->role != SolidRole::Body;
    const Placed& o = w.itemOf(*other);
    Finding f = finding(check, clearanceVerdict(m.d, c.settings, soft), {card.id, o.id}, m.d,
                        c.settings.minClearanceMm,
                        where + ": " +
                            (m.d >= -geo::kTouchToleranceMm ? mm(m.d) + " clear of "
                                                            : "cuts " + mm(-m.d) + " into ") +
                            what + " (" + o.id + ")");
    f.hard = !soft;
    f.where = between(*body, *other);
    f.estimates = w.estimates({body, other});
    c.out.push_back(std::move(f));
    return m.d;
  };
  for (int p : w.itemsOf(Category::Psu)) {
    double d = against(w.find(p, "body"), "bottom-card-psu", "the PSU");
    // A card already inside the PSU needs no word about the PSU's cable space.
    if (d >= -geo::kTouchToleranceMm)
      against(w.find(p, "cable_space"), "bottom-card-psu-cables", "the PSU's cable space");
    else if (const WorldSolid* k = w.find(p, "cable_space"))
      markMeasured(c.measured, body, k);
  }
  for (int b : w.itemsOf(Category::Motherboard)) {
    const WorldSolid* headers = w.find(b, "bottom_header_plugs");
    if (!headers)
      c.out.push_back(notChecked("bottom-card-headers", {card.id, w.item(b).id},
                                 "bottom card against the header plugs: " + label(w.item(b)) +
                                     "'s spec does not place its bottom-edge headers"));
    against(headers, "bottom-card-headers", "the header plugs along the board's bottom edge");
  }
}

// Adjacent cards: the gap between one card's cooler and the back of the next, the question
// that started rigfit. Every pair of cards is measured; a card three pitches below a 2.75-slot
// cooler sits 60.96 - 55.88 = 5.08 mm away.
void gpuGaps(CheckContext& c) {
  const World& w = c.world;
  std::vector<int> cards = w.itemsOf(Category::Gpu);
  for (size_t i = 0; i < cards.size(); ++i)
    for (size_t j = i + 1; j < cards.size(); ++j) {
      const WorldSolid* a = w.find(cards[i], "body");
      const WorldSolid* b = w.find(cards[j], "body");
      Measure m = measure(c, a, b);
      const Placed& pa = w.item(cards[i]);
      const Placed& pb = w.item(cards[j]);
      Finding f = finding("gpu-gap", clearanceVerdict(m.d, c.settings), {pa.id, pb.id}, m.d,
                          c.settings.minClearanceMm,
                          label(pa) + " in " + pa.mount->name + " and " + label(pb) + " in " +
                              pb.mount->name + ": " +
                              (m.d >= -geo::kTouchToleranceMm ? mm(m.d) + " apart"
                                                              : "they overlap by " + mm(-m.d)));
      f.where = between(*a, *b);
      f.estimates = w.estimates({a, b});
      c.out.push_back(std::move(f));
    }
}

} // namespace

void checkNamedClearances(CheckContext& c) {
  gpuGaps(c);
  const World& w = c.world;
  const WorldSolid* side = w.find(w.caseItem(), "side_panel");
  const WorldSolid* limit = w.find(w.caseItem(), "gpu_length_limit");
  // A published limit as deep as the interior leaves the front panel as the limit.
  if (!limit && w.item(w.caseItem()).part->chassis->maxGpuLengthMm)
    limit = w.find(w.caseItem(), "front_panel");
  for (int g : w.itemsOf(Category::Gpu)) {
    gpuLength(c, g, limit);
    gpuHeight(c, g, side);
  }
  for (int k : w.itemsOf(Category::Cooler))
    coolerChecks(c, k, side);
  for (int p : w.itemsOf(Category::Psu))
    psuLength(c, p);
  bottomCard(c);
}

} // namespace rigfit
