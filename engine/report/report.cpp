#include "report/report.hpp"

#include "catalog/opendb.hpp"
#include "catalog/ranges.hpp"
#include "fit/ranged.hpp"
#include "report/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

namespace rigfit {
namespace {

// What a margin is measured to, in a builder's words, from the check that set it.
std::string marginPhrase(const Trial& t, const Assembly& a, const std::string& newId) {
  if (t.tightestCheck == "gpu-gap") {
    for (const std::string& p : t.tightestParts)
      if (p != newId) {
        std::optional<int> i = a.indexOf(p);
        return "to the cooler of " + (i ? a.items[*i].id + " (" + a.items[*i].part->name + ")" : p);
      }
  }
  if (t.tightestCheck == "gpu-length") return "to spare in length";
  if (t.tightestCheck == "gpu-height") return "below the side panel";
  if (t.tightestCheck == "bottom-card-psu") return "above the PSU";
  if (t.tightestCheck == "cooler-gpu") return "to the CPU cooler";
  return "to spare (" + t.tightestCheck + ")";
}

std::string answerFor(const Build& build, const Assembly& a, const Catalog& catalog,
                      const FitResult& result, const ReportOptions& o,
                      std::vector<Trial>* trialsOut, std::string* question) {
  if (result.verdict() == Verdict::NothingToCheck)
    return "Nothing to check yet: the case is empty. Add " + joined(result.missing) + ".";
  std::string state;
  size_t fails = result.count(Severity::Fail), warns = result.count(Severity::Warn);
  if (fails == 0 && result.verdict() == Verdict::Depends)
    state = "The build as it stands fits at the figures taken, but not at every value they "
            "could take: it depends on " +
            dependsOnText(result) + "; what to look up is named below.";
  else if (fails == 0)
    state = "The build as it stands fits" +
            (warns ? " with " + std::to_string(warns) + " warning" + (warns == 1 ? "" : "s")
                   : std::string()) +
            "." +
            (result.missing.empty() ? std::string()
                                    : " Not yet in it: " + joined(result.missing) + ".");
  else
    state = "The build as it stands does not fit: " + std::to_string(fails) + " problem" +
            (fails == 1 ? "" : "s") + ", listed below.";
  const Placed* card = nullptr;
  int cards = 0;
  for (const Placed& p : a.items)
    if (p.part->category == Category::Gpu) {
      if (!card) card = &p;
      ++cards;
    }
  if (fails > 0) {
    // The build itself does not fit: that is the answer, led by its first problem. Where it
    // fits at other values the figures could take, it does not fit at those taken, and depends.
    const bool depends = result.verdict() == Verdict::Depends;
    for (const Finding& f : result.findings)
      if (f.severity == Severity::Fail)
        return (depends ? "At the figures taken this build does not fit: "
                        : "This build does not fit: ") +
               f.message + "." +
               (fails > 1 ? " " + std::to_string(fails - 1) + " more problem" +
                                (fails == 2 ? "" : "s") + " below."
                          : std::string()) +
               (depends ? " At some values they could take, it fits: it depends on " +
                              dependsOnText(result) + "; what to look up is named below."
                        : std::string());
  }
  if (!card) return state;
  Result<std::vector<Trial>> trials = solveAdd(build, catalog, card->part->id, o.settings, true);
  if (!trials) return state;
  *question = "Does another " + card->part->name + " fit? Every free slot, tried in turn:";
  if (o.withSolve) *trialsOut = *trials;
  const Trial* best = nullptr;
  for (const Trial& t : *trials)
    if (t.fits && (!best || t.rankMargin() > best->rankMargin())) best = &t;
  std::string ordinal = cards == 1 ? "A second " : "Another ";
  std::string s;
  if (best) {
    std::string newId = Build(build).freshId("gpu");
    s = ordinal + card->part->name + " fits in " + best->mount;
    if (best->marginMm) {
      s += " with " + num(*best->marginMm, 1) + " mm " + marginPhrase(*best, a, newId);
      // What the estimates' bands do to that margin.
      if (best->worstMarginMm && std::abs(*best->worstMarginMm - *best->marginMm) >= 0.05)
        s += " (" + num(*best->worstMarginMm, 1) + " mm at the worst values of the estimates" +
             (best->depends ? ": it depends on " + joined(best->deciding, "; ") : "") + ")";
      else
        s += " (no estimate's band moves it)";
    }
    for (const Finding& f : best->problems)
      if (f.check == "gpu-cooling" && f.measured) {
        s += "; " + f.parts.front() + "'s fans then breathe through " + num(*f.measured, 1) +
             " mm: consider a thinner (2-slot) or blower card";
        break;
      }
    s += ".";
  } else {
    s = ordinal + card->part->name + " does not fit in any free slot.";
    for (const Trial& t : *trials)
      if (t.compatible && !t.problems.empty()) {
        s += " In " + t.mount + ": " + t.problems.front().message + ".";
        break;
      }
  }
  return s + " " + state;
}

std::string figureValue(const Part& p, const std::string& name, const Figure& f) {
  auto t = p.texts.find(name);
  if (t != p.texts.end()) return t->second;
  std::string v = num(f.value, 3);
  v.erase(v.find_last_not_of('0') + 1);
  if (!v.empty() && v.back() == '.') v.pop_back();
  return v;
}

} // namespace

Report makeReport(const Build& build, const Assembly& a, const Catalog& catalog,
                  const ReportOptions& o) {
  Report r;
  r.title = build.name.empty() ? "Untitled build" : build.name;
  FitResult result = checkWithRanges(a, catalog, o.settings);
  r.fits = result.fits();
  r.outcome = toString(result.verdict());
  size_t unchecked = result.count(Severity::NotChecked);
  std::string lacked =
      std::to_string(unchecked) + " check" + (unchecked == 1 ? "" : "s") + " lacked data";
  r.verdict = result.verdict() == Verdict::NothingToCheck
                  ? "nothing to check: the case is empty (add " + joined(result.missing) + ")"
              : result.verdict() == Verdict::DoesNotFit ? "something does not fit"
              : result.verdict() == Verdict::Depends    ? dependsVerdict(result)
              : !result.missing.empty()
                  ? "everything placed fits" + (unchecked > 0 ? "; " + lacked : std::string()) +
                        "; not yet in the build: " + joined(result.missing)
              : unchecked > 0 ? "everything checked fits; " + lacked
                              : "everything fits";
  r.deciding = decidingFigure(result);
  r.withSolve = o.withSolve;
  r.answer = answerFor(build, a, catalog, result, o, &r.solve, &r.solveQuestion);
  std::set<std::string> estimates;
  for (const Finding& f : result.findings) {
    if (f.severity == Severity::NotChecked) r.notChecked.push_back(f.message);
    estimates.insert(f.estimates.begin(), f.estimates.end());
  }
  r.estimates.assign(estimates.begin(), estimates.end());
  for (size_t i = 0; i < a.items.size(); ++i) {
    const Placed& p = a.items[i];
    ReportPart rp{p.id,
                  p.part->id,
                  p.part->name,
                  toString(p.part->category),
                  p.parent ? a.items[*p.parent].id + "/" + p.mount->name : "",
                  {}};
    for (const auto& [name, f] : p.part->figures) {
      ReportFigure rf{name, figureValue(*p.part, name, f), "", f.estimate, ""};
      if (!f.estimated()) rf.source = p.part->sources.at(f.source);
      if (std::optional<FigureRange> band = rangeOf(*p.part, name, catalog))
        rf.band = "could be " + num(band->lo, 1) + " to " + num(band->hi, 1) + " " + band->unit +
                  ": " + band->why;
      rp.figures.push_back(rf);
    }
    r.parts.push_back(rp);
    bool openDb = p.part->tier == Tier::OpenDb;
    for (const auto& [key, source] : p.part->sources)
      openDb = openDb || source.find("buildcores") != std::string::npos ||
               source.find("BuildCores") != std::string::npos;
    if (openDb) r.attribution = kOpenDbAttribution;
  }
  r.drawings = drawingsOf(a, result.findings);
  r.rendersNote = "3D renders were skipped: no renderer was given (rigfit report adds them "
                  "when an OpenGL context can be had).";
  r.findings = std::move(result.findings);
  return r;
}

Result<ReportFormat> reportFormatNamed(const std::string& name) {
  if (name == "html" || name == "htm") return ReportFormat::Html;
  if (name == "md" || name == "markdown") return ReportFormat::Markdown;
  if (name == "json") return ReportFormat::Json;
  return Error{"", "", "a report is html, md or json (got \"" + name + "\")"};
}

Result<ReportFormat> reportFormatOfFile(const std::string& path) {
  std::string name = std::filesystem::path(path).extension().string();
  if (name.empty())
    return Error{path, "", "name the report with .html, .md or .json, or give its format"};
  std::string lower = name.substr(1);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Result<ReportFormat> f = reportFormatNamed(lower);
  if (!f)
    return Error{path, "", "a report file ends in .html, .md or .json (got \"" + name + "\")"};
  return f;
}

std::string reportText(const Report& r, ReportFormat f) {
  switch (f) {
  case ReportFormat::Html:
    return toHtml(r);
  case ReportFormat::Markdown:
    return toMarkdown(r);
  case ReportFormat::Json:
    return toJson(r).dump(2) + "\n";
  }
  return "";
}

} // namespace rigfit
