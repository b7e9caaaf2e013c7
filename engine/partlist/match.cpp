#include "partlist/match.hpp"

#include "common/text.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <set>
#include <unordered_set>

namespace rigfit {
namespace {

// Words every part of a kind may carry, or a list adds to a name: they name no product.
const std::unordered_set<std::string> kGeneric = {
    "video",   "card",    "graphics", "processor", "core",    "cores",    "motherboard", "memory",
    "module",  "modules", "kit",      "desktop",   "solid",   "state",    "drive",       "internal",
    "ssd",     "hdd",     "case",     "tower",     "mid",     "full",     "power",       "supply",
    "cpu",     "cooler",  "fan",      "fans",      "the",     "with",     "and",         "for",
    "edition", "gaming",  "series",   "certified", "modular", "semi",     "fully",       "led",
    "ghz",     "mhz",     "cfm",      "rpm",       "dba",     "gen",      "x4",          "v",
    "nand",    "pcie",    "nvme",     "sata",      "m",       "a",        "w",           "gb",
    "tb",      "mm",      "in",       "of",        "window",  "tempered", "glass",       "side",
    "panel",   "acrylic", "cooling",  "liquid",    "air",     "gddr5",    "gddr6",       "gddr6x",
    "gddr7"};

// Words the open database's names add to a product's name and a list's names leave out: its
// colour, fan control, the board's form factor and memory type (lighting names a product: a
// Vengeance RGB is not a Vengeance). A name need not have
// them in the line, but they count where it does; a colour the line names must be the part's.
const std::unordered_set<std::string> kColours = {
    "black",       "white",  "silver", "gray",   "grey",   "red",        "blue",
    "green",       "pink",   "beige",  "brown",  "snow",   "multicolor", "clear",
    "transparent", "tinted", "yellow", "orange", "purple", "gunmetal"};
const std::unordered_set<std::string> kFeatures = {"pwm",      "atx",  "eatx", "matx", "micro",
                                                   "microatx", "ddr3", "ddr4", "ddr5"};

// "155mm", "120mm": a size in a name.
bool isMillimetres(const std::string& w) {
  return w.size() > 2 && w.ends_with("mm") && w.find_first_not_of("0123456789.") == w.size() - 2;
}
// The sizes that name a fan or a radiator (a 120 mm fan is not a 140 mm one): the line must
// have them, with or without "mm". Any other size in a name (a cooler's 155 mm height) only
// describes the part.
const std::unordered_set<std::string> kProductSizes = {"80",  "92",  "120", "140", "180", "200",
                                                       "240", "280", "360", "420", "480"};

// A year, as names give a product's revision: "RM850x (2018)".
bool isYear(const std::string& w) {
  return w.size() == 4 && (w.starts_with("19") || w.starts_with("20")) &&
         w.find_first_not_of("0123456789") == std::string::npos;
}

// Words that name a model apart from its neighbours: a line that has one names a different
// product than a part without it (an RTX 2060 Super is not an RTX 2060).
const std::unordered_set<std::string> kModelWords = {
    "super", "ti",   "plus",  "pro",  "xt",  "xtx", "max",  "ultra",  "mini", "lite",
    "se",    "slim", "elite", "ii",   "iii", "v2",  "v3",   "xl",     "evo",  "compact",
    "nano",  "halo", "ax",    "wifi", "tr4", "x3d", "flow", "airflow"};

// A name's words: letters and digits, lowercase, split at everything else; a decimal stays one
// word ("3.5", "59.5": not a 3 or a 5 a name could take for its own). A curated part's words in
// parentheses describe it for people ("(1 fan)", "(2x8 GB kit)") and are left out. Each word is
// given to `take` in one buffer, so that reading thousands of names makes no string of its own.
template <class Take> void eachWord(const std::string& name, bool dropParentheses, Take&& take) {
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
    if (!w.empty()) take(w), w.clear();
    if (dropParentheses && c == ')' && depth > 0) --depth;
  }
}

// "12g": how some names and lists give a card's 12 GB (a part number's "06g" is not one).
bool isGigabytesAsG(const std::string& w) {
  return w.size() >= 2 && w.size() <= 3 && w[0] != '0' && w.back() == 'g' &&
         w.find_first_not_of("0123456789") == w.size() - 1;
}

// A letter or two after a hyphen at the end of a word: a variant ("Z790-A", "PRO-A").
struct Suffixed {
  std::string model, variant; // lowercase: "z790", "a"
  bool modelHasDigit = false;
};
std::vector<Suffixed> hyphenVariants(const std::string& name) {
  std::vector<Suffixed> out;
  for (size_t dash = name.find('-'); dash != std::string::npos; dash = name.find('-', dash + 1)) {
    size_t b = dash, e = dash + 1;
    while (b > 0 && asciiAlnum(name[b - 1]))
      --b;
    while (e < name.size() && asciiAlnum(name[e]))
      ++e;
    const size_t suffix = e - dash - 1;
    // The variant ends the word: not a run of a part number ("08G-P5-3767-KR", "CP-9020200-NA").
    auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    bool digit = false, letters = suffix >= 1 && suffix <= 2;
    for (size_t k = b; k < dash; ++k)
      digit = digit || isDigit(name[k]);
    for (size_t k = dash + 1; k < e; ++k)
      letters = letters && !isDigit(name[k]);
    if (b == dash || !letters || (e < name.size() && name[e] == '-')) continue;
    Suffixed s{"", "", digit};
    for (size_t k = b; k < dash; ++k)
      s.model += asciiLower(name[k]);
    for (size_t k = dash + 1; k < e; ++k)
      s.variant += asciiLower(name[k]);
    out.push_back(std::move(s));
  }
  return out;
}

// A model number with a letter or two after a hyphen, as one word: "Z790-A" is "z790a", a board
// the plain Z790 is not. A model is letters and digits ("Z790", "B650M").
std::vector<Suffixed> suffixedModels(const std::string& name) {
  std::vector<Suffixed> out;
  for (Suffixed& s : hyphenVariants(name)) {
    bool letter = s.model.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos;
    if (s.modelHasDigit && letter) out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> wordsOf(const std::string& name, bool dropParentheses) {
  std::vector<std::string> out;
  eachWord(name, dropParentheses, [&](const std::string& w) { out.push_back(w); });
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

ListMatcher::Word ListMatcher::wordId(const std::string& w) {
  if (auto it = dictionary_.find(w); it != dictionary_.end()) return it->second;
  const Word id = static_cast<Word>(dictionary_.size());
  dictionary_.emplace(w, id);
  kind_.push_back(kGeneric.count(w)    ? Kind::Generic
                  : kColours.count(w)  ? Kind::Colour
                  : kFeatures.count(w) ? Kind::Feature
                  : isMillimetres(w)   ? Kind::Size
                                       : Kind::Name);
  return id;
}

void ListMatcher::add(Entry& e, const std::string& w, bool described) {
  const Word id = wordId(w);
  switch (kind_[id]) {
  case Kind::Generic:
    return;
  case Kind::Colour:
    // A card's colour can be its model's name (EVGA's XC Black is not its XC Gaming).
    if (e.listing->category == Category::Gpu) break;
    e.colours.push_back(id);
    return;
  case Kind::Size:
    if (std::string n = w.substr(0, w.size() - 2); kProductSizes.count(n)) {
      e.sizes.push_back({id, wordId(n)});
      return;
    }
    e.soft.push_back(id);
    return;
  case Kind::Feature:
    // A kit's memory type names it ("DDR5"); a board's is a description.
    if (e.listing->category != Category::Memory || !w.starts_with("ddr")) {
      e.soft.push_back(id);
      return;
    }
    break;
  case Kind::Name:
    if (isYear(w)) e.years.push_back(id);
    if (isGigabytesAsG(w)) {
      (described ? e.soft : e.tokens).push_back(wordId(w + "b"));
      return;
    }
    break;
  }
  (described ? e.soft : e.tokens).push_back(id);
}

std::optional<ListMatcher::Word> ListMatcher::knownWord(const std::string& w) const {
  auto it = dictionary_.find(w);
  if (it == dictionary_.end()) return std::nullopt;
  return it->second;
}

ListMatcher::ListMatcher(const std::vector<const Listing*>& listings) {
  dictionary_.reserve(listings.size() * 2);
  kind_.reserve(listings.size() * 2);
  std::map<Category, size_t> counts;
  for (const Listing* l : listings)
    ++counts[l->category];
  for (const auto& [category, n] : counts)
    entries_[category].reserve(n);
  std::string c; // a part number, compacted
  for (const Listing* l : listings) {
    Entry e{l, {}, {}, {}, {}, {}, {}, {}};
    // A curated part's words in parentheses describe it for people ("(1 fan)", "(2018)"): a
    // line need not have them, but they count where it does. A memory part's say its kit
    // ("(2x8 GB kit)"), which tells kits apart: those are needed.
    const bool soft = l->tier == Tier::Curated && l->category != Category::Memory;
    // A letter standing alone after a word is a variant ("MSI Z690 PRO A DDR4"), as is one after
    // a hyphen at a word's end ("PRO-A").
    bool first = true;
    eachWord(l->name, soft, [&](const std::string& w) {
      if (!first && w.size() == 1 && w[0] >= 'a' && w[0] <= 'z') e.variants.push_back(w);
      first = false;
      add(e, w, false);
    });
    for (const Suffixed& v : suffixedModels(l->name))
      add(e, v.model + v.variant, false);
    if (l->name.find('-') != std::string::npos)
      for (const Suffixed& v : hyphenVariants(l->name))
        e.variants.push_back(v.variant);
    if (soft) {
      std::vector<std::string> outside = wordsOf(l->name, true);
      std::vector<std::string> all = wordsOf(l->name, false);
      std::multiset<std::string> rest(all.begin(), all.end());
      for (const std::string& w : outside)
        rest.erase(rest.find(w));
      for (const std::string& w : rest)
        add(e, w, true);
    }
    // A part number is evidence when it could not be a word: six characters or more, with a
    // digit and a letter.
    for (const std::string& pn : l->partNumbers) {
      c.clear();
      for (char ch : pn)
        if (asciiAlnum(ch)) c += asciiLower(ch);
      if (c.size() >= 6 && c.find_first_of("0123456789") != std::string::npos &&
          c.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)
        e.partNumbers.push_back(wordId(c));
    }
    entries_[l->category].push_back(std::move(e));
  }
}

LineMatch ListMatcher::match(const ListItem& item) const {
  LineMatch out;
  if (!item.category) return out;
  auto ofKind = entries_.find(*item.category);
  if (ofKind == entries_.end()) return out;
  // The product address's last segment is PCPartPicker's slug of the name, which often ends in
  // the maker's part number.
  std::string slug = item.url.substr(item.url.find_last_of('/') + 1);
  const std::vector<std::string> words = wordsOf(item.name + " " + slug, false);
  // The words of the line that some name or part number has, marked by number.
  std::vector<char> line(dictionary_.size(), 0), plain(dictionary_.size(), 0);
  std::map<Word, std::string> spelled; // for saying which part number was found
  for (const std::string& w : lineWords(words))
    if (std::optional<Word> id = knownWord(w)) line[*id] = 1, spelled[*id] = w;
  for (const std::string& w : words) // "12G" is also 12 GB, as the names have it
    if (isGigabytesAsG(w))
      if (std::optional<Word> id = knownWord(w + "b")) line[*id] = 1;
  const std::vector<std::string> ownWords = wordsOf(item.name, false);
  // A "part number" made of the name's own words ("RM850x", "RTX 4080 16GB") is a name.
  for (const std::string& w : lineWords(ownWords))
    if (std::optional<Word> id = knownWord(w)) plain[*id] = 1;
  // Words of the line a candidate must have: model words. "Mini" before ITX or Tower names a
  // size of board or case, not a model. A model word no name has: no name keeps it. A year
  // ("RM850x (2018)") names a revision: a name must give it, but a part number may find a row
  // whose name gives no year (OpenDB names the RM850e of 2023 without its year).
  std::vector<std::optional<Word>> lineModelWords;
  std::optional<Word> lineYear;
  bool saysYear = false;
  for (size_t i = 0; i < ownWords.size(); ++i) {
    const std::string& w = ownWords[i];
    const std::string next = i + 1 < ownWords.size() ? ownWords[i + 1] : "";
    if (w == "mini" && (next == "itx" || next == "tower" || next == "dtx")) continue;
    if (kGeneric.count(w)) continue; // no name keeps a generic word: it cannot be asked of one
    if (kModelWords.count(w)) lineModelWords.push_back(knownWord(w));
    if (isYear(w)) saysYear = true, lineYear = knownWord(w);
  }
  // A variant of the line's model ("PRO Z690-A") is kept by a name that has the model and gives
  // the variant to another of its words ("Z690 PRO-A", or "Z690 PRO A" as OpenDB names it).
  struct Variant {
    std::optional<Word> whole, model;
    std::string variant;
  };
  std::vector<Variant> lineVariants;
  for (const Suffixed& v : suffixedModels(item.name))
    lineVariants.push_back({knownWord(v.model + v.variant), knownWord(v.model), v.variant});
  size_t lineMeaningful = 0;
  bool namesColour = false;
  for (const std::string& w : ownWords)
    lineMeaningful += !kGeneric.count(w), namesColour = namesColour || kColours.count(w);
  // A card's memory ("12 GB") tells variants of one model apart (an RTX 2060 came with 6 and
  // with 12): a name that does not say it is found by its part number only.
  bool saysVramAsked = false;
  std::optional<Word> vram, vramGb;
  if (*item.category == Category::Gpu)
    for (size_t i = 0; i + 1 < ownWords.size() && !saysVramAsked; ++i)
      if (ownWords[i + 1] == "gb" &&
          ownWords[i].find_first_not_of("0123456789") == std::string::npos)
        saysVramAsked = true, vram = knownWord(ownWords[i]), vramGb = knownWord(ownWords[i] + "gb");

  struct Scored {
    const Listing* listing;
    double score;
    std::string how;
    size_t named = 0; // the words of its name the line has, descriptions (colours...) aside
  };
  std::vector<Scored> byNumber, byName, near;
  auto has = [](const std::vector<Word>& in, std::optional<Word> w) {
    return w && std::find(in.begin(), in.end(), *w) != in.end();
  };
  for (const Entry& e : ofKind->second) {
    size_t found = 0, softFound = 0, coloursFound = 0;
    for (Word t : e.tokens)
      found += line[t];
    for (Word t : e.soft)
      softFound += line[t];
    for (Word t : e.colours)
      coloursFound += line[t];
    // A line that names a colour names none of a part's colours: another product.
    if (namesColour && !e.colours.empty() && coloursFound == 0) continue;
    bool sizesKept = true;
    for (const auto& [mm, number] : e.sizes)
      sizesKept = sizesKept && (line[mm] || line[number]);
    softFound += coloursFound;
    const size_t n = e.tokens.size();
    if (n == 0) continue;
    const double share = static_cast<double>(found) / static_cast<double>(n);
    bool modelWordsKept = true;
    for (std::optional<Word> w : lineModelWords)
      modelWordsKept = modelWordsKept && (has(e.tokens, w) || has(e.soft, w));
    for (const Variant& v : lineVariants)
      modelWordsKept = modelWordsKept &&
                       (has(e.tokens, v.whole) ||
                        (has(e.tokens, v.model) && std::find(e.variants.begin(), e.variants.end(),
                                                             v.variant) != e.variants.end()));
    // A part number counts as whole words of the line or its address, and only for a row that
    // keeps the line's model words (a number like "RTX 3070" is a name). Two rows may give one
    // part number (a data slip): the one whose name the line bears out more comes first. A
    // "part number" that is one word of the line's name ("RM850x") is the model's name.
    // The line's year: a name must give it, but a part number finds a row that gives no year.
    const bool yearKept = !saysYear || has(e.years, lineYear);
    if (modelWordsKept && (yearKept || e.years.empty()))
      for (Word pn : e.partNumbers)
        if (!plain[pn] && line[pn]) {
          byNumber.push_back({e.listing, 1.0 + 0.5 * share, "part number " + spelled[pn]});
          break;
        }
    const bool saysVram = !saysVramAsked || has(e.tokens, vram) || has(e.tokens, vramGb);
    if (found == n && n + softFound >= 3 && modelWordsKept && yearKept && saysVram && sizesKept) {
      // Every word of its name is in the line: the more of the line it explains, the better;
      // a curated part (its figures checked by hand) first among equals.
      double covered = std::min(1.0, static_cast<double>(n + softFound) /
                                         static_cast<double>(std::max<size_t>(lineMeaningful, 1)));
      byName.push_back({e.listing, 0.5 + 0.4 * covered,
                        "name: " + std::to_string(n + softFound) + " of its words in the line", n});
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
  // A board made for DDR4 and for DDR5 under one name: the makers mark the DDR4 one in its name
  // (MSI's "PRO Z690-A DDR4", ASUS's "PRIME Z790-P D4"), so a line that does not say which, found
  // by its name alone, is the DDR5 board, never the DDR4 one its other words fit as well.
  if (*item.category == Category::Motherboard && byNumber.empty()) {
    auto typeOf = [](const std::string& name) -> std::string {
      for (const std::string& w : wordsOf(name, false)) {
        if (w == "ddr4" || w == "d4") return "ddr4";
        if (w == "ddr5" || w == "d5") return "ddr5";
      }
      return "";
    };
    bool ddr5Named = false;
    for (const Scored& s : byName)
      ddr5Named = ddr5Named || typeOf(s.listing->name) == "ddr5";
    if (ddr5Named && typeOf(item.name).empty())
      std::erase_if(byName, [&](const Scored& s) { return typeOf(s.listing->name) == "ddr4"; });
  }
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
    // A curated part whose name the line bears out as far as any row's, the rows explaining
    // more of the line only by what describes them (a colour, "ATX"), is the product: the rows
    // are its variants, with figures less sure than its hand-checked ones.
    if (curated && byNumber.empty() &&
        std::all_of(byName.begin(), byName.end(),
                    [&](const Scored& s) { return s.named <= curated->named; })) {
      out.candidates = {out.curated};
      out.confidence = std::min(1.0, curated->score);
      out.how = curated->how + "; hand-checked, the rows of its name differ only in description";
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
