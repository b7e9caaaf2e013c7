// Limits a case publishes for one configuration (front fans mounted, a radiator on top, drive
// brackets removed) are carried by its geometry in that configuration: at the limit fits, 1 mm
// over does not.
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

  FitResult check(double cardLength, std::vector<Instance> more, std::vector<json> parts = {}) {
    parts.push_back(testCard(cardLength));
    parts.push_back(testCpu(board.board->socket));
    parts.push_back(testCooler(board.board->socket, 40));
    return checked(caseBuild(chassis, board, "PCIEX16_1", std::move(more)), catalogWith(parts));
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
  for (const Finding& hit : findings(f.check(401, onCase(thick)), "collision")) {
    REQUIRE(hit.measured);
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
  // Top radiator places take only what the case lists: a 280 is refused there.
  Build b = caseBuild(f.chassis, f.board, "PCIEX16_1",
                      onCase({{"nzxt-kraken-x63-rgb-radiator", "TOP_RAD"}}));
  auto refused = assemble(b, catalogWith({testCard(300), testCpu(f.board.board->socket),
                                          testCooler(f.board.board->socket, 40)}));
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.error().reason, Catch::Contains("TOP_RAD takes 240, not 280"));
}

TEST_CASE("a front radiator takes its stack's depth from the Focus 2's card room",
          "[catalog][configs][radiators]") {
  // Not a published figure: it follows from the front places (25 mm fans end at 405 mm) and
  // the radiator's published 55 mm installed depth, so a card may reach 430 - 55 = 375 mm.
  Focus2 f;
  auto with = [&](double card) {
    return f.check(card, onCase({{"lian-li-galahad-ii-lcd-360-radiator", "FRONT_RAD"}}));
  };
  CHECK(only(with(375), "collision").severity == Severity::Pass);
  Finding over = only(with(376), "collision");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
  // A radiator and fans on the same front places collide.
  Finding both = only(f.check(300, onCase({{"lian-li-galahad-ii-lcd-360-radiator", "FRONT_RAD"},
                                           {"thermaltake-swafan-12-rgb", "FRONT_2"}})),
                      "collision");
  CHECK(both.severity == Severity::Fail);
}
