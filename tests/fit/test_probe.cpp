// The placement probe agrees with the full check on the article's question.
#include "catalog/case_fixtures.hpp"
#include "fit/probe.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

TEST_CASE("probe: a second XC in each x16 slot", "[fit][probe]") {
  const Catalog& cat = seedCatalog();
  Assembly a = assembled(scene("article-build"), cat);
  PlacementProbe probe(a);
  const Part& xc = *cat.find("evga-rtx2060-xc");
  int board = a.indexOf("board");
  const Part& bp = *a.items[board].part;

  ProbeAnswer second = probe.probe(xc, board, *bp.mount("PCIEX16_2"));
  CHECK(second.fits);
  CHECK(second.marginMm == Approx(60.96 - 55.88)); // to the first card, as in test_article.cpp
  CHECK(a.items[second.blockingItem].id == "gpu1");

  ProbeAnswer third = probe.probe(xc, board, *bp.mount("PCIEX16_3"));
  CHECK_FALSE(third.fits);
  CHECK(third.openingsMissing);
  CHECK(third.marginMm == Approx(-(86.0 - 70.01)));
  CHECK(a.items[third.blockingItem].id == "psu");

  CHECK_FALSE(probe.probe(xc, board, *bp.mount("PCIEX1_1")).compatible);
  // Nothing within the horizon: the margin reads as the horizon.
  ProbeAnswer far = probe.probe(xc, board, *bp.mount("PCIEX16_2"), 2.0);
  CHECK(far.marginMm == Approx(2.0));
  CHECK(far.blockingItem == -1);
}

TEST_CASE("probe: a card over the published length does not fit, whatever else the case limits",
          "[fit][probe][limits]") {
  // Regression: a case that publishes a card limit and no PSU limit (the H510 Flow: 360 mm)
  // had its card-limit surface marked as a PSU limit, so dragging any card showed green.
  for (const char* caseId : {"nzxt-h510-flow", "fractal-focus-2"}) {
    INFO(caseId);
    const Part& chassis = *seedCatalog().find(caseId);
    const Solid* limit = chassis.solid("gpu_length_limit");
    REQUIRE(limit);
    CHECK(limit->limits == Category::Gpu);
    double max = *chassis.chassis->maxGpuLengthMm;
    for (double length : {max, max + 1}) {
      Catalog cat = catalogWith({testCard(length)});
      Build b{"probe", {{"case", caseId}, {"board", "asus-prime-x470-pro", "case", "tray"}}};
      Assembly a = assembled(b, cat);
      PlacementProbe probe(a);
      int board = a.indexOf("board");
      ProbeAnswer p =
          probe.probe(*cat.find("test-card"), board, *a.items[board].part->mount("PCIEX16_1"));
      CHECK(p.fits == (length == max));
      CHECK(p.marginMm == Approx(max - length).margin(1e-6));
      CHECK(p.blockingSolid == "gpu_length_limit");
    }
  }
}
