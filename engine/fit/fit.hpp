#pragma once
// Running every check over an assembled build.
#include "assembly/build.hpp"
#include "fit/finding.hpp"

namespace rigfit {

FitResult check(const Assembly& assembly, const FitSettings& settings = {});

} // namespace rigfit
