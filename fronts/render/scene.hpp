#pragma once
// What gets drawn: boxes and meshes in the case frame with their colours, made from a build by
// one sink of the engine's draw walk (draw/draw.hpp). The OpenGL painter draws a Scene; so does
// the offscreen renderer (renderer.hpp).
#include "assembly/build.hpp"
#include "draw/palette.hpp"
#include "fit/finding.hpp"
#include "mesh.hpp"

#include <glm/glm.hpp>
#include <memory>
#include <string>
#include <vector>

namespace rigfit::render {

struct DrawBox {
  geo::Box box;
  glm::vec4 rgba{0.5f, 0.5f, 0.5f, 1.0f};
  bool filled = true; // false: edges only (see-through case panels, keep-outs)
  bool onTop = false; // drawn over everything, half see-through: an overlap inside two bodies
};

// A part drawn from its mesh, posed in the case frame.
struct DrawMesh {
  std::shared_ptr<const Mesh> mesh;
  geo::Pose X_CP;
  glm::vec4 rgba{0.5f, 0.5f, 0.5f, 1.0f};
};

// A circle in its pose's XY plane, around its origin: a fan, a free fan place on a panel.
struct DrawRing {
  geo::Pose X;
  double radius = 0;
  glm::vec4 rgba{0.5f, 0.5f, 0.5f, 1.0f};
};

// Words at a point, for the fronts that draw text (the viewer numbers the rear openings and
// names an empty PSU bay); the offscreen renderer draws none.
struct DrawLabel {
  glm::dvec3 at; // case frame
  std::string text;
};

struct Scene {
  std::vector<DrawBox> boxes; // the parts' solids, overlaps and keep-outs
  std::vector<DrawMesh> meshes;
  // Pictures of what is not a part's solid: the rear openings, free radiator places and PSU
  // bays (edges), a board's free DIMM sockets.
  std::vector<DrawBox> details;
  // The case's panels, tray and shroud, see-through: drawn after everything solid.
  std::vector<DrawBox> glass;
  std::vector<DrawRing> rings;
  std::vector<DrawLabel> labels;
  geo::Aabb bounds; // what the camera frames: the case interior
};

// A palette colour (draw/palette.hpp) as OpenGL takes it.
glm::vec4 rgba(draw::Rgb c, float alpha = 1.0f);

// What a scene shows besides the parts.
struct SceneStyle {
  bool showCase = true;  // the case: its panels, openings and places (hidden, the parts alone)
  bool overlaps = true;  // each failing overlap as a red volume where the parts meet
  bool sidePanel = true; // the window-side panel's glass (off: the case seen with it removed)
};

// The scene of a build (draw/draw.hpp says what it shows): parts coloured by category, parts a
// failing finding names red, the case as see-through panels over the edges of its interior,
// with its rear openings and free fan places; fans drawn as rings on cards and coolers that
// have no mesh. With `meshes`, a part
// whose spec names a usable mesh is drawn from it instead of its body boxes.
Scene sceneOf(const Assembly& assembly, const std::vector<Finding>& findings,
              MeshLibrary* meshes = nullptr, const SceneStyle& style = {});

} // namespace rigfit::render
