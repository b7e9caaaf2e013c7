// A build tried with some estimates at other values, made from its assembly at the estimates
// (retried), against the same trial assembled from the build file (assemble): the same parts,
// poses and solids, and the same failures.
#include "assembly/build_json.hpp"
#include "assembly/world.hpp"
#include "fit/ranged.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace rigfit;
using namespace rigfit::test;

namespace {

void requireSame(const Assembly& made, const Assembly& retry) {
  REQUIRE(made.items.size() == retry.items.size());
  for (size_t i = 0; i < made.items.size(); ++i) {
    const Placed &a = made.items[i], &b = retry.items[i];
    INFO("item " << a.id);
    CHECK(a.id == b.id);
    CHECK(a.part->id == b.part->id);
    CHECK(a.part->figures == b.part->figures);
    CHECK(a.parent == b.parent);
    CHECK((a.mount ? a.mount->name : "") == (b.mount ? b.mount->name : ""));
    if (a.mount && b.mount) CHECK(a.mount->X_PM.t == b.mount->X_PM.t);
    CHECK(a.X_CP.R == b.X_CP.R);
    CHECK(a.X_CP.t == b.X_CP.t);
    CHECK(a.placed == b.placed);
  }
  const World &wa = made.world(), &wb = retry.world();
  REQUIRE(wa.solids.size() == wb.solids.size());
  for (size_t k = 0; k < wa.solids.size(); ++k) {
    INFO("solid " << k << " " << wa.solids[k].solid->name);
    CHECK(wa.solids[k].item == wb.solids[k].item);
    CHECK(wa.solids[k].solid->name == wb.solids[k].solid->name);
    CHECK(wa.solids[k].bounds.lo == wb.solids[k].bounds.lo);
    CHECK(wa.solids[k].bounds.hi == wb.solids[k].bounds.hi);
  }
}

// Every band of the build at its ends, its middle and its estimate, each alone, and all of them
// at their low ends together and at their high ends, as the check with ranges tries them:
// retried gives what assemble gives.
int compareTrials(const Build& b, const Catalog& c) {
  const Assembly nominal = assembled(b, c);
  const std::vector<Band> bands = bandsOf(nominal, c);
  auto set = [](FigureTrial& trial, const Band& band, double x) {
    trial[band.instance][band.figure] = x;
    for (const std::string& other : band.alsoOn)
      trial[other][band.figure] = x;
  };
  std::vector<FigureTrial> trials;
  for (const Band& band : bands)
    for (double x : {band.lo, band.hi, (band.lo + band.hi) / 2, band.value})
      set(trials.emplace_back(), band, x);
  if (bands.size() > 1) {
    FigureTrial low, high;
    for (const Band& band : bands)
      set(low, band, band.lo), set(high, band, band.hi);
    trials.push_back(low);
    trials.push_back(high);
  }
  for (const FigureTrial& trial : trials) {
    std::string what;
    for (const auto& [instance, figures] : trial)
      for (const auto& [figure, x] : figures)
        what += instance + " " + figure + " at " + std::to_string(x) + "; ";
    INFO(what);
    Result<Assembly> made = assemble(b, c, "", &trial);
    std::optional<Assembly> retry = retried(nominal, trial);
    REQUIRE(made.ok() == retry.has_value());
    if (retry) requireSame(*made, *retry);
  }
  return static_cast<int>(trials.size());
}

} // namespace

TEST_CASE("a trial made from the assembly at the estimates is the trial assembled anew",
          "[build][ranges]") {
  int tried = 0;
  for (const char* name :
       {"article-build", "article-fans", "article-two-gpus", "article-bottom-slot", "focus2-aio"}) {
    INFO(name);
    tried += compareTrials(scene(name), seedCatalog());
  }
  namespace fs = std::filesystem;
  for (const auto& e : fs::directory_iterator(sourcePath("tests/realworld"))) {
    if (e.path().extension() != ".json") continue;
    INFO(e.path().filename().string());
    Result<Build> b = loadBuildFile(e.path().string());
    REQUIRE(b.ok());
    tried += compareTrials(*b, catalogFor(*b));
  }
  CHECK(tried > 100);
}

TEST_CASE("a trial whose part cannot be made fails as assembling it would", "[build][ranges]") {
  const Build b = scene("article-build");
  const Assembly nominal = assembled(b, seedCatalog());
  FigureTrial trial;
  trial["gpu1"]["height_mm"] = -5;
  CHECK_FALSE(assemble(b, seedCatalog(), "", &trial).ok());
  CHECK_FALSE(retried(nominal, trial));
  // Tried at its own estimate, the part is the same figures again.
  const Part& card = *nominal.items[*nominal.indexOf("gpu1")].part;
  trial["gpu1"]["height_mm"] = card.figures.at("height_mm").value;
  std::optional<Assembly> same = retried(nominal, trial);
  REQUIRE(same);
  requireSame(nominal, *same);
}

TEST_CASE("a trial that puts an option the build sets out of bounds fails as assembling it would",
          "[build][ranges]") {
  // The Dark Rock Pro 4's front fan raised 6.8 mm, as far as be quiet! allows (its figure
  // fan_raise_max_mm): tried at 6.7 mm, the build's option is past it.
  Result<Build> b = loadBuildFile(sourcePath("tests/realworld/drp4-trident-z-fan-raised.json"));
  REQUIRE(b.ok());
  const Assembly nominal = assembled(*b, seedCatalog());
  FigureTrial trial;
  trial["cooler"]["fan_raise_max_mm"] = 6.7;
  CHECK_FALSE(assemble(*b, seedCatalog(), "", &trial).ok());
  CHECK_FALSE(retried(nominal, trial));
  trial["cooler"]["fan_raise_max_mm"] = 6.9;
  Result<Assembly> made = assemble(*b, seedCatalog(), "", &trial);
  std::optional<Assembly> retry = retried(nominal, trial);
  REQUIRE(made.ok());
  REQUIRE(retry);
  requireSame(*made, *retry);
}
