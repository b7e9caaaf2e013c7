#pragma once
// What-if questions answered by trying placements and running the checks on each.
#include "assembly/build.hpp"
#include "fit/fit.hpp"

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
};

// --add PART: every free mount of the kind the part needs, tried in turn.
Result<std::vector<Trial>> solveAdd(const Build& build, const Catalog& catalog,
                                    const std::string& partId, const FitSettings& settings = {});

// --max PART: the most copies that fit together, and where (mounts as "parent/mount").
struct MaxAnswer {
  std::string partId;
  std::vector<std::string> mounts;
  Build build; // the build with them in place
};
Result<MaxAnswer> solveMax(const Build& build, const Catalog& catalog, const std::string& partId,
                           const FitSettings& settings = {});

// --alternatives MOUNT ("parent/mount"): catalog parts of that kind that fit there, in place of
// whatever holds it now; best margin first.
Result<std::vector<Trial>> solveAlternatives(const Build& build, const Catalog& catalog,
                                             const std::string& where,
                                             const FitSettings& settings = {});

} // namespace rigfit
