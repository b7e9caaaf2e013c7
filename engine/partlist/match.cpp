#include "partlist/match.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

namespace rigfit {
namespace {

bool alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

std::string compact(const std::string& s) {
  std::string out;
  for (char c : s)
    if (alnum(c)) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Words every part of a kind may carry, or a list adds to a name: they name no product.
const std::set<std::string> kGeneric = {
    "video",   "card",    "graphics", "processor", "core",    "cores", "motherboard", "memory",
    "module",  "modules", "kit",      "desktop",   "solid",   "state", "drive",       "internal",
    "ssd",     "hdd",     "case",     "tower",     "mid",     "full",  "power",       "supply",
    "cpu",     "cooler",  "fan",      "fans",      "the",     "with",  "and",         "for",
    "edition", "gaming",  "series",   "certified", "modular", "semi",  "fully",       "black",
    "white",   "rgb",     "led",      "argb",      "ghz",     "mhz",   "cfm",         "rpm",
    "dba",     "gen",     "x4",       "v",         "nand",    "pcie",  "nvme",        "sata",
    "m",       "2",       "a",        "w",         "gb",      "tb",    "mm",          "in",
    "of",      "window",  "tempered", "glass",     "side",    "panel", "acrylic",     "airflow",
    "cooling", "liquid",  "air"};

// Words that name a model apart from its neighbours: a line that has one names a different
// product than a part without it (an RTX 2060 Super is not an RTX 2060).
const std::set<std::string> kModelWords = {"super", "ti",    "plus", "pro",  "xt", "xtx",
                                           "max",   "ultra", "mini", "lite", "se", "slim",
                                           "elite", "ii",    "iii",  "v2",   "v3", "xl"};

// A name's words: letters and digits, lowercase, split at everything else. A curated part's
// words in parentheses describe it for people ("(1 fan)", "(2x8 GB kit)") and are left out.
std::vector<std::string> wordsOf(const std::string& name, bool dropParentheses) {
  std::vector<std::string> out;
  std::string w;
  int depth = 0;
  for (char c : name + " ") {
    if (dropParentheses && c == '(') ++depth;
    if (depth == 0 && alnum(c)) {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      continue;
    }
    if (!w.empty()) out.push_back(w), w.clear();
    if (dropParentheses && c == ')' && depth > 0) --depth;
  }
  return out;
}

// The line's words and every run of up to four of them joined ("850 W" is also "850w", "2 x 8
// GB" also "2x8gb"), so that a name spaced one way is found in a line spaced another.
std::set<std::string> lineWords(const std::vector<std::string>& words) {
  std::set<std::string> out(words.begin(), words.end());
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run = words[i];
    for (size_t k = i + 1; k < words.size() && k < i + 4; ++k)
      out.insert(run += words[k]);
  }
  return out;
}

} // namespace

ListMatcher::ListMatcher(const std::vector<const Listing*>& listings) {
  entries_.reserve(listings.size());
  for (const Listing* l : listings) {
    Entry e{l, {}, {}};
    // A memory part's parentheses say its kit ("(2x8 GB kit)"), which tells kits apart.
    const bool dropParentheses = l->tier == Tier::Curated && l->category != Category::Memory;
    for (std::string& w : wordsOf(l->name, dropParentheses))
      if (!kGeneric.count(w)) e.tokens.push_back(std::move(w));
    // A part number is evidence when it could not be a word: six characters or more, with a
    // digit and a letter.
    for (const std::string& pn : l->partNumbers)
      if (std::string c = compact(pn);
          c.size() >= 6 && c.find_first_of("0123456789") != std::string::npos &&
          c.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)
        e.partNumbers.push_back(c);
    entries_.push_back(std::move(e));
  }
}

LineMatch ListMatcher::match(const ListItem& item) const {
  LineMatch out;
  if (!item.category) return out;
  // The product address's last segment is PCPartPicker's slug of the name, which often ends in
  // the maker's part number.
  std::string slug = item.url.substr(item.url.find_last_of('/') + 1);
  const std::string evidence = compact(item.name) + " " + compact(slug);
  const std::vector<std::string> words = wordsOf(item.name + " " + slug, false);
  const std::set<std::string> line = lineWords(words);
  std::set<std::string> lineModelWords;
  for (const std::string& w : wordsOf(item.name, false))
    if (kModelWords.count(w)) lineModelWords.insert(w);
  size_t lineMeaningful = 0;
  for (const std::string& w : wordsOf(item.name, false))
    lineMeaningful += !kGeneric.count(w);

  struct Scored {
    const Listing* listing;
    double score;
    std::string how;
  };
  std::vector<Scored> byNumber, byName, near;
  for (const Entry& e : entries_) {
    if (e.listing->category != *item.category) continue;
    for (const std::string& pn : e.partNumbers)
      if (evidence.find(pn) != std::string::npos) {
        byNumber.push_back(
            {e.listing, 1.0 + static_cast<double>(pn.size()) * 1e-3, "part number " + pn});
        break;
      }
    size_t found = 0;
    for (const std::string& t : e.tokens)
      found += line.count(t);
    const size_t n = e.tokens.size();
    if (n == 0) continue;
    bool modelWordsKept = true;
    for (const std::string& w : lineModelWords)
      modelWordsKept =
          modelWordsKept && std::find(e.tokens.begin(), e.tokens.end(), w) != e.tokens.end();
    const double share = static_cast<double>(found) / static_cast<double>(n);
    if (found == n && n >= 3 && modelWordsKept) {
      // Every word of its name is in the line: the more of the line it explains, the better;
      // a curated part (its figures checked by hand) first among equals.
      double covered = std::min(1.0, static_cast<double>(n) /
                                         static_cast<double>(std::max<size_t>(lineMeaningful, 1)));
      byName.push_back({e.listing,
                        0.5 + 0.4 * covered + (e.listing->tier == Tier::Curated ? 0.05 : 0),
                        "name: " + std::to_string(n) + " of its words in the line"});
    } else if (share >= 0.5) {
      near.push_back({e.listing, share, ""});
    }
  }
  auto better = [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.listing->id < b.listing->id;
  };
  // A curated part (its figures checked by hand) that the line names by number or by every word
  // comes first: where an OpenDB row disagrees with it, the row is the one in doubt. Then the
  // rows found by part number, then by name.
  std::vector<Scored> chosen;
  for (std::vector<Scored>* from : {&byNumber, &byName})
    for (const Scored& s : *from)
      if (s.listing->tier == Tier::Curated) chosen.push_back(s);
  if (chosen.empty()) chosen = !byNumber.empty() ? byNumber : byName;
  std::sort(chosen.begin(), chosen.end(), better);
  if (!chosen.empty()) {
    // The best, and those as good as it or nearly (a colour variant, the same card under two
    // rows): the caller keeps the first unless their sizes differ.
    const double best = chosen.front().score;
    for (const Scored& s : chosen)
      if (s.score >= best - 0.02 && out.candidates.size() < 5) out.candidates.push_back(s.listing);
    out.confidence = std::min(1.0, best);
    out.how = chosen.front().how;
    return out;
  }
  std::sort(near.begin(), near.end(), better);
  for (size_t i = 0; i < near.size() && i < 3; ++i)
    out.nearest.push_back(near[i].listing);
  return out;
}

int modulesInKit(const std::string& name) {
  static const std::regex kit(R"(\(\s*([1-8])\s*x\s*[0-9]+\s*GB\s*\))", std::regex::icase);
  std::smatch m;
  if (std::regex_search(name, m, kit)) return std::stoi(m[1].str());
  return 1;
}

} // namespace rigfit
