// The report as one self-contained HTML page: inline CSS and SVG, no scripts, no requests.
// Readable on a phone (tables scroll, drawings shrink) and when printed.
#include "report/report.hpp"
#include "report/text.hpp"

namespace rigfit {
namespace {

const char* kCss = R"(
:root { --fail:#c62828; --warn:#ef6c00; --info:#1565c0; --pass:#2e7d32; --nc:#6d4c41; }
* { box-sizing: border-box; }
body { font: 16px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 980px; padding: 16px;
       color: #212121; }
h1 { font-size: 1.6em; margin: 0.2em 0; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ccc; }
.brand { color: #666; margin: 0; font-size: 0.9em; letter-spacing: 0.05em; text-transform: uppercase; }
.answer { border-left: 6px solid var(--pass); background: #f1f8e9; padding: 12px 16px; font-size: 1.1em; }
.answer.fails { border-color: var(--fail); background: #ffebee; }
.answer.depends { border-color: var(--warn); background: #fff3e0; }
.answer.empty { border-color: #9e9e9e; background: #f5f5f5; }
.deciding { margin-bottom: 0; }
.range { color: #5d4037; font-size: 0.9em; }
.verdict { font-weight: bold; margin-bottom: 0; }
figure { margin: 1em 0; page-break-inside: avoid; }
figure svg, figure img { max-width: 100%; height: auto; border: 1px solid #ddd; background: #fff; }
figcaption { color: #555; font-size: 0.9em; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { border-bottom: 1px solid #e0e0e0; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.sev { font-weight: bold; white-space: nowrap; }
.sev-fail .sev { color: var(--fail); } .sev-warn .sev { color: var(--warn); }
.sev-info .sev { color: var(--info); } .sev-pass .sev { color: var(--pass); }
.sev-not-checked .sev { color: var(--nc); }
.est { color: #8d6e63; font-size: 0.85em; }
.attribution { color: #616161; font-size: 0.85em; }
.note { color: #555; font-style: italic; }
footer { margin-top: 2em; color: #777; font-size: 0.85em; }
@media print { body { max-width: none; } .answer { background: none; } a { color: inherit; } }
)";

std::string e(const std::string& s) {
  return escapeXml(s);
}

std::string sevClass(Severity s) {
  std::string c = toString(s);
  for (char& ch : c)
    if (ch == ' ') ch = '-';
  return "sev-" + c;
}

std::string measured(const Finding& f) {
  if (!f.measured) return "";
  return quantity(*f.measured, f.unit);
}

std::string required(const Finding& f) {
  if (!f.required) return "";
  return std::string(f.bound == Bound::AtLeast ? "&ge; " : "&le; ") + quantity(*f.required, f.unit);
}

} // namespace

std::string toHtml(const Report& r) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>rigfit report: " + e(r.title) + "</title>\n<style>" + kCss +
       "</style>\n</head>\n<body>\n";
  h += "<header><p class=\"brand\">rigfit fit report</p><h1 id=\"title\">" + e(r.title) +
       "</h1></header>\n";
  std::string answerClass = r.outcome == "does not fit"       ? " fails"
                            : r.outcome == "depends"          ? " depends"
                            : r.outcome == "nothing to check" ? " empty"
                                                              : "";
  h += "<section id=\"answer\" class=\"answer" + answerClass + "\">\n<p>" + e(r.answer) +
       "</p>\n<p class=\"verdict\">Verdict: " + e(r.verdict) + "</p>\n";
  if (!r.deciding.empty()) h += "<p class=\"deciding\">" + e(r.deciding) + "</p>\n";
  h += "</section>\n";

  h += "<section id=\"drawings\">\n<h2>Drawings</h2>\n";
  for (const Drawing& d : r.drawings)
    h += "<figure id=\"drawing-" + e(d.id) + "\">\n" + d.svg + "\n<figcaption>" + e(d.title) +
         ". Measured clearances are dimensioned in mm: blue passes, orange warns, red "
         "fails.</figcaption>\n</figure>\n";
  for (const Picture& p : r.renders)
    h += "<figure class=\"render\"><img alt=\"" + e(p.view) +
         " view of the build\" src=\"data:image/png;base64," + base64(p.png) +
         "\"><figcaption>3D render, " + e(p.view) + " view</figcaption></figure>\n";
  if (!r.rendersNote.empty()) h += "<p class=\"note\">" + e(r.rendersNote) + "</p>\n";
  h += "</section>\n";

  h += "<section id=\"checks\">\n<h2>Every check</h2>\n<div class=\"scroll\"><table>\n<thead><tr>"
       "<th>Result</th><th>Check</th><th>Parts</th><th>Measured</th><th>Needs</th><th>Finding</th>"
       "</tr></thead>\n<tbody>\n";
  for (const Finding& f : r.findings) {
    const bool depends = f.dependsOnFail();
    h += "<tr class=\"finding " + (depends ? std::string("sev-warn") : sevClass(f.severity)) +
         "\" data-check=\"" + e(f.check) + "\">";
    h += "<td class=\"sev\">" + e(depends ? "depends" : toString(f.severity)) + "</td><td>" +
         e(f.check) + "</td><td>" + e(joined(f.parts, ", ")) + "</td><td class=\"num\">" +
         e(measured(f)) + "</td><td class=\"num\">" + required(f) + "</td><td>" + e(f.message);
    if (!f.estimates.empty())
      h += "<div class=\"est\">rests on estimates: " + e(joined(f.estimates, "; ")) + "</div>";
    for (const std::string& l : rangeLines(f))
      h += "<div class=\"range\">" + e(l) + "</div>";
    h += "</td></tr>\n";
  }
  h += "</tbody>\n</table></div>\n</section>\n";

  if (r.withSolve) {
    h += "<section id=\"solve\">\n<h2>" + e(r.solveQuestion) +
         "</h2>\n<div class=\"scroll\"><table>\n"
         "<thead><tr><th>Slot</th><th>Answer</th><th>Tightest "
         "margin</th><th>Why</th></tr></thead>\n<tbody>\n";
    for (const Trial& t : r.solve) {
      std::string answer = !t.compatible ? "not compatible" : t.fits ? "fits" : "does not fit";
      std::string why = !t.compatible ? e(t.incompatibility) : "";
      for (const Finding& f : t.problems)
        why += "<div>" + e(std::string(toString(f.severity)) + ": " + f.message) + "</div>";
      if (t.compatible && t.problems.empty()) why = e(t.tightest);
      h += "<tr class=\"trial\"><td>" + e(t.parent + "/" + t.mount) + "</td><td class=\"sev\">" +
           answer + "</td><td class=\"num\">" + (t.marginMm ? num(*t.marginMm, 1) + " mm" : "") +
           "</td><td>" + why + "</td></tr>\n";
    }
    h += "</tbody>\n</table></div>\n</section>\n";
  }

  h += "<section id=\"parts\">\n<h2>Parts, and the source of every figure</h2>\n";
  for (const ReportPart& p : r.parts) {
    h += "<h3 class=\"part\">" + e(p.id) + ": " + e(p.name) + "</h3>\n<p>" + e(p.category) +
         (p.on.empty() ? "" : ", on " + e(p.on)) + "; catalog id " + e(p.partId) + "</p>\n";
    h += "<div class=\"scroll\"><table>\n<thead><tr><th>Figure</th><th>Value</th><th>Source or "
         "estimate</th>"
         "</tr></thead>\n<tbody>\n";
    for (const ReportFigure& f : p.figures)
      h += "<tr><td>" + e(f.name) + "</td><td class=\"num\">" + e(f.value) + "</td><td>" +
           (f.estimate.empty() ? e(f.source)
                               : "<span class=\"est\">estimate:</span> " + e(f.estimate)) +
           (f.band.empty() ? "" : "<div class=\"range\">" + e(f.band) + "</div>") + "</td></tr>\n";
    h += "</tbody>\n</table></div>\n";
  }
  if (!r.attribution.empty()) h += "<p class=\"attribution\">" + e(r.attribution) + ".</p>\n";
  h += "</section>\n";

  h += "<section id=\"not-checked\">\n<h2>What was not checked</h2>\n";
  if (r.notChecked.empty())
    h += "<p>Every check had the figures it needs.</p>\n";
  else {
    h += "<ul>\n";
    for (const std::string& s : r.notChecked)
      h += "<li>" + e(s) + "</li>\n";
    h += "</ul>\n";
  }
  h += "</section>\n<section id=\"estimates\">\n<h2>Verdicts that rest on estimates</h2>\n"
       "<p>These figures are estimates, not published numbers; the parts list above says how each "
       "was made. A verdict that rests on one is marked in the table of checks.</p>\n<ul>\n";
  for (const std::string& s : r.estimates)
    h += "<li>" + e(s) + "</li>\n";
  h += "</ul>\n</section>\n<footer>Made by rigfit 0.1.0. Millimetres throughout; a negative "
       "clearance is an overlap by that much.</footer>\n</body>\n</html>\n";
  return h;
}

} // namespace rigfit
