// The deciding figure of a build that depends: one figure only where looking it up settles every
// finding marked DEPENDS; the flip the build acts on where it decides several.
#include "fit/ranged.hpp"
#include "report/text.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;

namespace {

// A figure of a card, estimated at 111.2 mm in a band of 111 to 149.3 mm.
Decider cardHeight(const std::string& instance, double flip) {
  Decider d;
  d.instance = instance;
  d.part = "evga-rtx2060-xc";
  d.figure = "height_mm";
  d.value = 111.2, d.lo = 111, d.hi = 149.3;
  d.why = "test band";
  d.lookUp = "the card's spec page";
  d.flip = flip;
  d.beyond = Severity::Fail;
  return d;
}

// A finding that passes at the estimates and fails past the flip of each of its deciders.
Finding dependsOn(const std::string& check, std::vector<Decider> deciders) {
  Finding f;
  f.check = check;
  f.severity = Severity::Pass;
  f.unit = Unit::Mm;
  f.measured = 5.0;
  MarginRange r;
  r.worstSeverity = Severity::Fail;
  r.bestSeverity = Severity::Pass;
  r.deciders = std::move(deciders);
  f.range = std::move(r);
  return f;
}

FitResult resultOf(std::vector<Finding> findings) {
  FitResult r;
  r.findings = std::move(findings);
  r.fitsSomewhere = true;
  return r;
}

} // namespace

TEST_CASE("deciding figure: one figure, one finding, its flip", "[report][ranges]") {
  const FitResult r = resultOf({dependsOn("gpu-height", {cardHeight("gpu1", 126.61)})});
  REQUIRE(r.verdict() == Verdict::Depends);
  const std::string text = decidingFigure(r);
  CHECK_THAT(text, Catch::StartsWith("The figure that decides it: gpu1's height_mm "
                                     "(evga-rtx2060-xc), estimated 111.2 mm."));
  CHECK_THAT(text, Catch::Contains("at or below 126.61 mm this fits, above it does not "
                                   "(gpu-height)."));
}

TEST_CASE("deciding figure: one figure deciding two findings gives the nearer flip",
          "[report][ranges]") {
  // The card must be no taller than 130 mm for the side panel and 126.6 mm for its power plug:
  // the build fits up to 126.6 mm, not up to 130.
  for (bool plugFirst : {false, true}) {
    CAPTURE(plugFirst);
    Finding height = dependsOn("gpu-height", {cardHeight("gpu1", 130.0)});
    Finding plug = dependsOn("gpu-power-plug", {cardHeight("gpu1", 126.6)});
    const FitResult r = plugFirst ? resultOf({plug, height}) : resultOf({height, plug});
    const std::string text = decidingFigure(r);
    CHECK_THAT(text, Catch::StartsWith("The figure that decides it: gpu1's height_mm"));
    CHECK_THAT(text, Catch::Contains("at or below 126.60 mm this fits, above it does not"));
    CHECK_THAT(text, !Catch::Contains("130"));
    CHECK_THAT(text, Catch::Contains("gpu-height") && Catch::Contains("gpu-power-plug"));
  }
  // Fitting above the flips instead (a clearance that must be at least so much): the higher.
  Decider a = cardHeight("cooler", 120.0), b = cardHeight("cooler", 125.0);
  a.figure = b.figure = "ram_clearance_mm";
  for (Decider* d : {&a, &b})
    d->value = 140; // fits at the estimate, above both flips
  const FitResult r = resultOf({dependsOn("cooler-ram", {a}), dependsOn("cooler-gpu", {b})});
  CHECK_THAT(decidingFigure(r), Catch::Contains("at or above 125.00 mm this fits, below it does "
                                                "not (cooler-ram, cooler-gpu)."));
}

TEST_CASE("deciding figure: findings decided by different figures name each, and no one",
          "[report][ranges]") {
  Decider board = cardHeight("case", 400.79);
  board.figure = "board_top_mm";
  board.part = "fractal-focus-g";
  board.value = 407.4, board.lo = 390.8, board.hi = 424;
  board.lookUp = "the case's manual";
  const FitResult r = resultOf(
      {dependsOn("gpu-height", {cardHeight("gpu1", 126.61)}), dependsOn("keepout", {board})});
  REQUIRE(r.verdict() == Verdict::Depends);
  const std::string text = decidingFigure(r);
  // Neither figure alone makes the build fit: no sentence may say "this fits" of one.
  CHECK_THAT(text, Catch::StartsWith("No one figure decides it"));
  CHECK_THAT(text, !Catch::Contains("The figure that decides it"));
  CHECK_THAT(text, !Catch::Contains("this fits"));
  CHECK_THAT(text, Catch::Contains("gpu1's height_mm (evga-rtx2060-xc), estimated 111.2 mm, in "
                                   "the card's spec page: the finding it can turn (gpu-height) "
                                   "fits at or below 126.61 mm, not above."));
  CHECK_THAT(text, Catch::Contains("case's board_top_mm (fractal-focus-g), estimated 407.4 mm, "
                                   "in the case's manual: the finding it can turn (keepout) fits "
                                   "at or above 400.79 mm, not below."));
  // A figure that decides several of them gives the flip they all keep to, once.
  const FitResult more = resultOf({dependsOn("gpu-height", {cardHeight("gpu1", 126.61)}),
                                   dependsOn("keepout", {board}),
                                   dependsOn("gpu-power-plug", {cardHeight("gpu1", 120.5)})});
  CHECK_THAT(decidingFigure(more),
             Catch::Contains("the findings it can turn (gpu-height, gpu-power-plug) fit at or "
                             "below 120.50 mm, not above.") &&
                 !Catch::Contains("126.61"));
}

TEST_CASE("deciding figure: one figure with a finding it does not decide alone is not enough",
          "[report][ranges]") {
  // A finding that fails only with two figures at their worst together has no decider that
  // turns it alone.
  Decider weak = cardHeight("gpu1", 126.61);
  weak.flip.reset();
  const FitResult r = resultOf(
      {dependsOn("gpu-height", {cardHeight("gpu1", 126.61)}), dependsOn("gpu-gap", {weak})});
  const std::string text = decidingFigure(r);
  CHECK_THAT(text, Catch::StartsWith("No one figure decides it"));
  CHECK_THAT(text, Catch::Contains("gpu-gap fails only with several estimates at their worst "
                                   "together"));
  // Where none is turned by one figure alone, the sentence says so, as before.
  const FitResult none = resultOf({dependsOn("gpu-gap", {weak})});
  CHECK_THAT(decidingFigure(none), Catch::StartsWith("No one figure decides it: the findings "
                                                     "marked DEPENDS fail only with several"));
}

TEST_CASE("deciding figure: one figure that must be below for one finding and above for another",
          "[report][ranges]") {
  Decider above = cardHeight("gpu1", 112.0);
  above.value = 120; // fits at the estimate, fails below 112
  Decider below = cardHeight("gpu1", 126.61);
  below.value = 120;
  const FitResult r =
      resultOf({dependsOn("gpu-height", {below}), dependsOn("bottom-card-psu", {above})});
  const std::string text = decidingFigure(r);
  CHECK_THAT(text, Catch::StartsWith("The figure that decides it: gpu1's height_mm"));
  CHECK_THAT(text, Catch::Contains("this fits where all of these hold: gpu-height fits at or "
                                   "below 126.61 mm, not above; bottom-card-psu fits at or above "
                                   "112.00 mm, not below."));
}

TEST_CASE("deciding figure: a build two figures decide, and what entering each does",
          "[report][ranges]") {
  // The five-fan scene with an NH-D15 (its rear fan out, which the tower's overhang would hit):
  // the tower's RAM clearance is not published, and where the case puts its board is not
  // either. Each decides its own findings: the clearance the modules' room under the overhang,
  // the board's height the fans on the roof against the tower and the modules.
  const Catalog& c = rigfit::test::seedCatalog();
  const Build b = rigfit::test::fiveFansNhD15();
  auto verdictWith = [&](std::map<std::string, std::map<std::string, double>> entered) {
    Build e = b;
    for (Instance& in : e.instances)
      if (auto it = entered.find(in.id); it != entered.end()) in.figures = it->second;
    return checkWithRanges(rigfit::test::assembled(e, c), c);
  };
  const FitResult r = verdictWith({});
  REQUIRE(r.verdict() == Verdict::Depends);
  const std::string text = decidingFigure(r);
  CHECK_THAT(text, Catch::StartsWith("No one figure decides it"));
  CHECK_THAT(text,
             Catch::Contains("cooler's ram_clearance_mm (noctua-nh-d15), estimated 32.0 mm") &&
                 Catch::Contains("the finding it can turn (cooler-ram) fits at or above "
                                 "33.99 mm, not below."));
  CHECK_THAT(text, Catch::Contains("case's board_top_mm (fractal-focus-g), estimated 407.4 mm") &&
                       Catch::Contains("the findings it can turn (collision) fit at or below "
                                       "414.01 mm, not above."));
  // What the sentence says holds: the clearance alone leaves the board's height to decide;
  // both make the build fit at 414.01 mm and not at 414.02.
  CHECK(verdictWith({{"cooler", {{"ram_clearance_mm", 34}}}}).verdict() == Verdict::Depends);
  CHECK(verdictWith({{"cooler", {{"ram_clearance_mm", 34}}}, {"case", {{"board_top_mm", 414.01}}}})
            .verdict() == Verdict::Fits);
  CHECK(verdictWith({{"cooler", {{"ram_clearance_mm", 34}}}, {"case", {{"board_top_mm", 414.02}}}})
            .verdict() == Verdict::DoesNotFit);
}

TEST_CASE("deciding figure: findings that fail at the estimates, a window, and a finding two "
          "figures turn",
          "[report][ranges]") {
  // Failing at the estimate (a tower's RAM clearance taken at 32 mm), fitting past each flip:
  // the build fits above the higher one.
  auto failing = [](const std::string& check, double flip) {
    Decider d = cardHeight("cooler", flip);
    d.figure = "ram_clearance_mm";
    d.value = 32, d.lo = 32, d.hi = 70;
    d.beyond = Severity::Pass;
    Finding f = dependsOn(check, {d});
    f.severity = Severity::Fail;
    f.measured = -2.0;
    return f;
  };
  const FitResult fails = resultOf({failing("cooler-ram", 33.99), failing("cooler-ram", 35.0)});
  REQUIRE(fails.verdict() == Verdict::Depends);
  CHECK_THAT(decidingFigure(fails),
             Catch::Contains("at or above 35.00 mm this fits, below it does not (cooler-ram)."));
  // A finding that fails only inside a window of the band.
  Decider window = cardHeight("gpu1", 120.0);
  window.flipBack = 125.0;
  CHECK_THAT(decidingFigure(resultOf({dependsOn("gpu-height", {window})})),
             Catch::Contains("between 120.00 and 125.00 mm this does not fit, outside them it "
                             "does (gpu-height)."));
  // One finding two figures each turn alone: neither settles it, so neither is "the" figure.
  Decider board = cardHeight("case", 400.79);
  board.figure = "board_top_mm";
  board.value = 407.4, board.lo = 390.8, board.hi = 424;
  const FitResult both = resultOf({dependsOn("collision", {cardHeight("gpu1", 126.61), board})});
  const std::string text = decidingFigure(both);
  CHECK_THAT(text, Catch::StartsWith("No one figure decides it"));
  CHECK_THAT(text, Catch::Contains("Look up gpu1's height_mm") &&
                       Catch::Contains("Look up case's board_top_mm"));
  CHECK_THAT(text, !Catch::Contains("this fits"));
  // A failure no one figure turns fits only with several at their best together.
  Finding stuck = failing("cooler-ram", 33.99);
  stuck.range->deciders.front().flip.reset();
  CHECK_THAT(decidingFigure(resultOf({stuck})),
             Catch::Contains("cooler-ram fits only with several estimates at their best "
                             "together"));
}
