#pragma once
// Turns a part's figures into the solids the checks measure and the mounts it offers.
// Frames: a case uses the case frame (origin at the interior's rear-bottom corner on the tray
// plane, +X toward the front panel, +Y up, +Z toward the window side); a board's frame has its
// origin at the top-rear corner of its component surface, +X down along the rear edge toward
// the slots, +Y toward the front, +Z off the component side; a card, module, CPU or drive uses
// its mount's frame, axes parallel to the board's.
#include "catalog/part.hpp"

namespace rigfit {

// Fills part.solids and part.mounts from the parsed figures. Never fails: the reader has
// already checked every figure it uses.
void buildShapes(Part& part);

// Where a case's window side panel stands (z of its inner face, case frame): the published
// cooler limit above the board's surface, or else the interior width.
double sidePanelZ(const Part& chassis);

// The part's solids with a placed instance's options applied; the options must be among the
// part's and within their ranges (assembly checks this and names the field when not). None
// when they change nothing: the part's own solids serve as they are.
std::optional<std::vector<Solid>> solidsWith(const Part& part, const Options& options);

// A case's length limit for its cards or its PSU, with the pieces the options leave in: a
// piece left in brings the shorter limit the case publishes with it in.
struct CaseLimit {
  std::optional<double> mm;           // none when the case publishes none
  std::vector<std::string> estimates; // which of the figures behind it are estimates
  std::string condition;              // "with the two HDD brackets in"; "" for the case's own
};
CaseLimit caseLengthLimit(const Part& chassis, Category of, const Options& options);

// Space left for modular plugs and their bend in front of a PSU. ESTIMATE: a modular plug
// stands about 15 mm and its cable bends within about 15 mm more; not from a standard.
inline constexpr double kPsuCableSpaceMm = 30.0;

// Labels of the standard figures that are estimates (see standards.hpp), as findings list them.
inline const char* kSlotLineEstimate = "standard: slot 1 position";
inline const char* kCardBackEstimate = "standard: card back side";
inline const char* kStandoffEstimate = "standard: standoff height";

} // namespace rigfit
