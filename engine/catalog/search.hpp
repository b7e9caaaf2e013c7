#pragma once
// Finding a part by the name people know: "strix 4090", "RTX4090", "lancool 2 mesh". Every word
// of the query must appear in the part's name, maker, part numbers or category, in any order,
// ignoring case, spaces and punctuation; whole words rank above pieces of words, and the curated
// tier above OpenDB rows of equal rank.
#include "catalog/catalog.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rigfit {

// What a part is listed and found by. An OpenDB part is known by its listing until it is
// needed whole (catalog/opendb_index.hpp): 30,000 listings load in milliseconds, 30,000 parts
// in seconds.
struct Listing {
  std::string id, name, maker;
  std::vector<std::string> partNumbers;
  Category category = Category::Case;
  Tier tier = Tier::Curated;
};

Listing listingOf(const Part& part);

struct SearchHit {
  const Listing* listing = nullptr;
  double score = 0;
};

// Every part a builder can pick: the catalog's own listings, and with them those of the OpenDB
// index (catalog/opendb_index.hpp), by category then id. Pointers into `own` and the index: not
// copied, only moved.
struct Listings {
  std::vector<Listing> own;
  std::vector<const Listing*> all;
  Listings() = default;
  Listings(Listings&&) = default;
  Listings& operator=(Listings&&) = default;
  Listings(const Listings&) = delete;
  Listings& operator=(const Listings&) = delete;
};

class PartSearch {
public:
  // Indexes `listings`, which must outlive the search.
  explicit PartSearch(const std::vector<const Listing*>& listings);
  // The best `limit` parts for `query` (of category `only` when given), best first. An empty
  // query finds nothing.
  std::vector<SearchHit> find(const std::string& query, std::size_t limit,
                              std::optional<Category> only = std::nullopt) const;
  std::size_t size() const { return entries_.size(); }

private:
  struct Entry {
    const Listing* listing;
    std::uint32_t at, size; // its text in compact_ and marks_
  };
  std::vector<Entry> entries_;
  // Every listing's letters and digits, lowercase, run together (one after another), and where
  // a word of its text begins (kStarts) and ends (kEnds): words split at punctuation, spaces and
  // where letters meet digits ("RTX4090" is "rtx" and "4090").
  std::string compact_;
  std::vector<unsigned char> marks_;
};

// The query's words as the search sees them: lowercase, split at spaces and punctuation.
std::vector<std::string> searchWords(const std::string& text);

} // namespace rigfit
