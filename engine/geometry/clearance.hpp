#pragma once
// Clearance between solids. The sign convention, stated once and kept everywhere: clearance is
// the distance in mm between two solids, positive when they are apart, zero when they touch,
// and negative when they overlap, by the length of the shortest move that separates them.
#include "geometry/box.hpp"

namespace rigfit::geo {

// Two solids closer than this count as touching, not overlapping: it is below any part's
// manufacturing tolerance and above the rounding of millimetre arithmetic on doubles.
constexpr double kTouchToleranceMm = 0.01;

struct Clearance {
  double distanceMm = 0.0; // signed, as above
  Vec3 pointA{0.0};        // on A: closest to B; when overlapping, A's deepest point along normal
  Vec3 pointB{0.0};        // on B: closest to A; when overlapping, B's deepest point along -normal
  Vec3 normal{1.0, 0.0, 0.0}; // unit, from A toward B: moving B by -distanceMm along it makes
                              // them touch
};

// Exact signed clearance of two oriented boxes. Boxes whose axes are aligned (the common case
// for PC parts) take a closed-form path; others take GJK when apart and the separating-axis
// test when overlapping.
Clearance clearance(const Box& a, const Box& b);

// The signed distance alone: same value as clearance(a, b).distanceMm, without the points.
double clearanceDistance(const Box& a, const Box& b);

// True when the boxes overlap by more than the touch tolerance.
inline bool overlaps(const Box& a, const Box& b) {
  return clearanceDistance(a, b) < -kTouchToleranceMm;
}

} // namespace rigfit::geo
