#include "report/format.hpp"

#include "report/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

namespace rigfit {
namespace {

using nlohmann::json;

// Rounded for output so that two reports of the same build are byte-identical.

std::string upper(Severity s) {
  switch (s) {
  case Severity::Fail:
    return "FAIL";
  case Severity::Warn:
    return "WARN";
  case Severity::Info:
    return "INFO";
  case Severity::Pass:
    return "PASS";
  case Severity::NotChecked:
    return "N/C ";
  }
  return "?";
}

std::string verdictLine(const FitResult& r) {
  size_t unchecked = r.count(Severity::NotChecked);
  Verdict verdict = r.verdict();
  std::string v = verdict == Verdict::NothingToCheck
                      ? "nothing to check: the case is empty (add " + joined(r.missing) + ")"
                  : verdict == Verdict::DoesNotFit ? "something does not fit"
                  : verdict == Verdict::Depends    ? dependsVerdict(r) + " (DEPENDS below)"
                  : !r.missing.empty()             ? std::string("everything placed fits") +
                                             (unchecked > 0 ? " (some checks lacked data)" : "") +
                                             "; not yet in the build: " + joined(r.missing)
                  : unchecked > 0 ? "everything checked fits (some checks lacked data)"
                                  : "everything fits";
  return "Verdict: " + v + " (" + std::to_string(r.count(Severity::Fail)) + " fail, " +
         std::to_string(r.count(Severity::Warn)) + " warn, " +
         std::to_string(r.count(Severity::Info)) + " info, " +
         std::to_string(r.count(Severity::Pass)) + " pass, " +
         std::to_string(r.count(Severity::NotChecked)) + " not checked)";
}

std::string measuredText(const Finding& f) {
  if (!f.measured) return "";
  return quantity(*f.measured, f.unit);
}

} // namespace

json checkToJson(const Build& build, const FitResult& result) {
  json findings = json::array();
  for (const Finding& f : result.findings)
    findings.push_back(findingToJson(f));
  json counts;
  for (Severity s :
       {Severity::Fail, Severity::Warn, Severity::Info, Severity::Pass, Severity::NotChecked})
    counts[toString(s)] = result.count(s);
  return {{"rigfit_check", kCheckJsonVersion},
          {"build", build.name},
          // A case with nothing in it neither fits nor fails: null, and its verdict says why.
          {"fits", result.nothingPlaced ? json(nullptr) : json(result.fits())},
          {"verdict", toString(result.verdict())},
          {"missing", result.missing},
          {"counts", counts},
          {"findings", findings}};
}

std::string formatCheck(const Build& build, const FitResult& result, Format format) {
  if (format == Format::Json) return checkToJson(build, result).dump(2) + "\n";
  std::string out;
  if (format == Format::Markdown) {
    out += "# Fit check: " + escapeMarkdown(build.name) + "\n\n**" + verdictLine(result) + "**\n\n";
    out += "| Severity | Check | Parts | Measured | Finding | Rests on estimates |\n";
    out += "|---|---|---|---|---|---|\n";
    for (const Finding& f : result.findings) {
      std::string message = f.message;
      for (const std::string& l : rangeLines(f))
        message += "; " + l;
      out += "| " + std::string(f.dependsOnFail() ? "depends" : toString(f.severity)) + " | " +
             f.check + " | " + escapeMarkdown(joined(f.parts)) + " | " + measuredText(f) + " | " +
             escapeMarkdown(message) + " | " + escapeMarkdown(joined(f.estimates, "; ")) + " |\n";
    }
    if (std::string d = decidingFigure(result); !d.empty()) out += "\n" + escapeMarkdown(d) + "\n";
    return out;
  }
  out += "rigfit check: " + (build.name.empty() ? std::string("untitled build") : build.name) +
         " (" + std::to_string(build.instances.size()) +
         (build.instances.size() == 1 ? " part" : " parts") + ")\n\n";
  bool anyEstimate = false;
  // A verdict that depends is labelled DEPENDS, and then every label takes its width.
  bool wide = false;
  for (const Finding& f : result.findings)
    wide |= f.dependsOnFail();
  const size_t labelWidth = wide ? 7 : 4, indent = labelWidth + 25;
  for (const Finding& f : result.findings) {
    bool estimated = !f.estimates.empty();
    anyEstimate |= estimated;
    std::string label = f.dependsOnFail() ? "DEPENDS" : upper(f.severity);
    label += std::string(labelWidth > label.size() ? labelWidth - label.size() : 0, ' ');
    out += label + (estimated ? " ~ " : "   ") + f.check;
    out += std::string(f.check.size() < 22 ? 22 - f.check.size() : 1, ' ');
    out += f.message + "\n";
    // The estimates behind a verdict that asks for action are spelled out; behind a pass, the
    // ~ mark says they exist and --format md lists them. A band that moves the verdict is
    // spelled out with the figures that decide it.
    bool asks = f.severity < Severity::Pass || (f.range && f.range->depends());
    if (estimated && asks)
      out += std::string(indent, ' ') + "rests on estimates: " + joined(f.estimates, "; ") + "\n";
    if (asks)
      for (const std::string& l : rangeLines(f))
        out += std::string(indent, ' ') + l + "\n";
  }
  out += "\n" + verdictLine(result) + "\n";
  if (std::string d = decidingFigure(result); !d.empty()) out += d + "\n";
  if (anyEstimate)
    out += "Findings marked ~ rest on estimated figures: --format md lists them all, and\n"
           "'rigfit parts show ID' says how each estimate was made.\n";
  return out;
}

std::string formatTrials(const std::string& question, const std::vector<Trial>& trials,
                         Format format) {
  bool manyParts = false;
  for (const Trial& t : trials)
    manyParts |= t.partId != trials.front().partId;
  if (format == Format::Json) {
    json arr = json::array();
    for (const Trial& t : trials) {
      json j = {{"mount", t.parent + "/" + t.mount},
                {"part", t.partId},
                {"compatible", t.compatible},
                {"fits", t.fits},
                {"estimates", t.estimates}};
      j["margin_mm"] = t.marginMm ? roundedMm(*t.marginMm) : json(nullptr);
      if (t.ranged) {
        j["worst_margin_mm"] = t.worstMarginMm ? roundedMm(*t.worstMarginMm) : j["margin_mm"];
        j["depends"] = t.depends;
        j["deciding"] = t.deciding;
      }
      j["tightest"] = t.tightest;
      if (!t.compatible) j["incompatibility"] = t.incompatibility;
      json probs = json::array();
      for (const Finding& f : t.problems)
        probs.push_back(
            {{"check", f.check}, {"severity", toString(f.severity)}, {"message", f.message}});
      j["problems"] = probs;
      arr.push_back(j);
    }
    return json{{"rigfit_solve", kSolveJsonVersion}, {"question", question}, {"trials", arr}}.dump(
               2) +
           "\n";
  }
  std::string out;
  bool md = format == Format::Markdown;
  // Text: the first column as wide as its longest entry; the estimates every measured answer
  // rests on said once at the end, and under a line only those the others do not share.
  auto whereOf = [&](const Trial& t) { return manyParts ? t.partId : t.parent + "/" + t.mount; };
  size_t width = 0;
  for (const Trial& t : trials)
    width = std::max(width, whereOf(t).size());
  const std::string indent(2 + width + 2, ' ');
  std::vector<std::string> shared;
  bool firstMeasured = true;
  for (const Trial& t : trials) {
    if (!t.compatible) continue;
    if (firstMeasured)
      shared = t.estimates;
    else
      std::erase_if(shared, [&](const std::string& e) {
        return std::find(t.estimates.begin(), t.estimates.end(), e) == t.estimates.end();
      });
    firstMeasured = false;
  }
  out += md ? "# " + escapeMarkdown(question) +
                  "\n\n| Mount | Part | Answer | Margin | Why |\n|---|---|---|---|---|\n"
            : question + "\n\n";
  for (const Trial& t : trials) {
    std::string answer = !t.compatible ? "not compatible"
                         : t.depends
                             ? std::string(t.fits ? "FITS, DEPENDS" : "DOES NOT FIT, DEPENDS")
                         : t.fits ? "FITS"
                                  : "DOES NOT FIT";
    std::string margin = t.marginMm ? num(*t.marginMm, 1) + " mm" : "";
    if (t.worstMarginMm && t.marginMm && std::abs(*t.worstMarginMm - *t.marginMm) >= 0.05)
      margin += " (" + num(*t.worstMarginMm, 1) + " mm at worst)";
    else if (t.ranged && t.marginMm)
      margin += " (no estimate's band moves it)";
    std::string why;
    if (!t.compatible)
      why = t.incompatibility;
    else {
      std::vector<std::string> lines;
      for (const Finding& f : t.problems)
        lines.push_back(std::string(toString(f.severity)) + ": " + f.message);
      if (lines.empty() && !t.tightest.empty()) lines.push_back("tightest: " + t.tightest);
      for (const std::string& d : t.deciding)
        lines.push_back("depends: " + d);
      // In Markdown each line is escaped and the lines joined by a real <br>.
      if (md)
        for (std::string& l : lines)
          l = escapeMarkdown(l);
      why = joined(lines, md ? "<br>" : "\n");
    }
    if (md) {
      out += "| " + escapeMarkdown(t.parent + "/" + t.mount) + " | " + escapeMarkdown(t.partId) +
             " | " + answer + " | " + margin + " | " + (t.compatible ? why : escapeMarkdown(why)) +
             " |\n";
      continue;
    }
    std::string where = whereOf(t);
    out += "  " + where + std::string(width + 2 - where.size(), ' ') + answer;
    if (!margin.empty())
      out += (t.fits ? "   tightest margin " : "   margin ") + margin;
    else if (t.compatible && !t.fits)
      out += "   (" + t.tightestCheck + ")";
    out += "\n";
    size_t start = 0;
    while (start < why.size()) {
      size_t end = why.find('\n', start);
      if (end == std::string::npos) end = why.size();
      out += indent + why.substr(start, end - start) + "\n";
      start = end + 1;
    }
    std::vector<std::string> own;
    for (const std::string& e : t.estimates)
      if (std::find(shared.begin(), shared.end(), e) == shared.end()) own.push_back(e);
    if (t.compatible && !own.empty())
      out += indent + "~ " + (shared.empty() ? "rests on estimates: " : "also rests on: ") +
             joined(own, "; ") + "\n";
  }
  if (!md && !shared.empty())
    out += "\n~ every answer measured above rests on estimates: " + joined(shared, "; ") +
           " ('rigfit parts show ID' says how each was made)\n";
  return out;
}

std::string formatMax(const MaxAnswer& a, Format format) {
  if (format == Format::Json)
    return json{{"rigfit_solve", kSolveJsonVersion},
                {"part", a.partId},
                {"count", a.mounts.size()},
                {"mounts", a.mounts}}
               .dump(2) +
           "\n";
  std::string list = joined(a.mounts);
  std::string line = "At most " + std::to_string(a.mounts.size()) + " more " + a.partId +
                     " fit together" + (a.mounts.empty() ? "" : ": " + list);
  return (format == Format::Markdown ? "**" + escapeMarkdown(line) + "**" : line) + "\n";
}

} // namespace rigfit
