#pragma once
// A scene (scene.hpp) rendered to an image from one of the view presets. The renderer sits
// behind this small interface so that fronts and their tests can run with no GPU:
// makeRenderer("mock") draws nothing but answers like the real one. The engine never includes
// this; fronts hand its pictures to the report as PNG bytes (png.hpp).
#include "common/result.hpp"
#include "scene.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rigfit::render {

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

} // namespace rigfit::render
