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
};

struct FitSettings {
  double minClearanceMm = 0.0; // a clearance below this is not a pass (default: touching fits)
};

struct FitResult {
  std::vector<Finding> findings; // worst first; within a severity, in the order checks ran
  Severity worst() const;
  bool fits() const { return worst() != Severity::Fail; }
  size_t count(Severity s) const;
};

} // namespace rigfit
