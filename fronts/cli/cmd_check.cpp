#include "build/build_json.hpp"
#include "cli.hpp"
#include "fit/fit.hpp"

#include <iostream>

namespace rigfit::cli {

int runCheck(const std::vector<std::string>& argv) {
  Result<Args> args = parseArgs(argv, {"--format", "--min-clearance", "--parts"});
  if (!args) return usageError(args.error().message());
  if (args->positional.size() != 1) return usageError("check takes one build file");
  Result<Format> format = formatOf(*args);
  if (!format) return usageError(format.error().message());
  Result<FitSettings> settings = settingsOf(*args);
  if (!settings) return usageError(settings.error().message());
  Result<Catalog> catalog = loadCatalog(*args);
  if (!catalog) return fail(catalog.error());
  Result<LoadedBuild> loaded = loadAndAssemble(args->positional[0], *catalog);
  if (!loaded) return fail(loaded.error());
  FitResult result = check(loaded->assembly, *settings);
  std::cout << formatCheck(loaded->build, result, *format);
  return result.fits() ? kExitFits : kExitDoesNotFit;
}

} // namespace rigfit::cli
