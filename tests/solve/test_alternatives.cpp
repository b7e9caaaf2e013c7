// "What fits here?" over thousands of candidates, tried over the cores: the same answers as
// trying them one by one.
#include "catalog/compat.hpp"
#include "catalog/opendb_index.hpp"
#include "solve/solve.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <map>

using namespace rigfit;
using namespace rigfit::test;

TEST_CASE("alternatives: every card's answer is the one it gets tried alone", "[solve][opendb]") {
  // The curated cards and 400 of the snapshot's, read from their rows.
  Catalog catalog = seedCatalog();
  OpenDbIndex index = OpenDbIndex::make(seedCatalog(), sourcePath("parts/opendb"));
  std::vector<std::string> cards;
  for (const Listing& l : index.listings())
    if (l.category == Category::Gpu && cards.size() < 400) cards.push_back(l.id);
  REQUIRE(index.addTo(catalog, cards).empty());
  const Build build = scene("article-build");
  Result<std::vector<Trial>> all = solveAlternatives(build, catalog, "board/PCIEX16_1");
  REQUIRE(all);
  Result<Assembly> base = assemble(build, catalog);
  REQUIRE(base);
  const int board = *base->indexOf("board");
  const Mount* slot = base->items[static_cast<size_t>(board)].part->mount("PCIEX16_1");
  REQUIRE(slot);
  std::size_t gpus = 0, fit = 0;
  for (const Part* p : catalog.parts())
    gpus += p->category == Category::Gpu;
  REQUIRE(all->size() == gpus);
  std::map<std::string, int> seen;
  for (const Trial& t : *all) {
    INFO(t.partId);
    ++seen[t.partId];
    const Part* p = catalog.find(t.partId);
    REQUIRE(p);
    Trial alone = fullAnswer(build, catalog, *base, *p,
                             {board, slot, "board/PCIEX16_1", incompatibility(*p, *slot)});
    CHECK(t.fits == alone.fits);
    CHECK(t.marginMm == alone.marginMm);
    CHECK(t.tightest == alone.tightest);
    CHECK(t.estimates == alone.estimates);
    fit += t.fits;
  }
  CHECK(seen.size() == gpus); // each card once
  CHECK(fit > 300);
  CHECK(fit < gpus); // some do not: the Focus G takes cards up to 380 mm
  // Those that fit first, best margin first.
  for (std::size_t i = 1; i < all->size(); ++i) {
    const Trial &a = (*all)[i - 1], &b = (*all)[i];
    CHECK((a.fits || !b.fits));
    if (a.fits == b.fits && a.marginMm && b.marginMm) CHECK(*a.marginMm >= *b.marginMm);
  }
}
