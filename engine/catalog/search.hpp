#pragma once
// Finding a part by the name people know: "strix 4090", "RTX4090", "lancool 2 mesh". Every word
// of the query must appear in the part's name, maker, part numbers or category, in any order,
// ignoring case, spaces and punctuation; whole words rank above pieces of words, and the curated
// tier above OpenDB rows of equal rank.
#include "catalog/catalog.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rigfit {

struct SearchHit {
  const Part* part = nullptr;
  double score = 0;
};

class PartSearch {
public:
  // Indexes every part of `catalog`, which must outlive the search.
  explicit PartSearch(const Catalog& catalog);
  // The best `limit` parts for `query` (of category `only` when given), best first. An empty
  // query finds nothing.
  std::vector<SearchHit> find(const std::string& query, std::size_t limit,
                              std::optional<Category> only = std::nullopt) const;
  std::size_t size() const { return entries_.size(); }

private:
  struct Entry {
    const Part* part;
    std::string compact; // every letter and digit, lowercase, run together
    // Where in `compact` a word begins and ends: words split at punctuation, spaces and where
    // letters meet digits ("RTX4090" is "rtx" and "4090").
    std::vector<bool> starts, ends;
  };
  std::vector<Entry> entries_;
};

// The query's words as the search sees them: lowercase, split at spaces and punctuation.
std::vector<std::string> searchWords(const std::string& text);

} // namespace rigfit
