#include "partlist/partlist_fixture.hpp"

#include "common/file.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

namespace rigfit::test {

ImportWorld::ImportWorld()
    : catalog(seedCatalog()), index(OpenDbIndex::make(catalog, sourcePath("parts/opendb"))),
      listings(allListings(catalog, &index)), matcher(listings.all) {}

ImportWorld& world() {
  static ImportWorld w;
  return w;
}

ImportedList importText(const std::string& text, const std::string& name) {
  Result<PartList> list = parsePartList(text, name);
  REQUIRE(list);
  Result<ImportedList> imported =
      importPartList(*list, name, world().catalog, &world().index, world().matcher);
  REQUIRE(imported);
  return std::move(imported).value();
}

ImportedList importFile(const std::string& name, const std::map<int, std::string>& picks) {
  Result<std::string> text = readFileText(sourcePath("tests/partlist/lists/" + name));
  REQUIRE(text);
  Result<PartList> list = parsePartList(*text, name);
  REQUIRE(list);
  Result<ImportedList> imported =
      importPartList(*list, name, world().catalog, &world().index, world().matcher, picks);
  REQUIRE(imported);
  return std::move(imported).value();
}

} // namespace rigfit::test
