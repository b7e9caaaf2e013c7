#include "fit/fit.hpp"

#include "fit/checks.hpp"
#include "geometry/clearance.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace rigfit {

const char* toString(Severity s) {
  switch (s) {
  case Severity::Fail:
    return "fail";
  case Severity::Warn:
    return "warn";
  case Severity::Info:
    return "info";
  case Severity::Pass:
    return "pass";
  case Severity::NotChecked:
    return "not checked";
  }
  return "?";
}

const char* toString(Unit u) {
  switch (u) {
  case Unit::None:
    return "";
  case Unit::Mm:
    return "mm";
  case Unit::W:
    return "W";
  case Unit::GB:
    return "GB";
  case Unit::Lanes:
    return "lanes";
  case Unit::Openings:
    return "opening";
  case Unit::Plugs:
    return "plugs";
  }
  return "?";
}

std::string quantity(double v, Unit u) {
  return num(v, u == Unit::Mm ? 1 : 0) + " " + toString(u);
}

Severity FitResult::worst() const {
  Severity w = Severity::Pass;
  for (const Finding& f : findings)
    if (f.severity < w) w = f.severity;
  return w;
}

const Finding* FitResult::tightestOf(const std::string& instance) const {
  const Finding* best = nullptr;
  for (const Finding& f : findings)
    if (f.unit == Unit::Mm && f.hard && f.measured &&
        std::find(f.parts.begin(), f.parts.end(), instance) != f.parts.end() &&
        (!best || *f.measured < *best->measured))
      best = &f;
  return best;
}

const char* toString(Verdict v) {
  switch (v) {
  case Verdict::Fits:
    return "fits";
  case Verdict::DoesNotFit:
    return "does not fit";
  case Verdict::Depends:
    return "depends";
  case Verdict::NothingToCheck:
    return "nothing to check";
  }
  return "?";
}

Verdict FitResult::verdict() const {
  if (nothingPlaced) return Verdict::NothingToCheck;
  if (!fits() && fitsSomewhere && !*fitsSomewhere) return Verdict::DoesNotFit;
  bool depends = false;
  for (const Finding& f : findings) {
    if (f.bestCase() == Severity::Fail) return Verdict::DoesNotFit;
    depends |= f.worstCase() == Severity::Fail;
  }
  return depends ? Verdict::Depends : Verdict::Fits;
}

size_t FitResult::count(Severity s) const {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(),
                                           [&](const Finding& f) { return f.severity == s; }));
}

std::string mm(double v) {
  return num(v, 1) + " mm";
}

std::string label(const Placed& p) {
  return p.id + " (" + p.part->name + ")";
}

Severity clearanceVerdict(double d, const FitSettings& s, bool soft) {
  if (d < -geo::kTouchToleranceMm) return soft ? Severity::Warn : Severity::Fail;
  if (d < s.minClearanceMm - geo::kTouchToleranceMm) return Severity::Warn;
  return Severity::Pass;
}

namespace {

// The checks of placement in the order they run (the named clearances first: they claim the
// pairs they measure), each with the check id whose findings it alone makes, if one.
struct PlacementCheck {
  void (*run)(CheckContext&);
  std::string_view makesAlone;
};
constexpr PlacementCheck kPlacementChecks[] = {{checkNamedClearances, {}},
                                               {checkGpuCooling, "gpu-cooling"},
                                               {checkCollisions, "collision"},
                                               {checkKeepouts, "keepout"},
                                               {checkSlotOpenings, "slot-openings"}};

} // namespace

bool madeByOneCheck(std::string_view checkId) {
  return !checkId.empty() &&
         std::any_of(std::begin(kPlacementChecks), std::end(kPlacementChecks),
                     [&](const PlacementCheck& k) { return k.makesAlone == checkId; });
}

FitResult check(const Assembly& assembly, const FitSettings& settings, CheckDetail detail,
                CheckScope scope, std::string_view wordsFor) {
  const World& world = assembly.world();
  FitResult result;
  result.findings.reserve(32);
  CheckContext c{world, settings, result.findings, {}, detail};
  c.measured.reserve(32);
  // Each check in `detail`, or only the one whose findings are wanted worded.
  const bool focused = madeByOneCheck(wordsFor);
  if (scope != CheckScope::Needs)
    for (const PlacementCheck& k : kPlacementChecks) {
      c.detail = !focused || k.makesAlone == wordsFor ? detail : CheckDetail::Measures;
      k.run(c);
    }
  if (scope != CheckScope::Placement) {
    c.detail = focused ? CheckDetail::Measures : detail;
    checkMounts(c);
    checkRadiators(c);
    checkPower(c);
    checkMemory(c);
    checkLanes(c);
    checkDisplay(c);
    result.missing = missingParts(world);
    checkParts(c, result.missing);
  }
  result.nothingPlaced = assembly.items.size() <= 1;
  // Worst first, in the order the checks ran within a severity: a pass for each severity, from
  // the worst, until every finding is taken (no buffer, unlike a stable sort).
  std::vector<Finding> sorted;
  sorted.reserve(result.findings.size());
  for (int s = 0; sorted.size() < result.findings.size(); ++s)
    for (Finding& f : result.findings)
      if (f.severity == static_cast<Severity>(s)) sorted.push_back(std::move(f));
  result.findings = std::move(sorted);
  return result;
}

} // namespace rigfit
