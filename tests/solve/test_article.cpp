// The question that started rigfit, answered slot by slot for both EVGA RTX 2060 models.
//
// Pitch arithmetic used below (board positions, 20.32 mm apart; see catalog/standards.hpp):
//   the ASUS PRIME X470-PRO's x16 slots sit at positions 2, 5 and 7 (estimated layout);
//   a card's envelope runs from 2.67 mm above its slot line (back side) to thickness beyond;
//   XC (1 fan): 2.75 slots = 55.88 mm; XC Ultra (2 fans): 2.0 slots = 40.64 mm.
//   Card 1 in position 2, card 2 in position 5 (3 pitches = 60.96 mm):
//     gap = 60.96 - 55.88 = 5.08 mm after an XC, 60.96 - 40.64 = 20.32 mm after an Ultra.
//   Position 7 with a 2-slot bracket needs case openings 7-8; the Focus G has 7.
//   Under position 7: slot line 162.26 + 6 x 20.32 = 284.18 mm below the board's top edge,
//   which the Focus G holds at y = 407.4 (estimate); the PSU's top is at y = 86. An XC there
//   reaches y = 407.4 - (284.18 - 2.67 + 55.88) = 70.01, 15.99 mm into the PSU; an Ultra
//   reaches 407.4 - (284.18 - 2.67 + 40.64) = 85.25, 0.75 mm into it.
#include "solve/solve.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

namespace {

bool hasProblem(const Trial& t, const std::string& check) {
  for (const Finding& f : t.problems)
    if (f.check == check) return true;
  return false;
}

Build withFirstCard(const std::string& part) {
  return swapped(scene("article-build"), "gpu1", part);
}

} // namespace

TEST_CASE("a second XC after the XC: every PCIe slot answered", "[solve][article]") {
  auto trials = solveAdd(scene("article-build"), seedCatalog(), "evga-rtx2060-xc");
  REQUIRE(trials.ok());
  REQUIRE(trials->size() == 5); // every free PCIe slot: three x1, PCIEX16_2, PCIEX16_3
  for (const char* x1 : {"PCIEX1_1", "PCIEX1_2", "PCIEX1_3"}) {
    CHECK_FALSE(at(*trials, x1).compatible); // an x16 edge does not go in an x1 slot
    CHECK_THAT(at(*trials, x1).incompatibility, Catch::Contains("x16 edge"));
  }
  const Trial& second = at(*trials, "PCIEX16_2");
  CHECK(second.fits);
  CHECK(*second.marginMm == Approx(60.96 - 55.88)); // 5.08 mm to the first card's cooler
  CHECK(hasProblem(second, "gpu-cooling"));         // open-air fans breathe through 5.08 mm
  const Trial& third = at(*trials, "PCIEX16_3");
  CHECK_FALSE(third.fits);
  CHECK(hasProblem(third, "slot-openings"));                      // needs opening 8
  CHECK(*third.marginMm == Approx(-(86.0 - 70.01)).margin(1e-9)); // 15.99 mm into the PSU
}

TEST_CASE("the two-fan XC Ultra after the XC", "[solve][article]") {
  auto trials = solveAdd(scene("article-build"), seedCatalog(), "evga-rtx2060-xc-ultra");
  REQUIRE(trials.ok());
  const Trial& second = at(*trials, "PCIEX16_2");
  CHECK(second.fits);
  // The gap is set by the first card's 2.75-slot cooler, whatever the second card is.
  CHECK(*second.marginMm == Approx(60.96 - 55.88));
  const Trial& third = at(*trials, "PCIEX16_3");
  CHECK_FALSE(third.fits);
  CHECK(*third.marginMm == Approx(-(86.0 - 85.25)).margin(1e-9)); // 0.75 mm into the PSU
}

TEST_CASE("two XC Ultras: the 2-slot model leaves a full slot of air", "[solve][article]") {
  auto trials =
      solveAdd(withFirstCard("evga-rtx2060-xc-ultra"), seedCatalog(), "evga-rtx2060-xc-ultra");
  REQUIRE(trials.ok());
  const Trial& second = at(*trials, "PCIEX16_2");
  CHECK(second.fits);
  CHECK(*second.marginMm == Approx(60.96 - 40.64)); // 20.32 mm: one empty slot pitch
  CHECK_FALSE(hasProblem(second, "gpu-cooling"));   // exactly the free slot it wants
  CHECK_FALSE(at(*trials, "PCIEX16_3").fits);
}

TEST_CASE("the article's answer: one more card fits, in PCIEX16_2", "[solve][article]") {
  auto best = solveMax(scene("article-build"), seedCatalog(), "evga-rtx2060-xc");
  REQUIRE(best.ok());
  REQUIRE(best->mounts == std::vector<std::string>{"board/PCIEX16_2"});
}

TEST_CASE("the other candidate layout: x16 slots two pitches apart", "[solve][article]") {
  // Reference candidate (b): x16 at positions 2 and 4, 40.64 mm apart.
  nlohmann::json board = partJson("asus-prime-x470-pro");
  for (auto& s : board["pcie_slots"]["slots"]) {
    if (s["name"] == "PCIEX1_3") s["position"] = 6;
    if (s["name"] == "PCIEX16_2") s["position"] = 4;
  }
  Catalog cat = catalogWith({board});
  SECTION("an XC two pitches below an XC overlaps its cooler") {
    Build b = with(scene("article-build"), {"gpu2", "evga-rtx2060-xc", "board", "PCIEX16_2"});
    FitResult r = checked(b, cat);
    Finding gap = only(r, "gpu-gap");
    CHECK(gap.severity == Severity::Fail);
    CHECK(*gap.measured == Approx(40.64 - 55.88)); // -15.24: the cooler overlaps by 15.24 mm
    CHECK_FALSE(r.fits());
  }
  SECTION("two Ultras two pitches apart just touch, with no air between") {
    Build b = with(withFirstCard("evga-rtx2060-xc-ultra"),
                   {"gpu2", "evga-rtx2060-xc-ultra", "board", "PCIEX16_2"});
    FitResult r = checked(b, cat);
    Finding gap = only(r, "gpu-gap");
    CHECK(gap.severity == Severity::Pass);
    CHECK(*gap.measured == Approx(40.64 - 40.64).margin(1e-9));
    CHECK(only(r, "gpu-cooling", "gpu1").severity == Severity::Warn);
  }
}

TEST_CASE("the seed builds check as expected", "[fit][article]") {
  FitResult one = checked(scene("article-build"), seedCatalog());
  CHECK(one.fits());
  FitResult two = checked(scene("article-two-gpus"), seedCatalog());
  CHECK(two.fits());
  CHECK(*only(two, "gpu-gap").measured == Approx(5.08));
  // Both CPU-attached slots populated: each card runs x8.
  CHECK(*only(two, "pcie-lanes", "gpu1").measured == 8);
  CHECK(*only(two, "pcie-lanes", "gpu2").measured == 8);
}
