// Case fans: placed on a case's fan places, measured like any other part, counted for power.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

TEST_CASE("fans in all five of the Focus G's places", "[fit][fans]") {
  FitResult seed = checked(scene("article-build"), seedCatalog());
  Build b = scene("article-fans");
  FitResult fans = checked(b, seedCatalog());
  CHECK(only(fans, "collision").severity == Severity::Pass);
  CHECK(fans.fits());
  // Power: the TT-1425's 0.17 A and the RS140 MAX's 0.2 A at 12 V, and a 3 W allowance for
  // each of the three fans whose spec gives no draw.
  double added = *only(fans, "power").measured - *only(seed, "power").measured;
  CHECK(added == Approx(0.17 * 12 + 0.2 * 12 + 3 * 3.0));
  // The 30 mm fan on the top hangs 30 mm down from the ceiling (424 mm, an estimate).
  Assembly a = assembled(b, seedCatalog());
  const Placed& top = a.items[static_cast<size_t>(a.indexOf("fan4").value())];
  geo::Aabb box = geo::Box::fromAabb(top.solids.front().box, top.X_CP).bounds();
  CHECK(box.hi.y == Approx(424.0));
  CHECK(box.lo.y == Approx(424.0 - 30.0));
  CHECK(box.size().x == Approx(140.0));
}

TEST_CASE("fans on neighbouring places: touching fits, 1 mm in collides", "[fit][fans][boundary]") {
  // The rear fan (Arctic P12 Slim, 15 mm thick) reaches x = 15 mm into the case near the ceiling;
  // a 140 mm fan on TOP_1 centred at x starts at x - 70. At x = 85 the two touch; at 84 they
  // overlap by 1 mm.
  auto withTop1At = [](double x) {
    nlohmann::json focus = partJson("fractal-focus-g");
    focus["fan_mounts"]["slots"][3]["x_mm"] = x;
    REQUIRE(focus["fan_mounts"]["slots"][3]["name"] == "TOP_1");
    return checked(scene("article-fans"), catalogWith({focus}));
  };
  CHECK(only(withTop1At(85), "collision").severity == Severity::Pass);
  Finding in = only(withTop1At(84), "collision");
  CHECK(in.severity == Severity::Fail);
  CHECK(*in.measured == Approx(-1.0));
  CHECK(in.parts == std::vector<std::string>{"fan3", "fan4"});
}

TEST_CASE("one fan to a place", "[fit][fans][bad-input]") {
  Build twice =
      with(scene("article-fans"), Instance("fan6", "thermaltake-tt-1425", "case", "TOP_2"));
  Result<Assembly> a = assemble(twice, seedCatalog());
  REQUIRE_FALSE(a.ok());
  CHECK_THAT(a.error().reason, Catch::Contains("already holds fan5"));
}
