#pragma once
// The check over the estimates' bands: each finding's measured value at the estimates, at the
// worst and at the best values the estimates could take, the figures that decide it and where
// its verdict flips. A build whose figures have no band (sourced ones, but for those whose
// sources disagree) comes back as check() gives it.
#include "assembly/build.hpp"
#include "assembly/world.hpp"
#include "fit/finding.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rigfit {

// One estimate with a band, of one part: on one placed instance of it, and on the build's
// other instances of the same part (a kit's second module), which the figure moves with it:
// they are one product, so one true figure.
struct Band {
  std::string instance, part, figure;
  std::vector<std::string> alsoOn; // the same part's other instances, in build order
  double value = 0, lo = 0, hi = 0;
  std::string why, lookUp;
  std::string unit = "mm"; // the figure's: "mm" for a length, "W" for a draw
  bool estimated = true;   // false: sourced, with a band where its sources disagree
};

// Every figure of the assembly's parts that has a band (catalog/ranges.hpp), once per part
// however many instances it has; a figure the builder entered has none (and an instance with
// figures of its own is a part of its own).
std::vector<Band> bandsOf(const Assembly& assembly, const Catalog& catalog);
// The bands of one part's own figures, as on instance `instance` (a part being placed).
std::vector<Band> bandsOfPart(const Part& part, const Catalog& catalog,
                              const std::string& instance = "");

// Where two solids of different parts overlap while a band moves them: `lo` and `hi` are the
// build's worlds at the band's two ends, and each solid's faces are taken to move linearly in
// between (as a figure moves them). Each window is (t0, t1) in [0, 1] along the band; a window
// that no evaluated value falls in is an overlap that opens and closes inside the band.
struct OverlapWindow {
  std::size_t a = 0, b = 0; // indices into World::solids
  double t0 = 0, t1 = 0;
};
std::vector<OverlapWindow> overlapWindows(const World& lo, const World& hi);

// Whether a band only grows the solids it changes, or only shrinks them: the same solids in the
// worlds at its two ends, each the same in both or, all the same way, inside itself at the other
// end (turned alike). +1: some grow (each at `lo` inside itself at `hi`), -1: some shrink, 0:
// none changes; none: some move otherwise, or some grow and some shrink. Moving linearly in
// between (as a figure moves them; checkWithRanges also holds the world at the estimate to the
// same way), each solid is inside itself at any value further on, so no measure between solids
// turns back along the band.
std::optional<int> nestedAlong(const World& lo, const World& hi);

// The check with ranges. The extremes are found, not assumed: each band is tried at its ends
// and, unless nestedAlong shows every finding the same all through it, its middle; where a
// finding is not linear in it (an overlap that opens in the middle of the band) it is searched
// densely; a finding moved by several bands is tried with all of them at their worst, and at
// their best, together. A finding that appears only away from the estimates (a collision at a
// band's end) is added, passing at the estimates.
FitResult checkWithRanges(const Assembly& nominal, const Catalog& catalog,
                          const FitSettings& settings = {});

} // namespace rigfit
