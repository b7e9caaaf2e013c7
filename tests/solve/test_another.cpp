// "Another part here?" answered at two depths: the quick answer (the geometry alone, while a
// part is dragged) and the full one (the build checked with the part there, as solve and the
// report give it) go over the same places, and the quick answer never says "fits" or "does not
// fit" where the geometry of the full check says the opposite.
#include "assembly/build_json.hpp"
#include "solve/solve.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace rigfit;
using namespace rigfit::test;

namespace {

// A failure of the full check that the geometry decides: an overlap or a clearance short of a
// published limit, in mm.
bool geometric(const Finding& f) {
  return f.severity == Severity::Fail && f.unit == Unit::Mm && f.measured && f.hard;
}

} // namespace

TEST_CASE("another part here: the quick and the full answer go over the same places and agree "
          "on the geometry",
          "[solve][probe]") {
  size_t places = 0, quickFits = 0, fullFits = 0;
  std::vector<std::filesystem::path> builds;
  for (const char* folder : {"scenes", "tests/realworld"})
    for (const auto& entry : std::filesystem::directory_iterator(sourcePath(folder)))
      if (entry.path().extension() == ".json") builds.push_back(entry.path());
  for (const std::filesystem::path& file : builds) {
    std::string name = file.stem().string();
    Result<Build> named = loadBuildFile(file.string());
    REQUIRE(named.ok());
    const Catalog cat = catalogFor(*named); // the seed's parts, and the OpenDB rows it names
    Result<LoadedBuild> loaded = loadAndAssemble(file.string(), cat);
    REQUIRE(loaded.ok());
    const Build& b = loaded->build;
    const Assembly& base = loaded->assembly;
    PlacementProbe probe(base);
    for (const Part* part : cat.parts()) {
      if (!part->needs) continue;
      INFO(name << ": " << part->id);
      std::vector<Place> ps = placesFor(base, *part);
      Result<std::vector<Trial>> trials = solveAdd(b, cat, part->id);
      REQUIRE(trials.ok());
      REQUIRE(trials->size() == ps.size());
      for (size_t k = 0; k < ps.size(); ++k) {
        const Trial& t = (*trials)[k];
        INFO(ps[k].where);
        CHECK(t.parent + "/" + t.mount == ps[k].where);
        CHECK(t.incompatibility == ps[k].incompatibility);
        if (!ps[k].incompatibility.empty()) continue;
        ProbeAnswer q = quickAnswer(probe, *part, ps[k]);
        ++places;
        quickFits += q.fits;
        fullFits += t.fits;
        bool fullGeometryFails = false;
        for (const Finding& f : t.problems)
          fullGeometryFails = fullGeometryFails || geometric(f);
        INFO("quick: " << probeVerdict(q) << "; full: " << (t.fits ? "fits" : "does not fit")
                       << ", " << t.tightest);
        // Where the quick answer finds an overlap or a missing opening, the full check fails.
        if (!q.fits) CHECK_FALSE(t.fits);
        // Where the full check fails on the geometry, the quick answer does not say "fits".
        if (fullGeometryFails) CHECK_FALSE(q.fits);
      }
    }
  }
  // The sweep is not empty, and both answers say both things somewhere.
  CHECK(places > 900); // 1273 today: 18 builds, every part that mounts
  CHECK(quickFits > 0);
  CHECK(fullFits > 0);
  CHECK(quickFits < places);
  CHECK(fullFits < places);
}

TEST_CASE("a part no free mount takes: why, in a builder's words", "[solve][nowhere]") {
  const Catalog& c = seedCatalog();
  auto why = [&](const Build& b, const std::string& part) {
    return nowhereFor(assembled(b, c), *c.find(part));
  };
  Build article = scene("article-build");
  // Somewhere to go: nothing to say.
  CHECK(why(article, "evga-rtx2060-xc").empty());
  CHECK(why(article, "corsair-vengeance-lpx-8gb").empty()); // two of four DIMMs are free
  // What it sits on is not in the build yet.
  Build boardOnly{"b",
                  {{"case", "fractal-focus-g"}, {"board", "asus-prime-x470-pro", "case", "tray"}}};
  CHECK(why(boardOnly, "amd-wraith-prism") ==
        "it needs a cooler place on a CPU and the build has none: place a CPU first");
  CHECK(why(Build{"e", {{"case", "fractal-focus-g"}}}, "evga-rtx2060-xc") ==
        "it needs a PCIe slot and the build has none: place a motherboard first");
  // Every mount of its kind is taken: the Focus G has one PSU bay.
  CHECK(why(article, "gamemax-rgb-850") ==
        "every PSU bay in the build is taken (1): remove the part in one first");
  // Free mounts of its kind that refuse it, each with the reason: DDR5 in a DDR4 board (two
  // free slots), an Intel-only cooler on an AM4 Ryzen.
  std::string ddr5 = why(article, "adata-xpg-caster-rgb-ddr5-6400-16gb");
  CHECK_THAT(ddr5, Catch::StartsWith("no free memory slot takes it (board/DIMM_") &&
                       Catch::Contains("DDR5") && Catch::Contains("; board/DIMM_"));
  std::string intel = why(without(article, "cooler"), "noctua-nh-l9i");
  CHECK_THAT(intel, Catch::StartsWith("no free cooler place on a CPU takes it (cpu/cooler: "));
  // Every CPU has its cooler already.
  CHECK(why(article, "noctua-nh-d15") ==
        "every cooler place on a CPU in the build is taken (1): remove the part in one first");
  // A case starts a build; it is never placed in one.
  CHECK_THAT(why(article, "fractal-focus-g"), Catch::Contains("a build starts from its case"));
}
