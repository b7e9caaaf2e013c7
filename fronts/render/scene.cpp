#include "assembly/world.hpp"
#include "catalog/category.hpp"
#include "renderer.hpp"

#include <algorithm>
#include <set>

namespace rigfit::render {

const char* toString(View v) {
  switch (v) {
  case View::Iso:
    return "iso";
  case View::Front:
    return "front";
  case View::Side:
    return "side";
  case View::Top:
    return "top";
  }
  return "?";
}

std::optional<View> viewFromString(const std::string& s) {
  for (View v : {View::Iso, View::Front, View::Side, View::Top})
    if (s == toString(v)) return v;
  return std::nullopt;
}

namespace {

// A category's colour (catalog/category.hpp), for OpenGL.
glm::vec4 colourOf(Category c) {
  const auto& rgb = describe(c).colour;
  return {rgb[0] / 255.0f, rgb[1] / 255.0f, rgb[2] / 255.0f, 1.0f};
}

// Where a failing overlap is: the common volume of the two parts' solids that meet (bodies and
// keep-outs); none when they have none in common (rotated boxes).
std::vector<geo::Aabb> overlapVolumes(const World& w, const Finding& f) {
  std::vector<geo::Aabb> out;
  auto solidsOf = [&](const std::string& id) {
    std::vector<const WorldSolid*> v;
    for (const WorldSolid& ws : w.solids)
      // Material and hard keep-outs; not mounting surfaces (a card's edge sits in its slot) or
      // soft keep-outs (they only warn).
      if (w.itemOf(ws).id == id && !ws.solid->datum &&
          (ws.solid->role == SolidRole::Body ||
           (ws.solid->role == SolidRole::Keepout && !ws.solid->soft)))
        v.push_back(&ws);
    return v;
  };
  if (f.parts.size() == 2)
    for (const WorldSolid* a : solidsOf(f.parts[0]))
      for (const WorldSolid* b : solidsOf(f.parts[1])) {
        geo::Aabb common{glm::max(a->bounds.lo, b->bounds.lo),
                         glm::min(a->bounds.hi, b->bounds.hi)};
        glm::dvec3 size = common.hi - common.lo;
        if (size.x > 0 && size.y > 0 && size.z > 0) out.push_back(common);
      }
  return out;
}

} // namespace

geo::Aabb caseInterior(const Assembly& assembly) {
  const Part& chassis = *assembly.items.front().part;
  return {{0, 0, 0},
          {chassis.figures.at("interior_depth_mm").value,
           chassis.figures.at("interior_height_mm").value, chassis.chassis->sidePanelZ}};
}

// A failing overlap's region, a little larger than itself so that it shows through the two
// bodies it lies in; a measured segment (two witness points) gets this much thickness.
constexpr double kOverlapInflateMm = 0.8;

Scene sceneOf(const Assembly& assembly, const FitResult& result, MeshLibrary* meshes,
              const SceneStyle& style) {
  World w = makeWorld(assembly);
  Scene s;
  s.bounds = caseInterior(assembly);
  std::vector<std::string> failing;
  for (const Finding& f : result.findings)
    if (f.severity == Severity::Fail) failing.insert(failing.end(), f.parts.begin(), f.parts.end());
  // The case as the edges of its interior: the side panel see-through.
  if (style.showCase)
    s.boxes.push_back({geo::Box::fromAabb(s.bounds), {0.1f, 0.1f, 0.1f, 1.0f}, false});
  auto colour = [&](const Placed& p) {
    bool bad = std::find(failing.begin(), failing.end(), p.id) != failing.end();
    return bad ? glm::vec4{0.78f, 0.16f, 0.16f, 1.0f} : colourOf(p.part->category);
  };
  std::vector<const Placed*> meshed;
  if (meshes)
    for (const Placed& p : assembly.items)
      // A mesh fits the part's own boxes; options (a raised fan) change those, so such a part
      // is drawn from its boxes.
      if (p.part->category != Category::Case && p.options.empty() && p.placed)
        if (std::shared_ptr<const Mesh> m = meshes->of(*p.part)) {
          s.meshes.push_back({m, p.X_CP, colour(p)});
          meshed.push_back(&p);
        }
  for (const WorldSolid& ws : w.solids) {
    const Placed& p = w.itemOf(ws);
    if (p.part->category == Category::Case) continue;
    if (ws.solid->role == SolidRole::Airflow) continue;
    glm::vec4 c = colour(p);
    bool isMeshed = std::find(meshed.begin(), meshed.end(), &p) != meshed.end();
    if (ws.solid->role == SolidRole::Body && isMeshed) continue;
    if (ws.solid->role == SolidRole::Keepout)
      s.boxes.push_back({ws.box, {0.94f, 0.42f, 0.0f, 1.0f}, false});
    else
      s.boxes.push_back({ws.box, c, true});
  }
  // A pair of parts overlapping in several solid pairs has a finding for each, and each would
  // draw the same common volumes: a pair's are drawn once. Without common volumes (rotated
  // boxes), the finding's own box.
  std::set<std::pair<std::string, std::string>> pairsDrawn;
  auto volumes = [&](const Finding& f) -> std::vector<geo::Aabb> {
    std::vector<geo::Aabb> v = overlapVolumes(w, f);
    if (!v.empty()) {
      if (!pairsDrawn.insert(std::minmax(f.parts[0], f.parts[1])).second) return {};
      return v;
    }
    if (f.where) return {*f.where};
    return {};
  };
  if (style.overlaps)
    for (const Finding& f : result.findings)
      if (f.severity == Severity::Fail && f.measured && *f.measured < 0 && f.unit == Unit::Mm)
        for (const geo::Aabb& v : volumes(f))
          s.boxes.push_back({geo::Box::fromAabb(v.inflated(kOverlapInflateMm)),
                             {1.0f, 0.05f, 0.45f, 0.6f}, // brighter than a failing part
                             true,
                             true});
  return s;
}

} // namespace rigfit::render
