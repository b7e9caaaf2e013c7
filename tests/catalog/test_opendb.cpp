// The BuildCores OpenDB snapshot shipped in parts/opendb: its GPU rows become parts through the
// GPU category's mapping, each citing its row; rows that cannot be parts are counted with why.
#include "catalog/opendb.hpp"
#include "common/gzip.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

TEST_CASE("opendb: every GPU row is a part or a rejection with its line and reason",
          "[catalog][opendb]") {
  OpenDbCategoryLoad gpus = loadOpenDbCategory(sourcePath("parts/opendb"), describe(Category::Gpu));
  REQUIRE(gpus.unreadable.empty());
  CHECK(gpus.rows == 3835); // the snapshot's README
  CHECK(gpus.parts.size() + gpus.rejected.size() == gpus.rows);
  CHECK(gpus.parts.size() > 3500);
  for (const OpenDbRejection& r : gpus.rejected) {
    CHECK(r.line >= 1);
    CHECK_FALSE(r.reason.empty());
  }
  // The EVGA RTX 2060 XC's row (the curated part cites it): 189.89 mm from the row, cited.
  const Part* xc = nullptr;
  for (const Part& p : gpus.parts)
    if (p.opendbId == "8d254602-bd87-4ade-9513-8cfe40592eb0") xc = &p;
  REQUIRE(xc);
  CHECK(xc->tier == Tier::OpenDb);
  CHECK(xc->figures.at("length_mm").value == Approx(189.89));
  CHECK(xc->sources.at("opendb") == "BuildCores OpenDB 8d254602-bd87-4ade-9513-8cfe40592eb0");
  CHECK(xc->id.substr(xc->id.size() - 9) == "-8d254602");
}

TEST_CASE("opendb: a broken snapshot file is refused with its name, never a crash",
          "[catalog][opendb][bad-input]") {
  CHECK_FALSE(gunzip("not gzip at all", "x.gz", 1 << 20).ok());
  CHECK_FALSE(gunzip("", "x.gz", 1 << 20).ok());
  OpenDbCategoryLoad none = loadOpenDbCategory("/nonexistent", describe(Category::Gpu));
  CHECK_FALSE(none.unreadable.empty());
  CHECK(none.parts.empty());
}
