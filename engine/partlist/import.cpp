#include "partlist/import.hpp"

#include "assembly/edit.hpp"
#include "common/text.hpp"
#include "solve/solve.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace rigfit {
namespace {

// Where two candidates for one line differ in size: the first figure in millimetres (or slots)
// both have that is more than 0.5 apart, as "length_mm 268 vs 285"; "" when none does.
std::string sizeDifference(const Part& a, const Part& b) {
  for (const auto& [name, fa] : a.figures) {
    if (!name.ends_with("_mm") && !name.ends_with("slots")) continue;
    auto fb = b.figures.find(name);
    if (fb == b.figures.end()) continue;
    if (std::abs(fa.value - fb->second.value) > 0.5)
      return name + " " + shortNumber(fa.value) + " vs " + shortNumber(fb->second.value);
  }
  return "";
}

// The order a builder places parts in: each needs the one before it to hang off.
int placingOrder(Category c) {
  switch (c) {
  case Category::Case:
    return 0;
  case Category::Motherboard:
    return 1;
  case Category::Cpu:
    return 2;
  case Category::Cooler:
    return 3;
  case Category::Memory:
    return 4;
  case Category::Storage:
    return 5;
  case Category::Gpu:
    return 6;
  case Category::Psu:
    return 7;
  case Category::Radiator:
    return 8;
  case Category::Fan:
    return 9;
  }
  return 10;
}

// The place a builder would choose among the free ones that take `part`: memory in the slots
// the board's manual prefers, cards from the slot nearest the CPU down; otherwise the first.
// None when none takes it.
const Place* bestPlace(const std::vector<Place>& places, const Part& part) {
  const Place* best = nullptr;
  auto rank = [&](const Place& p) {
    if (part.category == Category::Memory) return p.mount->preferred ? 0 : 1;
    if (part.category == Category::Gpu)
      return p.mount->mechanical >= 16 ? p.mount->position : 100 + p.mount->position;
    return 0;
  };
  for (const Place& p : places)
    if (p.incompatibility.empty() && (!best || rank(p) < rank(*best))) best = &p;
  return best;
}

} // namespace

const char* toString(LineOutcome o) {
  switch (o) {
  case LineOutcome::Placed:
    return "placed";
  case LineOutcome::Unplaced:
    return "not placed";
  case LineOutcome::Ambiguous:
    return "ambiguous";
  case LineOutcome::Unmatched:
    return "unmatched";
  case LineOutcome::Skipped:
    return "skipped";
  }
  return "?";
}

Result<ImportedList> importPartList(const PartList& list, const std::string& name, Catalog& catalog,
                                    const OpenDbIndex* index, const ListMatcher& matcher,
                                    const std::map<int, std::string>& picks) {
  ImportedList out;
  out.format = list.format, out.unreadable = list.unreadable;
  out.build.name = name;
  auto ensure = [&](const std::vector<std::string>& ids) {
    if (index) index->addTo(catalog, ids);
  };
  // Every line's candidates read from their rows at once (each category's file is read once).
  std::vector<LineMatch> matches;
  std::vector<std::string> wanted;
  for (const ListItem& item : list.items) {
    matches.push_back(item.category && !picks.count(item.line) ? matcher.match(item) : LineMatch{});
    for (const Listing* l : matches.back().candidates)
      wanted.push_back(l->id);
    if (matches.back().curated) wanted.push_back(matches.back().curated->id);
  }
  for (const auto& [line, id] : picks) {
    wanted.push_back(id);
    auto item = std::find_if(list.items.begin(), list.items.end(),
                             [&, n = line](const ListItem& i) { return i.line == n; });
    if (item == list.items.end() || !item->category)
      return Error{"", "--pick",
                   "line " + std::to_string(line) +
                       (item == list.items.end()
                            ? " is not a part's line in the list"
                            : " is a " + item->type + ", which rigfit does not check")};
  }
  ensure(wanted);
  // Match every line first.
  for (size_t at = 0; at < list.items.size(); ++at) {
    const ListItem& item = list.items[at];
    ImportedLine line;
    line.item = item;
    if (!item.category) {
      const bool vowel = !item.type.empty() && std::strchr("AEIOUaeiou", item.type[0]);
      line.note = std::string("rigfit does not check ") + (vowel ? "an " : "a ") + item.type;
      out.lines.push_back(std::move(line));
      continue;
    }
    if (auto pick = picks.find(item.line); pick != picks.end()) {
      const Part* p = catalog.find(pick->second);
      if (!p)
        return Error{"", "--pick",
                     "line " + std::to_string(item.line) + ": no part \"" + pick->second +
                         "\" in the catalog"};
      if (p->category != *item.category)
        return Error{"", "--pick",
                     "line " + std::to_string(item.line) + " is a " + item.type + "; " + p->id +
                         " is a " + toString(p->category)};
      line.partId = p->id, line.partName = p->name, line.confidence = 1, line.how = "picked";
      line.outcome = LineOutcome::Placed; // placed below
      out.lines.push_back(std::move(line));
      continue;
    }
    const LineMatch& m = matches[at];
    if (m.candidates.empty()) {
      line.outcome = LineOutcome::Unmatched;
      for (const Listing* l : m.nearest)
        line.candidates.push_back(l->id);
      out.lines.push_back(std::move(line));
      continue;
    }
    std::vector<std::string> ids;
    for (const Listing* l : m.candidates)
      ids.push_back(l->id);
    // The first candidate, unless another close one differs in size: then the builder picks.
    // A curated part that meets the bar wins where every close candidate is its size.
    auto differences = [&](const Part& base) {
      for (const std::string& id : ids)
        if (const Part* other = catalog.find(id); other && other != &base)
          if (std::string d = sizeDifference(base, *other); !d.empty())
            return base.id + " and " + id + " differ: " + d;
      return std::string();
    };
    const Part* curated = m.curated ? catalog.find(m.curated->id) : nullptr;
    const Part* first = catalog.find(ids.front());
    std::string how = m.how;
    if (curated && curated != first && differences(*curated).empty())
      first = curated, how = m.curatedHow + "; hand-checked, the same size as the closest rows";
    std::string differs = first ? differences(*first) : "";
    if (!first || !differs.empty()) {
      line.outcome = LineOutcome::Ambiguous;
      line.candidates = ids;
      if (curated && std::find(ids.begin(), ids.end(), curated->id) == ids.end())
        line.candidates.push_back(curated->id);
      line.note = first ? differs : "its best candidate cannot be read";
      out.lines.push_back(std::move(line));
      continue;
    }
    line.partId = first->id, line.partName = first->name;
    line.confidence = m.confidence, line.how = how;
    if (ids.size() > 1)
      line.how += "; " + std::to_string(ids.size() - 1) + " more of the same size";
    line.outcome = LineOutcome::Placed;
    out.lines.push_back(std::move(line));
  }

  // Then place them, a builder's order (stable: two cards in the list's order).
  std::vector<ImportedLine*> order;
  for (ImportedLine& l : out.lines)
    if (l.outcome == LineOutcome::Placed) order.push_back(&l);
  std::stable_sort(order.begin(), order.end(), [&](const ImportedLine* a, const ImportedLine* b) {
    return placingOrder(*a->item.category) < placingOrder(*b->item.category);
  });
  if (order.empty() || *order.front()->item.category != Category::Case) {
    out.problem = "the list names no case rigfit could match, and a build starts with one: "
                  "choose the Case line's part (--pick LINE=ID, or the viewer's chooser), or add "
                  "a Case line";
    for (ImportedLine* l : order)
      l->outcome = LineOutcome::Unplaced, l->note = "the build has no case";
    return out;
  }
  // Places `part` for line `l` where a builder would; false when the build has no place for it.
  // A part that a free place of its kind does not take goes there all the same, so that the
  // check says why it does not fit; the first such place.
  auto place = [&](ImportedLine& l, const Part& part, std::string& note) -> Result<bool> {
    Result<Assembly> assembly = assemble(out.build, catalog);
    if (!assembly) return assembly.error();
    std::vector<Place> places = placesFor(*assembly, part);
    const Place* at = bestPlace(places, part);
    // On a case's panels every free place is as good as the next (a front radiator or a top
    // one): the first whose frame meets nothing, where the first does (a fan where the
    // radiator already is).
    if (at && (part.category == Category::Fan || part.category == Category::Radiator)) {
      PlacementProbe probe(*assembly);
      auto free = std::find_if(places.begin(), places.end(), [&](const Place& p) {
        return p.incompatibility.empty() && quickAnswer(probe, part, p).fits;
      });
      if (free != places.end()) at = &*free;
    }
    if (!at && !places.empty()) {
      at = &places.front();
      note = "placed where it does not fit: " + at->incompatibility;
    }
    if (!at) {
      note = nowhereFor(*assembly, part);
      return false;
    }
    out.build =
        withAdded(std::move(out.build), part, assembly->items[at->parent].id, at->mount->name);
    l.instances.push_back(at->where);
    return true;
  };
  // An all-in-one's radiator goes on a case panel once the cards and the PSU are in (they are
  // what a front radiator meets), before the case fans take the panels.
  std::vector<ImportedLine*> radiatorsOf;
  auto placeRadiators = [&]() -> Status {
    for (ImportedLine* l : radiatorsOf) {
      const std::string& id = catalog.find(l->partId)->cooler->radiator;
      ensure({id});
      const Part* radiator = catalog.find(id);
      std::string note = radiator ? "" : "the catalog has no part " + id;
      Result<bool> placed = radiator ? place(*l, *radiator, note) : Result<bool>(false);
      if (!placed) return placed.error();
      l->missing += !*placed;
      if (!note.empty())
        l->note += (l->note.empty() ? "" : "; ") + std::string("its radiator (") + id +
                   "): " + (*placed ? "" : "not placed: ") + note;
    }
    radiatorsOf.clear();
    return Ok{};
  };
  for (ImportedLine* l : order) {
    const Part& part = *catalog.find(l->partId);
    if (part.category == Category::Fan) {
      Status done = placeRadiators();
      if (!done) return done.error();
    }
    // A memory part is one module of its kit: as many as the kit has (the part says; else the
    // line's "(2 x 8 GB)"). A fan part is one fan of its pack: as many as the pack has.
    const int copies = part.memory ? (part.memory->kitModules > 1 ? part.memory->kitModules
                                                                  : modulesInKit(l->item.name))
                       : part.fan  ? part.fan->packFans
                                   : 1;
    const char* pieces = part.fan ? " fans" : " modules";
    for (int copy = 0; copy < copies; ++copy) {
      if (part.category == Category::Case) {
        if (!out.build.instances.empty()) { // a build is one case
          l->outcome = LineOutcome::Unplaced;
          l->note = "a build has one case, and " + out.build.instances.front().part +
                    " (an earlier line) is it";
          break;
        }
        out.build.instances.push_back(Instance("case", part.id));
        l->instances.push_back("case");
        continue;
      }
      Result<bool> placed = place(*l, part, l->note);
      if (!placed) return placed.error();
      if (!*placed) {
        l->outcome = l->instances.empty() ? LineOutcome::Unplaced : LineOutcome::Placed;
        if (copy > 0) {
          l->missing = copies - copy;
          l->note = std::to_string(copies - copy) + " of its " + std::to_string(copies) + pieces +
                    " not placed: " + l->note;
        }
        break;
      }
    }
    if (part.cooler && !part.cooler->radiator.empty() && l->outcome == LineOutcome::Placed)
      radiatorsOf.push_back(l);
  }
  Status done = placeRadiators();
  if (!done) return done.error();
  return out;
}

} // namespace rigfit
