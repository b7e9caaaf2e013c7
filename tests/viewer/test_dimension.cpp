// The dimension line of a selected finding runs across the measured gap, between its faces.
#include "dimension.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

TEST_CASE("the dimension line spans the gap the finding measured", "[viewer]") {
  FitResult r = checked(scene("article-two-gpus"), seedCatalog());
  Finding gap = only(r, "gpu-gap");
  auto d = viewer::dimensionOf(gap);
  REQUIRE(d);
  // The two cards' gap: 60.96 - 55.88 = 5.08 mm (test_article.cpp), and the line is that long.
  CHECK(d->valueMm == Approx(5.08).margin(1e-6));
  CHECK(glm::length(d->to - d->from) == Approx(5.08).margin(1e-6));
}

TEST_CASE("an overlap's line crosses its least depth", "[viewer]") {
  Finding f;
  f.measured = -4.0;
  f.unit = Unit::Mm;
  f.where = geo::Aabb{{0, 0, 0}, {30, 4, 100}}; // 4 mm deep along y
  auto d = viewer::dimensionOf(f);
  REQUIRE(d);
  CHECK(d->from == glm::dvec3(15, 0, 50));
  CHECK(d->to == glm::dvec3(15, 4, 50));
  CHECK(d->valueMm == -4.0);
}

TEST_CASE("a finding with no box or no length has no line", "[viewer]") {
  Finding f;
  f.measured = 333.0;
  f.unit = Unit::W;
  f.where = geo::Aabb{{0, 0, 0}, {1, 1, 1}};
  CHECK_FALSE(viewer::dimensionOf(f));
  f.unit = Unit::Mm;
  f.where.reset();
  CHECK_FALSE(viewer::dimensionOf(f));
}
