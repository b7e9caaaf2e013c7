#include "camera.hpp"

#include <glm/gtc/matrix_transform.hpp>

namespace rigfit::render {

const char* toString(View v) {
  switch (v) {
  case View::Iso:
    return "iso";
  case View::Front:
    return "front";
  case View::Side:
    return "side";
  case View::Top:
    return "top";
  }
  return "?";
}

std::optional<View> viewFromString(const std::string& s) {
  for (View v : {View::Iso, View::Front, View::Side, View::Top})
    if (s == toString(v)) return v;
  return std::nullopt;
}

glm::mat4 viewProjection(View view, const geo::Aabb& b, float aspect) {
  glm::vec3 lo(b.lo), hi(b.hi), centre = 0.5f * (lo + hi);
  glm::vec3 dir, up(0, 1, 0);
  switch (view) {
  case View::Front:
    dir = {1, 0, 0};
    break; // from the front panel
  case View::Side:
    dir = {0, 0, 1};
    break; // through the window
  case View::Top:
    dir = {0, 1, 0}, up = {-1, 0, 0};
    break; // from above, rear at the top
  case View::Iso:
    dir = glm::normalize(glm::vec3(0.9f, 0.7f, 1.3f));
    break; // front, top, window
  }
  float radius = glm::length(hi - lo);
  glm::mat4 V = glm::lookAt(centre + dir * radius, centre, up);
  // Fit the bounds' corners in view space, with a 4% margin.
  glm::vec3 mn(1e9f), mx(-1e9f);
  for (int k = 0; k < 8; ++k) {
    glm::vec3 c((k & 1) ? hi.x : lo.x, (k & 2) ? hi.y : lo.y, (k & 4) ? hi.z : lo.z);
    glm::vec3 v = glm::vec3(V * glm::vec4(c, 1));
    mn = glm::min(mn, v), mx = glm::max(mx, v);
  }
  glm::vec2 size = glm::vec2(mx - mn) * 1.08f, mid = 0.5f * glm::vec2(mx + mn);
  if (size.x / size.y < aspect)
    size.x = size.y * aspect;
  else
    size.y = size.x / aspect;
  glm::mat4 P = glm::ortho(mid.x - size.x / 2, mid.x + size.x / 2, mid.y - size.y / 2,
                           mid.y + size.y / 2, 0.0f, 2.5f * radius);
  return P * V;
}

} // namespace rigfit::render
