// Finding a part by the name people know, over the whole catalog (curated and OpenDB).
#include "catalog/opendb_index.hpp"
#include "catalog/search.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

namespace {

const std::vector<const Listing*>& fullCatalog() {
  static const OpenDbIndex index = OpenDbIndex::make(seedCatalog(), sourcePath("parts/opendb"));
  static const Listings all = allListings(seedCatalog(), &index);
  return all.all;
}

std::vector<std::string> ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const SearchHit& h : hits)
    out.push_back(h.listing->id);
  return out;
}

} // namespace

TEST_CASE("search: words in any order, any case, with or without spaces and punctuation",
          "[catalog][search]") {
  PartSearch search(fullCatalog());
  std::vector<SearchHit> strix = search.find("strix 4090", 10);
  REQUIRE_FALSE(strix.empty());
  // The curated card first, then OpenDB rows, each a Strix RTX 4090.
  CHECK(strix.front().listing->id == "asus-rog-strix-rtx4090-oc");
  for (const SearchHit& h : strix)
    CHECK(h.listing->name.find("4090") != std::string::npos);
  CHECK(ids(search.find("4090 STRIX", 10)) == ids(strix));
  CHECK(ids(search.find("Strix, 4090!", 10)) == ids(strix));
  // "RTX4090" finds what "RTX 4090" finds, and the other way round.
  CHECK(ids(search.find("RTX4090", 50)) == ids(search.find("rtx 4090", 50)));
  // The maker's part number finds its product.
  std::vector<SearchHit> byNumber = search.find("FD-CA-MESH-C-BKO", 3);
  REQUIRE_FALSE(byNumber.empty());
  CHECK(byNumber.front().listing->id == "fractal-meshify-c");
}

TEST_CASE("search: a category, a limit, and nothing for no match or no words",
          "[catalog][search]") {
  PartSearch search(fullCatalog());
  std::vector<SearchHit> cases = search.find("lancool", 5, Category::Case);
  REQUIRE(cases.size() == 5);
  for (const SearchHit& h : cases)
    CHECK(h.listing->category == Category::Case);
  CHECK(search.find("zzqx no such thing", 10).empty());
  CHECK(search.find("", 10).empty());
  CHECK(search.find("  ,, ", 10).empty());
  CHECK(search.find("4090", 0).empty());
}
