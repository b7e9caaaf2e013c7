#pragma once
// The checks, one function each, all pure functions of the world: no I/O, no globals.
// Numbers follow DESIGN.md's list of checks.
#include "assembly/world.hpp"
#include "common/text.hpp"
#include "fit/finding.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace rigfit {

// The pairs of solids a named check has already measured, so the general collision and
// keep-out checks do not report the same overlap twice. Sorted: a few dozen pairs at most,
// looked up for every pair of solids that could touch.
using MeasuredPairs = std::vector<std::pair<const WorldSolid*, const WorldSolid*>>;
inline void markMeasured(MeasuredPairs& m, const WorldSolid* a, const WorldSolid* b) {
  const std::pair<const WorldSolid*, const WorldSolid*> p{std::min(a, b), std::max(a, b)};
  auto at = std::lower_bound(m.begin(), m.end(), p);
  if (at == m.end() || *at != p) m.insert(at, p);
}
inline bool wasMeasured(const MeasuredPairs& m, const WorldSolid* a, const WorldSolid* b) {
  return std::binary_search(m.begin(), m.end(), std::pair{std::min(a, b), std::max(a, b)});
}

struct CheckContext {
  const World& world;
  const FitSettings& settings;
  std::vector<Finding>& out;
  MeasuredPairs measured; // pairs the named clearances took, left out of 1 and 2
  CheckDetail detail = CheckDetail::Full;

  bool full() const { return detail == CheckDetail::Full; }
  // What a finding about these solids rests on (World::estimates); none asked for when only
  // the measures are wanted.
  std::vector<std::string> estimates(std::initializer_list<const WorldSolid*> solids) const {
    return full() ? world.estimates(solids) : std::vector<std::string>{};
  }
  // A finding's sentence, written only when it is wanted: the check with ranges tries a build
  // many times and reads the measures and verdicts alone.
  template <class Words> std::string say(Words words) const {
    return full() ? std::string(words()) : std::string();
  }
};

void checkNamedClearances(CheckContext& c); // 3: GPU length and height, cooler, PSU, bottom card
void checkGpuCooling(CheckContext& c);      // 9: air in front of open-air coolers
void checkCollisions(CheckContext& c);      // 1: bodies of different parts overlapping
void checkKeepouts(CheckContext& c);        // 2: bodies inside keep-outs
void checkSlotOpenings(CheckContext& c);    // 4: a card's bracket against the case openings
void checkMounts(CheckContext& c);          // 5: mount compatibility
void checkRadiators(CheckContext& c);       // 5b: an all-in-one's radiator is in the build
void checkPower(CheckContext& c);           // 6: draw against the PSU, GPU power plugs
void checkMemory(CheckContext& c);          // 7: capacity, kits, channels
void checkLanes(CheckContext& c);           // 8: the PCIe width each card really gets
void checkDisplay(CheckContext& c);         // 10: who drives the display
// 11: the parts a PC needs that are not in yet (missingParts of the world)
void checkParts(CheckContext& c, const std::vector<std::string>& missing);
// What a working PC needs that the build lacks, in words ("a CPU cooler"), in a fixed order.
std::vector<std::string> missingParts(const World& w);

// [SECTION] Wording shared by the checks
std::string mm(double v);           // "12.3 mm"
std::string label(const Placed& p); // "gpu1 (EVGA GeForce RTX 2060 XC GAMING (1 fan))"
// Pass, warn or fail for a measured clearance: an overlap fails (warns for a soft keep-out);
// a gap below the user's minimum warns.
Severity clearanceVerdict(double d, const FitSettings& s, bool soft = false);

} // namespace rigfit
