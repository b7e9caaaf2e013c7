#include "geometry/clearance.hpp"

#include <algorithm>
#include <cmath>

namespace rigfit::geo {
namespace {

// Entries of a rotation closer than this to 0 or 1 make two frames count as aligned; 1e-9 is a
// rotation error of 1e-9 rad, a nanometre over a metre-long part.
constexpr double kAlignedEps = 1e-9;

// If R_AB maps axes onto axes (a signed permutation), B is an axis-aligned box in A's frame.
bool aligned(const Mat3& R_AB) {
  for (int j = 0; j < 3; ++j) {
    int ones = 0;
    for (int i = 0; i < 3; ++i) {
      double v = std::abs(R_AB[j][i]);
      if (v > 1.0 - kAlignedEps)
        ++ones;
      else if (v > kAlignedEps)
        return false;
    }
    if (ones != 1) return false;
  }
  return true;
}

// B as an AABB in A's frame (valid only when aligned).
Aabb boxInFrameOfA(const Box& a, const Box& b, const Mat3& R_AB) {
  Vec3 c = glm::transpose(a.X_WB.R) * (b.X_WB.t - a.X_WB.t);
  Vec3 e{0.0};
  for (int j = 0; j < 3; ++j)
    e += glm::abs(R_AB[j]) * b.half[j];
  return {c - e, c + e};
}

Clearance alignedClearance(const Box& a, const Aabb& bA) {
  Aabb aA{-a.half, a.half};
  Clearance out;
  Vec3 pA, pB, nA{0.0};
  bool apart = false;
  double gapSq = 0.0, deepest = -INFINITY;
  int deepestAxis = 0;
  for (int i = 0; i < 3; ++i) {
    double gapHi = bA.lo[i] - aA.hi[i]; // B beyond A on +i
    double gapLo = aA.lo[i] - bA.hi[i]; // B beyond A on -i
    double gap = std::max(gapHi, gapLo);
    double sign = gapHi >= gapLo ? 1.0 : -1.0;
    if (gap > 0.0) {
      apart = true;
      gapSq += gap * gap;
      pA[i] = sign > 0 ? aA.hi[i] : aA.lo[i];
      pB[i] = sign > 0 ? bA.lo[i] : bA.hi[i];
    } else {
      // The intervals share [max lo, min hi]; both points sit in its middle on this axis.
      double mid = 0.5 * (std::max(aA.lo[i], bA.lo[i]) + std::min(aA.hi[i], bA.hi[i]));
      pA[i] = pB[i] = mid;
    }
    if (gap > deepest) {
      deepest = gap;
      deepestAxis = i;
      nA = Vec3(0.0);
      nA[i] = sign;
    }
  }
  if (apart) {
    out.distanceMm = std::sqrt(gapSq);
    nA = (pB - pA) / out.distanceMm;
  } else {
    out.distanceMm = deepest;
    int i = deepestAxis;
    pA[i] = nA[i] > 0 ? aA.hi[i] : aA.lo[i];
    pB[i] = nA[i] > 0 ? bA.lo[i] : bA.hi[i];
  }
  out.pointA = a.X_WB * pA;
  out.pointB = a.X_WB * pB;
  out.normal = a.X_WB.R * nA;
  return out;
}

// Least penetration of two overlapping boxes over the 15 separating axes (3 + 3 face normals,
// 9 edge-pair cross products): for convex polytopes the minimum translation lies along one of
// them. Returns false, leaving `out` alone, if some axis separates the boxes.
bool satPenetration(const Box& a, const Box& b, Clearance& out, Vec3& separatingAxis) {
  const Mat3& A = a.X_WB.R;
  const Mat3& B = b.X_WB.R;
  Vec3 d = b.X_WB.t - a.X_WB.t;
  double best = INFINITY;
  Vec3 bestAxis{1.0, 0.0, 0.0};
  auto test = [&](Vec3 L) {
    double len = glm::length(L);
    if (len < 1e-9) return true; // parallel edges: their face axes cover this direction
    L /= len;
    double rA = 0.0, rB = 0.0;
    for (int i = 0; i < 3; ++i) {
      rA += std::abs(glm::dot(L, A[i])) * a.half[i];
      rB += std::abs(glm::dot(L, B[i])) * b.half[i];
    }
    double s = glm::dot(L, d);
    double overlap = rA + rB - std::abs(s);
    if (overlap < 0.0) {
      separatingAxis = s >= 0.0 ? L : -L; // from A toward B
      return false;
    }
    if (overlap < best) {
      best = overlap;
      bestAxis = s >= 0.0 ? L : -L;
    }
    return true;
  };
  for (int i = 0; i < 3; ++i)
    if (!test(A[i]) || !test(B[i])) return false;
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j)
      if (!test(glm::cross(A[i], B[j]))) return false;
  out.distanceMm = -best;
  out.normal = bestAxis;
  out.pointA = a.support(bestAxis);
  out.pointB = b.support(-bestAxis);
  return true;
}

// [SECTION] GJK distance, after Gilbert, Johnson and Keerthi (1988), with the simplex
// sub-problems solved by Voronoi-region tests as in Ericson, Real-Time Collision Detection,
// 5.1.2 (segment), 5.1.5 (triangle) and 5.1.6 (tetrahedron).

struct Vertex {
  Vec3 w, a, b; // w = a - b, a on box A, b on box B
};

struct Simplex {
  Vertex v[4];
  double lambda[4];
  int n = 0;
  Vec3 closest{0.0};
};

void setClosest(Simplex& s) {
  s.closest = Vec3(0.0);
  for (int i = 0; i < s.n; ++i)
    s.closest += s.lambda[i] * s.v[i].w;
}

void keep(Simplex& s, std::initializer_list<std::pair<int, double>> picks) {
  Vertex v[4];
  double l[4];
  int n = 0;
  for (auto [i, lam] : picks) {
    v[n] = s.v[i];
    l[n++] = lam;
  }
  for (int i = 0; i < n; ++i) {
    s.v[i] = v[i];
    s.lambda[i] = l[i];
  }
  s.n = n;
  setClosest(s);
}

void solveSegment(Simplex& s, int i0, int i1) {
  Vec3 a = s.v[i0].w, ab = s.v[i1].w - a;
  double den = glm::dot(ab, ab);
  double t = den > 0.0 ? std::clamp(-glm::dot(a, ab) / den, 0.0, 1.0) : 0.0;
  if (t <= 0.0)
    keep(s, {{i0, 1.0}});
  else if (t >= 1.0)
    keep(s, {{i1, 1.0}});
  else
    keep(s, {{i0, 1.0 - t}, {i1, t}});
}

void solveTriangle(Simplex& s, int ia, int ib, int ic) {
  Vec3 a = s.v[ia].w, b = s.v[ib].w, c = s.v[ic].w;
  Vec3 ab = b - a, ac = c - a, ap = -a;
  double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0.0 && d2 <= 0.0) return keep(s, {{ia, 1.0}});
  Vec3 bp = -b;
  double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0.0 && d4 <= d3) return keep(s, {{ib, 1.0}});
  double vc = d1 * d4 - d3 * d2;
  if (vc <= 0.0 && d1 >= 0.0 && d3 <= 0.0) {
    double t = d1 / (d1 - d3);
    return keep(s, {{ia, 1.0 - t}, {ib, t}});
  }
  Vec3 cp = -c;
  double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0.0 && d5 <= d6) return keep(s, {{ic, 1.0}});
  double vb = d5 * d2 - d1 * d6;
  if (vb <= 0.0 && d2 >= 0.0 && d6 <= 0.0) {
    double t = d2 / (d2 - d6);
    return keep(s, {{ia, 1.0 - t}, {ic, t}});
  }
  double va = d3 * d6 - d5 * d4;
  if (va <= 0.0 && (d4 - d3) >= 0.0 && (d5 - d6) >= 0.0) {
    double t = (d4 - d3) / ((d4 - d3) + (d5 - d6));
    return keep(s, {{ib, 1.0 - t}, {ic, t}});
  }
  double sum = va + vb + vc;
  if (!(sum > 0.0)) return solveSegment(s, ia, ib); // degenerate (collinear) triangle
  double v = vb / sum, w = vc / sum;
  keep(s, {{ia, 1.0 - v - w}, {ib, v}, {ic, w}});
}

// Returns false when the origin lies inside the tetrahedron (the boxes intersect).
bool solveTetrahedron(Simplex& s) {
  static constexpr int kFaces[4][4] = {{0, 1, 2, 3}, {0, 1, 3, 2}, {0, 2, 3, 1}, {1, 2, 3, 0}};
  double bestSq = INFINITY;
  Simplex best;
  bool outsideAny = false;
  for (const auto& f : kFaces) {
    Vec3 a = s.v[f[0]].w;
    Vec3 n = glm::cross(s.v[f[1]].w - a, s.v[f[2]].w - a);
    double sideOrigin = glm::dot(-a, n);
    double sideOpposite = glm::dot(s.v[f[3]].w - a, n);
    // The origin is outside this face when it lies on the other side from the fourth vertex;
    // a flat tetrahedron (sideOpposite == 0) has every face worth trying.
    bool outside = sideOrigin * sideOpposite < 0.0 || sideOpposite == 0.0;
    if (!outside) continue;
    outsideAny = true;
    Simplex t = s;
    solveTriangle(t, f[0], f[1], f[2]);
    double dSq = glm::dot(t.closest, t.closest);
    if (dSq < bestSq) {
      bestSq = dSq;
      best = t;
    }
  }
  if (!outsideAny) {
    // The origin is inside: the boxes touch (the origin sits on the Minkowski difference's
    // boundary, inside this tetrahedron only by rounding). Distance 0, with the witness points
    // at the origin's barycentric coordinates, from the signed volumes.
    auto vol = [](const Vec3& a, const Vec3& b, const Vec3& c, const Vec3& d) {
      return glm::dot(b - a, glm::cross(c - a, d - a));
    };
    const Vec3 o(0.0), w0 = s.v[0].w, w1 = s.v[1].w, w2 = s.v[2].w, w3 = s.v[3].w;
    double total = vol(w0, w1, w2, w3);
    if (total != 0.0) {
      s.lambda[0] = vol(o, w1, w2, w3) / total;
      s.lambda[1] = vol(w0, o, w2, w3) / total;
      s.lambda[2] = vol(w0, w1, o, w3) / total;
      s.lambda[3] = vol(w0, w1, w2, o) / total;
    } else {
      for (double& l : s.lambda)
        l = 0.25;
    }
    s.closest = Vec3(0.0);
    return false;
  }
  s = best;
  return true;
}

// Exact distance of two boxes known to be apart: the SAT found `axis` (from A toward B)
// separating them, which is also the normal if they turn out to touch.
Clearance gjkDistance(const Box& a, const Box& b, const Vec3& axis) {
  Simplex s;
  // v is the current closest point of A - B, and pA, pB its witnesses: v = pA - pB. The
  // centres give the first such point.
  Vec3 pA = a.X_WB.t, pB = b.X_WB.t;
  Vec3 v = pA - pB;
  if (glm::dot(v, v) == 0.0) v = Vec3(1.0, 0.0, 0.0);
  for (int iter = 0; iter < 64; ++iter) {
    Vertex w{Vec3(0.0), a.support(-v), b.support(v)};
    w.w = w.a - w.b;
    double vv = glm::dot(v, v);
    // No support point gets closer than the current one: v is the closest point, up to a
    // relative 1e-12 of its squared length.
    if (s.n > 0 && vv - glm::dot(v, w.w) <= 1e-12 * vv) break;
    bool repeat = false;
    for (int i = 0; i < s.n; ++i)
      repeat |= s.v[i].w == w.w;
    if (repeat) break;
    s.v[s.n] = w;
    s.lambda[s.n] = 0.0;
    ++s.n;
    bool touching = false;
    switch (s.n) {
    case 1:
      keep(s, {{0, 1.0}});
      break;
    case 2:
      solveSegment(s, 0, 1);
      break;
    case 3:
      solveTriangle(s, 0, 1, 2);
      break;
    default:
      touching = !solveTetrahedron(s);
    }
    if (!touching && glm::dot(s.closest, s.closest) >= vv && iter > 0) break; // no progress
    v = s.closest;
    pA = pB = Vec3(0.0);
    for (int i = 0; i < s.n; ++i) {
      pA += s.lambda[i] * s.v[i].a;
      pB += s.lambda[i] * s.v[i].b;
    }
    if (touching || glm::dot(v, v) < 1e-24) break;
  }
  Clearance out;
  out.pointA = pA;
  out.pointB = pB;
  out.distanceMm = glm::length(v);
  out.normal = out.distanceMm > 0.0 ? -v / out.distanceMm : axis;
  return out;
}

} // namespace

Clearance clearance(const Box& a, const Box& b) {
  Mat3 R_AB = glm::transpose(a.X_WB.R) * b.X_WB.R;
  if (aligned(R_AB)) return alignedClearance(a, boxInFrameOfA(a, b, R_AB));
  Clearance out;
  Vec3 axis;
  if (satPenetration(a, b, out, axis)) return out;
  return gjkDistance(a, b, axis);
}

double clearanceDistance(const Box& a, const Box& b) {
  Mat3 R_AB = glm::transpose(a.X_WB.R) * b.X_WB.R;
  if (aligned(R_AB)) return signedDistance(Aabb{-a.half, a.half}, boxInFrameOfA(a, b, R_AB));
  return clearance(a, b).distanceMm;
}

} // namespace rigfit::geo
