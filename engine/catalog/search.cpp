#include "catalog/search.hpp"

#include "common/text.hpp"

#include <algorithm>
#include <string_view>

namespace rigfit {
namespace {

constexpr unsigned char kStarts = 1, kEnds = 2;

// ASCII only, as the snapshot's names are; no locale lookups for 30,000 names.
bool alnum(char c) {
  return asciiAlnum(c);
}
char lower(char c) {
  return asciiLower(c);
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

} // namespace

std::vector<std::string> searchWords(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text) {
    if (alnum(c)) {
      w += lower(c);
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

Listing listingOf(const Part& part) {
  return {part.id, part.name, part.maker, part.partNumbers, part.category, part.tier};
}

PartSearch::PartSearch(const std::vector<const Listing*>& listings) {
  entries_.reserve(listings.size());
  compact_.reserve(listings.size() * 64);
  marks_.reserve(listings.size() * 64);
  for (const Listing* l : listings) {
    Entry e{l, static_cast<std::uint32_t>(compact_.size()), 0};
    char previous = ' ';
    auto add = [&](const std::string& text) {
      for (char c : text) {
        if (alnum(c)) {
          bool starts = !alnum(previous) || digit(previous) != digit(c);
          if (starts && marks_.size() > e.at) marks_.back() |= kEnds;
          compact_ += lower(c);
          marks_.push_back(starts ? kStarts : 0);
        } else if (marks_.size() > e.at) {
          marks_.back() |= kEnds;
        }
        previous = c;
      }
      previous = ' ';
      if (marks_.size() > e.at) marks_.back() |= kEnds;
    };
    add(l->name);
    add(l->maker);
    add(toString(l->category));
    for (const std::string& n : l->partNumbers)
      add(n);
    e.size = static_cast<std::uint32_t>(compact_.size() - e.at);
    entries_.push_back(e);
  }
}

std::vector<SearchHit> PartSearch::find(const std::string& query, std::size_t limit,
                                        std::optional<Category> only) const {
  std::vector<std::string> words = searchWords(query);
  std::vector<SearchHit> hits;
  if (words.empty() || limit == 0) return hits;
  for (const Entry& e : entries_) {
    if (only && e.listing->category != *only) continue;
    std::string_view text(compact_.data() + e.at, e.size);
    const unsigned char* marks = marks_.data() + e.at;
    double score = 0;
    bool all = true;
    for (const std::string& w : words) {
      // The query's word must begin where a word of the part begins ("4090" is not found in
      // "240 90"); it may run on over several ("rtx4090", "nhd15").
      int best = 0;
      for (std::size_t at = text.find(w); at != std::string_view::npos && best < 3;
           at = text.find(w, at + 1))
        if (marks[at] & kStarts) best = std::max(best, marks[at + w.size() - 1] & kEnds ? 3 : 2);
      if (best == 0) {
        all = false;
        break;
      }
      score += best; // a whole word (or words) 3, the start of one 2
    }
    if (!all) continue;
    if (e.listing->tier == Tier::Curated) score += 0.5;
    score -= static_cast<double>(e.listing->name.size()) * 0.001; // the shorter name first
    hits.push_back({e.listing, score});
  }
  auto better = [](const SearchHit& a, const SearchHit& b) {
    return a.score != b.score ? a.score > b.score : a.listing->id < b.listing->id;
  };
  if (hits.size() > limit) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(limit), hits.end(),
                      better);
    hits.resize(limit);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

} // namespace rigfit
