// Boundary cases of the checks beyond geometry: openings, mounts, power, memory, lanes, display.
#include "catalog/compat.hpp"
#include "solve/solve.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

Build cardAt(const std::string& slot) {
  return remounted(scene("article-build"), "gpu1", slot);
}

} // namespace

TEST_CASE("slot openings: a bracket needs openings p..p+k-1", "[fit][boundary]") {
  // PCIEX16_3 is position 7; the Focus G has 7 openings.
  json one = partJson("evga-rtx2060-xc");
  setFigure(one, "bracket_slots", 1);
  Finding at = only(checked(cardAt("PCIEX16_3"), catalogWith({one})), "slot-openings");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == 7);
  Finding over = only(checked(cardAt("PCIEX16_3"), seedCatalog()), "slot-openings");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == 8);
  CHECK(*over.required == 7);
  CHECK_THAT(over.message, Catch::Contains("openings 7-8"));
}

TEST_CASE("mount compatibility", "[fit][boundary]") {
  const Catalog& cat = seedCatalog();
  const Part* card = cat.find("evga-rtx2060-xc");
  const Part* board = cat.find("asus-prime-x470-pro");
  CHECK(incompatibility(*card, *board->mount("PCIEX16_1")).empty());
  CHECK_THAT(incompatibility(*card, *board->mount("PCIEX1_1")), Catch::Contains("x1 slot"));
  CHECK_THAT(incompatibility(*cat.find("corsair-vengeance-lpx-8gb"), *board->mount("PCIEX16_1")),
             Catch::Contains("dimm_slot"));
  // The loader refuses such a build; the check still judges one built in memory.
  Assembly a = assembled(scene("article-build"), cat);
  a.items[a.indexOf("gpu1").value()].mount = board->mount("PCIEX1_1");
  FitResult r = check(a);
  CHECK(only(r, "mount").severity == Severity::Fail);
  CHECK(only(checked(scene("article-build"), cat), "mount").severity == Severity::Pass);
}

TEST_CASE("power: estimated draw against the PSU", "[fit][boundary]") {
  // The seed build draws 105 (CPU) + 160 (GPU) + 50 (board) + 2 x 3 (RAM) + 6 (SSD) + 6 (case
  // fans) = 333 W.
  FitResult seed = checked(scene("article-build"), seedCatalog());
  Finding p = only(seed, "power");
  CHECK(*p.measured == Approx(333.0));
  CHECK(p.severity == Severity::Info); // 39% of 850 W: oversized
  CHECK_THAT(p.message, Catch::Contains("oversized"));
  auto withWatts = [](double w) {
    json psu = partJson("gamemax-rgb-850");
    setFigure(psu, "watts", w);
    return only(checked(scene("article-build"), catalogWith({psu})), "power");
  };
  CHECK(withWatts(333).severity == Severity::Warn); // exactly enough: no margin
  CHECK(withWatts(332).severity == Severity::Fail); // 1 W short
  CHECK(withWatts(417).severity == Severity::Pass); // 79.9%
  CHECK(withWatts(416).severity == Severity::Warn); // 80.05%
  json psu = partJson("gamemax-rgb-850");
  psu["figures"].erase("watts");
  CHECK(only(checked(scene("article-build"), catalogWith({psu})), "power").severity ==
        Severity::NotChecked);
}

TEST_CASE("power: parts with no power figure only add to the draw", "[fit][boundary]") {
  // The seed build without its case fans' 6 W: the rest draw 327 W.
  json chassis = partJson("fractal-focus-g");
  chassis["figures"].erase("fans_w");
  auto withWatts = [&](double w) {
    json psu = partJson("gamemax-rgb-850");
    setFigure(psu, "watts", w);
    return only(checked(scene("article-build"), catalogWith({chassis, psu})), "power");
  };
  // Below the high-load line the verdict rests on the case's fans: not checked, and the finding
  // says how much they could draw before it changes (680 - 327 = 353 W; 850 - 327 = 523 W).
  Finding open = withWatts(850);
  CHECK(open.severity == Severity::NotChecked);
  CHECK_FALSE(open.measured);
  CHECK_THAT(open.message, Catch::Contains("no power figure for case"));
  CHECK_THAT(open.message, Catch::Contains("the rest draw 327 W"));
  CHECK_THAT(open.message, Catch::Contains("unless case draws more than 353 W"));
  CHECK_THAT(open.message, Catch::Contains("within the PSU unless it draws more than 523 W"));
  // 409 W: the rest at 79.95%, still open; 408 W: 80.1% with the fans at nothing, a sure
  // warning, which says what more would make the PSU too small (408 - 327 = 81 W).
  CHECK(withWatts(409).severity == Severity::NotChecked);
  Finding high = withWatts(408);
  CHECK(high.severity == Severity::Warn);
  CHECK(*high.measured == Approx(327.0));
  CHECK_THAT(high.message, Catch::Contains("already draw 327 W"));
  CHECK_THAT(high.message, Catch::Contains("case has no power figure"));
  CHECK_THAT(high.message, Catch::Contains("the PSU is too small if case draws more than 81 W"));
  // At the rating the rest fit exactly (a warning: any draw of the fans would fail it); 1 W
  // under it, a sure failure.
  Finding exact = withWatts(327);
  CHECK(exact.severity == Severity::Warn);
  CHECK_THAT(exact.message, Catch::Contains("too small if case draws more than 0 W"));
  Finding small = withWatts(326);
  CHECK(small.severity == Severity::Fail);
  CHECK(*small.measured == Approx(327.0));
  CHECK_THAT(small.message, Catch::Contains("already draw 327 W"));
  CHECK_THAT(small.message, Catch::Contains("case has no power figure"));
  CHECK_THAT(small.message, Catch::Contains("the PSU is too small"));
  // Two parts without a figure are named together.
  json ram = partJson("corsair-vengeance-lpx-8gb");
  ram["figures"].erase("power_w");
  Finding two = only(checked(scene("article-build"), catalogWith({chassis, ram})), "power");
  CHECK(two.severity == Severity::NotChecked);
  CHECK_THAT(two.message, Catch::Contains("no power figure for case, ram1, ram2"));
  CHECK_THAT(two.message, Catch::Contains("unless case, ram1, ram2 draw more than 359 W together"));
}

TEST_CASE("power plugs: one 8-pin per card against the PSU's PCIe cables", "[fit][boundary]") {
  Finding two = only(checked(scene("article-two-gpus"), seedCatalog()), "power-plugs");
  CHECK(two.severity == Severity::Pass); // 2 needed, 2 available
  json psu = partJson("gamemax-rgb-850");
  setFigure(psu, "pcie_8pin", 1);
  CHECK(only(checked(scene("article-two-gpus"), catalogWith({psu})), "power-plugs").severity ==
        Severity::Fail);
  psu["figures"].erase("pcie_8pin");
  CHECK(only(checked(scene("article-two-gpus"), catalogWith({psu})), "power-plugs").severity ==
        Severity::NotChecked);
  // A card whose spec does not list its plugs is unknown, not plugless.
  json card = partJson("evga-rtx2060-xc");
  card["figures"].erase("power_plugs");
  FitResult r = checked(scene("article-build"), catalogWith({card}));
  CHECK(only(r, "power-plugs").severity == Severity::NotChecked);
  CHECK(only(r, "gpu-power-plug").severity == Severity::NotChecked);
  // An empty list is a card powered by its slot alone.
  setFigure(card, "power_plugs", json::array());
  CHECK(*only(checked(scene("article-build"), catalogWith({card})), "power-plugs").measured == 0);
}

TEST_CASE("memory: capacity, mixed kits, channels", "[fit][boundary]") {
  json board = partJson("asus-prime-x470-pro");
  setFigure(board, "memory_max_gb", 16); // exactly the seed build's 2 x 8 GB
  FitResult at = checked(scene("article-build"), catalogWith({board}));
  CHECK(only(at, "memory").severity == Severity::Pass);
  Build more =
      with(scene("article-build"), {"ram3", "corsair-vengeance-lpx-8gb", "board", "DIMM_A1"});
  more = with(more, {"ram4", "corsair-vengeance-lpx-8gb", "board", "DIMM_B1"});
  auto over = findings(checked(more, catalogWith({board})), "memory");
  REQUIRE(over.size() == 1);
  CHECK(over[0].severity == Severity::Fail); // 32 GB on a 16 GB board
  CHECK(over[0].bound == Bound::AtMost);

  // The article's upgrade: 2 x 16 GB beside 2 x 8 GB gives 48 GB from mixed kits.
  Build mixed =
      with(scene("article-build"), {"ram3", "corsair-vengeance-lpx-16gb", "board", "DIMM_A1"});
  mixed = with(mixed, {"ram4", "corsair-vengeance-lpx-16gb", "board", "DIMM_B1"});
  auto m = findings(checked(mixed, seedCatalog()), "memory");
  REQUIRE(m.size() == 1);
  CHECK(m[0].severity == Severity::Warn);
  CHECK_THAT(m[0].message, Catch::Contains("mixed kits") && Catch::Contains("48 GB"));

  // Both modules on one channel.
  Build oneChannel = remounted(scene("article-build"), "ram2", "DIMM_A1");
  auto c = findings(checked(oneChannel, seedCatalog()), "memory");
  REQUIRE(c.size() == 1);
  CHECK(c[0].severity == Severity::Warn);
  CHECK_THAT(c[0].message, Catch::Contains("single-channel"));

  // Two modules on both channels but not in the manual's slots.
  Build wrongPair = remounted(scene("article-build"), "ram2", "DIMM_B1");
  auto w = findings(checked(wrongPair, seedCatalog()), "memory");
  REQUIRE(w.size() == 1);
  CHECK_THAT(w[0].message, Catch::Contains("DIMM_A2 and DIMM_B2"));

  // A board whose spec names no slots for two modules gives no advice about them.
  json noPreference = partJson("asus-prime-x470-pro");
  for (auto& d : noPreference["dimm_slots"]["slots"])
    d.erase("preferred");
  auto quiet = findings(checked(wrongPair, catalogWith({noPreference})), "memory");
  REQUIRE(quiet.size() == 1);
  CHECK(quiet[0].severity == Severity::Pass);

  // Without the board's maximum, capacity is not checked (and says so).
  json noMax = partJson("asus-prime-x470-pro");
  noMax["figures"].erase("memory_max_gb");
  auto unknown = findings(checked(scene("article-build"), catalogWith({noMax})), "memory");
  REQUIRE(unknown.size() == 2); // sorted worst first: the pass, then the unchecked capacity
  CHECK(unknown[0].severity == Severity::Pass);
  CHECK(unknown[1].severity == Severity::NotChecked);
  CHECK_THAT(unknown[1].message, Catch::Contains("no maximum"));

  Build none = without(without(scene("article-build"), "ram1"), "ram2");
  CHECK(only(checked(none, seedCatalog()), "memory").severity == Severity::NotChecked);
}

TEST_CASE("PCIe lanes each card really gets", "[fit]") {
  FitResult one = checked(scene("article-build"), seedCatalog());
  CHECK(*only(one, "pcie-lanes").measured == 16);
  CHECK(only(one, "pcie-lanes").severity == Severity::Pass);
  FitResult chipset = checked(cardAt("PCIEX16_3"), seedCatalog());
  Finding f = only(chipset, "pcie-lanes");
  CHECK(*f.measured == 4);
  CHECK(f.severity == Severity::Warn);
  CHECK_THAT(f.message, Catch::Contains("PCIe 2.0 x4") && Catch::Contains("chipset"));
}

TEST_CASE("display: a CPU without integrated graphics needs a card", "[fit][boundary]") {
  FitResult seed = checked(scene("article-build"), seedCatalog());
  CHECK(only(seed, "display").severity == Severity::Info);
  // No card yet: a part still to add, not a failure (it was "does not fit" before, a false
  // one for a build in progress); the build lists the card among what it lacks.
  FitResult noCard = checked(without(scene("article-build"), "gpu1"), seedCatalog());
  CHECK(only(noCard, "display").severity == Severity::Info);
  CHECK(noCard.missing == std::vector<std::string>{"a graphics card"});
  CHECK(noCard.verdict() == Verdict::Fits);
  json apu = partJson("amd-ryzen7-2700x");
  setFigure(apu, "integrated_graphics", true);
  CHECK(only(checked(without(scene("article-build"), "gpu1"), catalogWith({apu})), "display")
            .severity == Severity::Pass);
  apu["figures"].erase("integrated_graphics");
  CHECK(only(checked(scene("article-build"), catalogWith({apu})), "display").severity ==
        Severity::NotChecked);
}

TEST_CASE("an overloaded PSU makes an added card not fit", "[fit][solve]") {
  // The seed build draws 333 W; a second 160 W card makes 493 W. On a 400 W unit that is too
  // much, and the power finding names every part that draws, the new card included.
  json psu = partJson("gamemax-rgb-850");
  setFigure(psu, "watts", 400);
  Catalog cat = catalogWith({psu});
  auto trials = solveAdd(scene("article-build"), cat, "evga-rtx2060-xc");
  REQUIRE(trials.ok());
  for (const Trial& t : *trials)
    if (t.mount == "PCIEX16_2") {
      CHECK_FALSE(t.fits);
      CHECK(std::any_of(t.problems.begin(), t.problems.end(),
                        [](const Finding& f) { return f.check == "power"; }));
    }
}
