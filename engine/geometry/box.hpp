#pragma once
// Oriented boxes, the first kind of solid the checks measure.
#include "geometry/pose.hpp"

#include <array>

namespace rigfit::geo {

// An axis-aligned box, lo <= hi on every axis.
struct Aabb {
  Vec3 lo{0.0};
  Vec3 hi{0.0};

  static Aabb fromCorners(const Vec3& a, const Vec3& b) { return {glm::min(a, b), glm::max(a, b)}; }
  Vec3 centre() const { return (lo + hi) * 0.5; }
  Vec3 size() const { return hi - lo; }
  Aabb unite(const Aabb& o) const { return {glm::min(lo, o.lo), glm::max(hi, o.hi)}; }
  Aabb inflated(double by) const { return {lo - Vec3(by), hi + Vec3(by)}; }
};

// Signed distance between two axis-aligned boxes: the gap when apart, minus the least
// penetration when they overlap (exact for boxes of the same frame).
double signedDistance(const Aabb& a, const Aabb& b);
// Whether they overlap by more than `by` (>= 0) on every axis, which is signedDistance(a, b) <
// -by, without working out the distance: the test for every pair that might touch.
inline bool overlapBeyond(const Aabb& a, const Aabb& b, double by) {
  for (int i = 0; i < 3; ++i)
    if (!(a.lo[i] - b.hi[i] < -by && b.lo[i] - a.hi[i] < -by)) return false;
  return true;
}

// A box of half extents `half` centred at X_WB.t with axes X_WB.R.
struct Box {
  Pose X_WB;
  Vec3 half{0.0};

  // The box that spans [lo, hi] in the frame of `X_WF`.
  static Box fromAabb(const Aabb& b, const Pose& X_WF = {}) {
    return {X_WF * Pose::translation(b.centre()), b.size() * 0.5};
  }
  Vec3 centre() const { return X_WB.t; }
  Aabb bounds() const;
  std::array<Vec3, 8> corners() const;
  // The point of the box farthest along direction d (a vertex; ties resolved toward +half).
  Vec3 support(const Vec3& d) const;
  // The box seen through another pose: X_VW * this.
  Box transformed(const Pose& X_VW) const { return {X_VW * X_WB, half}; }
};

} // namespace rigfit::geo
