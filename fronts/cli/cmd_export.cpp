// rigfit export: a checked build written back as a part list to post (issue 15).
#include "cli.hpp"
#include "common/file.hpp"
#include "partlist/export.hpp"

#include <iostream>

namespace rigfit::cli {

int runExport(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc = startBuildRun(argv, {"-o", "--output"}, "export", run)) return rc;
  if (auto f = run.args.get("--format"); f && *f != "pcpartpicker-md")
    return usageError("--format: export writes pcpartpicker-md (a PCPartPicker Markdown list "
                      "with a fit column), not \"" +
                      *f + "\"");
  std::optional<std::string> out = run.args.get("-o");
  if (!out) out = run.args.get("--output");
  if (out && out->empty())
    return usageError("-o needs a file name (LIST.md, or - for standard output)");
  ReportOptions options;
  options.settings = run.settings;
  Report r = makeReport(run.loaded.build, run.loaded.assembly, run.catalog, options);
  std::string text = partListMarkdown(r, run.catalog, RIGFIT_VERSION);
  if (!out || *out == "-") {
    std::cout << text;
  } else {
    Status saved = writeFileAtomic(*out, text);
    if (!saved) return fail(saved.error());
    std::cout << "wrote " << *out << ": " << r.verdict << "\n";
  }
  return r.outcome == "fits"               ? kExitFits
         : r.outcome == "depends"          ? kExitDepends
         : r.outcome == "nothing to check" ? kExitNothingToCheck
                                           : kExitDoesNotFit;
}

} // namespace rigfit::cli
