#pragma once
// Running every check over an assembled build.
#include "assembly/build.hpp"
#include "fit/finding.hpp"

namespace rigfit {

// With CheckDetail::Measures, each finding's verdict, measure and words, without the list of
// estimates it rests on (the check with ranges tries a build many times and reads only those).
FitResult check(const Assembly& assembly, const FitSettings& settings = {},
                CheckDetail detail = CheckDetail::Full);

} // namespace rigfit
