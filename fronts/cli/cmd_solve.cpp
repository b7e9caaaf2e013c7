#include "build/build_json.hpp"
#include "cli.hpp"
#include "solve/solve.hpp"

#include <iostream>

namespace rigfit::cli {

int runSolve(const std::vector<std::string>& argv) {
  Result<Args> args = parseArgs(
      argv, {"--add", "--max", "--alternatives", "--format", "--min-clearance", "--parts"});
  if (!args) return usageError(args.error().message());
  if (args->positional.size() != 1) return usageError("solve takes one build file");
  int questions = !!args->get("--add") + !!args->get("--max") + !!args->get("--alternatives");
  if (questions != 1)
    return usageError("solve takes one of --add PART, --max PART, --alternatives MOUNT");
  Result<Format> format = formatOf(*args);
  if (!format) return usageError(format.error().message());
  Result<FitSettings> settings = settingsOf(*args);
  if (!settings) return usageError(settings.error().message());
  Result<Catalog> catalog = loadCatalog(*args);
  if (!catalog) return fail(catalog.error());
  Result<LoadedBuild> loaded = loadAndAssemble(args->positional[0], *catalog);
  if (!loaded) return fail(loaded.error());
  const Build& build = loaded->build;

  if (auto part = args->get("--max")) {
    Result<MaxAnswer> a = solveMax(build, *catalog, *part, *settings);
    if (!a) return fail(a.error());
    std::cout << formatMax(*a, *format);
    return a->mounts.empty() ? kExitDoesNotFit : kExitFits;
  }
  Result<std::vector<Trial>> trials = Error{};
  std::string question;
  if (auto part = args->get("--add")) {
    trials = solveAdd(build, *catalog, *part, *settings);
    question = "Where does another " + *part + " fit in \"" + build.name + "\"?";
  } else {
    std::string where = *args->get("--alternatives");
    trials = solveAlternatives(build, *catalog, where, *settings);
    question = "Which parts fit at " + where + " in \"" + build.name + "\"?";
  }
  if (!trials) return fail(trials.error());
  std::cout << formatTrials(question, *trials, *format);
  for (const Trial& t : *trials)
    if (t.fits) return kExitFits;
  return kExitDoesNotFit;
}

} // namespace rigfit::cli
