// The general collision and keep-out checks on hand-made parts: the seed parts' keep-outs are
// all measured by named checks, so these cases build their own.
#include "fit/checks.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;

namespace {

Part block(const std::string& id, geo::Aabb box, SolidRole role, bool soft = false) {
  Part p;
  p.id = id;
  p.name = id;
  p.category = Category::Storage;
  p.solids.push_back({"box", role, box, soft, false, {}, std::nullopt, ""});
  return p;
}

std::vector<Finding> run(const Part& a, const Part& b,
                         void (*checkFn)(CheckContext&) = checkKeepouts) {
  Assembly asm_;
  asm_.items.push_back({"a", &a, std::nullopt, nullptr, {}, {}, a.solids});
  asm_.items.push_back({"b", &b, std::nullopt, nullptr, {}, {}, b.solids});
  const World& w = asm_.world();
  FitSettings settings;
  std::vector<Finding> out;
  CheckContext c{w, settings, out, {}};
  checkFn(c);
  return out;
}

} // namespace

TEST_CASE("keep-outs: touching is free, 1 mm in is not", "[fit][boundary]") {
  Part plug = block("plug", {{0, 0, 0}, {10, 10, 10}}, SolidRole::Keepout);
  Part touching = block("touching", {{10, 0, 0}, {20, 10, 10}}, SolidRole::Body);
  Part oneIn = block("one-in", {{9, 0, 0}, {20, 10, 10}}, SolidRole::Body);
  auto pass = run(plug, touching);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].severity == Severity::Pass);
  auto fail = run(plug, oneIn);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].severity == Severity::Fail);
  CHECK(*fail[0].measured == Approx(-1.0));
  CHECK(fail[0].parts == std::vector<std::string>{"a", "b"}); // instances: keep-out first
  // A soft keep-out (a rule of thumb, like cable bend space) warns instead.
  Part softPlug = block("plug", {{0, 0, 0}, {10, 10, 10}}, SolidRole::Keepout, true);
  auto warn = run(softPlug, oneIn);
  REQUIRE(warn.size() == 1);
  CHECK(warn[0].severity == Severity::Warn);
  CHECK_FALSE(warn[0].hard);
}

TEST_CASE("collisions: bodies of two parts, in both orders", "[fit][boundary]") {
  Part a = block("a", {{0, 0, 0}, {10, 10, 10}}, SolidRole::Body);
  Part touching = block("b", {{10, 0, 0}, {20, 10, 10}}, SolidRole::Body);
  Part oneIn = block("b", {{9, 0, 0}, {20, 10, 10}}, SolidRole::Body);
  CHECK(run(a, touching, checkCollisions)[0].severity == Severity::Pass);
  for (auto f : {run(a, oneIn, checkCollisions), run(oneIn, a, checkCollisions)}) {
    REQUIRE(f.size() == 1);
    CHECK(f[0].severity == Severity::Fail);
    CHECK(*f[0].measured == Approx(-1.0));
  }
  // A published limit is no material: nothing collides with it.
  Part limit = block("limit", {{0, 0, 0}, {10, 10, 10}}, SolidRole::Limit);
  CHECK(run(limit, oneIn, checkCollisions)[0].severity == Severity::Pass);
}
