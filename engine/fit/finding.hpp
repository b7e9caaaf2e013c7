#pragma once
// A Finding is a measured relation between parts: what a check found, in millimetres (or watts,
// gigabytes, lanes) and in a sentence a builder understands.
#include "geometry/box.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rigfit {

// Which way `required` points: a clearance must be at least it; a draw or a count at most.
enum class Bound { AtLeast, AtMost };

// What `measured` and `required` count. Clearances are in millimetres; the rest are counts or
// sums a check compares with a limit.
enum class Unit { None, Mm, W, GB, Lanes, Openings, Plugs };
const char* toString(Unit u); // "mm", "W", "GB", "lanes", "opening", "plugs"; "" for None
// A value with its unit as findings print it: "12.3 mm" (mm to a tenth), "650 W".
std::string quantity(double v, Unit u);

// Ordered from worst to best, so a smaller value is more severe.
enum class Severity { Fail, Warn, Info, Pass, NotChecked };
const char* toString(Severity s);

// An estimate a finding's verdict hangs on: a figure of one placed part, its band, and what
// the finding does as that figure alone moves across the band (the others at their estimates).
struct Decider {
  std::string instance, part, figure; // "gpu1", "evga-rtx2060-xc", "height_mm"
  std::vector<std::string> alsoOn;    // the same part's other instances, moved with it
  double value = 0, lo = 0, hi = 0;   // the estimate and its band
  std::string why;                    // where the band comes from
  std::string lookUp;                 // where a builder finds the true figure
  std::string unit = "mm";            // the figure's unit, of value, band and flips
  bool estimated = true;              // false: a sourced figure whose sources disagree
  // The finding's measured value with this figure alone at its worst and at its best; none
  // where the finding is not found there (no overlap, say).
  std::optional<double> worst, best;
  // The value at which the finding's verdict changes, this figure alone moving (to 0.0001 mm),
  // and the verdict past it; none when this figure alone cannot change it. When the change
  // holds only in a window of the band (a cooler sliding past a slot), `flipBack` is its far
  // edge, where the verdict at the estimate returns.
  std::optional<double> flip, flipBack;
  Severity beyond = Severity::Pass;
};

// A finding's measured value over the bands of the estimates it rests on (fit/ranged.hpp).
struct MarginRange {
  // The measured value at the worst and at the best, in its unit; none where the finding is
  // not found at that extreme (an overlap that is gone at the best values).
  std::optional<double> worst, best;
  Severity worstSeverity = Severity::Pass, bestSeverity = Severity::Pass;
  std::vector<Decider> deciders; // the figures that move it, the most decisive first
  bool depends() const { return worstSeverity != bestSeverity; }
};

struct Finding {
  std::string check; // check id: "gpu-length", "collision", ...
  Severity severity = Severity::Pass;
  std::vector<std::string> parts; // instance ids involved
  std::optional<double> measured; // clearance: negative means overlap by that much
  std::optional<double> required; // the limit that passes, in the direction of `bound`
  Bound bound = Bound::AtLeast;
  Unit unit = Unit::None;
  std::string message;
  std::optional<geo::Aabb> where;     // in case coordinates, to highlight
  std::vector<std::string> estimates; // "gpu1: height_mm": what the verdict rests on
  // The measured value is a clearance between material, so it sets a part's margin. Space for
  // plugs, cables and air is measured too, but it is not a margin: hard = false.
  bool hard = true;
  // Its measure is the least of several pairs of solids under this one finding (a tower
  // cooler's overhang and its base, each against the module): not convex along a band, so the
  // check with ranges does not take three values on a line for a line between them.
  bool leastOfSeveral = false;
  // Set where an estimate with a band moves it; none means it holds at every value in range.
  std::optional<MarginRange> range;
  Severity worstCase() const { return range ? range->worstSeverity : severity; }
  Severity bestCase() const { return range ? range->bestSeverity : severity; }
  // Fails at some values in the estimates' bands and not at others: the verdict "depends".
  bool dependsOnFail() const {
    return worstCase() == Severity::Fail && bestCase() != Severity::Fail;
  }
};

struct FitSettings {
  double minClearanceMm = 0.0; // a clearance below this is not a pass (default: touching fits)
};

// How much a check says of each finding: all of it, or its measures and verdicts without the
// estimates it rests on (fit/fit.hpp).
enum class CheckDetail { Full, Measures };

// The answer over the estimates' bands: fits even at the worst values, does not fit even at
// the best, or depends on a figure nobody published (exit codes 0, 1 and 3); or, for a case
// with nothing in it, nothing to check (exit code 4): it does not "fit", it is not a build yet.
enum class Verdict { Fits, DoesNotFit, Depends, NothingToCheck };
const char* toString(Verdict v); // "fits", "does not fit", "depends", "nothing to check"

struct FitResult {
  std::vector<Finding> findings; // worst first; within a severity, in the order checks ran
  Severity worst() const;
  // At the estimates' values, as measured.
  bool fits() const { return worst() != Severity::Fail; }
  // Over their bands, where checkWithRanges gave them (fit/ranged.hpp); without bands, as fits().
  Verdict verdict() const;
  // Set by checkWithRanges: whether the whole build fitted at some values it tried (a build
  // that fails at the estimates "depends" only if it fitted somewhere).
  std::optional<bool> fitsSomewhere;
  // Set by check(): what a working PC needs that the build lacks ("a CPU cooler"), and whether
  // the case holds nothing at all.
  std::vector<std::string> missing;
  bool nothingPlaced = false;
  size_t count(Severity s) const;
  // The part's margin a builder acts on: of the findings naming it that measure a clearance
  // between material (millimetres, hard), the one with the least room; none when no such
  // finding names it.
  const Finding* tightestOf(const std::string& instance) const;
};

} // namespace rigfit
