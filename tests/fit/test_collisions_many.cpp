// Many parts at once: a build of stacked drives is measured through a broad phase, and its
// overlaps are listed up to a cap and counted past it, so the answer stays readable and fast.
#include "assembly/world.hpp"
#include "geometry/clearance.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

TEST_CASE("hundreds of overlapping parts: 50 listed, the rest counted", "[fit][bad-input]") {
  // 200 drives in 200 bays at one place: every pair overlaps, 200 * 199 / 2 = 19,900 overlaps.
  json chassis = partJson("fractal-focus-g-mini");
  chassis["id"] = "stacked-case";
  json slots = json::array();
  Build b{"stacked", {{"case", "stacked-case"}}};
  for (int i = 0; i < 200; ++i) {
    std::string name = "HDD_" + std::to_string(i);
    slots.push_back(
        {{"name", name}, {"sizes", {"3.5in"}}, {"x_mm", 235}, {"y_mm", 0}, {"z_mm", 79}});
    b.instances.push_back({"d" + std::to_string(i), "wd-blue-wd10ealx", "case", name});
  }
  chassis["drive_bays"]["slots"] = slots;
  FitResult r = checked(b, catalogWith({chassis}));
  CHECK_FALSE(r.fits());
  std::vector<Finding> listed = findings(r, "collision");
  REQUIRE(listed.size() == 51);
  for (size_t i = 0; i < 50; ++i) {
    CHECK(listed[i].severity == Severity::Fail);
    CHECK(listed[i].parts.size() == 2);
  }
  // The first pairs in build order are the ones listed: d0 with d1, d2, ...
  CHECK(listed[0].parts == std::vector<std::string>{"d0", "d1"});
  const Finding& rest = listed[50];
  CHECK(rest.severity == Severity::Fail);
  CHECK_THAT(rest.message,
             Catch::Contains("and 19850 more overlaps") && Catch::Contains("among 200 parts"));
}

TEST_CASE("the broad phase finds what the all-pairs search finds", "[fit]") {
  // Every scene's collisions and keep-outs against a brute-force count over all pairs of
  // solids: the sweep must not miss a pair whose bounds overlap.
  for (const char* name :
       {"article-build", "article-two-gpus", "article-bottom-slot", "article-fans", "focus2-aio"}) {
    INFO(name);
    Assembly a = assembled(scene(name), seedCatalog());
    FitResult r = check(a);
    size_t brute = 0;
    const World& w = a.world();
    for (size_t i = 0; i < w.solids.size(); ++i)
      for (size_t j = i + 1; j < w.solids.size(); ++j) {
        const WorldSolid &x = w.solids[i], &y = w.solids[j];
        if (x.solid->role != SolidRole::Body || y.solid->role != SolidRole::Body) continue;
        if (x.item == y.item) continue;
        brute += geo::signedDistance(x.bounds, y.bounds) < -geo::kTouchToleranceMm;
      }
    Finding summary = findings(r, "collision").back();
    if (summary.severity == Severity::Pass)
      CHECK_THAT(summary.message, Catch::Contains("; " + std::to_string(brute) +
                                                  (brute == 1 ? " pair " : " pairs ")));
  }
}
