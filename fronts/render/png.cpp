#include "png.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace rigfit::render {

std::string encodePng(const Image& image) {
  std::string out;
  stbi_write_png_to_func(
      [](void* ctx, void* data, int size) {
        static_cast<std::string*>(ctx)->append(static_cast<const char*>(data),
                                               static_cast<size_t>(size));
      },
      &out, image.width, image.height, 4, image.rgba.data(), image.width * 4);
  return out;
}

} // namespace rigfit::render
