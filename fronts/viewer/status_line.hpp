#pragma once
// The viewer's status line: one sentence, what the builder's last action did or what went wrong.
#include <string>

namespace rigfit {

// The line once the OpenDB listing, run in the background at start, has ended with `note`:
// news only where the line says nothing yet (never over what it says of the builder's own
// doing: an import's outcome, say, when a first start's listing ends just after it); a
// `problem` joins what it says.
inline std::string withListingNote(std::string status, const std::string& note, bool problem) {
  if (note.empty() || (!problem && !status.empty())) return status;
  return status.empty() ? note : status + "; " + note;
}

} // namespace rigfit
