#pragma once
// Drawing a scene with the current OpenGL 3.3 core context: shared by the offscreen backend and
// the viewer's window.
#include "renderer.hpp"

#include <glm/glm.hpp>

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
  unsigned program_ = 0, vao_ = 0;
};

} // namespace rigfit::render
