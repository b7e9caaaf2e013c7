#pragma once
// Rigid transforms in millimetres. A pose is named after what it maps: X_CB takes coordinates
// in frame B (a board) to frame C (the case), so p_C = X_CB * p_B and X_CA = X_CB * X_BA.
#include <glm/glm.hpp>

namespace rigfit::geo {

using Vec3 = glm::dvec3;
using Mat3 = glm::dmat3; // column-major: R[i] is the image of axis i

struct Pose {
  Mat3 R{1.0}; // rotation, orthonormal with determinant +1
  Vec3 t{0.0}; // translation

  static Pose translation(const Vec3& t) { return {Mat3{1.0}, t}; }

  Vec3 operator*(const Vec3& p) const { return R * p + t; }
  Pose operator*(const Pose& o) const { return {R * o.R, R * o.t + t}; }
  Pose inverse() const {
    Mat3 Rt = glm::transpose(R);
    return {Rt, -(Rt * t)};
  }
  Vec3 rotate(const Vec3& v) const { return R * v; }
};

} // namespace rigfit::geo
