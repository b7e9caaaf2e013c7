#pragma once
// Running every check over an assembled build.
#include "assembly/build.hpp"
#include "fit/finding.hpp"

#include <string_view>

namespace rigfit {

// Which checks run: all of them; those that measure where the solids stand (clearances,
// overlaps, keep-outs, slot openings, air for the fans); or those of what the build needs and
// how its parts work together (mounts, radiators, power, memory, lanes, display, parts missing).
enum class CheckScope { All, Placement, Needs };

// With CheckDetail::Measures, each finding's verdict and measure, without the list of estimates
// it rests on, and with most sentences and boxes left out (an overlap keeps its words, which
// tell two overlaps apart): the check with ranges tries a build many times and reads only the
// verdicts and measures.
//
// `wordsFor`, a finding's check id that one check alone makes ("collision", "keepout",
// "gpu-cooling", "slot-openings"), gives only that check's findings in `detail`, the others as
// with CheckDetail::Measures: the check with ranges words a finding it found away from the
// estimates without wording all the rest. Any other id words them all. (The overlaps' and the
// keep-outs' summaries that pass count the other checks' findings, which their measures do not
// place: worded alone, they may not say "beyond the one reported above". They measure nothing,
// and the check with ranges never words them.)
FitResult check(const Assembly& assembly, const FitSettings& settings = {},
                CheckDetail detail = CheckDetail::Full, CheckScope scope = CheckScope::All,
                std::string_view wordsFor = {});
// Whether one check alone makes the findings of this check id (the ids `wordsFor` takes).
bool madeByOneCheck(std::string_view checkId);

} // namespace rigfit
