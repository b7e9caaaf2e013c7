#include "geometry/box.hpp"

#include <algorithm>
#include <cmath>

namespace rigfit::geo {

double signedDistance(const Aabb& a, const Aabb& b) {
  double gapSq = 0.0;
  double deepest = -INFINITY; // the least negative per-axis overlap
  bool apart = false;
  for (int i = 0; i < 3; ++i) {
    double gap = std::max(a.lo[i] - b.hi[i], b.lo[i] - a.hi[i]);
    if (gap > 0.0) {
      gapSq += gap * gap;
      apart = true;
    }
    deepest = std::max(deepest, gap);
  }
  return apart ? std::sqrt(gapSq) : deepest;
}

Aabb Box::bounds() const {
  // Extent of a rotated box along world axis i is sum_j |R_ij| * half_j.
  Vec3 e{0.0};
  for (int j = 0; j < 3; ++j)
    e += glm::abs(X_WB.R[j]) * half[j];
  return {X_WB.t - e, X_WB.t + e};
}

std::array<Vec3, 8> Box::corners() const {
  std::array<Vec3, 8> out;
  for (int k = 0; k < 8; ++k) {
    Vec3 local{(k & 1) ? half.x : -half.x, (k & 2) ? half.y : -half.y, (k & 4) ? half.z : -half.z};
    out[k] = X_WB * local;
  }
  return out;
}

Vec3 Box::support(const Vec3& d) const {
  Vec3 local = glm::transpose(X_WB.R) * d;
  Vec3 p{local.x < 0 ? -half.x : half.x, local.y < 0 ? -half.y : half.y,
         local.z < 0 ? -half.z : half.z};
  return X_WB * p;
}

} // namespace rigfit::geo
