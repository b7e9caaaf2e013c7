#pragma once
// Which catalog part a part list's line names (issue 15). Everything the line carries is used:
// its category (from the type), the maker's part number in the product address or the name,
// and the name's words, whatever their order, spacing and punctuation. A wrong part checked
// silently is worse than a line left unmatched, so a match needs the part number, or every word
// that names the candidate (its maker, series and model; not the words every part of its kind
// has) in the line and no model word of the line ("Super", "Ti", "Plus") missing from it.
#include "catalog/search.hpp"
#include "partlist/parse.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rigfit {

struct LineMatch {
  // The candidates that meet the bar, best first: the first is the match unless two of them
  // differ in size (the caller compares their figures: listings carry none).
  std::vector<const Listing*> candidates;
  double confidence = 0; // of the first: 1 for a part number, else how much of the line it names
  std::string how;       // "part number 06G-P4-2063-KR", "name: 7 of 11 words"
  // The best curated part among those that meet the bar (it may explain less of the line than
  // the candidates): the caller prefers it where they are all of its size.
  const Listing* curated = nullptr;
  std::string curatedHow;
  // No candidate: the nearest names, for the builder to choose from or search with.
  std::vector<const Listing*> nearest;
};

class ListMatcher {
public:
  // Indexes `listings` (which must outlive the matcher) by category.
  explicit ListMatcher(const std::vector<const Listing*>& listings);
  LineMatch match(const ListItem& item) const;

private:
  // Words are numbered once (dictionary_), so that matching a line against thousands of names
  // compares numbers, not strings.
  using Word = std::uint32_t;
  struct Entry {
    const Listing* listing;
    std::vector<Word> tokens;  // the name's meaningful words, lowercase
    std::vector<Word> soft;    // words that count where the line has them
    std::vector<Word> colours; // soft, but a colour the line names must be one of them
    std::vector<std::pair<Word, Word>> sizes; // "120mm" and "120": the line must have one
    std::vector<Word> partNumbers;            // letters and digits only, lowercase
    std::vector<Word> years;                  // the years its name gives ("2018")
    std::vector<std::string> variants; // letters ending a word after a hyphen ("a" of "PRO-A"),
                                       // or standing alone after a word ("a" of "PRO A")
  };
  // What a word is: a generic one names nothing; colours, features and sizes describe a part.
  enum class Kind : char { Name, Generic, Colour, Feature, Size };
  Word wordId(const std::string& w);
  void add(Entry& e, const std::string& w, bool described); // described: soft
  std::optional<Word> knownWord(const std::string& w) const;
  std::unordered_map<std::string, Word> dictionary_;
  std::vector<Kind> kind_; // by word
  std::map<Category, std::vector<Entry>> entries_;
};

// How many modules a memory line's kit holds: "16 GB (2 x 8 GB)" is 2; 1 when it does not say.
int modulesInKit(const std::string& name);

} // namespace rigfit
