#pragma once
// Private to the catalog: the small tools every category's shapes are made with (boxes from
// corners, named solids, mounts), and the case's limit surfaces, which options rebuild.
#include "catalog/part.hpp"
#include "catalog/standards.hpp"

#include <string>
#include <vector>

namespace rigfit::shape_kit {

using geo::Aabb;
using geo::Pose;
using geo::Vec3;
namespace st = standard;

inline Aabb box(double x0, double x1, double y0, double y1, double z0, double z1) {
  return Aabb::fromCorners({x0, y0, z0}, {x1, y1, z1});
}

// A solid the checks measure; a soft keep-out warns rather than fails.
inline void add(Part& p, std::string name, SolidRole role, Aabb b, std::vector<std::string> est,
                bool soft = false) {
  p.solids.push_back({std::move(name), role, b, soft, false, std::move(est), std::nullopt, ""});
}

// A surface parts rest on (a tray, a slot): touching it is by design.
inline void addDatum(Part& p, std::string name, Aabb b, std::vector<std::string> est) {
  p.solids.push_back(
      {std::move(name), SolidRole::Body, b, false, true, std::move(est), std::nullopt, ""});
}

inline std::vector<std::string> plus(std::vector<std::string> a,
                                     const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

inline Mount makeMount(std::string name, MountKind kind, const Pose& X_PM,
                       std::vector<std::string> accepts, std::vector<std::string> mates) {
  Mount m;
  m.name = std::move(name);
  m.kind = kind;
  m.X_PM = X_PM;
  m.accepts = std::move(accepts);
  m.mates = std::move(mates);
  return m;
}

inline double fig(const Part& p, const char* name) {
  return p.figures.at(name).value;
}

// Panels are solids a metre thick: only their inner faces are real, and the thickness makes an
// overlap's least separating move always the one back through that face (a thin wall would cap
// a 30 mm intrusion at its own thickness). Limit surfaces are as deep.
inline constexpr double kWall = 1000.0;

// The case's published limits as surfaces, with the pieces the options take out taken out
// (categories/case.cpp).
void addLimitSolids(const Part& p, std::vector<Solid>& out, const Options& options);

} // namespace rigfit::shape_kit
