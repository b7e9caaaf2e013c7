#include "cli.hpp"
#include "fit/fit.hpp"
#include "fit/ranged.hpp"
#include "paint.hpp"

#include <iostream>

namespace rigfit::cli {

int runCheck(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc = startBuildRun(argv, {}, "check", run, {"--strict"})) return rc;
  Result<Format> format = formatOf(run.args);
  if (!format) return usageError(format.error().message());
  FitResult result = checkWithRanges(run.loaded.assembly, run.catalog, run.settings);
  std::string text = formatCheck(run.loaded.build, result, *format);
  if (*format == Format::Text)
    printPainted(text);
  else
    std::cout << text;
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
