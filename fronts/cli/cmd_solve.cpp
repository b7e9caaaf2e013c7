#include "cli.hpp"
#include "solve/solve.hpp"

#include <iostream>

namespace rigfit::cli {

int runSolve(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc = startBuildRun(argv, {"--add", "--max", "--alternatives"}, "solve", run)) return rc;
  const Args& args = run.args;
  int questions = !!args.get("--add") + !!args.get("--max") + !!args.get("--alternatives");
  if (questions != 1)
    return usageError("solve takes one of --add PART, --max PART, --alternatives MOUNT");
  const Build& build = run.loaded.build;
  const Catalog& catalog = run.catalog;
  const FitSettings& settings = run.settings;
  Result<Format> parsed = formatOf(args);
  if (!parsed) return usageError(parsed.error().message());
  const Format format = *parsed;

  if (auto part = args.get("--max")) {
    Result<MaxAnswer> a = solveMax(build, catalog, *part, settings);
    if (!a) return fail(a.error());
    std::cout << formatMax(*a, format);
    return a->mounts.empty() ? kExitDoesNotFit : kExitFits;
  }
  Result<std::vector<Trial>> trials = Error{};
  std::string question;
  if (auto part = args.get("--add")) {
    trials = solveAdd(build, catalog, *part, settings);
    question = "Where does another " + *part + " fit in \"" + build.name + "\"?";
  } else {
    std::string where = *args.get("--alternatives");
    trials = solveAlternatives(build, catalog, where, settings);
    question = "Which parts fit at " + where + " in \"" + build.name + "\"?";
  }
  if (!trials) return fail(trials.error());
  std::cout << formatTrials(question, *trials, format);
  for (const Trial& t : *trials)
    if (t.fits) return kExitFits;
  return kExitDoesNotFit;
}

} // namespace rigfit::cli
