#include "orbit.hpp"

#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace rigfit::viewer {

void Orbit::frame(const geo::Aabb& b) {
  target = glm::vec3(b.centre());
  distance = 1.6f * static_cast<float>(glm::length(b.size()));
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

glm::mat4 Orbit::viewProjection(float aspect) const {
  glm::mat4 P = glm::perspective(0.6f, aspect, 10.0f, 20000.0f);
  return P * glm::lookAt(eye(), target, glm::vec3(0, 1, 0));
}

} // namespace rigfit::viewer
