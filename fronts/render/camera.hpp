#pragma once
// Orthographic cameras for the view presets, fitted to the scene's bounds.
#include "renderer.hpp"

#include <glm/glm.hpp>

namespace rigfit::render {

// Projection * view for a preset, framing `bounds` with a margin at the given aspect ratio.
glm::mat4 viewProjection(View view, const geo::Aabb& bounds, float aspect);

} // namespace rigfit::render
