#pragma once
// The full catalog (curated and OpenDB) and a part-list matcher over it, made once for the
// part-list tests; a test list read, matched and placed.
#include "catalog/opendb_index.hpp"
#include "partlist/import.hpp"

#include <map>
#include <string>

namespace rigfit::test {

struct ImportWorld {
  Catalog catalog;
  OpenDbIndex index;
  Listings listings;
  ListMatcher matcher;
  ImportWorld();
};
ImportWorld& world();

// tests/partlist/lists/<name>, imported with `picks`.
ImportedList importFile(const std::string& name, const std::map<int, std::string>& picks = {});
// `text` (named `name`) imported.
ImportedList importText(const std::string& text, const std::string& name);

} // namespace rigfit::test
