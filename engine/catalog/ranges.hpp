#pragma once
// How far an estimated figure could be from its true value: its band, and where the band comes
// from. A part spec may give a figure's band ("range"); otherwise the kinds of estimate the
// catalog makes have their bands here, each from the estimate's own basis (docs/RANGES.md):
// - a card's or a module's height taken as typical: the spread of the catalog's sourced ones;
// - a case's board position from its spare height split evenly: anywhere in that spare height;
// - a case's PSU centred across its width: from against the tray to against the side panel;
// - a tower's RAM clearance taken as 32 mm where its maker gives none: up to the highest tower
//   clearance the catalog has sourced;
// - an estimate that states its own band ("about 15 to 20 mm").
// A sourced figure has no band unless its spec gives one; an estimate of a kind not listed has
// none, and the checks still name it as an estimate.
#include "catalog/catalog.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rigfit {

struct FigureRange {
  double lo = 0, hi = 0;
  std::string why;
  std::string unit = "mm"; // the figure's, as its category's rule gives it ("W" for power_w)
};

// The band of one figure of `part`, if it has one; `catalog` gives the sourced spreads.
std::optional<FigureRange> rangeOf(const Part& part, const std::string& figure,
                                   const Catalog& catalog);

// Where a builder finds a figure of a part of this category: "the card maker's spec page".
std::string whereToLookUp(Category category, const std::string& figure);

} // namespace rigfit
