#include "gl_painter.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GL/glext.h>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <vector>

namespace rigfit::render {
namespace {

const char* kVertex = R"(#version 330 core
layout(location = 0) in vec3 pos;
layout(location = 1) in vec3 normal;
uniform mat4 mvp;
uniform mat3 rot;
out vec3 n;
void main() { n = rot * normal; gl_Position = mvp * vec4(pos, 1.0); })";

const char* kFragment = R"(#version 330 core
in vec3 n;
uniform vec4 colour;
uniform int lit;
out vec4 frag;
void main() {
  vec3 l = normalize(vec3(0.4, 0.8, 0.6));
  float d = lit == 1 ? 0.45 + 0.55 * max(dot(normalize(n), l), 0.0) : 1.0;
  frag = vec4(colour.rgb * d, colour.a);
})";

// A unit cube centred on the origin: 36 vertices of 6 faces (position, normal), then 24 of its
// 12 edges.
std::vector<float> cubeVertices() {
  std::vector<float> v;
  for (int axis = 0; axis < 3; ++axis)
    for (float sign : {-1.0f, 1.0f}) {
      int u = (axis + 1) % 3, w = (axis + 2) % 3;
      float quad[6][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, -1}, {1, 1}, {-1, 1}};
      for (auto& q : quad) {
        float p[3], nrm[3] = {0, 0, 0};
        p[axis] = 0.5f * sign, p[u] = 0.5f * q[0] * sign, p[w] = 0.5f * q[1];
        nrm[axis] = sign;
        v.insert(v.end(), {p[0], p[1], p[2], nrm[0], nrm[1], nrm[2]});
      }
    }
  for (int axis = 0; axis < 3; ++axis)
    for (float a : {-0.5f, 0.5f})
      for (float b : {-0.5f, 0.5f})
        for (float t : {-0.5f, 0.5f}) {
          float p[3];
          p[axis] = t, p[(axis + 1) % 3] = a, p[(axis + 2) % 3] = b;
          v.insert(v.end(), {p[0], p[1], p[2], 0, 0, 0});
        }
  return v;
}

// Points of a unit circle in the XY plane, drawn as a line loop.
constexpr int kRingPoints = 48;
std::vector<float> ringVertices() {
  std::vector<float> v;
  for (int i = 0; i < kRingPoints; ++i) {
    float a = 6.2831853f * static_cast<float>(i) / kRingPoints;
    v.insert(v.end(), {std::cos(a), std::sin(a), 0, 0, 0, 0});
  }
  return v;
}

glm::mat4 matrixOf(const geo::Pose& X) {
  glm::mat4 M(glm::mat3(X.R));
  M[3] = glm::vec4(glm::vec3(X.t), 1.0f);
  return M;
}

} // namespace

Status GlPainter::init() {

  auto compile = [](GLenum type, const char* src) {
    GLuint s = glCreateShader(type);
    glShaderSource(s, 1, &src, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    return ok ? s : 0u;
  };
  GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
  if (!vs || !fs) return Error{"", "", "the renderer's shaders do not compile on this OpenGL"};
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  mvp_ = glGetUniformLocation(program_, "mvp");
  rot_ = glGetUniformLocation(program_, "rot");
  colour_ = glGetUniformLocation(program_, "colour");
  lit_ = glGetUniformLocation(program_, "lit");
  auto upload = [](const std::vector<float>& v, GLuint& vao) {
    glGenVertexArrays(1, &vao);
    glBindVertexArray(vao);
    GLuint vbo;
    glGenBuffers(1, &vbo);
    glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(v.size() * sizeof(float)), v.data(),
                 GL_STATIC_DRAW);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float),
                          reinterpret_cast<void*>(3 * sizeof(float)));
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
  };
  upload(cubeVertices(), vao_);
  upload(ringVertices(), ringVao_);
  return Ok{};
}

const GlPainter::GpuMesh& GlPainter::upload(const Mesh& mesh) {
  auto it = meshes_.find(mesh.id);
  if (it != meshes_.end()) return it->second;
  GpuMesh g;
  g.vertices = static_cast<int>(mesh.vertices.size() / 6);
  glGenVertexArrays(1, &g.vao);
  glBindVertexArray(g.vao);
  glGenBuffers(1, &g.vbo);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.vertices.size() * sizeof(float)),
               mesh.vertices.data(), GL_STATIC_DRAW);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float), nullptr);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 6 * sizeof(float),
                        reinterpret_cast<void*>(3 * sizeof(float)));
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  return meshes_[mesh.id] = g;
}

void GlPainter::paint(const Scene& scene, const glm::mat4& VP, int width, int height, bool clear,
                      int x, int y) {

  glViewport(x, y, width, height);
  if (clear) {
    glClearColor(0.97f, 0.97f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  }
  glEnable(GL_DEPTH_TEST);
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(1.0f, 1.0f); // edges drawn over their own faces
  glUseProgram(program_);
  glBindVertexArray(vao_);
  GLint mvp = mvp_, rot = rot_, col = colour_, lit = lit_;
  for (const DrawMesh& dm : scene.meshes) {
    const GpuMesh& g = upload(*dm.mesh);
    glm::mat4 T = VP * matrixOf(dm.X_CP);
    glm::mat3 R(glm::mat3(dm.X_CP.R));
    glUniformMatrix4fv(mvp, 1, GL_FALSE, &T[0][0]);
    glUniformMatrix3fv(rot, 1, GL_FALSE, &R[0][0]);
    glUniform4fv(col, 1, &dm.rgba[0]);
    glUniform1i(lit, 1);
    glBindVertexArray(g.vao);
    glDrawArrays(GL_TRIANGLES, 0, g.vertices);
  }
  glBindVertexArray(vao_);
  // Solid boxes first; then the case's see-through panels, which hide nothing behind them;
  // then what lies inside the parts (overlaps), seen through, over everything.
  for (const DrawBox& b : scene.boxes)
    if (!b.onTop) drawBox(b, VP);
  for (const DrawBox& b : scene.details)
    drawBox(b, VP);
  glBindVertexArray(ringVao_);
  glUniform1i(lit, 0);
  for (const DrawRing& r : scene.rings) {
    glm::mat4 T = VP * matrixOf(r.X) * glm::scale(glm::mat4(1.0f), glm::vec3(float(r.radius)));
    glUniformMatrix4fv(mvp, 1, GL_FALSE, &T[0][0]);
    glUniform4fv(col, 1, &r.rgba[0]);
    glDrawArrays(GL_LINE_LOOP, 0, kRingPoints);
  }
  glBindVertexArray(vao_);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glDepthMask(GL_FALSE);
  for (const DrawBox& b : scene.glass)
    drawBox(b, VP);
  glDepthMask(GL_TRUE);
  glDisable(GL_DEPTH_TEST);
  for (const DrawBox& b : scene.boxes)
    if (b.onTop) drawBox(b, VP);
  glDisable(GL_BLEND);
  glEnable(GL_DEPTH_TEST);
}

void GlPainter::drawBox(const DrawBox& b, const glm::mat4& VP) {
  GLint mvp = mvp_, rot = rot_, col = colour_, lit = lit_;
  {
    glm::mat4 M(glm::mat3(b.box.X_WB.R));
    M[3] = glm::vec4(glm::vec3(b.box.X_WB.t), 1.0f);
    M = M * glm::scale(glm::mat4(1.0f), glm::vec3(b.box.half * 2.0));
    glm::mat4 T = VP * M;
    glm::mat3 R(glm::mat3(b.box.X_WB.R));
    glUniformMatrix4fv(mvp, 1, GL_FALSE, &T[0][0]);
    glUniformMatrix3fv(rot, 1, GL_FALSE, &R[0][0]);
    if (b.filled) {
      glUniform4fv(col, 1, &b.rgba[0]);
      glUniform1i(lit, 1);
      glDrawArrays(GL_TRIANGLES, 0, 36);
    }
    // A see-through face's edges are half see-through too.
    glm::vec4 edge =
        b.filled ? glm::vec4(glm::vec3(b.rgba) * 0.35f, b.rgba.a < 1 ? 0.45f : 1.0f) : b.rgba;
    if (b.onTop) edge = glm::vec4(glm::vec3(b.rgba), 1.0f); // its outline stays crisp
    glUniform4fv(col, 1, &edge[0]);
    glUniform1i(lit, 0);
    glDrawArrays(GL_LINES, 36, 24);
  }
}

} // namespace rigfit::render
