// The report as Markdown, for forums: the same content as the HTML page, in tables.
#include "report/report.hpp"
#include "report/text.hpp"

namespace rigfit {
namespace {

std::string m(const std::string& s) {
  return escapeMarkdown(s);
}

} // namespace

std::string toMarkdown(const Report& r) {
  std::string s;
  s += "# Fit report: " + m(r.title) + "\n\n";
  s += "**" + m(r.answer) + "**\n\nVerdict: " + m(r.verdict) + "\n\n";
  if (!r.deciding.empty()) s += m(r.deciding) + "\n\n";
  s += "## Every check\n\n| Result | Check | Parts | Measured | Needs | Finding |\n"
       "|---|---|---|---:|---:|---|\n";
  for (const Finding& f : r.findings) {
    std::string meas = f.measured ? quantity(*f.measured, f.unit) : "";
    std::string req = f.required ? std::string(f.bound == Bound::AtLeast ? ">= " : "<= ") +
                                       quantity(*f.required, f.unit)
                                 : "";
    std::string msg = f.message;
    if (!f.estimates.empty()) msg += " (rests on estimates: " + joined(f.estimates, "; ") + ")";
    for (const std::string& l : rangeLines(f))
      msg += "; " + l;
    const bool depends = f.dependsOnFail();
    s += "| " + m(depends ? "depends" : toString(f.severity)) + " | " + m(f.check) + " | " +
         m(joined(f.parts, ", ")) + " | " + m(meas) + " | " + m(req) + " | " + m(msg) + " |\n";
  }
  if (r.withSolve) {
    s += "\n## " + m(r.solveQuestion) +
         "\n\n| Slot | Answer | Tightest margin | Why |\n|---|---|---:|---|\n";
    for (const Trial& t : r.solve) {
      std::string answer = !t.compatible ? "not compatible" : t.fits ? "fits" : "does not fit";
      std::vector<std::string> why;
      if (!t.compatible) why.push_back(t.incompatibility);
      for (const Finding& f : t.problems)
        why.push_back(std::string(toString(f.severity)) + ": " + f.message);
      s += "| " + m(t.parent + "/" + t.mount) + " | " + answer + " | " +
           (t.marginMm ? num(*t.marginMm, 1) + " mm" : "") + " | " + m(joined(why, "; ")) + " |\n";
    }
  }
  s += "\n## Drawings\n\n" + m(r.rendersNote) +
       " The HTML report (`rigfit report BUILD -o fit.html`) carries the side, front and top "
       "views.\n";
  s += "\n## Parts, and the source of every figure\n";
  for (const ReportPart& p : r.parts) {
    s += "\n### " + m(p.id) + ": " + m(p.name) + "\n\n" + m(p.category) +
         (p.on.empty() ? "" : ", on " + m(p.on)) + "; catalog id " + m(p.partId) + "\n\n";
    s += "| Figure | Value | Source or estimate |\n|---|---:|---|\n";
    for (const ReportFigure& f : p.figures)
      s += "| " + m(f.name) + " | " + m(f.value) + " | " +
           (f.estimate.empty() ? m(f.source) : "estimate: " + m(f.estimate)) +
           (f.band.empty() ? "" : "; " + m(f.band)) + " |\n";
  }
  if (!r.attribution.empty()) s += "\n" + m(r.attribution) + ".\n";
  s += "\n## What was not checked\n\n";
  if (r.notChecked.empty()) s += "Every check had the figures it needs.\n";
  for (const std::string& n : r.notChecked)
    s += "- " + m(n) + "\n";
  s += "\n## Verdicts that rest on estimates\n\n";
  for (const std::string& e : r.estimates)
    s += "- " + m(e) + "\n";
  return s;
}

} // namespace rigfit
