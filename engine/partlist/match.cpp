#include "partlist/match.hpp"

#include "common/text.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <unordered_set>

namespace rigfit {
namespace {

std::string compact(const std::string& s) {
  std::string out;
  for (char c : s)
    if (asciiAlnum(c)) out += asciiLower(c);
  return out;
}

// Words every part of a kind may carry, or a list adds to a name: they name no product.
const std::unordered_set<std::string> kGeneric = {
    "video",   "card",    "graphics", "processor", "core",    "cores",   "motherboard", "memory",
    "module",  "modules", "kit",      "desktop",   "solid",   "state",   "drive",       "internal",
    "ssd",     "hdd",     "case",     "tower",     "mid",     "full",    "power",       "supply",
    "cpu",     "cooler",  "fan",      "fans",      "the",     "with",    "and",         "for",
    "edition", "gaming",  "series",   "certified", "modular", "semi",    "fully",       "rgb",
    "led",     "argb",    "ghz",      "mhz",       "cfm",     "rpm",     "dba",         "gen",
    "x4",      "v",       "nand",     "pcie",      "nvme",    "sata",    "m",           "a",
    "w",       "gb",      "tb",       "mm",        "in",      "of",      "window",      "tempered",
    "glass",   "side",    "panel",    "acrylic",   "airflow", "cooling", "liquid",      "air",
    "gddr5",   "gddr6",   "gddr6x",   "gddr7"};

// Words that name a model apart from its neighbours: a line that has one names a different
// product than a part without it (an RTX 2060 Super is not an RTX 2060).
const std::unordered_set<std::string> kModelWords = {
    "super", "ti",   "plus",  "pro",  "xt",  "xtx", "max",  "ultra",  "mini", "lite",
    "se",    "slim", "elite", "ii",   "iii", "v2",  "v3",   "xl",     "evo",  "compact",
    "nano",  "halo", "ax",    "wifi", "tr4", "x3d", "flow", "airflow"};

// A name's words: letters and digits, lowercase, split at everything else; a decimal stays one
// word ("3.5", "59.5": not a 3 or a 5 a name could take for its own). A curated part's words in
// parentheses describe it for people ("(1 fan)", "(2x8 GB kit)") and are left out.
std::vector<std::string> wordsOf(const std::string& name, bool dropParentheses) {
  std::vector<std::string> out;
  std::string w;
  int depth = 0;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  for (size_t i = 0; i <= name.size(); ++i) {
    const char c = i < name.size() ? name[i] : ' ';
    if (dropParentheses && c == '(') ++depth;
    if (depth == 0 && asciiAlnum(c)) {
      w += asciiLower(c);
      continue;
    }
    if (depth == 0 && c == '.' && !w.empty() && digit(w.back()) &&
        w.find_first_not_of("0123456789.") == std::string::npos && i + 1 < name.size() &&
        digit(name[i + 1])) {
      w += c;
      continue;
    }
    if (!w.empty()) out.push_back(w), w.clear();
    if (dropParentheses && c == ')' && depth > 0) --depth;
  }
  return out;
}

// The line's words and every run of up to six of them joined ("850 W" is also "850w", "2 x 8
// GB" also "2x8gb", "06G-P4-2063-KR" also "06gp42063kr"), so that a name or part number spaced
// one way is found in a line spaced another, but only as whole words: "rtx3070" is not found in
// "RTX 3070 Ti"'s "rtx3070ti".
std::set<std::string> lineWords(const std::vector<std::string>& words) {
  std::set<std::string> out(words.begin(), words.end());
  for (size_t i = 0; i < words.size(); ++i) {
    std::string run = words[i];
    for (size_t k = i + 1; k < words.size() && k < i + 6; ++k)
      out.insert(run += words[k]);
  }
  return out;
}

} // namespace

ListMatcher::ListMatcher(const std::vector<const Listing*>& listings) {
  entries_.reserve(listings.size());
  for (const Listing* l : listings) {
    Entry e{l, {}, {}, {}};
    // A curated part's words in parentheses describe it for people ("(1 fan)", "(2018)"): a
    // line need not have them, but they count where it does. A memory part's say its kit
    // ("(2x8 GB kit)"), which tells kits apart: those are needed.
    const bool soft = l->tier == Tier::Curated && l->category != Category::Memory;
    std::vector<std::string> outside = wordsOf(l->name, soft);
    for (const std::string& w : outside)
      if (!kGeneric.count(w)) e.tokens.push_back(w);
    if (soft) {
      std::vector<std::string> all = wordsOf(l->name, false);
      std::multiset<std::string> rest(all.begin(), all.end());
      for (const std::string& w : outside)
        rest.erase(rest.find(w));
      for (const std::string& w : rest)
        if (!kGeneric.count(w)) e.soft.push_back(w);
    }
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
  const std::vector<std::string> words = wordsOf(item.name + " " + slug, false);
  const std::set<std::string> line = lineWords(words);
  const std::vector<std::string> ownWords = wordsOf(item.name, false);
  // A "part number" made of the name's own words ("RM850x", "RTX 4080 16GB") is a name.
  const std::set<std::string> plainWords = lineWords(ownWords);
  // Words of the line a candidate must have: model words, and a year ("RM850x (2018)").
  // "Mini" before ITX or Tower names a size of board or case, not a model.
  std::set<std::string> lineModelWords;
  for (size_t i = 0; i < ownWords.size(); ++i) {
    const std::string& w = ownWords[i];
    const std::string next = i + 1 < ownWords.size() ? ownWords[i + 1] : "";
    if (w == "mini" && (next == "itx" || next == "tower" || next == "dtx")) continue;
    if (kModelWords.count(w) || (w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) &&
                                 w.find_first_not_of("0123456789") == std::string::npos))
      lineModelWords.insert(w);
  }
  size_t lineMeaningful = 0;
  for (const std::string& w : ownWords)
    lineMeaningful += !kGeneric.count(w);
  // A card's memory ("12 GB") tells variants of one model apart (an RTX 2060 came with 6 and
  // with 12): a name that does not say it is found by its part number only.
  std::string vram;
  if (*item.category == Category::Gpu)
    for (size_t i = 0; i + 1 < ownWords.size() && vram.empty(); ++i)
      if (ownWords[i + 1] == "gb" &&
          ownWords[i].find_first_not_of("0123456789") == std::string::npos)
        vram = ownWords[i];

  struct Scored {
    const Listing* listing;
    double score;
    std::string how;
  };
  std::vector<Scored> byNumber, byName, near;
  for (const Entry& e : entries_) {
    if (e.listing->category != *item.category) continue;
    size_t found = 0, softFound = 0;
    for (const std::string& t : e.tokens)
      found += line.count(t);
    for (const std::string& t : e.soft)
      softFound += line.count(t);
    const size_t n = e.tokens.size();
    if (n == 0) continue;
    const double share = static_cast<double>(found) / static_cast<double>(n);
    bool modelWordsKept = true;
    for (const std::string& w : lineModelWords)
      modelWordsKept =
          modelWordsKept && (std::find(e.tokens.begin(), e.tokens.end(), w) != e.tokens.end() ||
                             std::find(e.soft.begin(), e.soft.end(), w) != e.soft.end());
    // A part number counts as whole words of the line or its address, and only for a row that
    // keeps the line's model words (a number like "RTX 3070" is a name). Two rows may give one
    // part number (a data slip): the one whose name the line bears out more comes first. A
    // "part number" that is one word of the line's name ("RM850x") is the model's name.
    if (modelWordsKept)
      for (const std::string& pn : e.partNumbers)
        if (!plainWords.count(pn) && line.count(pn)) {
          byNumber.push_back({e.listing, 1.0 + 0.5 * share, "part number " + pn});
          break;
        }
    const bool saysVram =
        vram.empty() || std::find(e.tokens.begin(), e.tokens.end(), vram) != e.tokens.end() ||
        std::find(e.tokens.begin(), e.tokens.end(), vram + "gb") != e.tokens.end();
    if (found == n && n + softFound >= 3 && modelWordsKept && saysVram) {
      // Every word of its name is in the line: the more of the line it explains, the better;
      // a curated part (its figures checked by hand) first among equals.
      double covered = std::min(1.0, static_cast<double>(n + softFound) /
                                         static_cast<double>(std::max<size_t>(lineMeaningful, 1)));
      byName.push_back({e.listing, 0.5 + 0.4 * covered,
                        "name: " + std::to_string(n + softFound) + " of its words in the line"});
    } else if (share >= 0.5) {
      near.push_back({e.listing, share, ""});
    }
  }
  auto better = [](const Scored& a, const Scored& b) {
    return a.score != b.score ? a.score > b.score : a.listing->id < b.listing->id;
  };
  // The part number outranks the name. Among the rows a part number finds, a curated part (its
  // figures checked by hand) wins outright: where an OpenDB row of the same number disagrees
  // with it, the row is the one in doubt. Among the names, the parts that explain most of the
  // line, and the best curated part beside them: the caller takes it when they are all its size.
  std::sort(byNumber.begin(), byNumber.end(), better);
  std::vector<Scored>& pool = !byNumber.empty() ? byNumber : byName;
  std::sort(byName.begin(), byName.end(), better);
  const Scored* curated = nullptr;
  for (std::vector<Scored>* from : {&byNumber, &byName})
    for (const Scored& s : *from)
      if (!curated && s.listing->tier == Tier::Curated) curated = &s;
  if (curated) out.curated = curated->listing, out.curatedHow = curated->how;
  if (!pool.empty()) {
    if (curated && curated->score >= 1.0) { // found by its part number
      out.candidates = {out.curated};
      out.confidence = 1;
      out.how = curated->how;
      return out;
    }
    // The best, and those as good as it or nearly (a colour variant, the same card under two
    // rows): the caller keeps the first unless their sizes differ.
    const double best = pool.front().score;
    for (const Scored& s : pool)
      if (s.score >= best - 0.02 && out.candidates.size() < 5) out.candidates.push_back(s.listing);
    out.confidence = std::min(1.0, best);
    out.how = pool.front().how;
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
