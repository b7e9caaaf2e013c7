#include "cli.hpp"
#include "common/file.hpp"
#include "png.hpp"
#include "renderer.hpp"
#include "report/report.hpp"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

namespace rigfit::cli {
namespace {

// The format named by --format, or else by the output file's extension.
Result<ReportFormat> reportFormat(const Args& args, const std::string& out) {
  if (auto f = args.get("--format"); f && !f->empty()) {
    Result<ReportFormat> named = reportFormatNamed(*f);
    if (!named) return Error{"", "--format", named.error().reason};
    return named;
  }
  Result<ReportFormat> byName = reportFormatOfFile(out);
  if (!byName) return Error{"", "-o", byName.error().reason};
  return byName;
}

// 3D pictures from the offscreen renderer, when an OpenGL context can be had; otherwise the
// report says why there are none.
void addRenders(Report& r, const BuildRun& run) {
  auto renderer = render::makeRenderer("gl");
  if (!renderer) {
    r.rendersNote = "3D renders were skipped: " + renderer.error().reason + ".";
    return;
  }
  // The report's own findings colour the failing parts: no second check.
  render::Scene scene = sceneWithMeshes(run.loaded.assembly, r.findings);
  for (render::View v : {render::View::Iso, render::View::Front}) {
    Result<render::Image> img = (*renderer)->render(scene, v, 760, 570);
    if (!img) {
      r.rendersNote = "3D renders were skipped: " + img.error().reason + ".";
      r.renders.clear();
      return;
    }
    r.renders.push_back({render::toString(v), render::encodePng(*img)});
  }
  r.rendersNote.clear();
}

} // namespace

int runReport(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc =
          startBuildRun(argv, {"-o", "--output"}, "report", run, {"--with-solve", "--no-renders"}))
    return rc;
  std::optional<std::string> given = run.args.get("-o");
  if (!given) given = run.args.get("--output");
  if (given && given->empty()) return usageError("-o needs a file name (FILE.html, .md or .json)");
  // With no -o (or -o -) the report goes to standard output, as Markdown unless --format says.
  const std::string out = given && *given != "-" ? *given : "";
  Result<ReportFormat> format = !out.empty()               ? reportFormat(run.args, out)
                                : run.args.get("--format") ? reportFormat(run.args, "")
                                                           : ReportFormat::Markdown;
  if (!format) return usageError(format.error().message());
  ReportOptions options;
  options.settings = run.settings;
  options.withSolve = run.args.get("--with-solve").has_value();
  Report r = makeReport(run.loaded.build, run.loaded.assembly, run.catalog, options);
  if (*format == ReportFormat::Html && !run.args.get("--no-renders")) addRenders(r, run);
  std::string text = reportText(r, *format);
  if (out.empty()) {
    std::cout << text;
  } else {
    Status saved = writeFileAtomic(out, text);
    if (!saved) return fail(saved.error());
    std::cout << "wrote " << out << ": " << r.findings.size() << " findings; " << r.verdict << "\n";
  }
  return r.outcome == "fits"               ? kExitFits
         : r.outcome == "depends"          ? kExitDepends
         : r.outcome == "nothing to check" ? kExitNothingToCheck
                                           : kExitDoesNotFit;
}

} // namespace rigfit::cli
