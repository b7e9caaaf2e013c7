#pragma once
// BuildCores OpenDB in rigfit: its snapshot (parts/opendb/<File>.jsonl.gz, one JSON object a
// line), each row turned into a part by its category's mapping (CategoryDescription::
// fromOpenDb) and then checked by the same reader as every part file. A row that cannot be read,
// mapped or accepted is a rejection naming the file, the line and why; it never stops the rest.
#include "catalog/catalog.hpp"
#include "catalog/category.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace rigfit {

// The attribution ODC-By asks of whoever redistributes the data or a database made from it.
inline constexpr const char* kOpenDbAttribution =
    "Part data from BuildCores OpenDB (github.com/buildcores/buildcores-open-db), under the Open "
    "Data Commons Attribution License (ODC-By 1.0)";

// The snapshot's files are a few hundred kilobytes each; these bound a hostile one.
constexpr std::size_t kMaxOpenDbCompressedBytes = 16u << 20;
constexpr std::size_t kMaxOpenDbInflatedBytes = 256u << 20;

struct OpenDbRejection {
  std::string file;
  std::size_t line = 0;
  std::string opendbId, name; // as far as the line gave them
  std::string reason;
};

struct OpenDbCategoryLoad {
  Category category = Category::Case;
  std::string file;
  std::size_t rows = 0;
  std::vector<Part> parts;
  std::vector<OpenDbRejection> rejected;
  std::string unreadable; // why the file itself could not be read; "" when it was
};

// Every row of one category's snapshot file in `dir`, mapped and read. A category rigfit maps
// none of yet gives nothing.
OpenDbCategoryLoad loadOpenDbCategory(const std::string& dir, const CategoryDescription& category);

// What adding the snapshot to a catalog did, per category, for `rigfit parts audit`.
struct OpenDbAudit {
  std::vector<OpenDbCategoryLoad> categories; // parts moved into the catalog: empty here
  std::vector<std::pair<std::string, std::string>> curated; // row uuid, the curated part's id
};

// Adds every mapped row of the snapshot in `dir` to `catalog`, except rows a curated part names
// as its `opendb_id` (the curated figures win). Never fails: what was refused is in the audit.
OpenDbAudit addOpenDb(Catalog& catalog, const std::string& dir);

} // namespace rigfit
