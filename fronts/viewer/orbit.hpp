#pragma once
// The viewer's camera: orbits a target, pans, zooms; the presets look as rigfit render does.
#include "renderer.hpp"

#include <glm/glm.hpp>

namespace rigfit::viewer {

// How near and far the camera may be from what it looks at: nearer than 10 cm the near plane
// (10 mm) cuts into small parts; farther than 5 m even a full tower is a few pixels.
constexpr float kMinDistanceMm = 100.0f, kMaxDistanceMm = 5000.0f;

struct Orbit {
  glm::vec3 target{222, 212, 86};
  float yaw = 0.6f, pitch = 0.45f; // radians: yaw about +Y from the window side, pitch up
  float distance = 1100.0f;
  float aspect = 1.0f; // the view's width over height, kept current by the window

  // Aims at the box and backs off until it fits the narrower of the two fields of view.
  void frame(const geo::Aabb& b);
  void preset(render::View v);
  void rotate(float dx, float dy) {
    yaw -= dx * 0.01f, pitch = glm::clamp(pitch + dy * 0.01f, -1.5f, 1.5f);
  }
  void zoom(float wheel) {
    distance = glm::clamp(distance * std::pow(0.9f, wheel), kMinDistanceMm, kMaxDistanceMm);
  }
  void pan(float dx, float dy);
  glm::vec3 eye() const;
  glm::mat4 viewProjection() const;
};

} // namespace rigfit::viewer
