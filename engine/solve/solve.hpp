#pragma once
// What-if questions answered by trying placements and running the checks on each.
#include "assembly/build.hpp"
#include "fit/fit.hpp"
#include "fit/probe.hpp"

#include <cmath>

namespace rigfit {

// One mount tried for one part.
struct Trial {
  std::string parent, mount; // where it was tried: "board", "PCIEX16_2"
  std::string partId;
  bool compatible = false;     // the mount accepts the part
  std::string incompatibility; // why not, when not
  bool fits = false;           // compatible and no check fails with it in place
  // The margin of the check that decided the verdict: the tightest measured clearance involving
  // the new part when it fits; when it does not, the failing clearance, or none when what fails
  // is not a clearance (a missing case opening, an incompatible slot).
  std::optional<double> marginMm;
  std::string tightest;      // the finding that decided: the tightest, or the failing one
  std::string tightestCheck; // its check id
  std::vector<std::string> tightestParts;
  std::vector<Finding> problems;      // fails and warnings that involve the new part
  std::vector<std::string> estimates; // what the verdict rests on
  // Tried over the estimates' bands (fit/ranged.hpp): the decisive margin at its worst, and
  // whether the verdict holds at every value (sure) or depends on an estimate, which one and
  // where it flips ("case board_top_mm above 414.01 mm").
  bool ranged = false;
  std::optional<double> worstMarginMm;
  bool depends = false;
  std::vector<std::string> deciding;
  // The margin a ranking goes by: the worst case where the bands were tried.
  double rankMargin() const { return worstMarginMm.value_or(marginMm.value_or(INFINITY)); }
};

// "Another part here?" has one answer at two depths. A place is a free mount of the kind the
// part needs, with whether it takes the part. At a place, the quick answer measures the geometry
// alone (the placement probe: fast enough for every mount under a part being dragged); the full
// answer checks the build with the part there (what solve and the report give, and what the
// viewer shows once the part is dropped).
struct Place {
  int parent = 0; // index into Assembly::items
  const Mount* mount = nullptr;
  std::string where;           // "board/PCIEX16_2"
  std::string incompatibility; // why the mount does not take the part; "" when it does
};
// Every free mount of the kind `part` needs, in build order and the parent's mount order.
std::vector<Place> placesFor(const Assembly& assembly, const Part& part);
// "" when some free mount of the build takes `part`; otherwise why none does, in a builder's
// words: what to place first, every slot of its kind taken, or why each free one refuses it.
std::string nowhereFor(const Assembly& assembly, const Part& part);
// The geometry alone, against the assembly the probe was made from.
ProbeAnswer quickAnswer(const PlacementProbe& probe, const Part& part, const Place& place);
// The full check of `build` (assembled as `base`) with `part` at `place`, replacing whatever
// holds it now and what hangs off that.
// With `ranged`, the check is made over the estimates' bands (slower: tens of checks).
Trial fullAnswer(const Build& build, const Catalog& catalog, const Assembly& base, const Part& part,
                 const Place& place, const FitSettings& settings = {}, bool ranged = false);

// --add PART: every free mount of the kind the part needs, tried in turn.
Result<std::vector<Trial>> solveAdd(const Build& build, const Catalog& catalog,
                                    const std::string& partId, const FitSettings& settings = {},
                                    bool ranged = false);

// --max PART: the most copies that fit together, and where (mounts as "parent/mount").
struct MaxAnswer {
  std::string partId;
  std::vector<std::string> mounts;
  Build build; // the build with them in place
};
Result<MaxAnswer> solveMax(const Build& build, const Catalog& catalog, const std::string& partId,
                           const FitSettings& settings = {});

// Which catalog parts --alternatives tries: a maker (a word of the maker or the name, any
// case), a length range (a part's length_mm) and a largest thickness (a card's, in mm).
struct CandidateFilter {
  std::string maker;
  std::optional<double> minLengthMm, maxLengthMm, maxThicknessMm;
  bool operator()(const Part& part) const;
  // The maker test alone, on a part's maker and name (before the part is read).
  bool admitsMaker(const std::string& partMaker, const std::string& partName) const;
};

// The kind of the mount "parent/mount" names in `assembly`, or none when it names none.
std::optional<MountKind> mountKindAt(const Assembly& assembly, const std::string& where);

// --alternatives MOUNT ("parent/mount"): catalog parts of that kind that fit there, in place of
// whatever holds it now; those that fit first, best margin first. With `rangedTop` > 0, the
// best that many at the estimates are tried again over the estimates' bands and ranked among
// themselves by their worst-case margin (the rest keep their place after them).
Result<std::vector<Trial>> solveAlternatives(const Build& build, const Catalog& catalog,
                                             const std::string& where,
                                             const FitSettings& settings = {},
                                             const CandidateFilter& filter = {},
                                             std::size_t rangedTop = 0);

} // namespace rigfit
