#pragma once
// Drawing a build as a picture. The renderer sits behind this small interface so that fronts and
// their tests can run with no GPU: makeRenderer("mock") draws nothing but answers like the real
// one. The engine never includes this; fronts hand its pictures to the report as PNG bytes.
#include "assembly/build.hpp"
#include "common/result.hpp"
#include "fit/finding.hpp"
#include "mesh.hpp"

#include <glm/glm.hpp>
#include <memory>
#include <string>
#include <vector>

namespace rigfit::render {

// A Scene is what gets drawn: boxes in the case frame with colours; a Camera says from where.
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

struct Scene {
  std::vector<DrawBox> boxes;
  std::vector<DrawMesh> meshes;
  geo::Aabb bounds; // what the camera frames: the case interior
};

enum class View { Iso, Front, Side, Top };
const char* toString(View v);
std::optional<View> viewFromString(const std::string& s);

struct Image {
  int width = 0, height = 0;
  std::vector<unsigned char> rgba; // rows top to bottom
};

class Renderer {
public:
  virtual ~Renderer() = default;
  virtual Result<Image> render(const Scene& scene, View view, int width, int height) = 0;
};

// "gl": OpenGL 3.3 core, offscreen through EGL (no display needed; Mesa's software rasterizer
// on machines without a GPU). "mock": no GL at all. An unavailable backend is an Error.
Result<std::unique_ptr<Renderer>> makeRenderer(const std::string& backend);

// The case's interior, case frame: what the cameras frame.
geo::Aabb caseInterior(const Assembly& assembly);

// What a scene shows besides the parts.
struct SceneStyle {
  bool showCase = true; // the case interior's edges (hidden, the parts stand alone)
  bool overlaps = true; // each failing overlap as a red volume where the parts meet
};

// The scene of a build: parts coloured by category, parts in a failing finding red, the case
// drawn as edges so the inside shows. With `meshes`, a part whose spec names a usable mesh is
// drawn from it instead of its body boxes.
Scene sceneOf(const Assembly& assembly, const FitResult& result, MeshLibrary* meshes = nullptr,
              const SceneStyle& style = {});

// PNG bytes of an image (stb_image_write).
std::string encodePng(const Image& image);

} // namespace rigfit::render
