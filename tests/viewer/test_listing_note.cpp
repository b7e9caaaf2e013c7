// What the OpenDB listing, ended in the background, says on the status line: never over what
// the line says of the builder's own doing.
#include "status_line.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;

TEST_CASE("the listing's news takes only an empty status line", "[viewer]") {
  const std::string news = "listed 27735 BuildCores OpenDB parts";
  CHECK(withListingNote("", news, false) == news);
  // An import's outcome, said just before the listing ended, stays as it was.
  const std::string imported = "imported list.md: 8 of 8 parts placed";
  CHECK(withListingNote(imported, news, false) == imported);
  // A listing with nothing to say (its listings read from the cache) leaves the line alone.
  CHECK(withListingNote(imported, "", false) == imported);
  CHECK(withListingNote("", "", false).empty());
}

TEST_CASE("a listing's problem joins what the status line says", "[viewer]") {
  const std::string problem = "the BuildCores OpenDB parts could not be listed";
  CHECK(withListingNote("", problem, true) == problem);
  CHECK(withListingNote("saved b.json", problem, true) == "saved b.json; " + problem);
}
