#include "catalog/search.hpp"

#include <algorithm>
#include <cctype>

namespace rigfit {
namespace {

bool alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
bool digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
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

PartSearch::PartSearch(const Catalog& catalog) {
  entries_.reserve(catalog.size());
  for (const Part* p : catalog.parts()) {
    Entry e{p, "", {}, {}};
    std::string all = p->name + " " + p->maker + " " + toString(p->category);
    for (const std::string& n : p->partNumbers)
      all += " " + n;
    char previous = ' ';
    for (char c : all) {
      if (alnum(c)) {
        bool starts = !alnum(previous) || digit(previous) != digit(c);
        if (starts && !e.ends.empty()) e.ends.back() = true;
        e.compact += lower(c);
        e.starts.push_back(starts);
        e.ends.push_back(false);
      } else if (!e.ends.empty()) {
        e.ends.back() = true;
      }
      previous = c;
    }
    if (!e.ends.empty()) e.ends.back() = true;
    entries_.push_back(std::move(e));
  }
}

std::vector<SearchHit> PartSearch::find(const std::string& query, std::size_t limit,
                                        std::optional<Category> only) const {
  std::vector<std::string> words = searchWords(query);
  std::vector<SearchHit> hits;
  if (words.empty() || limit == 0) return hits;
  for (const Entry& e : entries_) {
    if (only && e.part->category != *only) continue;
    double score = 0;
    bool all = true;
    for (const std::string& w : words) {
      // The query's word must begin where a word of the part begins ("4090" is not found in
      // "240 90"); it may run on over several ("rtx4090", "nhd15").
      int best = 0;
      for (std::size_t at = e.compact.find(w); at != std::string::npos && best < 3;
           at = e.compact.find(w, at + 1))
        if (e.starts[at]) best = std::max(best, e.ends[at + w.size() - 1] ? 3 : 2);
      if (best == 0) {
        all = false;
        break;
      }
      score += best; // a whole word (or words) 3, the start of one 2
    }
    if (!all) continue;
    if (e.part->tier == Tier::Curated) score += 0.5;
    score -= static_cast<double>(e.part->name.size()) * 0.001; // the shorter name first
    hits.push_back({e.part, score});
  }
  auto better = [](const SearchHit& a, const SearchHit& b) {
    return a.score != b.score ? a.score > b.score : a.part->id < b.part->id;
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
