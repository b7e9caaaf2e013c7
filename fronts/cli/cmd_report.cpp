#include "cli.hpp"
#include "common/file.hpp"
#include "report/report.hpp"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

namespace rigfit::cli {
namespace {

enum class ReportFormat { Html, Markdown, Json };

// The format named by --format, or else by the output file's extension.
Result<ReportFormat> reportFormat(const Args& args, const std::string& out) {
  std::string f = args.get("--format").value_or("");
  if (f.empty()) {
    auto dot = out.rfind('.');
    f = dot == std::string::npos ? "" : out.substr(dot + 1);
    if (f.empty())
      return Error{"", "-o", "name the file with .html, .md or .json, or give --format"};
  }
  if (f == "html" || f == "htm") return ReportFormat::Html;
  if (f == "md" || f == "markdown") return ReportFormat::Markdown;
  if (f == "json") return ReportFormat::Json;
  return Error{"", "--format", "a report is html, md or json (got \"" + f + "\")"};
}

} // namespace

int runReport(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc = startBuildRun(argv, {"-o", "--output"}, "report", run, {"--with-solve"})) return rc;
  auto out = run.args.get("-o");
  if (!out) out = run.args.get("--output");
  if (!out || out->empty()) return usageError("report needs -o FILE.html|.md|.json");
  Result<ReportFormat> format = reportFormat(run.args, *out);
  if (!format) return usageError(format.error().message());
  ReportOptions options;
  options.settings = run.settings;
  options.withSolve = run.args.get("--with-solve").has_value();
  Report r = makeReport(run.loaded.build, run.loaded.assembly, run.catalog, options);
  std::string text = *format == ReportFormat::Html       ? toHtml(r)
                     : *format == ReportFormat::Markdown ? toMarkdown(r)
                                                         : toJson(r).dump(2) + "\n";
  Status saved = writeFileAtomic(*out, text);
  if (!saved) return fail(saved.error());
  std::cout << "wrote " << *out << ": " << r.findings.size() << " findings; " << r.verdict << "\n";
  return r.fits ? kExitFits : kExitDoesNotFit;
}

} // namespace rigfit::cli
