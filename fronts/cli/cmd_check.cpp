#include "cli.hpp"
#include "fit/fit.hpp"
#include "fit/ranged.hpp"

#include <iostream>

namespace rigfit::cli {

int runCheck(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc = startBuildRun(argv, {}, "check", run, {"--strict"})) return rc;
  Result<Format> format = formatOf(run.args);
  if (!format) return usageError(format.error().message());
  FitResult result =
      checkWithRanges(run.loaded.build, run.loaded.assembly, run.catalog, run.settings);
  std::cout << formatCheck(run.loaded.build, result, *format);
  switch (result.verdict()) {
  case Verdict::Fits:
    return kExitFits;
  case Verdict::DoesNotFit:
    return kExitDoesNotFit;
  case Verdict::Depends:
    return run.args.get("--strict") ? kExitDoesNotFit : kExitDepends;
  case Verdict::NothingToCheck:
    return kExitNothingToCheck;
  }
  return kExitDoesNotFit;
}

} // namespace rigfit::cli
