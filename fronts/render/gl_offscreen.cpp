// The OpenGL backend: an EGL context with no surface (EGL_KHR_surfaceless_context), drawing
// into a framebuffer object. Mesa's llvmpipe runs it where there is no GPU and no display.
#include "camera.hpp"
#include "renderer.hpp"

#define GL_GLEXT_PROTOTYPES
#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <GL/gl.h>
#include <GL/glext.h>
#include <algorithm>
#include <glm/gtc/matrix_transform.hpp>

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
  const int faces[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
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
  (void)faces;
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

class GlRenderer : public Renderer {
public:
  ~GlRenderer() override {
    if (display_ != EGL_NO_DISPLAY) {
      eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
      if (context_ != EGL_NO_CONTEXT) eglDestroyContext(display_, context_);
      eglTerminate(display_);
    }
  }

  Status init() {
    auto getPlatformDisplay = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
        eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (getPlatformDisplay)
      display_ = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
    if (display_ == EGL_NO_DISPLAY) display_ = eglGetDisplay(EGL_DEFAULT_DISPLAY);
    if (display_ == EGL_NO_DISPLAY || !eglInitialize(display_, nullptr, nullptr))
      return Error{"", "", "no EGL display: offscreen rendering is not available here"};
    if (!eglBindAPI(EGL_OPENGL_API)) return Error{"", "", "EGL cannot bind desktop OpenGL"};
    // The surface type defaults to windows, which a surfaceless display has none of.
    const EGLint configAttrs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE,
                                  EGL_PBUFFER_BIT, EGL_NONE};
    EGLConfig config;
    EGLint n = 0;
    if (!eglChooseConfig(display_, configAttrs, &config, 1, &n) || n == 0)
      return Error{"", "", "EGL has no OpenGL configuration"};
    const EGLint ctxAttrs[] = {EGL_CONTEXT_MAJOR_VERSION,
                               3,
                               EGL_CONTEXT_MINOR_VERSION,
                               3,
                               EGL_CONTEXT_OPENGL_PROFILE_MASK,
                               EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                               EGL_NONE};
    context_ = eglCreateContext(display_, config, EGL_NO_CONTEXT, ctxAttrs);
    if (context_ == EGL_NO_CONTEXT)
      return Error{"", "", "EGL cannot create an OpenGL 3.3 core context"};
    if (!eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, context_))
      return Error{"", "", "EGL cannot make a surfaceless context current"};
    return buildProgram();
  }

  Result<Image> render(const Scene& scene, View view, int width, int height) override {
    if (width < 16 || height < 16 || width > 8192 || height > 8192)
      return Error{"", "--size", "must be from 16x16 to 8192x8192"};
    GLuint fbo, colour, depth;
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glGenRenderbuffers(1, &colour);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    glGenRenderbuffers(1, &depth);
    glBindRenderbuffer(GL_RENDERBUFFER, depth);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);
    Image img{width, height, {}};
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) {
      draw(scene, view, width, height);
      std::vector<unsigned char> flipped(static_cast<size_t>(width) * height * 4);
      glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
      img.rgba.resize(flipped.size());
      for (int y = 0; y < height; ++y) // GL's rows run bottom-up
        std::copy_n(flipped.begin() + static_cast<long>(y) * width * 4, width * 4,
                    img.rgba.begin() + static_cast<long>(height - 1 - y) * width * 4);
    }
    glDeleteRenderbuffers(1, &colour);
    glDeleteRenderbuffers(1, &depth);
    glDeleteFramebuffers(1, &fbo);
    if (img.rgba.empty()) return Error{"", "", "the offscreen framebuffer is incomplete"};
    return img;
  }

private:
  Status buildProgram() {
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
    std::vector<float> v = cubeVertices();
    glGenVertexArrays(1, &vao_);
    glBindVertexArray(vao_);
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
    return Ok{};
  }

  void draw(const Scene& scene, View view, int width, int height) {
    glViewport(0, 0, width, height);
    glClearColor(0.97f, 0.97f, 0.97f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glEnable(GL_POLYGON_OFFSET_FILL);
    glPolygonOffset(1.0f, 1.0f); // edges drawn over their own faces
    glUseProgram(program_);
    glBindVertexArray(vao_);
    glm::mat4 VP =
        viewProjection(view, scene.bounds, static_cast<float>(width) / static_cast<float>(height));
    GLint mvp = glGetUniformLocation(program_, "mvp"), rot = glGetUniformLocation(program_, "rot"),
          col = glGetUniformLocation(program_, "colour"),
          lit = glGetUniformLocation(program_, "lit");
    for (const DrawBox& b : scene.boxes) {
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
      glm::vec4 edge = b.filled ? glm::vec4(glm::vec3(b.rgba) * 0.35f, 1.0f) : b.rgba;
      glUniform4fv(col, 1, &edge[0]);
      glUniform1i(lit, 0);
      glDrawArrays(GL_LINES, 36, 24);
    }
    glFinish();
  }

  EGLDisplay display_ = EGL_NO_DISPLAY;
  EGLContext context_ = EGL_NO_CONTEXT;
  GLuint program_ = 0, vao_ = 0;
};

// Answers like the GL backend without drawing: the background, and the image's size.
class MockRenderer : public Renderer {
public:
  Result<Image> render(const Scene& scene, View, int width, int height) override {
    if (width < 16 || height < 16 || width > 8192 || height > 8192)
      return Error{"", "--size", "must be from 16x16 to 8192x8192"};
    lastBoxes = scene.boxes.size();
    return Image{width, height,
                 std::vector<unsigned char>(static_cast<size_t>(width) * height * 4, 247)};
  }
  size_t lastBoxes = 0;
};

} // namespace

Result<std::unique_ptr<Renderer>> makeRenderer(const std::string& backend) {
  if (backend == "mock") return std::unique_ptr<Renderer>(new MockRenderer());
  if (backend != "gl") return Error{"", "backend", "must be gl or mock (got \"" + backend + "\")"};
  auto gl = std::make_unique<GlRenderer>();
  Status ok = gl->init();
  if (!ok) return ok.error();
  return std::unique_ptr<Renderer>(std::move(gl));
}

} // namespace rigfit::render
