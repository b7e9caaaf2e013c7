#pragma once
// A checked build written back as a PCPartPicker part list (issue 15): the Markdown table a
// builder pastes into a forum, with a Fit column (each line's verdict and its least room to
// material) and numbered notes for what PCPartPicker does not check (cards against cards, RAM
// against the cooler, the bottom card against the PSU...). `rigfit import` reads it back.
#include "catalog/catalog.hpp"
#include "report/report.hpp"

#include <string>

namespace rigfit {

// The build `report` was made of, one line per part a builder buys: a memory kit's modules on
// one line, an AIO's radiator on its cooler's. `catalog` says how many modules a kit holds.
// `version` names the program in the list's last line.
std::string partListMarkdown(const Report& report, const Catalog& catalog,
                             const std::string& version);

} // namespace rigfit
