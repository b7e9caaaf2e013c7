#include "geometry/clearance.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <glm/gtc/quaternion.hpp>
#include <random>
#include <vector>

using namespace rigfit::geo;

namespace {

Box cube(Vec3 centre, Vec3 half, Mat3 R = Mat3(1.0)) {
  return {Pose{R, centre}, half};
}

Mat3 rotZ(double rad) {
  return Mat3(glm::mat3_cast(glm::angleAxis(rad, Vec3(0.0, 0.0, 1.0))));
}

// [SECTION] Brute-force reference, independent of the engine's algorithms: the boxes' Minkowski
// difference A - B is the convex hull of the 64 differences of their corners. They overlap when
// the origin is inside that hull; the penetration is then the distance from the origin to the
// nearest supporting plane, and the separation otherwise is the distance from the origin to the
// nearest triangle of hull points (every such triangle lies in the hull, and the boundary is
// made of them).

double pointSegment(const Vec3& p, const Vec3& a, const Vec3& b) {
  Vec3 ab = b - a;
  double den = glm::dot(ab, ab);
  double t = den > 0 ? std::clamp(glm::dot(p - a, ab) / den, 0.0, 1.0) : 0.0;
  return glm::length(p - (a + t * ab));
}

double pointTriangle(const Vec3& p, const Vec3& a, const Vec3& b, const Vec3& c) {
  Vec3 n = glm::cross(b - a, c - a);
  double nn = glm::dot(n, n);
  double best = std::min({pointSegment(p, a, b), pointSegment(p, b, c), pointSegment(p, c, a)});
  if (nn < 1e-18) return best;
  Vec3 q = p - glm::dot(p - a, n) / nn * n; // projection onto the plane
  // q is inside when it is on the inner side of all three edges.
  bool inside = glm::dot(glm::cross(b - a, q - a), n) >= 0 &&
                glm::dot(glm::cross(c - b, q - b), n) >= 0 &&
                glm::dot(glm::cross(a - c, q - c), n) >= 0;
  return inside ? std::min(best, glm::length(p - q)) : best;
}

double bruteForceClearance(const Box& a, const Box& b) {
  std::vector<Vec3> m;
  for (const Vec3& pa : a.corners())
    for (const Vec3& pb : b.corners())
      m.push_back(pa - pb);
  const size_t n = m.size();
  double scale = 0;
  for (const Vec3& p : m)
    scale = std::max(scale, glm::length(p));
  const double eps = 1e-9 * std::max(scale, 1.0);
  bool outside = false;
  double depth = INFINITY;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      for (size_t k = j + 1; k < n; ++k) {
        Vec3 nrm = glm::cross(m[j] - m[i], m[k] - m[i]);
        double len = glm::length(nrm);
        if (len < 1e-9) continue;
        nrm /= len;
        bool below = true, above = true;
        for (const Vec3& p : m) {
          double s = glm::dot(p - m[i], nrm);
          below &= s <= eps;
          above &= s >= -eps;
        }
        if (!below && !above) continue; // not a supporting plane
        Vec3 out = below ? nrm : -nrm;
        double originSide = -glm::dot(m[i], out);
        if (originSide > eps) outside = true;
        depth = std::min(depth, -originSide);
      }
  if (!outside) return -depth;
  double dist = INFINITY;
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n; ++j)
      for (size_t k = j + 1; k < n; ++k)
        dist = std::min(dist, pointTriangle(Vec3(0.0), m[i], m[j], m[k]));
  return dist;
}

// Distance from p to a box (0 inside): clamp in the box's frame.
double pointBox(const Vec3& p, const Box& b) {
  Vec3 local = glm::transpose(b.X_WB.R) * (p - b.X_WB.t);
  return glm::length(local - glm::clamp(local, -b.half, b.half));
}

Mat3 randomRotation(std::mt19937& rng) {
  std::normal_distribution<double> g(0.0, 1.0);
  glm::dquat q(g(rng), g(rng), g(rng), g(rng));
  return Mat3(glm::mat3_cast(glm::normalize(q)));
}

// One of the 24 rotations that map axes onto axes.
Mat3 randomAxisRotation(std::mt19937& rng) {
  int perm[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
  auto& p = perm[rng() % 6];
  Mat3 R(0.0);
  for (int c = 0; c < 3; ++c)
    R[c][p[c]] = (rng() & 1) ? 1.0 : -1.0;
  if (glm::determinant(R) < 0) R[2] = -R[2];
  return R;
}

Box randomBox(std::mt19937& rng, bool axisAligned) {
  std::uniform_real_distribution<double> size(1.0, 60.0), pos(-60.0, 60.0);
  return {Pose{axisAligned ? randomAxisRotation(rng) : randomRotation(rng),
               Vec3(pos(rng), pos(rng), pos(rng))},
          Vec3(size(rng), size(rng), size(rng)) * 0.5};
}

void checkAgainstReference(const Box& a, const Box& b) {
  double ref = bruteForceClearance(a, b);
  Clearance ab = clearance(a, b);
  Clearance ba = clearance(b, a);
  INFO("reference " << ref << " engine " << ab.distanceMm << " / " << ba.distanceMm);
  REQUIRE(ab.distanceMm == Approx(ref).margin(1e-6));
  REQUIRE(ba.distanceMm == Approx(ref).margin(1e-6));
  REQUIRE(clearanceDistance(a, b) == Approx(ab.distanceMm).margin(1e-9));
  REQUIRE(glm::length(ab.normal) == Approx(1.0));
  REQUIRE(glm::dot(ab.normal, ba.normal) == Approx(-1.0).margin(1e-6));
  // The witness points lie on their boxes; when apart they are exactly the distance apart.
  REQUIRE(pointBox(ab.pointA, a) < 1e-6);
  REQUIRE(pointBox(ab.pointB, b) < 1e-6);
  if (ref > 1e-6) REQUIRE(glm::length(ab.pointB - ab.pointA) == Approx(ref).margin(1e-6));
}

} // namespace

TEST_CASE("aligned boxes: apart, touching, overlapping", "[geometry]") {
  Box a = cube({0, 0, 0}, {10, 10, 10});
  // B's near face at x = 15: a 5 mm gap along x.
  CHECK(clearance(a, cube({20, 0, 0}, {5, 5, 5})).distanceMm == Approx(5.0));
  // Apart by 3 on x and 4 on y: the corner gap is the hypotenuse, 5 mm.
  CHECK(clearance(a, cube({18, 19, 0}, {5, 5, 5})).distanceMm == Approx(5.0));
  // Touching faces: 0, and not an overlap.
  Box touching = cube({15, 0, 0}, {5, 5, 5});
  CHECK(clearance(a, touching).distanceMm == Approx(0.0).margin(1e-12));
  CHECK_FALSE(overlaps(a, touching));
  // B reaches 2 mm into A along x: the least separating move is 2 mm along +x.
  Clearance c = clearance(a, cube({13, 0, 0}, {5, 5, 5}));
  CHECK(c.distanceMm == Approx(-2.0));
  CHECK(c.normal.x == Approx(1.0));
  CHECK(overlaps(a, cube({13, 0, 0}, {5, 5, 5})));
  // A small box deep inside, spanning x 2..4: it leaves fastest through A's +x face, moving
  // until its far face (x = 2) reaches x = 10: 8 mm.
  CHECK(clearance(a, cube({3, 0, 0}, {1, 1, 1})).distanceMm == Approx(-8.0));
}

TEST_CASE("a box turned 45 degrees about z", "[geometry]") {
  Box a = cube({0, 0, 0}, {1, 1, 1});
  // B's edge points at A: it reaches x = 5 - sqrt(2), so the gap is 4 - sqrt(2).
  Box far = cube({5, 0, 0}, {1, 1, 1}, rotZ(M_PI / 4));
  CHECK(clearance(a, far).distanceMm == Approx(4.0 - std::sqrt(2.0)));
  CHECK(clearance(far, a).distanceMm == Approx(4.0 - std::sqrt(2.0)));
  // At x = 2 the edge reaches x = 2 - sqrt(2) = 0.586, inside A's face at x = 1: overlap
  // sqrt(2) - 1 along x (B's own face normals would need a 1 mm move).
  Box near = cube({2, 0, 0}, {1, 1, 1}, rotZ(M_PI / 4));
  CHECK(clearance(a, near).distanceMm == Approx(-(std::sqrt(2.0) - 1.0)));
  CHECK(clearance(near, a).distanceMm == Approx(-(std::sqrt(2.0) - 1.0)));
}

TEST_CASE("seeded sweep: rotated boxes against the brute-force reference", "[geometry]") {
  std::mt19937 rng(12345);
  for (int i = 0; i < 150; ++i) {
    Box a = randomBox(rng, false), b = randomBox(rng, false);
    checkAgainstReference(a, b);
  }
}

TEST_CASE("seeded sweep: axis-aligned boxes against the brute-force reference", "[geometry]") {
  std::mt19937 rng(54321);
  for (int i = 0; i < 150; ++i) {
    Box a = randomBox(rng, true), b = randomBox(rng, true);
    checkAgainstReference(a, b);
  }
}

TEST_CASE("seeded sweep: near-contact pairs", "[geometry]") {
  // Move B along the clearance normal to a chosen gap: 0.5 mm apart, exactly touching, and a
  // hair (0.005 mm, half the touch tolerance) either side of touching. Both argument orders.
  std::mt19937 rng(777);
  for (int i = 0; i < 100; ++i) {
    Box a = randomBox(rng, i % 2 == 0), b = randomBox(rng, i % 2 == 0);
    double d = bruteForceClearance(a, b);
    Clearance c = clearance(a, b);
    // Move B by (0.5 - d) along the normal: the gap becomes exactly 0.5 mm (for d > 0, along
    // the closest direction; for d < 0, along the least separating direction).
    for (double gap : {0.5, 0.0, 0.005, -0.005}) {
      Box moved = b;
      moved.X_WB.t += c.normal * (gap - d);
      INFO("gap " << gap);
      // Apart or touching, the distance falls exactly as B moves along the closest-points
      // direction. Pushed past touching, the least separating move may be shorter than the
      // push (a corner entering a face at a slant), so the reference decides.
      double expect = gap >= 0 ? gap : bruteForceClearance(a, moved);
      CHECK(clearance(a, moved).distanceMm == Approx(expect).margin(1e-6));
      CHECK(clearance(moved, a).distanceMm == Approx(expect).margin(1e-6));
      CHECK(expect >= gap - 1e-9);
      CHECK_FALSE(overlaps(a, moved)); // within the touch tolerance either way
    }
  }
}

TEST_CASE("axis-aligned box signed distance", "[geometry]") {
  Aabb a{{0, 0, 0}, {10, 10, 10}};
  CHECK(signedDistance(a, Aabb{{12, 0, 0}, {20, 10, 10}}) == Approx(2.0));
  CHECK(signedDistance(Aabb{{12, 0, 0}, {20, 10, 10}}, a) == Approx(2.0));
  CHECK(signedDistance(a, Aabb{{9, 9, 9}, {20, 20, 20}}) == Approx(-1.0));
  CHECK(signedDistance(a, Aabb{{10, 0, 0}, {20, 10, 10}}) == Approx(0.0));
}

TEST_CASE("overlapBeyond is signedDistance below minus the margin", "[geometry][boundary]") {
  const double by = 0.01;
  Aabb a{{0, 0, 0}, {10, 10, 10}};
  // Overlapping by exactly the margin on one axis: not beyond it; a hair more is.
  CHECK_FALSE(overlapBeyond(a, Aabb{{9.99, 0, 0}, {20, 10, 10}}, by));
  CHECK(overlapBeyond(a, Aabb{{9.98, 0, 0}, {20, 10, 10}}, by));
  CHECK_FALSE(overlapBeyond(a, Aabb{{10, 0, 0}, {20, 10, 10}}, by)); // touching
  CHECK_FALSE(overlapBeyond(a, Aabb{{5, 12, 5}, {6, 13, 6}}, by));   // apart on one axis
  CHECK(overlapBeyond(a, Aabb{{2, 2, 2}, {3, 3, 3}}, by));           // inside
  // Against the distance itself, over boxes on a 0.005 mm grid around the boundaries: on each
  // axis the other box reaches just past a's low face, just past its high face, or lies deep
  // inside, so every axis is tried at its edge, alone and together.
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> step(-6, 6), kind(0, 2);
  int beyond = 0, notBeyond = 0;
  for (int k = 0; k < 30000; ++k) {
    Aabb o;
    for (int i = 0; i < 3; ++i) {
      const int k3 = kind(rng);
      const double e = 0.005 * step(rng);
      if (k3 == 0) o.lo[i] = -3, o.hi[i] = e;      // over a's low face by about nothing
      if (k3 == 1) o.lo[i] = 10 + e, o.hi[i] = 13; // over its high face
      if (k3 == 2) o.lo[i] = 2 + e, o.hi[i] = 8;   // deep inside
    }
    const bool got = overlapBeyond(a, o, by);
    REQUIRE(got == (signedDistance(a, o) < -by));
    (got ? beyond : notBeyond) += 1;
  }
  // Both answers came up many times: the boundary was crossed, not missed.
  CHECK(beyond > 1000);
  CHECK(notBeyond > 1000);
}

TEST_CASE("poses compose and invert", "[geometry]") {
  Pose X_CB{rotZ(M_PI / 2), {10, 0, 0}};
  Pose X_BA = Pose::translation({1, 2, 3});
  Vec3 p_A{1, 0, 0};
  Vec3 p_C = (X_CB * X_BA) * p_A;
  CHECK(p_C.x == Approx(10 - 2));
  CHECK(p_C.y == Approx(2));
  CHECK(p_C.z == Approx(3));
  Vec3 back = (X_CB * X_BA).inverse() * p_C;
  CHECK(back.x == Approx(1));
  CHECK(back.y == Approx(0).margin(1e-12));
}
