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
  int board = a.indexOf("board").value();
  const Part& bp = *a.items[board].part;

  ProbeAnswer second = probe.probe(xc, board, *bp.mount("PCIEX16_2"));
  CHECK(second.fits);
  CHECK(second.marginMm == Approx(60.96 - 55.88)); // to the first card, as in test_article.cpp
  REQUIRE(second.blockingItem);
  CHECK(a.items[*second.blockingItem].id == "gpu1");

  ProbeAnswer third = probe.probe(xc, board, *bp.mount("PCIEX16_3"));
  CHECK_FALSE(third.fits);
  CHECK(third.openingsMissing);
  CHECK(third.marginMm == Approx(-(86.0 - 70.01)));
  REQUIRE(third.blockingItem);
  CHECK(a.items[*third.blockingItem].id == "psu");

  CHECK_FALSE(probe.probe(xc, board, *bp.mount("PCIEX1_1")).compatible);
  // Nothing within the horizon: the margin reads as the horizon.
  ProbeAnswer far = probe.probe(xc, board, *bp.mount("PCIEX16_2"), 2.0);
  CHECK(far.marginMm == Approx(2.0));
  CHECK_FALSE(far.blockingItem);
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
      int board = a.indexOf("board").value();
      ProbeAnswer p =
          probe.probe(*cat.find("test-card"), board, *a.items[board].part->mount("PCIEX16_1"));
      CHECK(p.fits == (length == max));
      CHECK(p.marginMm == Approx(max - length).margin(1e-6));
      CHECK(p.blockingSolid == "gpu_length_limit");
    }
  }
}

TEST_CASE("probe: a PSU bay whose place is not modelled measures the PSU's length only",
          "[fit][probe][verdicts]") {
  // The Node 304 takes ATX units up to 160 mm (Fractal, via overclockers.com) at a place rigfit
  // does not model: the drag measures the length, never a solid at a made-up place.
  const Catalog& cat = seedCatalog();
  Assembly a = assembled(Build{"node304", {{"case", "fractal-node-304"}}}, cat);
  PlacementProbe probe(a);
  const Mount& bay = *a.items[0].part->mount("psu_bay");
  ProbeAnswer at = probe.probe(*cat.find("corsair-rm850x-2018"), 0, bay); // 160 mm
  CHECK(at.unplaced);
  CHECK(at.fits);
  CHECK(at.marginMm == Approx(0.0).margin(1e-9));
  CHECK_FALSE(at.blockingItem);
  ProbeAnswer over = probe.probe(*cat.find("corsair-rm1000x-2021"), 0, bay); // 180 mm
  CHECK_FALSE(over.fits);
  CHECK(over.marginMm == Approx(-20.0));
  CHECK_FALSE(over.formFactorOnly);
  // The NR200 publishes no PSU length: only the form factor is checked, and the answer says
  // so instead of printing the 100 mm horizon as a margin.
  Assembly nr = assembled(Build{"nr200", {{"case", "cooler-master-nr200"}}}, cat);
  PlacementProbe nrProbe(nr);
  ProbeAnswer sfx =
      nrProbe.probe(*cat.find("corsair-sf600-2018"), 0, *nr.items[0].part->mount("psu_bay"));
  CHECK(sfx.fits);
  CHECK(sfx.formFactorOnly);
  CHECK(probeVerdict(sfx) ==
        "takes its form factor (its place and length in this case are not checked)");
  CHECK_THAT(probeVerdict(at), Catch::Contains("fits, 0.0 mm") && Catch::Contains("length only"));
}

TEST_CASE("probe: the margin beside a verdict is the one that decided it",
          "[fit][probe][verdicts]") {
  // A second XC in PCIEX16_3 overlaps the PSU by 15.99 mm and needs an eighth opening; a
  // blower in that slot clears the PSU but still needs the opening: no positive margin is
  // printed beside its "does not fit".
  ProbeAnswer a;
  a.compatible = true;
  a.marginMm = 12.5;
  a.openingsMissing = true;
  CHECK(probeVerdict(a) == "does not fit: needs another case opening");
  a.marginMm = -16.0;
  CHECK(probeVerdict(a) == "does not fit, -16.0 mm, and needs another case opening");
  a.openingsMissing = false;
  a.fits = false;
  CHECK(probeVerdict(a) == "does not fit, -16.0 mm");
  a.marginMm = 5.08;
  a.fits = true;
  CHECK(probeVerdict(a) == "fits, 5.1 mm");
}
