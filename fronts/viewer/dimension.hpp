#pragma once
// The dimension line the viewer draws for a selected finding: from one face of the measured gap
// (or overlap) to the other, with its value. No GL: tested headless.
#include "fit/finding.hpp"

#include <glm/glm.hpp>
#include <optional>

namespace rigfit::viewer {

struct Dimension {
  glm::dvec3 from, to; // case frame, mm; the two faces the value is measured between
  double valueMm = 0;  // negative: overlap by that much
};

// A clearance's `where` is the box spanned by its two witness points, and an overlap's is the
// overlap region; either way the measured axis is the one whose extent matches the value. A
// finding with no box or no value in mm has no line.
std::optional<Dimension> dimensionOf(const Finding& f);

} // namespace rigfit::viewer
