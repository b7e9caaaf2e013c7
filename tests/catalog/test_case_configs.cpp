// Limits a case publishes for one configuration (front fans mounted, a radiator on top, drive
// brackets removed) are carried by its geometry in that configuration: at the limit fits, 1 mm
// over does not.
#include "assembly/world.hpp"
#include "catalog/case_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

// The Focus 2 with an X470 board (DDR4, so the test module fits it), a CPU and a 40 mm cooler
// that stays clear of the top of the case.
struct Focus2 {
  const Part& chassis = *seedCatalog().find("fractal-focus-2");
  const Part& board = *seedCatalog().find("asus-prime-x470-pro");

  Build build(std::vector<Instance> more) const {
    return caseBuild(chassis, board, "PCIEX16_1", std::move(more));
  }
  Catalog catalog(double cardLength, std::vector<json> parts = {}) const {
    parts.push_back(testCard(cardLength));
    parts.push_back(testCpu(board.board->socket));
    parts.push_back(testCooler(board.board->socket, 40));
    return catalogWith(parts);
  }
  FitResult check(double cardLength, std::vector<Instance> more, std::vector<json> parts = {}) {
    return checked(build(std::move(more)), catalog(cardLength, std::move(parts)));
  }
};

using Places = std::vector<std::pair<std::string, std::string>>; // part, place

std::vector<Instance> onCase(const Places& places) {
  std::vector<Instance> out;
  for (const auto& [part, place] : places)
    out.push_back({"on-" + place, part, "case", place});
  return out;
}

} // namespace

TEST_CASE("the Focus 2's front fans end at its published 405 mm card length",
          "[catalog][configs][fans]") {
  // pcper (in the part file): "GPU up to 405 mm with the front fan mounted", and Fractal ships
  // it with two 25 mm Aspect 14 fans in the front. With 25 mm fans there, a card of exactly
  // 405 mm touches them; 1 mm longer runs into them and over the limit.
  Focus2 f;
  const std::string f120 = "thermaltake-swafan-12-rgb", f140 = "thermaltake-tt-1425";
  for (const Places& fans : {Places{{f120, "FRONT_1"}, {f120, "FRONT_2"}, {f120, "FRONT_3"}},
                             Places{{f140, "FRONT_140_1"}, {f140, "FRONT_140_2"}}}) {
    INFO(fans.front().first);
    FitResult at = f.check(405, onCase(fans));
    CHECK(*only(at, "gpu-length").measured == Approx(0.0).margin(1e-6));
    CHECK(only(at, "collision").severity == Severity::Pass);
    FitResult over = f.check(406, onCase(fans));
    CHECK(only(over, "gpu-length").severity == Severity::Fail);
    // Every fan the card's end reaches (one 120, or both 140s), by 1 mm each.
    std::vector<Finding> hits = findings(over, "collision");
    CHECK_FALSE(hits.empty());
    for (const Finding& hit : hits) {
      REQUIRE(hit.measured);
      CHECK(hit.severity == Severity::Fail);
      CHECK(*hit.measured == Approx(-1.0));
    }
  }
  // Thicker fans stand deeper: two 30 mm fans leave 400 mm.
  Places thick{{"corsair-rs140-max", "FRONT_140_1"}, {"corsair-rs140-max", "FRONT_140_2"}};
  CHECK(only(f.check(400, onCase(thick)), "collision").severity == Severity::Pass);
  std::vector<Finding> thickHits = findings(f.check(401, onCase(thick)), "collision");
  REQUIRE_FALSE(thickHits.empty());
  for (const Finding& hit : thickHits) {
    REQUIRE(hit.measured);
    CHECK(hit.severity == Severity::Fail);
    CHECK(*hit.measured == Approx(-1.0));
  }
  // The places for 120 and for 140 mm fans overlap: one of each there collide.
  Finding mixed =
      only(f.check(300, onCase({{f120, "FRONT_1"}, {f140, "FRONT_140_1"}})), "collision");
  CHECK(mixed.severity == Severity::Fail);
}

TEST_CASE("the Focus 2's top radiator leaves the published 46 mm for memory",
          "[catalog][configs][radiators]") {
  // pcper (in the part file): "top radiator up to 240 mm with memory up to 46 mm tall". A 240
  // radiator as wide as its fans, on top, clears a 46 mm module and sits in a 47 mm one.
  Focus2 f;
  auto with = [&](double memoryHeight) {
    std::vector<Instance> more = onCase({{"test-radiator", "TOP_RAD"}});
    more.push_back({"ram", "test-memory", "board", "DIMM_A2"});
    return f.check(300, more, {testRadiator(), testMemory(memoryHeight)});
  };
  Finding at = only(with(46), "collision");
  CHECK(at.severity == Severity::Pass);
  Finding over = only(with(47), "collision");
  CHECK(over.severity == Severity::Fail);
  CHECK(over.parts == std::vector<std::string>{"on-TOP_RAD", "ram"});
  CHECK(*over.measured == Approx(-1.0));
  // Top radiator places take only what the case lists: a 280 there does not fit, a verdict.
  Finding refused =
      only(checked(f.build(onCase({{"nzxt-kraken-x63-rgb-radiator", "TOP_RAD"}})), f.catalog(300)),
           "mount");
  CHECK(refused.severity == Severity::Fail);
  CHECK(refused.parts == std::vector<std::string>{"on-TOP_RAD"});
  CHECK_THAT(refused.message, Catch::Contains("TOP_RAD takes 240, not 280"));
}

TEST_CASE("a front radiator takes its stack's depth from the Focus 2's card room",
          "[catalog][configs][radiators]") {
  // Not a published figure: it follows from the front places (25 mm fans end at 405 mm) and
  // the radiator's published 55 mm installed depth, so a card may reach 430 - 55 = 375 mm.
  Focus2 f;
  auto with = [&](double card) {
    return f.check(card, onCase({{"lian-li-galahad-ii-lcd-360-radiator", "FRONT_RAD"}}));
  };
  // The card's room ends at the radiator: one finding, gpu-length, names it (the collision
  // check does not report the same overlap a second time).
  Finding at = only(with(375), "gpu-length");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-9));
  CHECK(only(with(375), "collision").severity == Severity::Pass);
  FitResult r = with(376);
  Finding over = only(r, "gpu-length");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
  CHECK_THAT(over.message, Catch::Contains("radiator") && Catch::Contains("stands in front"));
  Finding summary = only(r, "collision");
  CHECK(summary.severity == Severity::Pass);
  CHECK_THAT(summary.message, Catch::Contains("beyond the overlap or limit reported above"));
  // A radiator and fans on the same front places collide.
  Finding both = only(f.check(300, onCase({{"lian-li-galahad-ii-lcd-360-radiator", "FRONT_RAD"},
                                           {"thermaltake-swafan-12-rgb", "FRONT_2"}})),
                      "collision");
  CHECK(both.severity == Severity::Fail);
}

TEST_CASE("drives lie in a case's bays, and are checked like any part",
          "[catalog][configs][drives]") {
  // The Focus G Mini's drive frame (tweakpc: two 3.5 or 2.5 in drives) in front of its PSU,
  // which may be up to 230 mm deep (tweakpc). Its bays' positions are estimates (in the file).
  const Part& chassis = *seedCatalog().find("fractal-focus-g-mini");
  Build base{"drives", {{"case", chassis.id}, {"psu", "corsair-rm850x-2018", "case", "psu_bay"}}};
  // Two 3.5 in drives, one above the other, and a 160 mm PSU: nothing overlaps.
  Build two = with(with(base, {"hdd1", "wd-blue-wd10ealx", "case", "HDD_1"}),
                   {"hdd2", "wd-blue-wd10ealx", "case", "HDD_2"});
  FitResult r = checked(two, seedCatalog());
  CHECK(only(r, "collision").severity == Severity::Pass);
  // A 2.5 in drive takes a bay that lists it; an M.2 drive takes none.
  Build ssd = with(base, {"ssd", "samsung-850-evo-1tb", "case", "HDD_1"});
  CHECK(assemble(ssd, seedCatalog()).ok());
  auto refused =
      assemble(with(base, {"m2", "samsung-970-evo-1tb", "case", "HDD_1"}), seedCatalog());
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().reason, Catch::Contains("needs a m2_slot"));
  // A drive's draw counts in the power check: the 850 EVO adds its 3.3 W (its part file). The
  // Focus G Mini's fans have no published draw, so the test gives them one to let it count.
  json mini = partJson("fractal-focus-g-mini");
  setFigure(mini, "fans_w", 6);
  Catalog counted = catalogWith({mini});
  Finding without = only(checked(base, counted), "power");
  Finding withSsd = only(checked(ssd, counted), "power");
  REQUIRE(without.measured);
  REQUIRE(withSsd.measured);
  CHECK(*withSsd.measured - *without.measured == Approx(3.3));
  // A drive without a draw figure says so.
  Finding unknown = only(r, "power");
  CHECK(unknown.severity == Severity::NotChecked);
  CHECK_THAT(unknown.message, Catch::Contains("hdd1"));
}

TEST_CASE("a case's removable piece is a yes-or-no option in a build", "[catalog][configs]") {
  Build b{"node", {{"case", "fractal-node-304", "", "", {{"hdd_brackets_removed", 0.5}}}}};
  auto half = assemble(b, seedCatalog());
  REQUIRE_FALSE(half.ok());
  CHECK(half.error().field == "/parts/0/options/hdd_brackets_removed");
  CHECK_THAT(half.error().reason, Catch::Contains("1 (yes) or 0 (no)"));
  b.instances[0].options["hdd_brackets_removed"] = 1;
  CHECK(assemble(b, seedCatalog()).ok());
}

TEST_CASE("the Kraken X53's radiator on the Focus 2's top clears Trident Z memory by 0.5 mm",
          "[catalog][configs][radiators]") {
  // Follows from three sourced figures: the top radiator's edge stands 46 mm above the board
  // for a 120 mm wide radiator (pcper's memory limit); NZXT's 240 radiator is 123 mm wide, so
  // its edge stands 1.5 mm lower, at 44.5 mm; a Trident Z module is 44 mm tall.
  Focus2 f;
  std::vector<Instance> more = onCase({{"nzxt-kraken-x53-rgb-radiator", "TOP_RAD"}});
  more.push_back({"ram", "gskill-trident-z-ddr4-3200-c14-8gb", "board", "DIMM_A2"});
  FitResult r = f.check(300, more);
  CHECK(only(r, "collision").severity == Severity::Pass);
  // Measured directly: the module's top to the radiator's near face.
  const Catalog catalog = f.catalog(300); // an assembly points into its catalog's parts
  Assembly a = assembled(f.build(more), catalog);
  const World& w = a.world();
  const WorldSolid* ram = w.find(a.indexOf("ram").value(), "body");
  const WorldSolid* rad = w.find(a.indexOf("on-TOP_RAD").value(), "body");
  REQUIRE(ram);
  REQUIRE(rad);
  CHECK(rad->bounds.lo.z - ram->bounds.hi.z == Approx(0.5));
}

TEST_CASE("the Torrent's card room: 461 mm without front fans, 423 mm with them",
          "[catalog][configs][fans]") {
  // Fractal's page (a copy, in the part file): "GPU max length: 461 mm total, 423 mm with front
  // fan mounted". The front places stand where the card limit is; the two figures imply 38 mm
  // fans, so a 180 x 38 mm fan in each leaves 423 mm, and a 1 mm longer card runs into them.
  const Part& chassis = *seedCatalog().find("fractal-torrent");
  std::string slot;
  const Part* board = boardFor(chassis, &slot);
  REQUIRE(board);
  json fan = partJson("corsair-rs140-max");
  fan["id"] = "test-fan";
  setFigure(fan, "size_mm", 180);
  setFigure(fan, "thickness_mm", 38);
  auto with = [&](double card, bool fans) {
    std::vector<Instance> more;
    if (fans) more = onCase({{"test-fan", "FRONT_180_1"}, {"test-fan", "FRONT_180_2"}});
    return checked(caseBuild(chassis, *board, slot, more),
                   catalogWith({testCard(card), testCpu(board->board->socket),
                                testCooler(board->board->socket, 60), fan}));
  };
  CHECK(only(with(423, true), "collision").severity == Severity::Pass);
  std::vector<Finding> hits = findings(with(424, true), "collision");
  REQUIRE_FALSE(hits.empty());
  for (const Finding& hit : hits) {
    REQUIRE(hit.measured);
    CHECK(*hit.measured == Approx(-1.0));
  }
  // Without the fans the published limit itself: 461 fits, 462 is over.
  FitResult open = with(461, false);
  CHECK(only(open, "collision").severity == Severity::Pass);
  CHECK(only(open, "gpu-length").severity == Severity::Pass);
  CHECK(only(with(462, false), "gpu-length").severity == Severity::Fail);
}

TEST_CASE("an all-in-one's radiator is looked for in the build", "[catalog][configs][radiators]") {
  Build aio = scene("focus2-aio");
  Finding placed = only(checked(aio, seedCatalog()), "aio-radiator");
  CHECK(placed.severity == Severity::Pass);
  CHECK_THAT(placed.message, Catch::Contains("sits on case/TOP_RAD"));
  // Without it, where it goes is not checked, and the check says so as a warning.
  Finding missing = only(checked(without(aio, "radiator"), seedCatalog()), "aio-radiator");
  CHECK(missing.severity == Severity::Warn);
  CHECK_FALSE(missing.hard);
  CHECK_THAT(missing.message, Catch::Contains("nzxt-kraken-x53-rgb-radiator"));
  // An air cooler has no radiator to look for.
  Build air = swapped(without(aio, "radiator"), "pump", "amd-wraith-prism");
  CHECK(findings(checked(air, seedCatalog()), "aio-radiator").empty());
}
