#include "partlist/export.hpp"

#include "partlist/parse.hpp"
#include "report/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace rigfit {
namespace {

// One line of the list: what a builder buys, and the placed parts it became.
struct Row {
  Category category = Category::Case;
  std::string name, partId;
  std::vector<std::string> instances;
};

// PCPartPicker's order of a list's lines.
int listOrder(Category c) {
  switch (c) {
  case Category::Cpu:
    return 0;
  case Category::Cooler:
  case Category::Radiator:
    return 1;
  case Category::Motherboard:
    return 2;
  case Category::Memory:
    return 3;
  case Category::Storage:
    return 4;
  case Category::Gpu:
    return 5;
  case Category::Case:
    return 6;
  case Category::Psu:
    return 7;
  case Category::Fan:
    return 8;
  }
  return 9;
}

std::vector<Row> rowsOf(const Report& r, const Catalog& catalog) {
  std::vector<Row> rows;
  std::map<std::string, size_t> openKit; // kit or pack part id -> its row still short of pieces
  std::vector<const ReportPart*> radiators;
  for (const ReportPart& p : r.parts) {
    Category c = categoryFromString(p.category).value_or(Category::Case);
    if (c == Category::Radiator) {
      radiators.push_back(&p);
      continue;
    }
    if (c == Category::Memory || c == Category::Fan) {
      const Part* part = catalog.find(p.partId);
      const int kit = part && part->memory ? std::max(1, part->memory->kitModules)
                      : part && part->fan  ? std::max(1, part->fan->packFans)
                                           : 1;
      auto open = openKit.find(p.partId);
      if (open != openKit.end() && rows[open->second].instances.size() < static_cast<size_t>(kit)) {
        rows[open->second].instances.push_back(p.id);
        continue;
      }
      openKit[p.partId] = rows.size();
    }
    rows.push_back({c, p.name, p.partId, {p.id}});
  }
  // An AIO's radiator is bought with its pump: on its cooler's line where that is in the build.
  for (const ReportPart* p : radiators) {
    auto cooler = std::find_if(rows.begin(), rows.end(), [&](const Row& row) {
      const Part* part = catalog.find(row.partId);
      return row.category == Category::Cooler && part && part->cooler &&
             part->cooler->radiator == p->partId && row.instances.size() == 1;
    });
    if (cooler != rows.end())
      cooler->instances.push_back(p->id);
    else
      rows.push_back({Category::Radiator, p->name, p->partId, {p->id}});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return listOrder(a.category) < listOrder(b.category);
  });
  return rows;
}

bool names(const Finding& f, const std::vector<std::string>& instances) {
  for (const std::string& p : f.parts)
    if (std::find(instances.begin(), instances.end(), p) != instances.end()) return true;
  return false;
}

// The findings a builder should read, which PCPartPicker does not give: problems, warnings,
// verdicts that depend on an estimate, and what could not be checked.
bool isNote(const Finding& f) {
  return f.severity == Severity::Fail || f.severity == Severity::Warn ||
         f.severity == Severity::NotChecked || f.worstCase() == Severity::Fail;
}

// "5.1 mm to the other Video Card", "-16.0 mm to the Power Supply": the row's least room to
// material (negative: it cuts in), and what it is room to; "2.0 mm short (cooler-height)" where
// the check measures against the case's limit, not a part.
std::string roomOf(const Finding& f, const Row& row, const std::map<std::string, Category>& kinds) {
  std::string s = quantity(*f.measured, f.unit);
  std::string worst;
  if (f.range && f.range->worst && std::abs(*f.range->worst - *f.measured) >= 0.05)
    worst = " (" + quantity(*f.range->worst, f.unit) + " at worst)";
  s += worst;
  for (const std::string& p : f.parts) {
    if (std::find(row.instances.begin(), row.instances.end(), p) != row.instances.end()) continue;
    auto kind = kinds.find(p);
    if (kind == kinds.end()) continue;
    const Category other = kind->second == Category::Radiator ? Category::Cooler : kind->second;
    return s + " to the " + (other == row.category ? "other " : "") + listTypeOf(other);
  }
  if (*f.measured < 0)
    return quantity(-*f.measured, f.unit) + " short" + worst + " (" + f.check + ")";
  return s + " to spare (" + f.check + ")";
}

// A finding about most of the build at once (the power budget, every part that draws) is a
// note on the list and on the PSU's line, not on every line.
bool aboutOneLine(const Finding& f, const Row& row, size_t parts) {
  return names(f, row.instances) &&
         (f.parts.size() <= 3 || 2 * f.parts.size() <= parts || row.category == Category::Psu);
}

// The line's verdict and the figure behind it: the room it lacks where it does not fit (or
// might not), else its least room to material; then the notes that name it.
std::string fitCell(const Row& row, const Report& r, const std::vector<const Finding*>& notes,
                    const std::map<std::string, Category>& kinds) {
  const Finding *failing = nullptr, *depending = nullptr, *tightest = nullptr;
  bool unchecked = false;
  for (const Finding& f : r.findings) {
    if (!aboutOneLine(f, row, kinds.size())) continue;
    if (!failing && f.bestCase() == Severity::Fail) failing = &f;
    if (!depending && f.worstCase() == Severity::Fail && f.bestCase() != Severity::Fail)
      depending = &f;
    unchecked = unchecked || f.severity == Severity::NotChecked;
    if (f.unit == Unit::Mm && f.hard && f.measured &&
        (!tightest || *f.measured < *tightest->measured))
      tightest = &f;
  }
  const Finding* shown = failing ? failing : depending ? depending : tightest;
  std::string cell = failing     ? "**does not fit**"
                     : depending ? "**depends**"
                     : unchecked ? "fits where checked"
                                 : "fits";
  if (shown && shown->unit == Unit::Mm && shown->measured)
    cell += ": " + roomOf(*shown, row, kinds);
  std::vector<std::string> refs;
  for (size_t i = 0; i < notes.size(); ++i)
    if (aboutOneLine(*notes[i], row, kinds.size())) refs.push_back(std::to_string(i + 1));
  if (!refs.empty())
    cell += std::string(refs.size() == 1 ? " (note " : " (notes ") + joined(refs, ", ") + ")";
  return cell;
}

} // namespace

std::string partListMarkdown(const Report& r, const Catalog& catalog, const std::string& version) {
  std::map<std::string, Category> kinds; // instance -> its category
  for (const ReportPart& p : r.parts)
    kinds[p.id] = categoryFromString(p.category).value_or(Category::Case);
  std::vector<const Finding*> notes;
  for (const Finding& f : r.findings)
    if (isNote(f)) notes.push_back(&f);

  std::string s = "**" + escapeMarkdown(r.title) + "**: " + escapeMarkdown(r.verdict) + "\n\n";
  s += "Type|Item|Fit\n:----|:----|:----\n";
  for (const Row& row : rowsOf(r, catalog))
    s += std::string("**") + listTypeOf(row.category) + "** | " + escapeMarkdown(row.name) + " | " +
         fitCell(row, r, notes, kinds) + "\n";
  if (!notes.empty()) s += "\nFit notes (what PCPartPicker does not check):\n\n";
  for (size_t i = 0; i < notes.size(); ++i) {
    const Finding& f = *notes[i];
    const char* what = f.dependsOnFail()                    ? "depends"
                       : f.severity == Severity::NotChecked ? "not checked"
                                                            : toString(f.severity);
    s += std::to_string(i + 1) + ". " + what + ": " + escapeMarkdown(f.message);
    if (f.dependsOnFail() && !rangeLines(f).empty()) s += "; " + escapeMarkdown(rangeLines(f)[0]);
    s += "\n";
  }
  if (!r.deciding.empty()) s += "\n" + escapeMarkdown(r.deciding) + "\n";
  s += "\nFit checked in 3D by rigfit " + escapeMarkdown(version) +
       ": margins are the least room to material, in mm; `rigfit report` shows how each was "
       "measured and which figures are estimates.";
  if (!r.attribution.empty()) s += " " + escapeMarkdown(r.attribution) + ".";
  s += "\n";
  return s;
}

} // namespace rigfit
