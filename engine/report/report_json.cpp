// The report as JSON: every finding and figure, keys sorted and numbers rounded, so two
// reports of the same build are byte-identical. Described by docs/report.schema.json.
#include "report/report.hpp"
#include "report/text.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace rigfit {
using nlohmann::json;

json toJson(const Report& r) {
  json findings = json::array();
  for (const Finding& f : r.findings)
    findings.push_back(findingToJson(f));
  json parts = json::array();
  for (const ReportPart& p : r.parts) {
    json figures = json::object();
    for (const ReportFigure& f : p.figures) {
      json fj = {{"value", f.value}};
      if (f.estimate.empty())
        fj["source"] = f.source;
      else
        fj["estimate"] = f.estimate;
      if (!f.band.empty()) fj["band"] = f.band;
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
              {"fits", r.outcome == "nothing to check" ? json(nullptr) : json(r.fits)},
              {"verdict", r.verdict},
              {"outcome", r.outcome},
              {"findings", findings},
              {"parts", parts},
              {"not_checked", r.notChecked},
              {"estimates", r.estimates},
              {"renders", r.rendersNote}};
  if (!r.attribution.empty()) out["attribution"] = r.attribution;
  if (!r.deciding.empty()) out["deciding"] = r.deciding;
  if (r.withSolve) {
    json trials = json::array();
    for (const Trial& t : r.solve) {
      json problems = json::array();
      for (const Finding& f : t.problems)
        problems.push_back(findingToJson(f));
      trials.push_back({{"mount", t.parent + "/" + t.mount},
                        {"part", t.partId},
                        {"compatible", t.compatible},
                        {"incompatibility", t.incompatibility},
                        {"fits", t.fits},
                        {"margin_mm", t.marginMm ? roundedMm(*t.marginMm) : json(nullptr)},
                        {"problems", problems}});
    }
    out["solve"] = {{"question", r.solveQuestion}, {"trials", trials}};
  }
  return out;
}

} // namespace rigfit
