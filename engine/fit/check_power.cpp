// Check 6: estimated draw against the PSU, and the cards' power plugs against its cables.
#include "catalog/category.hpp"
#include "fit/checks.hpp"

#include <cmath>
#include <cstdio>

namespace rigfit {
namespace {

// Sustained load above 80% of the rating runs a PSU hot and loud and leaves no margin for
// transients: the usual sizing advice.
constexpr double kHighLoad = 0.8;
// Below 40% at full draw the unit is larger than the build needs; a unit sized for about 60%
// load at full draw sits in the efficiency curve's best range (80 Plus test points 20/50/100%).
constexpr double kOversizedLoad = 0.4;
constexpr double kSizingLoad = 0.6;
// A case fan whose spec gives no draw: 3 W, a typical 120-140 mm fan's rating (0.25 A at 12 V).
// An ESTIMATE; fans are small next to the rest, so a missing figure does not stop the check.
constexpr double kFanAllowanceW = 3.0;

struct Draw {
  double watts = 0;
  std::vector<std::string> parts;     // every part that draws, so a what-if sees its share
  std::vector<std::string> unknown;   // parts whose spec has no power figure
  std::vector<std::string> estimated; // in full only (CheckContext::full)
  bool full = true;
};

void add(Draw& d, const Placed& p, const std::optional<double>& w, const char* figure) {
  d.parts.push_back(p.id);
  if (!w) {
    d.unknown.push_back(p.id);
    return;
  }
  d.watts += *w;
  if (!d.full) return;
  auto it = p.part->figures.find(figure);
  if (it != p.part->figures.end() && it->second.estimated())
    d.estimated.push_back(p.id + ": " + figure);
}

// Fans (a case fan, or a radiator's) whose spec may give no draw: the allowance each, marked.
void addFans(Draw& d, const Placed& p, const std::optional<double>& w, int fans) {
  if (w) return add(d, p, w, "power_w");
  add(d, p, kFanAllowanceW * fans, "power_w");
  if (!d.full) return;
  char why[96];
  if (fans == 1)
    std::snprintf(why, sizeof why, ": power_w (%g W, a typical fan's rating)", kFanAllowanceW);
  else
    std::snprintf(why, sizeof why, ": power_w (%d fans x %g W, a typical fan's rating)", fans,
                  kFanAllowanceW);
  d.estimated.push_back(p.id + why);
}

// Parts whose spec gives no power figure only add to the draw: with the rest already over the
// rating, the PSU is too small whatever they draw (a failure); with the rest past 80% of it, it
// runs hot whatever they draw (a warning, which says how much more would make the PSU too
// small). Below that the verdict rests on what they draw: not checked, and the finding says how
// much they could draw before the load passes 80% and before it passes the rating.
void judgeWithUnknowns(Finding& f, const Draw& d, const Placed& psu, double rating) {
  const std::string who = joined(d.unknown);
  const bool one = d.unknown.size() == 1;
  const double load = d.watts / rating;
  const std::string known =
      num(d.watts, 0) + " W on " + label(psu) + ": " + num(load * 100, 0) + "% load";
  auto more = [&](double limit) {
    return who + (one ? " draws" : " draw") + " more than " + num(std::floor(limit - d.watts), 0) +
           " W" + (one ? "" : " together");
  };
  if (d.watts > rating || load > kHighLoad) {
    const bool over = d.watts > rating;
    f.measured = d.watts;
    f.required = rating;
    f.severity = over ? Severity::Fail : Severity::Warn;
    f.message =
        "the parts with a power figure already draw " + known + " (" + who +
        (one ? " has" : " have") + " no power figure and would only add to it); " +
        (over ? "the PSU is too small"
              : "above " + num(kHighLoad * 100, 0) +
                    "% it runs hot with no margin, and the PSU is too small if " + more(rating));
    return;
  }
  f.severity = Severity::NotChecked;
  f.message = "power: no power figure for " + who + "; the rest draw " + known +
              ". It stays under " + num(kHighLoad * 100, 0) + "% load unless " +
              more(rating * kHighLoad) + ", and within the PSU unless " +
              (one ? "it draws" : "they draw") + " more than " +
              num(std::floor(rating - d.watts), 0) + " W";
}

} // namespace

void checkPower(CheckContext& c) {
  const World& w = c.world;
  std::span<const int> psus = w.itemsOf(Category::Psu);
  if (psus.empty()) {
    Finding f;
    f.check = "power";
    f.severity = Severity::NotChecked;
    f.message = "power: the build has no PSU yet";
    c.out.push_back(std::move(f));
    return;
  }
  const Placed& psu = w.item(psus.front());
  Draw d;
  d.full = c.full();
  int plugsNeeded = 0;
  bool hvpwr = false, plugsUnknown = false;
  std::vector<std::string> cards;
  for (const Placed& p : w.assembly->items) {
    const PowerUse use = describe(p.part->category).power(*p.part);
    if (use.kind == PowerUse::Kind::Figure) add(d, p, use.watts, use.figure);
    if (use.kind == PowerUse::Kind::Fans) addFans(d, p, use.watts, use.fans);
    if (const auto& card = p.part->gpu) { // its plugs, against the PSU's cables
      if (!card->powerPlugs) plugsUnknown = true;
      for (const std::string& plug : card->powerPlugs.value_or(std::vector<std::string>{})) {
        if (plug == "12vhpwr")
          hvpwr = true;
        else
          ++plugsNeeded;
      }
      cards.push_back(p.id);
    }
  }
  Finding f;
  f.check = "power";
  f.parts = d.parts;
  f.parts.push_back(psu.id);
  f.unit = Unit::W;
  f.bound = Bound::AtMost;
  f.estimates = d.estimated;
  const auto& rating = psu.part->psu->watts;
  if (!rating) {
    f.severity = Severity::NotChecked;
    f.message = "power: " + label(psu) + "'s spec has no wattage";
    c.out.push_back(std::move(f));
  } else if (!d.unknown.empty()) {
    judgeWithUnknowns(f, d, psu, *rating);
    c.out.push_back(std::move(f));
  } else {
    double load = d.watts / *rating;
    f.measured = d.watts;
    f.required = *rating;
    f.severity = d.watts > *rating       ? Severity::Fail
                 : load > kHighLoad      ? Severity::Warn
                 : load < kOversizedLoad ? Severity::Info
                                         : Severity::Pass;
    f.message = c.say([&] {
      std::string base = "estimated full draw " + num(d.watts, 0) + " W on " + label(psu) + ": " +
                         num(load * 100, 0) + "% load";
      switch (f.severity) {
      case Severity::Fail:
        return base + "; the PSU is too small";
      case Severity::Warn:
        return base + "; above " + num(kHighLoad * 100, 0) + "% it runs hot with no margin";
      case Severity::Info: {
        double suggest = std::ceil(d.watts / kSizingLoad / 50.0) * 50.0;
        return base + "; the PSU is oversized: about " + num(suggest, 0) + " W would run near " +
               num(kSizingLoad * 100, 0) + "% load";
      }
      default:
        return base;
      }
    });
    c.out.push_back(std::move(f));
  }

  if (cards.empty()) return;
  Finding p;
  p.check = "power-plugs";
  p.parts = cards;
  p.parts.push_back(psu.id);
  p.unit = Unit::Plugs;
  const auto& have = psu.part->psu->pcie8pin;
  p.bound = Bound::AtMost;
  if (hvpwr || !have || plugsUnknown) {
    p.severity = Severity::NotChecked;
    p.message = hvpwr ? "GPU power plugs: 12VHPWR cables are not in the PSU specs yet"
                : plugsUnknown
                    ? "GPU power plugs: a card's spec does not list its plugs"
                    : "GPU power plugs: " + label(psu) + "'s spec does not count its PCIe plugs";
  } else {
    p.measured = plugsNeeded;
    p.required = *have;
    p.severity = plugsNeeded > *have ? Severity::Fail : Severity::Pass;
    p.message = c.say([&] {
      return "the cards need " + std::to_string(plugsNeeded) + " PCIe power plug" +
             (plugsNeeded == 1 ? "" : "s") + "; " + label(psu) + " has " + std::to_string(*have) +
             " PCIe 6+2-pin";
    });
  }
  c.out.push_back(std::move(p));
}

} // namespace rigfit
