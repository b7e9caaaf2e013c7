#pragma once
// A rendered image as PNG bytes.
#include "renderer.hpp"

#include <string>

namespace rigfit::render {

// PNG bytes of an image (stb_image_write).
std::string encodePng(const Image& image);

} // namespace rigfit::render
