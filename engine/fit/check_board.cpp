// Checks 4, 5, 7, 8 and 10: slot openings, mounts, memory, PCIe lanes, display.
#include "catalog/compat.hpp"
#include "fit/checks.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace rigfit {
namespace {

Finding make(const char* check, Severity s, std::vector<std::string> parts, std::string message) {
  Finding f;
  f.check = check;
  f.severity = s;
  f.parts = std::move(parts);
  f.message = std::move(message);
  return f;
}

// A card left with a quarter of its lanes or fewer (x16 on x4) loses enough bandwidth to say so
// as a warning; less than full width but more than that is worth a note.
constexpr int kSlowLaneFraction = 4;

// Usable bandwidth per lane and direction in GB/s after line coding, by PCIe generation.
double laneGBps(int gen) {
  static const double k[] = {0.0, 0.25, 0.5, 0.985, 1.969, 3.938, 7.563};
  return k[std::clamp(gen, 0, 6)];
}

} // namespace

void checkSlotOpenings(CheckContext& c) {
  const World& w = c.world;
  const Placed& chassis = w.item(w.caseItem());
  int openings = chassis.part->chassis->openings;
  for (int g : w.itemsOf(Category::Gpu)) {
    const Placed& card = w.item(g);
    if (!card.mount || card.mount->kind != MountKind::PcieSlot) continue;
    int first = card.mount->position, k = card.part->gpu->bracketSlots;
    int last = first + k - 1;
    Finding f = make("slot-openings", last > openings ? Severity::Fail : Severity::Pass,
                     {card.id, chassis.id}, "");
    f.measured = last;
    f.required = openings;
    f.bound = Bound::AtMost;
    f.unit = Unit::Openings;
    f.message = c.say([&] {
      std::string span = k == 1 ? "opening " + std::to_string(first)
                                : "openings " + std::to_string(first) + "-" + std::to_string(last);
      return label(card) + " in " + card.mount->name + " (position " + std::to_string(first) +
             ") has a " + std::to_string(k) + "-slot bracket and needs case " + span + "; " +
             chassis.part->name + " has " + std::to_string(openings);
    });
    if (c.full()) f.estimates = w.itemEstimates(g);
    c.out.push_back(std::move(f));
  }
}

void checkMounts(CheckContext& c) {
  const World& w = c.world;
  size_t n = 0, bad = 0;
  for (size_t i = 1; i < w.assembly->items.size(); ++i) {
    const Placed& p = w.assembly->items[i];
    if (p.mount->acceptsUnknown) {
      c.out.push_back(make("mount", Severity::NotChecked, {p.id},
                           label(p) + " on " + w.item(*p.parent).id + "/" + p.mount->name + ": " +
                               w.item(*p.parent).part->name +
                               " does not say which form factors it takes; not checked"));
      continue;
    }
    ++n;
    std::string why = incompatibility(*p.part, *p.mount);
    if (why.empty()) continue;
    ++bad;
    c.out.push_back(
        make("mount", Severity::Fail, {p.id},
             label(p) + " on " + w.item(*p.parent).id + "/" + p.mount->name + ": " + why));
  }
  if (bad == 0)
    c.out.push_back(make("mount", Severity::Pass, {},
                         "every part sits on a compatible mount (" + std::to_string(n) +
                             (n == 1 ? " part)" : " parts)")));
}

void checkRadiators(CheckContext& c) {
  const World& w = c.world;
  for (int k : w.itemsOf(Category::Cooler)) {
    const Placed& cooler = w.item(k);
    const std::string& want = cooler.part->cooler->radiator;
    if (want.empty()) continue;
    std::optional<int> found;
    for (int r : w.itemsOf(Category::Radiator))
      if (w.item(r).part->id == want) found = r;
    if (!found) {
      Finding f = make("aio-radiator", Severity::Warn, {cooler.id},
                       label(cooler) + " is an all-in-one: its radiator (" + want +
                           ") is not in the build, so where it goes is not checked; drag it "
                           "onto a radiator place");
      f.hard = false;
      c.out.push_back(std::move(f));
      continue;
    }
    const Placed& rad = w.item(*found);
    c.out.push_back(make("aio-radiator", Severity::Pass, {cooler.id, rad.id},
                         label(cooler) + "'s radiator (" + rad.id + ") sits on " +
                             w.item(*rad.parent).id + "/" + rad.mount->name));
  }
}

void checkLanes(CheckContext& c) {
  const World& w = c.world;
  for (int g : w.itemsOf(Category::Gpu)) {
    const Placed& card = w.item(g);
    const Mount& m = *card.mount;
    int lanes = m.lanes;
    std::string because;
    for (const LaneRule& rule : m.laneRules)
      for (const std::string& other : rule.populated)
        if (w.assembly->occupant(*card.parent, other) && rule.lanes < lanes) {
          lanes = rule.lanes;
          because = c.say([&] {
            return " (x" + std::to_string(m.lanes) + " falls to x" + std::to_string(lanes) +
                   " while " + other + " is in use)";
          });
        }
    lanes = std::min(lanes, card.part->gpu->edgeWidth);
    double bw = lanes * laneGBps(m.gen);
    const int full = card.part->gpu->edgeWidth;
    Severity s = lanes == full                       ? Severity::Pass
                 : lanes * kSlowLaneFraction <= full ? Severity::Warn
                                                     : Severity::Info;
    Finding f = make("pcie-lanes", s, {card.id}, c.say([&] {
      return label(card) + " runs at PCIe " + std::to_string(m.gen) + ".0 x" +
             std::to_string(lanes) + " in " + m.name + because + ", " + num(bw, 1) +
             " GB/s each way" + (m.via == "chipset" ? ", through the chipset's shared link" : "");
    }));
    f.measured = lanes;
    f.required = card.part->gpu->edgeWidth;
    f.unit = Unit::Lanes;
    if (c.full()) f.estimates = w.itemEstimates(g);
    c.out.push_back(std::move(f));
  }
}

void checkMemory(CheckContext& c) {
  const World& w = c.world;
  std::span<const int> modules = w.itemsOf(Category::Memory);
  if (modules.empty()) {
    c.out.push_back(
        make("memory", Severity::NotChecked, {}, "memory: the build has no modules yet"));
    return;
  }
  double total = 0;
  std::map<int, double> perChannel;
  std::set<std::string> kinds;
  std::vector<std::string> ids, slots;
  bool allPreferred = true;
  const Placed* board = nullptr;
  for (int i : modules) {
    const Placed& m = w.item(i);
    board = &w.item(*m.parent);
    total += m.part->memory->moduleGb;
    perChannel[m.mount->channel] += m.part->memory->moduleGb;
    kinds.insert(m.part->id);
    ids.push_back(m.id);
    slots.push_back(m.mount->name);
    allPreferred &= m.mount->preferred;
  }
  // "2 x 8 GB = 16 GB", for the sentences (in full only).
  auto layoutText = [&] {
    std::map<std::string, int> countOf;
    for (int i : modules)
      ++countOf[num(w.item(i).part->memory->moduleGb, 0)];
    std::string layout;
    for (const auto& [gb, n] : countOf)
      layout += (layout.empty() ? "" : " + ") + std::to_string(n) + " x " + gb + " GB";
    return layout + " = " + num(total, 0) + " GB";
  };
  const auto& maxGb = board->part->board->memoryMaxGb;
  std::vector<Finding> found; // this check's problems; a pass only when there are none
  if (!maxGb) {
    found.push_back(make("memory", Severity::NotChecked, ids, c.say([&] {
      return "memory capacity: " + label(*board) + "'s spec has no maximum";
    })));
  } else if (total > *maxGb) {
    Finding f = make("memory", Severity::Fail, ids, c.say([&] {
      return layoutText() + ": more than " + board->part->name + "'s " + num(*maxGb, 0) + " GB";
    }));
    f.measured = total, f.required = *maxGb, f.unit = Unit::GB, f.bound = Bound::AtMost;
    found.push_back(f);
  }
  if (kinds.size() > 1)
    found.push_back(make("memory", Severity::Warn, ids, c.say([&] {
      return "mixed kits (" + layoutText() +
             "): modules from different kits were not tested together and "
             "may not run at their rated speed or timings";
    })));
  std::set<int> channelsOfBoard;
  std::vector<std::string> preferred;
  for (const auto& d : board->part->boardLayout->dimms) {
    channelsOfBoard.insert(d.channel);
    if (d.preferred) preferred.push_back(d.name);
  }
  const size_t channels = channelsOfBoard.size();
  bool balanced = perChannel.size() == channels;
  for (const auto& [ch, gb] : perChannel)
    balanced &= gb == perChannel.begin()->second;
  if (!balanced)
    found.push_back(make("memory", Severity::Warn, ids, c.say([&] {
      return layoutText() + " across " + std::to_string(perChannel.size()) + " of " +
             std::to_string(channels) +
             " channels, unevenly: part of the memory runs single-channel";
    })));
  else if (modules.size() == 2 && !allPreferred && preferred.size() == 2)
    found.push_back(make("memory", Severity::Warn, ids, c.say([&] {
      return "two modules sit in " + slots[0] + " and " + slots[1] +
             "; the board's slots for two modules are " + preferred[0] + " and " + preferred[1];
    })));
  bool problems = std::any_of(found.begin(), found.end(), [](const Finding& f) {
    return f.severity == Severity::Fail || f.severity == Severity::Warn;
  });
  if (!problems) {
    Finding f = make("memory", Severity::Pass, ids, c.say([&] {
      return layoutText() + " in " + joined(slots) +
             (channels > 1 ? ": balanced across " + std::to_string(channels) + " channels" : "") +
             (maxGb ? ", within the board's " + num(*maxGb, 0) + " GB" : "");
    }));
    f.measured = total, f.unit = Unit::GB, f.bound = Bound::AtMost;
    if (maxGb) f.required = *maxGb;
    found.push_back(f);
  }
  c.out.insert(c.out.end(), found.begin(), found.end());
}

void checkDisplay(CheckContext& c) {
  const World& w = c.world;
  std::span<const int> cpus = w.itemsOf(Category::Cpu), gpus = w.itemsOf(Category::Gpu);
  if (cpus.empty()) {
    c.out.push_back(make("display", Severity::NotChecked, {}, "display: the build has no CPU yet"));
    return;
  }
  const Placed& cpu = w.item(cpus.front());
  const auto& ig = cpu.part->cpu->integratedGraphics;
  if (!ig) {
    c.out.push_back(make("display", Severity::NotChecked, {cpu.id}, c.say([&] {
      return "display: " + label(cpu) + "'s spec does not say whether it has integrated graphics";
    })));
  } else if (*ig) {
    c.out.push_back(make("display", Severity::Pass, {cpu.id}, c.say([&] {
      return label(cpu) + " has integrated graphics: the board's outputs work";
    })));
  } else if (gpus.empty()) {
    // A part not added yet, not a failure: the build is not complete (check 11 lists it).
    c.out.push_back(make("display", Severity::Info, {cpu.id}, c.say([&] {
      return label(cpu) + " has no integrated graphics: the build needs a graphics card "
                          "to drive a display, and has none yet";
    })));
  } else {
    const Placed& top = w.item(gpus.front());
    c.out.push_back(make("display", Severity::Info, {cpu.id, top.id}, c.say([&] {
      return label(cpu) +
             " has no integrated graphics: the monitor goes on a graphics "
             "card (" +
             top.id + "), not on the board's outputs";
    })));
  }
}

} // namespace rigfit
