// The OpenGL backend: an EGL context with no surface (EGL_KHR_surfaceless_context), drawing
// into a framebuffer object. Mesa's llvmpipe runs it where there is no GPU and no display.
#include "camera.hpp"
#include "gl_painter.hpp"
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

class GlRenderer : public Renderer {
public:
  ~GlRenderer() override {
    if (display_ != EGL_NO_DISPLAY) {
      eglMakeCurrent(display_, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
      if (context_ != EGL_NO_CONTEXT) eglDestroyContext(display_, context_);
      // No eglTerminate: it unloads Mesa's driver, whose one-time allocations LeakSanitizer then
      // reports from an unnamed module that no suppression can name. The display lives until
      // the process exits; tools/lsan.supp names the driver's libraries.
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
    return painter_.init();
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
  void draw(const Scene& scene, View view, int width, int height) {
    painter_.paint(
        scene,
        viewProjection(view, scene.bounds, static_cast<float>(width) / static_cast<float>(height)),
        width, height);
    glFinish();
  }

  EGLDisplay display_ = EGL_NO_DISPLAY;
  EGLContext context_ = EGL_NO_CONTEXT;
  GlPainter painter_;
};

// Answers like the GL backend without drawing: the background, and the image's size.
class MockRenderer : public Renderer {
public:
  Result<Image> render(const Scene&, View, int width, int height) override {
    if (width < 16 || height < 16 || width > 8192 || height > 8192)
      return Error{"", "--size", "must be from 16x16 to 8192x8192"};
    return Image{width, height,
                 std::vector<unsigned char>(static_cast<size_t>(width) * height * 4, 247)};
  }
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
