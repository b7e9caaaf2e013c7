#include "solve/solve.hpp"

#include "assembly/edit.hpp"
#include "catalog/compat.hpp"
#include "common/parallel.hpp"
#include "common/text.hpp"
#include "fit/ranged.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cmath>

namespace rigfit {
namespace {

bool involves(const Finding& f, const std::string& id) {
  return std::find(f.parts.begin(), f.parts.end(), id) != f.parts.end();
}

} // namespace

std::vector<Place> placesFor(const Assembly& assembly, const Part& part) {
  std::vector<Place> out;
  for (const FreeMount& free : freeMountsFor(assembly, part))
    out.push_back({free.parent, free.mount, assembly.items[free.parent].id + "/" + free.mount->name,
                   incompatibility(part, *free.mount)});
  return out;
}

std::string nowhereFor(const Assembly& assembly, const Part& part) {
  if (!part.needs) return "a case is not placed in a build: a build starts from its case";
  std::vector<Place> places = placesFor(assembly, part);
  for (const Place& p : places)
    if (p.incompatibility.empty()) return "";
  const MountWords words = wordsFor(*part.needs);
  if (!places.empty()) {
    // Free places of its kind, none of which takes it: why, for the first three.
    std::vector<std::string> why;
    for (size_t i = 0; i < places.size() && i < 3; ++i)
      why.push_back(places[i].where + ": " + places[i].incompatibility);
    if (places.size() > 3) why.push_back(std::to_string(places.size() - 3) + " more");
    return "no free " + std::string(words.noun) + " takes it (" + joined(why, "; ") + ")";
  }
  size_t taken = 0;
  for (const Placed& p : assembly.items)
    for (const Mount& m : p.part->mounts)
      taken += m.kind == *part.needs;
  if (taken > 0)
    return "every " + std::string(words.noun) + " in the build is taken (" + std::to_string(taken) +
           "): remove the part in one first";
  // The part that would bring it is there, but its figures place none (an open-database board
  // gives no M.2 layout, most cases give no drive bays): placing another would not help.
  const MountKind k = *part.needs;
  const Category bringer = k == MountKind::PcieSlot || k == MountKind::DimmSlot ||
                                   k == MountKind::CpuSocket || k == MountKind::M2Slot
                               ? Category::Motherboard
                           : k == MountKind::CoolerMount ? Category::Cpu
                                                         : Category::Case;
  for (const Placed& p : assembly.items)
    if (p.part->category == bringer)
      return p.id + " (" + p.part->name + ") has no " + words.noun + " whose place rigfit knows: " +
             (p.part->tier == Tier::OpenDb
                  ? "the open database gives its parts' sizes, not where its " +
                        std::string(words.noun) + "s are"
                  : "its part file gives none") +
             "; so this part is not placed or checked";
  return "it needs " + std::string(words.article) + " " + words.noun +
         " and the build has none: place " + words.broughtBy + " first";
}

ProbeAnswer quickAnswer(const PlacementProbe& probe, const Part& part, const Place& place) {
  return probe.probe(part, place.parent, *place.mount);
}

Trial fullAnswer(const Build& build, const Catalog& catalog, const Assembly& base, const Part& part,
                 const Place& place, const FitSettings& settings, bool ranged) {
  const int parentIndex = place.parent;
  const Mount& mount = *place.mount;
  Trial t;
  t.parent = base.items[parentIndex].id;
  t.mount = mount.name;
  t.partId = part.id;
  t.incompatibility = place.incompatibility;
  t.compatible = t.incompatibility.empty();
  if (!t.compatible) return t;
  // Drop whatever sits there now, with everything that hangs off it.
  std::optional<int> occupant = base.occupant(parentIndex, mount.name);
  std::string id;
  Build next = withAdded(occupant ? withoutSubtree(build, base.items[*occupant].id) : build, part,
                         t.parent, mount.name, &id);
  Result<Assembly> a = assemble(next, catalog);
  if (!a) {
    t.compatible = false;
    t.incompatibility = a.error().reason;
    return t;
  }
  FitResult r = ranged ? checkWithRanges(*a, catalog, settings) : check(*a, settings);
  t.fits = true;
  t.ranged = ranged;
  // The margin shown beside the verdict is the one of the check that decided it: the tightest
  // clearance when the part fits, the failing check when it does not (a missing case opening
  // decides with no margin in mm, whatever clearance the part has elsewhere).
  const Finding* decisive = nullptr;
  auto isMargin = [](const Finding& f) {
    return f.hard && f.unit == Unit::Mm && f.measured && f.severity != Severity::NotChecked;
  };
  auto tighter = [&](const Finding& f) {
    if (!decisive) return true;
    bool fails = f.severity == Severity::Fail, decFails = decisive->severity == Severity::Fail;
    if (fails != decFails) return fails;
    if (isMargin(f) != isMargin(*decisive)) return isMargin(f);
    return isMargin(f) && *f.measured < *decisive->measured;
  };
  bool anyWorstFail = false, anyBestFail = false;
  for (const Finding& f : r.findings) {
    if (!involves(f, id)) continue;
    anyWorstFail |= f.worstCase() == Severity::Fail;
    anyBestFail |= f.bestCase() == Severity::Fail;
    // The figures that can turn this finding from a fit into a failure, or back.
    if (f.dependsOnFail())
      for (const Decider& d : f.range->deciders)
        if (d.flip)
          t.deciding.push_back(andList(d.instance, d.alsoOn) + " " + d.figure + " flips it at " +
                               num(*d.flip, 2) + " " + d.unit + " (" + f.check + ")");
    if (f.severity == Severity::Fail) t.fits = false;
    if (f.severity == Severity::Fail || f.severity == Severity::Warn) t.problems.push_back(f);
    if ((f.severity == Severity::Fail || isMargin(f)) && tighter(f)) decisive = &f;
    if (f.severity == Severity::Fail || f.unit == Unit::Mm)
      t.estimates.insert(t.estimates.end(), f.estimates.begin(), f.estimates.end());
  }
  // Sure: fits even at the worst, or does not fit even at the best.
  t.depends = t.fits ? anyWorstFail : !anyBestFail;
  if (!t.depends) t.deciding.clear(); // a sure verdict: no figure changes it
  std::sort(t.deciding.begin(), t.deciding.end());
  t.deciding.erase(std::unique(t.deciding.begin(), t.deciding.end()), t.deciding.end());
  if (decisive) {
    if (isMargin(*decisive)) t.marginMm = *decisive->measured;
    if (isMargin(*decisive) && decisive->range) t.worstMarginMm = decisive->range->worst;
    t.tightest = decisive->message;
    t.tightestCheck = decisive->check;
    t.tightestParts = decisive->parts;
  }
  std::sort(t.estimates.begin(), t.estimates.end());
  t.estimates.erase(std::unique(t.estimates.begin(), t.estimates.end()), t.estimates.end());
  return t;
}

Result<std::vector<Trial>> solveAdd(const Build& build, const Catalog& catalog,
                                    const std::string& partId, const FitSettings& settings,
                                    bool ranged) {
  const Part* part = catalog.find(partId);
  if (!part) return Error{"", "--add", "no part \"" + partId + "\" in the catalog"};
  if (!part->needs) return Error{"", "--add", "a case is not added to a build"};
  Result<Assembly> base = assemble(build, catalog);
  if (!base) return base.error();
  std::vector<Trial> out;
  for (const Place& place : placesFor(*base, *part))
    out.push_back(fullAnswer(build, catalog, *base, *part, place, settings, ranged));
  return out;
}

Result<MaxAnswer> solveMax(const Build& build, const Catalog& catalog, const std::string& partId,
                           const FitSettings& settings) {
  Result<std::vector<Trial>> singles = solveAdd(build, catalog, partId, settings);
  if (!singles) return singles.error();
  // Only mounts where one copy fits alone can hold a copy in a larger set.
  std::vector<const Trial*> ok;
  for (const Trial& t : *singles)
    if (t.fits) ok.push_back(&t);
  if (ok.size() > 16) ok.resize(16); // 2^16 subsets at most; no board has more free slots
  MaxAnswer best{partId, {}, build};
  const size_t n = ok.size();
  // Every subset, largest first: the first that fits is the answer.
  std::vector<unsigned> subsets;
  for (unsigned mask = 1; mask < (1u << n); ++mask)
    subsets.push_back(mask);
  std::stable_sort(subsets.begin(), subsets.end(),
                   [](unsigned a, unsigned b) { return std::popcount(a) > std::popcount(b); });
  for (unsigned mask : subsets) {
    if (static_cast<size_t>(std::popcount(mask)) <= best.mounts.size()) break;
    Build next = build;
    std::vector<std::string> where, ids;
    for (size_t k = 0; k < n; ++k)
      if (mask & (1u << k)) {
        std::string id;
        next = withAdded(std::move(next), *catalog.find(partId), ok[k]->parent, ok[k]->mount, &id);
        where.push_back(ok[k]->parent + "/" + ok[k]->mount);
        ids.push_back(id);
      }
    Result<Assembly> a = assemble(next, catalog);
    if (!a) continue;
    FitResult r = check(*a, settings);
    bool fits = std::none_of(r.findings.begin(), r.findings.end(), [&](const Finding& f) {
      return f.severity == Severity::Fail &&
             std::any_of(ids.begin(), ids.end(),
                         [&](const std::string& id) { return involves(f, id); });
    });
    if (fits) best = {partId, where, next};
  }
  return best;
}

std::optional<MountKind> mountKindAt(const Assembly& assembly, const std::string& where) {
  std::size_t slash = where.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::optional<int> parent = assembly.indexOf(where.substr(0, slash));
  if (!parent) return std::nullopt;
  const Mount* m = assembly.items[*parent].part->mount(where.substr(slash + 1));
  return m ? std::optional(m->kind) : std::nullopt;
}

bool CandidateFilter::admitsMaker(const std::string& partMaker, const std::string& partName) const {
  if (maker.empty()) return true;
  auto lower = [](std::string s) {
    for (char& c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  std::string want = lower(maker);
  return lower(partMaker).find(want) != std::string::npos ||
         lower(partName).find(want) != std::string::npos;
}

bool CandidateFilter::operator()(const Part& part) const {
  if (!admitsMaker(part.maker, part.name)) return false;
  if (minLengthMm || maxLengthMm) {
    auto length = part.figures.find("length_mm");
    if (length == part.figures.end()) return false;
    if (minLengthMm && length->second.value < *minLengthMm) return false;
    if (maxLengthMm && length->second.value > *maxLengthMm) return false;
  }
  if (maxThicknessMm && (!part.gpu || part.gpu->thicknessMm > *maxThicknessMm)) return false;
  return true;
}

Result<std::vector<Trial>> solveAlternatives(const Build& build, const Catalog& catalog,
                                             const std::string& where, const FitSettings& settings,
                                             const CandidateFilter& filter, std::size_t rangedTop) {
  size_t slash = where.find('/');
  if (slash == std::string::npos)
    return Error{"", "--alternatives",
                 "name the mount as \"instance/mount\", like board/PCIEX16_1"};
  Result<Assembly> base = assemble(build, catalog);
  if (!base) return base.error();
  std::optional<int> found = base->indexOf(where.substr(0, slash));
  if (!found) {
    std::vector<std::string> ids;
    for (const Placed& p : base->items)
      ids.push_back(p.id);
    std::vector<std::string> near = nearestWords(where.substr(0, slash), ids);
    return Error{"", "--alternatives",
                 "\"" + where.substr(0, slash) + "\" is not a part of the build" +
                     (near.empty() ? "; its parts: " + joined(ids) : didYouMean(near))};
  }
  const int parent = *found;
  const Mount* mount = base->items[parent].part->mount(where.substr(slash + 1));
  if (!mount) {
    std::vector<std::string> names;
    for (const Mount& m : base->items[parent].part->mounts)
      names.push_back(m.name);
    return Error{"", "--alternatives",
                 base->items[parent].id + " has no mount \"" + where.substr(slash + 1) + "\"" +
                     [&] {
                       std::vector<std::string> near = nearestWords(where.substr(slash + 1), names);
                       return near.empty() ? "; it has: " + joined(names) : didYouMean(near);
                     }()};
  }
  std::vector<const Part*> candidates;
  for (const Part* p : catalog.parts())
    if (p->needs && *p->needs == mount->kind && filter(*p)) candidates.push_back(p);
  // Each candidate is tried in a build of its own: thousands of them, over the cores.
  std::vector<Trial> out(candidates.size());
  parallelFor(candidates.size(), [&](std::size_t i) {
    const Part& p = *candidates[i];
    out[i] = fullAnswer(build, catalog, *base, p,
                        {parent, mount, where, incompatibility(p, *mount)}, settings);
  });
  auto better = [](const Trial& a, const Trial& b) {
    if (a.fits != b.fits) return a.fits;
    return a.rankMargin() > b.rankMargin();
  };
  std::stable_sort(out.begin(), out.end(), better);
  // The best at the estimates, tried again over the bands and ranked by their worst case.
  const std::size_t top = std::min(rangedTop, out.size());
  if (top > 0) {
    std::vector<const Part*> byId(top);
    for (std::size_t i = 0; i < top; ++i)
      byId[i] = catalog.find(out[i].partId);
    parallelFor(top, [&](std::size_t i) {
      if (!byId[i] || !out[i].compatible) return;
      out[i] =
          fullAnswer(build, catalog, *base, *byId[i],
                     {parent, mount, where, incompatibility(*byId[i], *mount)}, settings, true);
    });
    std::stable_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(top), better);
  }
  return out;
}

} // namespace rigfit
