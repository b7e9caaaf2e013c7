#pragma once
// The colours of every picture of a build, once: the 3D scene and the viewer take them as
// floats (rgb / 255), the SVG views as "#rrggbb". A category's own colour is in its
// description (catalog/category.hpp).
#include "catalog/category.hpp"

#include <cstdint>
#include <cstdio>
#include <string>

namespace rigfit::draw {

struct Rgb {
  std::uint8_t r, g, b;
};

// As CSS writes it: "#c62828", or "#000" where every channel is a doubled digit.
inline std::string hex(Rgb c) {
  char out[8];
  auto doubled = [](std::uint8_t v) { return v >> 4 == (v & 0xf); };
  if (doubled(c.r) && doubled(c.g) && doubled(c.b))
    std::snprintf(out, sizeof out, "#%x%x%x", c.r & 0xf, c.g & 0xf, c.b & 0xf);
  else
    std::snprintf(out, sizeof out, "#%02x%02x%02x", c.r, c.g, c.b);
  return out;
}

namespace palette {

inline Rgb category(Category c) {
  const auto& rgb = describe(c).colour;
  return {rgb[0], rgb[1], rgb[2]};
}

inline constexpr Rgb kFail{0xc6, 0x28, 0x28};     // a failing part, a failing clearance
inline constexpr Rgb kWarn{0xef, 0x6c, 0x00};     // a warning; a keep-out's edges
inline constexpr Rgb kMeasured{0x15, 0x65, 0xc0}; // a clearance that passes
inline constexpr Rgb kOverlap{0xff, 0x0d, 0x73};  // where two parts share space, in 3D
inline constexpr Rgb kAirflow{0x4f, 0xc3, 0xf7};  // room a fan needs to breathe
inline constexpr Rgb kOutline{0x21, 0x21, 0x21};  // a part's edges in a drawing
inline constexpr Rgb kCaseEdge{0x1a, 0x1a, 0x1a}; // the case interior's edges in 3D
inline constexpr Rgb kInk{0x00, 0x00, 0x00};      // the case and its openings in a drawing
inline constexpr Rgb kPaper{0xfa, 0xfa, 0xfa};    // the case interior in a drawing
inline constexpr Rgb kSelected{0xff, 0xd6, 0x00}; // the viewer's selected parts
inline constexpr Rgb kFitsHere{0x33, 0xbf, 0x4d}; // a dragged part where it fits
inline constexpr Rgb kNotHere{0xd9, 0x26, 0x26};  // a dragged part where it does not
inline constexpr Rgb kPanel{0x9e, 0x9e, 0xa6};    // the case's panels, seen through, in 3D
inline constexpr Rgb kGlass{0x80, 0xb0, 0xd0};    // the window side panel, in 3D
inline constexpr Rgb kShroud{0x5a, 0x5a, 0x60};   // a PSU shroud, in 3D
inline constexpr Rgb kSocket{0x30, 0x30, 0x34};   // an opening, a free socket: a dark recess
inline constexpr Rgb kFanBlade{0x20, 0x20, 0x24}; // the rings that draw a fan
// A dragged part that fits at its estimated figures but not at every value in their bands.
inline constexpr Rgb kDependsHere{0xef, 0x9c, 0x1a};

} // namespace palette
} // namespace rigfit::draw
