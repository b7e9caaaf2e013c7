#pragma once
// Running every check over an assembled build.
#include "assembly/build.hpp"
#include "fit/finding.hpp"

namespace rigfit {

// Which checks run: all of them; those that measure where the solids stand (clearances,
// overlaps, keep-outs, slot openings, air for the fans); or those of what the build needs and
// how its parts work together (mounts, radiators, power, memory, lanes, display, parts missing).
enum class CheckScope { All, Placement, Needs };

// With CheckDetail::Measures, each finding's verdict and measure, without the list of estimates
// it rests on, and with most sentences and boxes left out (an overlap keeps its words, which
// tell two overlaps apart): the check with ranges tries a build many times and reads only the
// verdicts and measures.
FitResult check(const Assembly& assembly, const FitSettings& settings = {},
                CheckDetail detail = CheckDetail::Full, CheckScope scope = CheckScope::All);

} // namespace rigfit
