// Check 3: the clearances builders name, each measured between specific solids.
#include "catalog/shapes.hpp"
#include "catalog/solid_names.hpp"
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

// In full: where a finding between two solids is (to highlight; the keep-out summary counts
// such findings), and what it rests on. A check of measures alone needs neither.
void locate(const CheckContext& c, Finding& f, const WorldSolid& a, const WorldSolid& b) {
  if (!c.full()) return;
  f.where = between(a, b);
  f.estimates = c.estimates({&a, &b});
}

// A clearance in millimetres against the builder's minimum, with its sentence when it is wanted.
template <class Words>
Finding finding(const CheckContext& c, const char* check, Severity s,
                std::vector<std::string> parts, double measured, Words words) {
  Finding f;
  f.check = check;
  f.severity = s;
  f.parts = std::move(parts);
  f.measured = measured;
  f.required = c.settings.minClearanceMm;
  f.unit = Unit::Mm;
  f.message = c.say(words);
  return f;
}

// Why a check against the side panel was not made.
const char* const kNoSidePanel =
    "the case publishes neither its CPU cooler limit nor its width: where its side panel stands "
    "is unknown, so nothing is measured against it";

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

// The nearest body a builder mounted on the case (a radiator, a fan, a drive) that stands in
// front of a card, across its height and thickness: what ends its room before the case's own
// limit. Cards run along +x from the rear; a body whose rear face is behind the card's middle
// (the PSU under the board) is beside it, not in front.
const WorldSolid* nearestAhead(const World& w, const WorldSolid& card) {
  const geo::Aabb& c = card.bounds;
  const WorldSolid* best = nullptr;
  for (const WorldSolid& s : w.solids) {
    if (s.solid->role != SolidRole::Body || w.itemOf(s).parent != w.caseItem()) continue;
    const geo::Aabb& b = s.bounds;
    if (b.lo.x < c.centre().x) continue;
    bool across = true;
    for (int i : {1, 2})
      across &= std::min(b.hi[i], c.hi[i]) - std::max(b.lo[i], c.lo[i]) > geo::kTouchToleranceMm;
    if (across && (!best || b.lo.x < best->bounds.lo.x)) best = &s;
  }
  return best;
}

std::string solidName(const World& w, const WorldSolid& s) {
  return w.itemOf(s).id + " (" + w.itemOf(s).part->name + ")";
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
  const WorldSolid* body = w.find(g, solid::kBody);
  Measure m = measure(c, body, limit);
  // What the builder put in front of the card (a radiator, fans, drives) may end its room
  // before the published limit does: the room is to the nearest of them, named.
  if (const WorldSolid* ahead = nearestAhead(w, *body)) {
    double d = ahead->bounds.lo.x - body->bounds.hi.x;
    if (d < m.d) {
      m = {d, body, ahead};
      markMeasured(c.measured, body, ahead); // an overlap is this finding, not a second one
    }
  }
  std::vector<std::string> parts{card.id, w.itemOf(*m.b).id};
  Finding f = finding(c, "gpu-length", clearanceVerdict(m.d, c.settings), parts, m.d, [&] {
    return label(card) + " is " + mm(card.part->gpu->lengthMm) + " long; the case takes " +
           allowed(*limit, chassis.part->chassis->maxGpuLengthMm) +
           (m.b != limit ? ", but " + solidName(w, *m.b) + " stands in front of it" : "") + ": " +
           (m.d >= -geo::kTouchToleranceMm ? mm(m.d) + " to spare" : mm(-m.d) + " too long");
  });
  locate(c, f, *body, *m.b);
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
  if (!side) {
    c.out.push_back(
        notChecked("gpu-height", {card.id, caseId}, std::string("GPU height: ") + kNoSidePanel));
    c.out.push_back(notChecked("gpu-power-plug", {card.id, caseId},
                               std::string("GPU power plug room: ") + kNoSidePanel));
    return;
  }
  const WorldSolid* body = w.find(g, solid::kBody);
  Measure mb = measure(c, body, side);
  Finding f =
      finding(c, "gpu-height", clearanceVerdict(mb.d, c.settings), {card.id, caseId}, mb.d, [&] {
        return label(card) + ": " + mm(*card.part->gpu->heightMm) + " tall; " +
               (mb.d >= -geo::kTouchToleranceMm ? mm(mb.d) + " from its top edge to the side panel"
                                                : "the side panel cuts " + mm(-mb.d) + " into it");
      });
  locate(c, f, *body, *side);
  c.out.push_back(std::move(f));

  const WorldSolid* plug = w.find(g, solid::kPowerPlug);
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
  Finding p = finding(c, "gpu-power-plug", clearanceVerdict(mp.d, c.settings, true),
                      {card.id, caseId}, mp.d, [&] {
                        return label(card) + ": the power plug and its cable bend " +
                               (mp.d >= -geo::kTouchToleranceMm
                                    ? "clear the side panel by " + mm(mp.d)
                                    : "need " + mm(-mp.d) + " more than the side panel leaves");
                      });
  p.hard = false;
  locate(c, p, *plug, *side);
  c.out.push_back(std::move(p));
}

// The gap between a tower's overhang and a module standing under it, along the board's normal:
// the figure a builder acts on (raise the fan, or buy shorter memory), not the least move that
// separates two boxes. A module not under the overhang is measured by its clearance. Exact for
// solids square to the case, as every mount poses them.
struct OverGap {
  double d = INFINITY;
  bool under = false; // the module stands under the overhang
};
OverGap overhangGap(const WorldSolid& overhang, const WorldSolid& module, const geo::Vec3& up) {
  int n = 0;
  for (int i = 1; i < 3; ++i)
    if (std::abs(up[i]) > std::abs(up[n])) n = i;
  const geo::Aabb &a = overhang.bounds, &b = module.bounds;
  bool under = true;
  for (int i = 0; i < 3; ++i)
    if (i != n)
      under &= std::min(a.hi[i], b.hi[i]) - std::max(a.lo[i], b.lo[i]) > geo::kTouchToleranceMm;
  if (!under) return {geo::clearanceDistance(overhang.box, module.box), false};
  return {up[n] > 0 ? a.lo[n] - b.hi[n] : b.lo[n] - a.hi[n], true};
}

// A cooler against the memory: its overhang over the modules (by height) and its base beside
// them (by clearance), the tightest module first.
void coolerOverMemory(CheckContext& c, int k, const std::string& raisedText) {
  const World& w = c.world;
  const Placed& cooler = w.item(k);
  std::span<const int> modules = w.itemsOf(Category::Memory);
  if (modules.empty()) return;
  const WorldSolid* body = w.find(k, solid::kBody);
  const WorldSolid* base = w.find(k, solid::kBase); // a tower's base under its overhang, if any
  const geo::Vec3 up = cooler.X_CP.R * geo::Vec3(0, 0, 1);
  Measure best;
  bool bestUnder = false, missing = false;
  for (int i : modules) {
    const WorldSolid* other = w.find(i, solid::kBody);
    if (!other) {
      missing = true;
      continue;
    }
    for (const WorldSolid* mine : {body, base}) {
      if (!mine) continue;
      markMeasured(c.measured, mine, other);
      // Only a tower's overhang stands over the memory; a block from the board up is beside it.
      OverGap g = mine == body && base ? overhangGap(*mine, *other, up)
                                       : OverGap{geo::clearanceDistance(mine->box, other->box)};
      if (g.d < best.d) best = {g.d, mine, other}, bestUnder = g.under;
    }
  }
  if (!best.b) {
    c.out.push_back(notChecked("cooler-ram", {cooler.id},
                               "cooler against the memory: their specs have no height"));
    return;
  }
  const Placed& o = w.itemOf(*best.b);
  auto words = [&] {
    const bool clear = best.d >= -geo::kTouchToleranceMm;
    std::string msg = label(cooler) + raisedText + " against the memory: ";
    if (bestUnder) {
      double overhang = best.a->solid->box.lo.z; // above the board, in the cooler's frame
      double tall = best.b->solid->box.hi.z;
      msg += o.id + " (" + mm(tall) + " tall) stands under the overhang, which begins " +
             mm(overhang) + " above the board: ";
      if (clear) {
        msg += mm(best.d) + " to spare";
      } else {
        msg += mm(-best.d) + " short; memory up to " + mm(tall + best.d) + " tall fits under it";
        if (const PartOption* raise = cooler.part->option(kFanRaiseOption)) {
          auto it = cooler.options.find(kFanRaiseOption);
          double now = it == cooler.options.end() ? 0.0 : it->second;
          double need = now - best.d;
          msg += ", or its front fan raised " + mm(need) + " (" + cooler.part->name + "'s maker " +
                 (need <= raise->max + geo::kTouchToleranceMm ? "allows up to " + mm(raise->max)
                                                              : "allows only " + mm(raise->max)) +
                 ")";
        } else {
          msg += "; " + label(cooler) + " has no published fan raise";
        }
      }
    } else {
      msg += clear ? mm(best.d) + " clear of " + o.id : "overlaps " + o.id + " by " + mm(-best.d);
    }
    if (missing) msg += " (some modules have no height and were not checked)";
    return msg;
  };
  Finding f = finding(c, "cooler-ram", clearanceVerdict(best.d, c.settings), {cooler.id, o.id},
                      best.d, words);
  f.leastOfSeveral = base != nullptr;
  locate(c, f, *best.a, *best.b);
  c.out.push_back(std::move(f));
}

// A cooler against the graphics cards: the nearest card, by clearance.
void coolerAgainstCards(CheckContext& c, int k, const std::string& raisedText) {
  const World& w = c.world;
  const Placed& cooler = w.item(k);
  std::span<const int> cards = w.itemsOf(Category::Gpu);
  if (cards.empty()) return;
  const WorldSolid* body = w.find(k, solid::kBody);
  const WorldSolid* base = w.find(k, solid::kBase);
  Measure best;
  for (int i : cards) {
    const WorldSolid* other = w.find(i, solid::kBody);
    for (const WorldSolid* mine : {body, base}) {
      if (!mine || !other) continue;
      Measure mi = measure(c, mine, other);
      if (mi.d < best.d) best = mi;
    }
  }
  if (!best.b) return;
  const Placed& o = w.itemOf(*best.b);
  Finding f = finding(
      c, "cooler-gpu", clearanceVerdict(best.d, c.settings), {cooler.id, o.id}, best.d, [&] {
        return label(cooler) + raisedText + " against the graphics cards: " +
               (best.d >= -geo::kTouchToleranceMm ? mm(best.d) + " clear of " + o.id
                                                  : "overlaps " + o.id + " by " + mm(-best.d));
      });
  f.leastOfSeveral = body && base;
  locate(c, f, *best.a, *best.b);
  c.out.push_back(std::move(f));
}

// Height against the side panel: the body's top, which a front fan raised over the memory
// lifts with it (solidsWith).
void coolerHeight(CheckContext& c, int k, const WorldSolid* side, const std::string& raisedText) {
  const World& w = c.world;
  const Placed& cooler = w.item(k);
  const WorldSolid* body = w.find(k, solid::kBody);
  if (!side) {
    c.out.push_back(notChecked("cooler-height", {cooler.id, w.item(w.caseItem()).id},
                               std::string("cooler height: ") + kNoSidePanel));
    return;
  }
  Measure m = measure(c, body, side);
  Finding f = finding(c, "cooler-height", clearanceVerdict(m.d, c.settings), {cooler.id}, m.d, [&] {
    return label(cooler) + raisedText + " stands " + mm(body->solid->box.hi.z) +
           " above the board; the side panel leaves " +
           (m.d >= -geo::kTouchToleranceMm ? mm(m.d) + " to spare"
                                           : "no room: " + mm(-m.d) + " too tall");
  });
  locate(c, f, *body, *side);
  c.out.push_back(std::move(f));
}

void coolerChecks(CheckContext& c, int k, const WorldSolid* side) {
  const World& w = c.world;
  const Placed& cooler = w.item(k);
  if (!w.find(k, solid::kBody)) {
    c.out.push_back(notChecked("cooler-height", {cooler.id},
                               "cooler height, RAM and top-card clearance: " + label(cooler) +
                                   "'s spec has no height or footprint"));
    return;
  }
  auto raised = cooler.options.find(kFanRaiseOption);
  std::string raisedText = raised != cooler.options.end() && raised->second > 0
                               ? " with its front fan raised " + mm(raised->second)
                               : "";
  coolerHeight(c, k, side, raisedText);
  coolerOverMemory(c, k, raisedText);
  coolerAgainstCards(c, k, raisedText);
}

// A PSU whose place in the case is not modelled: its length against the published limit alone.
void psuLengthByFigures(CheckContext& c, const Placed& psu, const Placed& chassis) {
  const CaseLimit limit = caseLengthLimit(*chassis.part, Category::Psu, chassis.options);
  const std::string unplaced = " (where " + chassis.part->name +
                               " puts its PSU is not modelled: nothing else is measured "
                               "against it)";
  if (!limit.mm) {
    c.out.push_back(notChecked("psu-length", {psu.id, chassis.id},
                               "PSU length: the case spec gives no maximum PSU length" + unplaced));
    return;
  }
  const double length = psu.part->psu->lengthMm;
  const std::string takes = mm(*limit.mm) + (limit.condition.empty() ? "" : " " + limit.condition);
  std::vector<std::string> estimates;
  if (c.full()) {
    estimates = c.world.itemEstimates(*c.world.assembly->indexOf(psu.id));
    for (const std::string& e : psu.part->estimatedAmong({"length_mm"}))
      estimates.push_back(psu.id + ": " + e);
    for (const std::string& e : limit.estimates)
      estimates.push_back(chassis.id + ": " + e);
  }
  double d = *limit.mm - length;
  Finding f = finding(c, "psu-length", clearanceVerdict(d, c.settings), {psu.id}, d, [&] {
    return label(psu) + " is " + mm(length) + " long; the case takes " + takes + ": " +
           (d >= -geo::kTouchToleranceMm ? mm(d) + " to spare" : mm(-d) + " too long") + unplaced;
  });
  f.estimates = estimates;
  c.out.push_back(std::move(f));
  // Its cable plugs in front, as for a placed PSU: space, not material, so a warning at most.
  if (d < -geo::kTouchToleranceMm) return; // too long already: no word about its plugs
  double k = *limit.mm - (length + kPsuCableSpaceMm);
  Finding cables =
      finding(c, "psu-cables", clearanceVerdict(k, c.settings, true), {psu.id}, k, [&] {
        return label(psu) + ": room for its cable plugs within the case's limit (" + takes +
               "): " + (k >= -geo::kTouchToleranceMm ? mm(k) + " to spare" : mm(-k) + " short");
      });
  cables.hard = false;
  cables.estimates = estimates;
  if (c.full()) cables.estimates.push_back(psu.id + ": cable space (30 mm, rule of thumb)");
  c.out.push_back(std::move(cables));
}

void psuLength(CheckContext& c, int p) {
  const World& w = c.world;
  const Placed& psu = w.item(p);
  if (!psu.placed) return psuLengthByFigures(c, psu, w.item(w.caseItem()));
  const WorldSolid* end = w.find(w.caseItem(), solid::kPsuBayEnd);
  if (!end) {
    c.out.push_back(notChecked("psu-length", {psu.id, w.item(w.caseItem()).id},
                               "PSU length: the case spec gives no maximum PSU length"));
    return;
  }
  const WorldSolid* body = w.find(p, solid::kBody);
  const WorldSolid* cables = w.find(p, solid::kCableSpace);
  Measure mb = measure(c, body, end);
  Finding f = finding(c, "psu-length", clearanceVerdict(mb.d, c.settings), {psu.id}, mb.d, [&] {
    return label(psu) + " is " + mm(psu.part->psu->lengthMm) + " long; the bay takes " +
           allowed(*end, std::nullopt) + ": " +
           (mb.d >= -geo::kTouchToleranceMm ? mm(mb.d) + " to spare" : mm(-mb.d) + " too long");
  });
  locate(c, f, *body, *end);
  c.out.push_back(std::move(f));
  Measure mc = measure(c, cables, end);
  Finding k =
      finding(c, "psu-cables", clearanceVerdict(mc.d, c.settings, true), {psu.id}, mc.d, [&] {
        return label(psu) + ": room for its cable plugs in front: " +
               (mc.d >= -geo::kTouchToleranceMm ? mm(mc.d) + " to spare" : mm(-mc.d) + " short");
      });
  k.hard = false;
  locate(c, k, *cables, *end);
  c.out.push_back(std::move(k));
}

// The lowest card against what lies under the board's bottom edge: the PSU (material), its
// cable space and the header plugs along the edge (keep-outs), one finding each.
void bottomCard(CheckContext& c) {
  const World& w = c.world;
  const WorldSolid* body = nullptr; // the lowest card's
  for (int g : w.itemsOf(Category::Gpu)) {
    const WorldSolid* b = w.find(g, solid::kBody);
    if (b && (!body || b->bounds.lo.y < body->bounds.lo.y)) body = b;
  }
  if (!body) return;
  const Placed& card = w.itemOf(*body);
  const std::string where = c.say([&] {
    std::string out = label(card) + ", the lowest card";
    for (int b : w.itemsOf(Category::Motherboard))
      if (const WorldSolid* pcb = w.find(b, solid::kPcb)) {
        double overhang = pcb->bounds.lo.y - body->bounds.lo.y;
        out += overhang > 0 ? ", hangs " + mm(overhang) + " below the board's bottom edge"
                            : ", ends " + mm(-overhang) + " above the board's bottom edge";
      }
    return out;
  });
  auto against = [&](const WorldSolid* other, const char* check, const char* what) -> double {
    if (!other) return INFINITY;
    Measure m = measure(c, body, other);
    bool soft = other->solid->role != SolidRole::Body;
    const Placed& o = w.itemOf(*other);
    Finding f =
        finding(c, check, clearanceVerdict(m.d, c.settings, soft), {card.id, o.id}, m.d, [&] {
          return where + ": " +
                 (m.d >= -geo::kTouchToleranceMm ? mm(m.d) + " clear of "
                                                 : "cuts " + mm(-m.d) + " into ") +
                 what + " (" + o.id + ")";
        });
    f.hard = !soft;
    locate(c, f, *body, *other);
    c.out.push_back(std::move(f));
    return m.d;
  };
  for (int p : w.itemsOf(Category::Psu)) {
    if (!w.item(p).placed) {
      c.out.push_back(notChecked("bottom-card-psu", {card.id, w.item(p).id},
                                 "bottom card against the PSU: where " +
                                     w.item(w.caseItem()).part->name +
                                     " puts its PSU is not modelled"));
      continue;
    }
    double d = against(w.find(p, solid::kBody), "bottom-card-psu", "the PSU");
    // A card already inside the PSU needs no word about the PSU's cable space.
    if (d >= -geo::kTouchToleranceMm)
      against(w.find(p, solid::kCableSpace), "bottom-card-psu-cables", "the PSU's cable space");
    else if (const WorldSolid* k = w.find(p, solid::kCableSpace))
      markMeasured(c.measured, body, k);
  }
  if (const WorldSolid* shroud = w.find(w.caseItem(), solid::kPsuShroud))
    against(shroud, "bottom-card-shroud", "the PSU shroud");
  else if (w.item(w.caseItem()).part->texts.count("psu_shroud") &&
           w.item(w.caseItem()).part->texts.at("psu_shroud") == "yes")
    c.out.push_back(
        notChecked("bottom-card-shroud", {card.id, w.item(w.caseItem()).id},
                   "bottom card against the PSU shroud: " + w.item(w.caseItem()).part->name +
                       " has one (OpenDB), and its place and height are not given"));
  for (int b : w.itemsOf(Category::Motherboard)) {
    const WorldSolid* headers = w.find(b, solid::kBottomHeaderPlugs);
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
  std::span<const int> cards = w.itemsOf(Category::Gpu);
  for (size_t i = 0; i < cards.size(); ++i)
    for (size_t j = i + 1; j < cards.size(); ++j) {
      const WorldSolid* a = w.find(cards[i], solid::kBody);
      const WorldSolid* b = w.find(cards[j], solid::kBody);
      Measure m = measure(c, a, b);
      const Placed& pa = w.item(cards[i]);
      const Placed& pb = w.item(cards[j]);
      Finding f =
          finding(c, "gpu-gap", clearanceVerdict(m.d, c.settings), {pa.id, pb.id}, m.d, [&] {
            return label(pa) + " in " + pa.mount->name + " and " + label(pb) + " in " +
                   pb.mount->name + ": " +
                   (m.d >= -geo::kTouchToleranceMm ? mm(m.d) + " apart"
                                                   : "they overlap by " + mm(-m.d));
          });
      locate(c, f, *a, *b);
      c.out.push_back(std::move(f));
    }
}

} // namespace

void checkNamedClearances(CheckContext& c) {
  gpuGaps(c);
  const World& w = c.world;
  const WorldSolid* side = w.find(w.caseItem(), solid::kSidePanel);
  const WorldSolid* limit = w.find(w.caseItem(), solid::kGpuLengthLimit);
  // A published limit as deep as the interior leaves the front panel as the limit.
  if (!limit && w.item(w.caseItem()).part->chassis->maxGpuLengthMm)
    limit = w.find(w.caseItem(), solid::kFrontPanel);
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
