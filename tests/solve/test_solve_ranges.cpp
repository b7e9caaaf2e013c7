// "Another card here?" over the estimates' bands (issue 14): a slot is sure or depends, and
// the ranking goes by the worst case.
#include "solve/solve.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

TEST_CASE("the article's second card: 5.1 mm, and no estimate moves it", "[solve][ranges]") {
  Result<std::vector<Trial>> trials =
      solveAdd(scene("article-build"), seedCatalog(), "evga-rtx2060-xc", {}, true);
  REQUIRE(trials);
  const Trial& second = at(*trials, "PCIEX16_2");
  CHECK(second.fits);
  CHECK_FALSE(second.depends);
  REQUIRE(second.marginMm);
  CHECK(*second.marginMm == Approx(5.08).margin(0.01));
  // The gap is three slot pitches less the first card's published thickness: no band in it.
  CHECK(second.rankMargin() == Approx(*second.marginMm));
  CHECK(second.deciding.empty());
  // The third slot does not fit at any value: its bracket needs an eighth opening.
  const Trial& third = at(*trials, "PCIEX16_3");
  CHECK_FALSE(third.fits);
  CHECK_FALSE(third.depends);
}

TEST_CASE("a slot that fits only at the estimated card height depends on it", "[solve][ranges]") {
  // The Focus G with a 150 mm cooler limit (a test's figure; its fan places, which would
  // stand outside the narrower case, left out): its side panel stands 15 mm nearer, so a
  // second XC (height estimated 111.15 mm, could be up to the tallest sourced card) clears it
  // at the estimate and not at the top of the band.
  nlohmann::json focus = partJson("fractal-focus-g");
  setFigure(focus, "max_cpu_cooler_mm", 150);
  setFigure(focus, "psu_centre_z_mm", 157.92 / 2); // centred under the nearer side panel
  focus.erase("fan_mounts");
  focus.erase("radiator_mounts");
  Catalog c = catalogWith({focus});
  Result<std::vector<Trial>> trials =
      solveAdd(scene("article-build"), c, "evga-rtx2060-xc", {}, true);
  REQUIRE(trials);
  const Trial& second = at(*trials, "PCIEX16_2");
  CHECK(second.fits);
  CHECK(second.depends);
  REQUIRE_FALSE(second.deciding.empty());
  CHECK_THAT(second.deciding.front(), Catch::Contains("gpu2 height_mm flips it at"));
  // Without the bands, the same slot is a plain fit.
  Result<std::vector<Trial>> plain = solveAdd(scene("article-build"), c, "evga-rtx2060-xc");
  REQUIRE(plain);
  CHECK(at(*plain, "PCIEX16_2").fits);
  CHECK_FALSE(at(*plain, "PCIEX16_2").depends);
}
