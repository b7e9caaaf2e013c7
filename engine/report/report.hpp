#pragma once
// The fit report: everything a builder shows a friend, a forum or a shop to explain why a part
// does or does not fit. Made once from the build, written as HTML, Markdown or JSON.
#include "assembly/build.hpp"
#include "fit/fit.hpp"
#include "solve/solve.hpp"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace rigfit {

constexpr int kReportJsonVersion = 1;

struct ReportFigure {
  std::string name, value;      // "length_mm", "189.89"
  std::string source, estimate; // the citation, or how it was estimated
  std::string band;             // "could be 111 to 149.3 mm: why", for a figure with a band
};

struct ReportPart {
  std::string id, partId, name, category, on; // on: "board/PCIEX16_1", "" for the case
  std::vector<ReportFigure> figures;
};

struct Drawing {
  std::string id, title, svg; // svg: a complete <svg> element
};

// A 3D picture of the build, made by a front (the engine draws no pixels).
struct Picture {
  std::string view; // "iso", "front", ...
  std::string png;  // PNG bytes
};

struct Report {
  std::string title;    // the build's name
  std::string answer;   // the answer on top, one or two sentences
  bool fits = true;     // at the estimates
  std::string outcome;  // over the estimates' bands: "fits", "does not fit" or "depends"
  std::string verdict;  // "everything fits (...)"
  std::string deciding; // for a verdict that depends: the figure to look up, and where
  std::vector<Finding> findings;
  std::vector<ReportPart> parts;
  bool withSolve = false;
  std::string solveQuestion;
  std::vector<Trial> solve;
  std::vector<std::string> notChecked; // what the checks could not judge, and why
  std::vector<std::string> estimates;  // every estimate some verdict rests on
  std::vector<Drawing> drawings;
  std::vector<Picture> renders;
  std::string rendersNote; // why 3D renders are absent, when they are
  // The attribution the data's licence asks for, when a part's figures come from BuildCores
  // OpenDB (an OpenDB part, or a curated part citing a row); "" otherwise.
  std::string attribution;
};

struct ReportOptions {
  FitSettings settings;
  bool withSolve = false; // include "does another card fit?" slot by slot
};

Report makeReport(const Build& build, const Assembly& assembly, const Catalog& catalog,
                  const ReportOptions& options = {});

std::string toHtml(const Report& r);
std::string toMarkdown(const Report& r);
nlohmann::json toJson(const Report& r);

// The report's three forms, by name ("html" or "htm", "md" or "markdown", "json") or by a file's
// extension; an Error names the supported ones.
enum class ReportFormat { Html, Markdown, Json };
Result<ReportFormat> reportFormatNamed(const std::string& name);
Result<ReportFormat> reportFormatOfFile(const std::string& path);
std::string reportText(const Report& r, ReportFormat f);

// The side, front and top views of the build as SVG, with the case openings and the measured
// clearances dimensioned in mm.
std::vector<Drawing> drawingsOf(const Assembly& assembly, const std::vector<Finding>& findings);

} // namespace rigfit
