#include "fit/world.hpp"
#include "renderer.hpp"

#include <algorithm>

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

glm::vec4 colourOf(Category c) {
  switch (c) {
  case Category::Motherboard:
    return {0.18f, 0.49f, 0.20f, 1.0f};
  case Category::Gpu:
    return {0.22f, 0.28f, 0.31f, 1.0f};
  case Category::Psu:
    return {0.38f, 0.38f, 0.38f, 1.0f};
  case Category::Cooler:
    return {0.56f, 0.64f, 0.68f, 1.0f};
  case Category::Memory:
    return {0.42f, 0.11f, 0.60f, 1.0f};
  case Category::Storage:
    return {0.0f, 0.51f, 0.56f, 1.0f};
  case Category::Cpu:
    return {0.55f, 0.43f, 0.39f, 1.0f};
  case Category::Case:
    return {0.2f, 0.2f, 0.2f, 1.0f};
  }
  return {0.5f, 0.5f, 0.5f, 1.0f};
}

} // namespace

Scene sceneOf(const Assembly& assembly, const FitResult& result, MeshLibrary* meshes) {
  World w = makeWorld(assembly);
  const Part& chassis = *assembly.items.front().part;
  Scene s;
  s.bounds = {{0, 0, 0},
              {chassis.figures.at("interior_depth_mm").value,
               chassis.figures.at("interior_height_mm").value, chassis.chassis->sidePanelZ}};
  std::vector<std::string> failing;
  for (const Finding& f : result.findings)
    if (f.severity == Severity::Fail) failing.insert(failing.end(), f.parts.begin(), f.parts.end());
  // The case as the edges of its interior: the side panel see-through.
  s.boxes.push_back({geo::Box::fromAabb(s.bounds), {0.1f, 0.1f, 0.1f, 1.0f}, false});
  auto colour = [&](const Placed& p) {
    bool bad = std::find(failing.begin(), failing.end(), p.id) != failing.end();
    return bad ? glm::vec4{0.78f, 0.16f, 0.16f, 1.0f} : colourOf(p.part->category);
  };
  std::vector<const Placed*> meshed;
  if (meshes)
    for (const Placed& p : assembly.items)
      if (p.part->category != Category::Case)
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
  return s;
}

} // namespace rigfit::render
