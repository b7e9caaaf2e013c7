#include "orbit.hpp"

#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace rigfit::viewer {

namespace {
constexpr float kFovY = 0.6f; // radians
}

void Orbit::frame(const geo::Aabb& b) {
  target = glm::vec3(b.centre());
  float fovX = 2.0f * std::atan(aspect * std::tan(kFovY / 2));
  float radius = 0.5f * static_cast<float>(glm::length(b.size())); // a sphere around the box
  distance =
      glm::clamp(radius / std::sin(std::min(kFovY, fovX) / 2), kMinDistanceMm, kMaxDistanceMm);
}

void Orbit::preset(render::View v) {
  switch (v) {
  case render::View::Iso:
    yaw = 0.6f, pitch = 0.45f;
    break;
  case render::View::Front:
    yaw = 1.5708f, pitch = 0.0f;
    break;
  case render::View::Side:
    yaw = 0.0f, pitch = 0.0f;
    break;
  case render::View::Top:
    yaw = 0.0f, pitch = 1.5f;
    break;
  }
}

glm::vec3 Orbit::eye() const {
  glm::vec3 dir(std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch));
  return target + dir * distance;
}

void Orbit::pan(float dx, float dy) {
  glm::vec3 fwd = glm::normalize(target - eye());
  glm::vec3 right = glm::normalize(glm::cross(fwd, glm::vec3(0, 1, 0)));
  glm::vec3 up = glm::cross(right, fwd);
  float k = distance * 0.0015f;
  target += (-right * dx + up * dy) * k;
}

glm::mat4 Orbit::viewProjection() const {
  glm::mat4 P = glm::perspective(kFovY, aspect, 10.0f, 20000.0f);
  return P * glm::lookAt(eye(), target, glm::vec3(0, 1, 0));
}

} // namespace rigfit::viewer
