#pragma once
// BuildCores OpenDB in rigfit: its snapshot (parts/opendb/<File>.jsonl.gz, one JSON object a
// line), each row turned into a part by its category's mapping (CategoryDescription::
// fromOpenDb) and then checked by the same reader as every part file. A row that cannot be read,
// mapped or accepted is a rejection naming the file, the line and why; it never stops the rest.
#include "catalog/catalog.hpp"
#include "catalog/category.hpp"

#include <atomic>
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace rigfit {

// The attribution ODC-By asks of whoever redistributes the data or a database made from it.
inline constexpr const char* kOpenDbAttribution =
    "Part data from BuildCores OpenDB (github.com/buildcores/buildcores-open-db), under the Open "
    "Data Commons Attribution License (ODC-By 1.0)";

// The snapshot's files are a few hundred kilobytes each; these bound a hostile one.
constexpr std::size_t kMaxOpenDbCompressedBytes = 16u << 20;
constexpr std::size_t kMaxOpenDbInflatedBytes = 256u << 20;

// The snapshot's folder inside a catalog folder.
std::string openDbDir(const std::string& catalogDir);
// A category's file in the snapshot's folder, and its text inflated (or why it cannot be read).
std::string openDbFileOf(const std::string& dir, const CategoryDescription& category);
Result<std::string> inflateOpenDbFile(const std::string& file);

struct OpenDbRejection {
  std::string file;
  std::size_t line = 0;
  std::string opendbId, name; // as far as the line gave them
  std::string reason;
};

// Rows of one product (the same name) whose figures differ: kept apart, and reported.
struct OpenDbDisagreement {
  std::string name;
  std::vector<std::string> ids; // the parts, one a row
  std::string figures;          // "length_mm 267 / 270"
};

struct OpenDbCategoryLoad {
  Category category = Category::Case;
  std::string file;
  std::size_t rows = 0;
  std::vector<Part> parts;
  std::vector<OpenDbRejection> rejected;
  std::string unreadable; // why the file itself could not be read; "" when it was
  bool stopped = false;   // the reading was stopped before the end (loadOpenDbCategory)
  // Filled by addOpenDb: rows folded into another row of the same product with the same
  // figures (the row's id, the part's id), rows of one product that disagree, and rows a
  // curated part is (the row's uuid, the curated part's id).
  std::vector<std::pair<std::string, std::string>> folded;
  std::vector<OpenDbDisagreement> disagreements;
  std::vector<std::pair<std::string, std::string>> curated;
};

// One line of a snapshot file made a part (its file "FILE:LINE"), or why it cannot be one.
std::variant<Part, OpenDbRejection> readOpenDbLine(const std::string& line, const std::string& file,
                                                   std::size_t lineNo,
                                                   const CategoryDescription& category);

// Every row of one category's snapshot file in `dir`, mapped and read. A category rigfit maps
// none of yet gives nothing.
// `stop`, when given and set (by another thread), ends the reading at the next line: what was
// read so far is returned, and `stopped` says so.
OpenDbCategoryLoad loadOpenDbCategory(const std::string& dir, const CategoryDescription& category,
                                      const std::atomic<bool>* stop = nullptr);

// What adding the snapshot to a catalog did, per category, for `rigfit parts audit` (the
// parts themselves moved into the catalog).
struct OpenDbAudit {
  std::vector<OpenDbCategoryLoad> categories;
};

// Adds every mapped row of the snapshot in `dir` to `catalog`, except rows a curated part names
// as its `opendb_id` (the curated figures win) and rows folded into another row of the same
// product and figures (their ids find that part). Never fails: what was refused is in the
// audit.
OpenDbAudit addOpenDb(Catalog& catalog, const std::string& dir,
                      const std::atomic<bool>* stop = nullptr);

// Whether `id` has the form of an OpenDB part's id: words, '-', the row uuid's first 8 hex digits.
bool looksLikeOpenDbId(const std::string& id);

// Adds to `catalog` the OpenDB parts among `ids` that it lacks, reading only their rows (a build
// names a handful of parts: the snapshot's files are searched, not parsed). Returns the
// rejections of rows that were found but could not be parts, so that an unknown id can say why.
std::vector<OpenDbRejection> addOpenDbParts(Catalog& catalog, const std::string& dir,
                                            const std::vector<std::string>& ids);

} // namespace rigfit
