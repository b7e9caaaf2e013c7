#pragma once
// Drawing a scene with the current OpenGL 3.3 core context: shared by the offscreen backend and
// the viewer's window.
#include "renderer.hpp"

#include <glm/glm.hpp>
#include <map>

namespace rigfit::render {

class GlPainter {
public:
  // Compiles the shaders and uploads the cube; needs a current context.
  Status init();
  // Clears the viewport and draws every box with the given projection * view.
  // (x, y) is the viewport's corner in the framebuffer's pixels.
  void paint(const Scene& scene, const glm::mat4& viewProjection, int width, int height,
             bool clear = true, int x = 0, int y = 0);

private:
  // A mesh's copy on the GPU, uploaded the first time it is drawn.
  struct GpuMesh {
    unsigned vao = 0, vbo = 0;
    int vertices = 0;
  };
  const GpuMesh& upload(const Mesh& mesh);
  void drawBox(const DrawBox& b, const glm::mat4& viewProjection);
  unsigned program_ = 0, vao_ = 0, ringVao_ = 0;
  int mvp_ = -1, rot_ = -1, colour_ = -1, lit_ = -1; // the shaders' uniforms
  std::map<unsigned long, GpuMesh> meshes_;          // by Mesh::id
};

} // namespace rigfit::render
