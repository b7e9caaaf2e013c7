#include "dimension.hpp"

#include <cmath>

namespace rigfit::viewer {

// How far an extent may differ from the measured value and still be its axis: the checks round
// nothing, so this only absorbs floating-point noise and rotated boxes' slight skew.
constexpr double kAxisMatchMm = 0.5;

std::optional<Dimension> dimensionOf(const Finding& f) {
  if (!f.where || !f.measured || f.unit != Unit::Mm) return std::nullopt;
  const geo::Aabb& w = *f.where;
  glm::dvec3 size = w.size(), c = w.centre();
  double want = std::abs(*f.measured);
  std::optional<int> axis;
  double best = kAxisMatchMm;
  for (int a = 0; a < 3; ++a)
    if (double miss = std::abs(size[a] - want); miss <= best) best = miss, axis = a;
  Dimension d{w.lo, w.hi, *f.measured};
  if (axis) { // along that axis, through the box's centre
    d.from = d.to = c;
    d.from[*axis] = w.lo[*axis];
    d.to[*axis] = w.hi[*axis];
  }
  return d;
}

} // namespace rigfit::viewer
