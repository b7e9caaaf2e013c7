// The report as JSON: every finding and figure, keys sorted and numbers rounded, so two
// reports of the same build are byte-identical. Described by docs/report.schema.json.
#include "report/report.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace rigfit {
namespace {

using nlohmann::json;

json rounded(double v) {
  return std::round(v * 1000.0) / 1000.0 + 0.0;
}

json findingJson(const Finding& f) {
  json j = {
      {"check", f.check}, {"severity", toString(f.severity)},
      {"parts", f.parts}, {"message", f.message},
      {"unit", f.unit},   {"estimates", f.estimates},
      {"hard", f.hard},   {"required_is", f.bound == Bound::AtLeast ? "at least" : "at most"}};
  j["measured"] = f.measured ? rounded(*f.measured) : json(nullptr);
  j["required"] = f.required ? rounded(*f.required) : json(nullptr);
  j["where"] = nullptr;
  if (f.where)
    j["where"] = {{"lo", {rounded(f.where->lo.x), rounded(f.where->lo.y), rounded(f.where->lo.z)}},
                  {"hi", {rounded(f.where->hi.x), rounded(f.where->hi.y), rounded(f.where->hi.z)}}};
  return j;
}

} // namespace

json toJson(const Report& r) {
  json findings = json::array();
  for (const Finding& f : r.findings)
    findings.push_back(findingJson(f));
  json parts = json::array();
  for (const ReportPart& p : r.parts) {
    json figures = json::object();
    for (const ReportFigure& f : p.figures) {
      json fj = {{"value", f.value}};
      if (f.estimate.empty())
        fj["source"] = f.source;
      else
        fj["estimate"] = f.estimate;
      figures[f.name] = fj;
    }
    parts.push_back({{"id", p.id},
                     {"part", p.partId},
                     {"name", p.name},
                     {"category", p.category},
                     {"on", p.on},
                     {"figures", figures}});
  }
  json out = {{"rigfit_report", kReportJsonVersion},
              {"build", r.title},
              {"answer", r.answer},
              {"fits", r.fits},
              {"verdict", r.verdict},
              {"findings", findings},
              {"parts", parts},
              {"not_checked", r.notChecked},
              {"estimates", r.estimates},
              {"renders", r.rendersNote}};
  if (r.withSolve) {
    json trials = json::array();
    for (const Trial& t : r.solve) {
      json problems = json::array();
      for (const Finding& f : t.problems)
        problems.push_back(findingJson(f));
      trials.push_back({{"mount", t.parent + "/" + t.mount},
                        {"part", t.partId},
                        {"compatible", t.compatible},
                        {"incompatibility", t.incompatibility},
                        {"fits", t.fits},
                        {"margin_mm", t.marginMm ? rounded(*t.marginMm) : json(nullptr)},
                        {"problems", problems}});
    }
    out["solve"] = {{"question", r.solveQuestion}, {"trials", trials}};
  }
  return out;
}

} // namespace rigfit
