#include "catalog/category.hpp"
#include "cli.hpp"
#include "common/text.hpp"
#include "paint.hpp"
#include "solve/solve.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace rigfit::cli {

namespace {

// A number option within its range, or why not.
Result<double> numberOption(const std::string& name, const std::string& text, double min,
                            double max) {
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(v >= min && v <= max))
    return Error{"", name,
                 "must be a number from " + shortNumber(min) + " to " + shortNumber(max) +
                     " (got \"" + text + "\")"};
  return v;
}

Result<CandidateFilter> filterOf(const Args& args) {
  CandidateFilter f;
  f.maker = args.get("--maker").value_or("");
  struct {
    const char* name;
    std::optional<double>* into;
  } ranges[] = {{"--min-length", &f.minLengthMm},
                {"--max-length", &f.maxLengthMm},
                {"--max-thickness", &f.maxThicknessMm}};
  for (auto& r : ranges)
    if (auto v = args.get(r.name)) {
      Result<double> n = numberOption(r.name, *v, 0, 1000);
      if (!n) return n.error();
      *r.into = *n;
    }
  return f;
}

// The answer, its verdict words in colour on a terminal.
void printTrials(const std::string& question, const std::vector<Trial>& trials, Format format) {
  std::string text = formatTrials(question, trials, format);
  if (format == Format::Text)
    printPainted(text);
  else
    std::cout << text;
}

} // namespace

int runSolve(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc = startBuildRun(argv,
                             {"--add", "--max", "--alternatives", "--maker", "--min-length",
                              "--max-length", "--max-thickness", "--limit"},
                             "solve", run))
    return rc;
  const Args& args = run.args;
  int questions = !!args.get("--add") + !!args.get("--max") + !!args.get("--alternatives");
  if (questions != 1)
    return usageError("solve takes one of --add PART, --max PART, --alternatives MOUNT");
  for (const char* o : {"--maker", "--min-length", "--max-length", "--max-thickness", "--limit"})
    if (args.get(o) && !args.get("--alternatives"))
      return usageError(std::string(o) + " narrows --alternatives, which was not given");
  // A part asked about may be an OpenDB row's, read now; an unknown id names the nearest.
  for (const char* asked : {"--add", "--max"})
    if (auto part = args.get(asked))
      if (Status known = needPart(run.catalog, args, *part, "", asked); !known)
        return fail(known.error());
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
    trials = solveAdd(build, catalog, *part, settings, true);
    question = "Where does another " + *part + " fit in \"" + build.name + "\"?";
  } else {
    std::string where = *args.get("--alternatives");
    Result<CandidateFilter> filter = filterOf(args);
    if (!filter) return usageError(filter.error().message());
    // Every part of the catalog is a candidate: the OpenDB snapshot's too, read from the rows
    // of the categories that can go there (and of the maker asked for).
    if (std::optional<MountKind> kind = mountKindAt(run.loaded.assembly, where)) {
      OpenDbIndex index = openDbIndex(run.catalog, args);
      std::vector<std::string> ids;
      for (const Listing& l : index.listings()) {
        const std::vector<MountKind>& in = describe(l.category).goesIn;
        if (std::find(in.begin(), in.end(), *kind) != in.end() &&
            filter->admitsMaker(l.maker, l.name))
          ids.push_back(l.id);
      }
      for (const Error& e : index.addTo(run.catalog, ids))
        std::cerr << "rigfit: warning: " << e.message() << "\n";
    }
    Result<size_t> shown = limitOf(args);
    if (!shown) return usageError(shown.error().message());
    const size_t limit = *shown;
    // The shown ones and as many again twice, tried over the estimates' bands and ranked by
    // their worst case; at most 300 (each takes tens of checks: about 7 ms).
    const size_t rangedTop = std::min<size_t>(3 * limit, 300);
    trials = solveAlternatives(build, run.catalog, where, settings, *filter, rangedTop);
    question = "Which parts fit at " + where + " in \"" + build.name + "\"?";
    if (trials) {
      size_t fit = 0;
      for (const Trial& t : *trials)
        fit += t.fits;
      if (trials->empty()) {
        std::cout << question << "\n\nno part of the catalog matches the filters\n";
        return kExitDoesNotFit;
      }
      size_t all = trials->size();
      if (trials->size() > limit) trials->resize(limit);
      printTrials(question, *trials, format);
      if (format == Format::Text)
        std::cout << "\n"
                  << all << " candidates: " << fit << " fit, " << all - fit << " do not; "
                  << (all > limit
                          ? "the best " + std::to_string(limit) + " shown (--limit N for more)"
                          : "all shown")
                  << "\nthe best " << std::min(all, rangedTop)
                  << " at the estimates were tried over the estimates' bands and are ranked by "
                     "their worst-case margin\n";
      return fit ? kExitFits : kExitDoesNotFit;
    }
  }
  if (!trials) return fail(trials.error());
  printTrials(question, *trials, format);
  for (const Trial& t : *trials)
    if (t.fits) return kExitFits;
  return kExitDoesNotFit;
}

} // namespace rigfit::cli
