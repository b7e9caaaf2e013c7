#pragma once
// A part list made into a build (issue 15): each line matched to a catalog part (partlist/match),
// an ambiguous match left for the builder to pick, and the matched parts placed as a builder
// would: the case, the board in it, the CPU, its cooler, memory in the board's preferred slots,
// drives, cards in the x16 slots from the first down, the PSU in its bay, fans in the case's
// places. What cannot be placed is said with the reason.
#include "assembly/build.hpp"
#include "catalog/opendb_index.hpp"
#include "partlist/match.hpp"
#include "partlist/parse.hpp"

#include <map>
#include <string>
#include <vector>

namespace rigfit {

enum class LineOutcome {
  Placed,    // matched and placed (where it may still not fit: the check says)
  Unplaced,  // matched, but the build has no place for it
  Ambiguous, // two or more close candidates that differ in size: the builder picks
  Unmatched, // no candidate meets the bar; the nearest names are listed
  Skipped    // a type rigfit does not model (a monitor)
};
const char* toString(LineOutcome o);

struct ImportedLine {
  ListItem item;
  LineOutcome outcome = LineOutcome::Skipped;
  std::string partId, partName; // the match (Placed, Unplaced)
  double confidence =
      0;           // 1: a part number or a pick; 0.5-0.9 by name, as much of the line it names
  std::string how; // "part number ...", "name: ...", "picked (--pick)"
  std::vector<std::string> instances; // placed as "board/CPU" ... (memory: one per module)
  int missing = 0; // Placed, but not whole: modules of its kit, or an AIO's radiator, with no place
  std::string note;                    // why unplaced, what differs, where it does not fit
  std::vector<std::string> candidates; // Ambiguous: ids to pick from; Unmatched: nearest ids
};

struct ImportedList {
  Build build; // empty (no parts) when the list names no case
  std::vector<ImportedLine> lines;
  std::string format;
  std::vector<std::string> unreadable;
  std::string problem; // why no build could be made (no case matched); then `build` is empty
};

// The build the list describes. Matched OpenDB parts are read into `catalog` from `index` (when
// given). `picks` maps a line number to the part id the builder chose for it. An Error for a
// pick that names no part; a list that names no case (a build starts with one) comes back
// matched line by line, with its `problem` said and no build.
Result<ImportedList> importPartList(const PartList& list, const std::string& name, Catalog& catalog,
                                    const OpenDbIndex* index, const ListMatcher& matcher,
                                    const std::map<int, std::string>& picks = {});

} // namespace rigfit
