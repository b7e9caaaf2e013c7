#include "cli.hpp"
#include "fit/fit.hpp"

#include <iostream>

namespace rigfit::cli {

int runCheck(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc = startBuildRun(argv, {}, "check", run)) return rc;
  Result<Format> format = formatOf(run.args);
  if (!format) return usageError(format.error().message());
  FitResult result = check(run.loaded.assembly, run.settings);
  std::cout << formatCheck(run.loaded.build, result, *format);
  return result.fits() ? kExitFits : kExitDoesNotFit;
}

} // namespace rigfit::cli
