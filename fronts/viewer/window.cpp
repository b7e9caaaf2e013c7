// The viewer's window: GLFW, OpenGL 3.3 core and Dear ImGui, in the canonical ImGui GLFW +
// OpenGL3 frame order: poll events, new frames, panels, 3D view, render, swap. The panels and
// the 3D view are in panels.cpp and view3d.cpp; this file owns the window, the keys and GL.
#include "window.hpp"

#include "common/file.hpp"
#include "gl_painter.hpp"
#include "png.hpp"
#include "ui.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <algorithm>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <utility>
#if defined(__SANITIZE_ADDRESS__)
#include <dlfcn.h>
#include <link.h>
#endif
#include <iostream>

namespace rigfit::viewer {
namespace {

// Shortcuts, from the key presses GLFW reported since the last frame. Returns whether F12
// (a screenshot) was pressed.
bool shortcuts(Ui& ui) {
  bool shot = false;
  ImGuiIO& io = ImGui::GetIO();
  for (const KeyPress& k : ui.keys) {
    bool ctrl = k.mods & GLFW_MOD_CONTROL;
    if (ctrl && k.key == GLFW_KEY_S) {
      save(ui);
    } else if (ctrl && k.key == GLFW_KEY_Z) {
      ui.session->undo();
    } else if (ctrl && k.key == GLFW_KEY_Y) {
      ui.session->redo();
    } else if (k.key == GLFW_KEY_DELETE && !io.WantTextInput && ui.selected.size() == 1) {
      say(ui, ui.session->remove(ui.selected.front()), "removed " + ui.selected.front());
      ui.selected.clear();
    } else if (ctrl && k.key == GLFW_KEY_V && !io.WantTextInput &&
               !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) {
      pasteList(ui, ImGui::GetClipboardText());
    } else if (k.key == GLFW_KEY_F12) {
      shot = true;
    } else if (io.WantTextInput) {
      continue; // the keys below are letters and digits: typing goes to the text box
    } else if (k.key >= GLFW_KEY_1 && k.key <= GLFW_KEY_4) {
      static constexpr render::View presets[] = {render::View::Iso, render::View::Front,
                                                 render::View::Side, render::View::Top};
      ui.orbit.preset(presets[k.key - GLFW_KEY_1]);
    } else if (k.key == GLFW_KEY_C) {
      ui.style.showCase = !ui.style.showCase;
    } else if (k.key == GLFW_KEY_P) {
      ui.style.sidePanel = !ui.style.sidePanel;
    } else if (k.key == GLFW_KEY_F) {
      ui.orbit.frame(ui.session->boundsOf(ui.selected));
    }
  }
  ui.keys.clear();
  return shot;
}

// DejaVu Sans (Debian's fonts-dejavu-core) at 15 px times the screen's content scale (2 on a
// HiDPI screen, as GLFW reports it), and the widgets' sizes scaled alike; ImGui's own 13 px
// font where DejaVu is not installed.
void useFont(GLFWwindow* window) {
  float xs = 1, ys = 1;
  glfwGetWindowContentScale(window, &xs, &ys);
  const float scale = std::clamp(xs, 1.0f, 4.0f);
  constexpr const char* kDejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  std::error_code ec;
  if (std::filesystem::is_regular_file(kDejaVu, ec))
    ImGui::GetIO().Fonts->AddFontFromFileTTF(kDejaVu, 15.0f * scale);
  if (scale > 1) ImGui::GetStyle().ScaleAllSizes(scale);
}

Status screenshot(const char* path, int W, int H) {
  render::Image img{W, H, std::vector<unsigned char>(static_cast<size_t>(W) * H * 4)};
  std::vector<unsigned char> rows(img.rgba.size());
  glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  for (int y = 0; y < H; ++y) // GL's rows run bottom-up
    std::copy_n(rows.begin() + static_cast<long>(y) * W * 4, W * 4,
                img.rgba.begin() + static_cast<long>(H - 1 - y) * W * 4);
  return writeFileAtomic(path, render::encodePng(img));
}

// SIGTERM or SIGINT asked the viewer to stop: the loop keeps the unsaved work, then ends.
volatile std::sig_atomic_t gStopSignal = 0;
extern "C" void onStopSignal(int sig) {
  gStopSignal = sig;
}

#if defined(__SANITIZE_ADDRESS__)
// Under AddressSanitizer: every library loaded now (the GL driver among them) stays loaded until
// the process exits. glfwTerminate unloads the driver, and LeakSanitizer then cannot name the
// library behind the driver's one-time allocations, so tools/lsan.supp cannot suppress them and
// every exit of the sanitized viewer would be reported as a leak.
void keepLibrariesLoaded() {
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void*) {
        if (info->dlpi_name && *info->dlpi_name)
          (void)dlopen(info->dlpi_name, RTLD_LAZY | RTLD_NOLOAD | RTLD_NODELETE);
        return 0;
      },
      nullptr);
}
#else
void keepLibrariesLoaded() {}
#endif

// How often unsaved work is copied to the recovery file, at most: a crash loses no more.
constexpr double kAutosaveSeconds = 2.0;

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

} // namespace

int runViewer(Catalog catalog, const std::string& buildPath, ViewerSetup setup) {
  Result<std::unique_ptr<Session>> session =
      Session::open(std::move(catalog), buildPath, std::move(setup.assetDirs));
  if (!session) {
    std::cerr << "rigfit: " << session.error().message() << "\n";
    return 2;
  }
  if (!glfwInit()) {
    std::cerr << "rigfit: no display to open a window on (try rigfit check or rigfit render)\n";
    return 2;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  GLFWwindow* window = glfwCreateWindow(1280, 800, "rigfit", nullptr, nullptr);
  if (!window) {
    std::cerr << "rigfit: cannot open an OpenGL 3.3 window\n";
    glfwTerminate();
    return 2;
  }
  glfwMakeContextCurrent(window);
  keepLibrariesLoaded();
  glfwSwapInterval(1);
  // Installed before ImGui's backend, which chains to it.
  glfwSetKeyCallback(window, [](GLFWwindow* w, int key, int, int action, int mods) {
    if (action == GLFW_PRESS)
      if (Ui* u = static_cast<Ui*>(glfwGetWindowUserPointer(w))) u->keys.push_back({key, mods});
  });
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr; // the layout is fixed; nothing to save
  ImGui::StyleColorsDark();
  useFont(window);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  render::GlPainter painter;
  if (Status s = painter.init(); !s) std::cerr << "rigfit: " << s.error().message() << "\n";

  Ui ui;
  ui.session = session->get();
  ui.userPartsDir = setup.userPartsDir;
  // The snapshot's names, in the background: the window is up while they load.
  ui.session->setSnapshotDir(setup.openDbDir);
  if (!setup.openDbDir.empty())
    ui.indexing = listInBackground(ui.session->catalog(), ui.session->catalogEdits(),
                                   setup.openDbDir, setup.cacheDir, ui.stopListing);
  // This viewer's recovery copy; work a viewer before it left unsaved there (it crashed, or
  // was killed) is offered back. A copy that cannot be read is set aside, not offered forever.
  Result<RecoverySlot> slot = RecoverySlot::claim(recoveryFile());
  if (!slot) {
    ui.status = "unsaved work cannot be kept: " + slot.error().message();
  } else if (ui.recoveryFile = slot->file(); std::filesystem::exists(ui.recoveryFile)) {
    if (Result<Recovered> r = readRecovery(ui.recoveryFile); r) {
      ui.recovered = std::move(r).value();
    } else {
      std::string aside = setRecoveryAside(ui.recoveryFile);
      ui.status = "unsaved work of an earlier session cannot be read (" + r.error().message() +
                  ")" + (aside.empty() ? "" : "; it is kept at " + aside);
    }
  }
  ui.recentFile = recentFile();
  std::signal(SIGTERM, onStopSignal);
  std::signal(SIGINT, onStopSignal);
  unsigned long autosaved = ui.session->generation();
  auto lastAutosave = std::chrono::steady_clock::now();
  // Keeps the unsaved work in the recovery file (or removes the file once nothing is unsaved).
  auto autosave = [&](bool now) {
    if (ui.recovered || ui.recoveryFile.empty()) return; // the old copy stays until answered
    if (!ui.session->dirty()) {
      if (ui.recoveryKept) clearRecovery(ui.recoveryFile), ui.recoveryKept = false;
      return;
    }
    auto t = std::chrono::steady_clock::now();
    if (ui.session->generation() == autosaved && ui.recoveryKept) return;
    if (!now && std::chrono::duration<double>(t - lastAutosave).count() < kAutosaveSeconds) return;
    Status s = writeRecovery(ui.recoveryFile, ui.session->build(), ui.session->path());
    if (!s) ui.status = "unsaved work cannot be kept: " + s.error().message();
    autosaved = ui.session->generation(), ui.recoveryKept = s.ok(), lastAutosave = t;
  };
  {
    int W, H;
    glfwGetFramebufferSize(window, &W, &H);
    ui.orbit.aspect = (static_cast<float>(W) - kCatalogWidth - kFitWidth) /
                      std::max(1.0f, static_cast<float>(H) - kMenuHeight);
    ui.orbit.frame(ui.session->boundsOf({}));
  }
  const char* probePath = std::getenv("RIGFIT_VIEWER_PROBE");
  if (probePath) ui.probe.enable();
  const char* shotPath = std::getenv("RIGFIT_VIEWER_SCREENSHOT"); // F12 writes the window there
  glfwSetWindowUserPointer(window, &ui);
  glfwSetWindowCloseCallback(window, [](GLFWwindow* w) {
    Ui* u = static_cast<Ui*>(glfwGetWindowUserPointer(w));
    if (u->session->dirty()) glfwSetWindowShouldClose(w, GLFW_FALSE), u->confirmClose = true;
  });
  long frame = 0;
  std::vector<double> frameMs; // the work of each frame, up to the swap (for the probe)
  while (!glfwWindowShouldClose(window)) {
    glfwPollEvents();
    // File > Export picture asked for in the last frame: taken after this one is drawn, so the
    // popup that asked is not in it.
    const std::string pictureTo = std::exchange(ui.pictureTo, "");
    if (gStopSignal) {
      autosave(true);
      break;
    }
    autosave(false);
    // A build opened or saved (its file on disk as shown) joins the recent builds.
    if (const std::string& p = ui.session->path();
        p != ui.rememberedPath && !p.empty() && !ui.session->dirty()) {
      ui.rememberedPath = p;
      if (Status s = rememberBuild(ui.recentFile, p); !s && !ui.recentFile.empty())
        ui.status = "the recent builds cannot be kept: " + s.error().message();
    }
    auto started = std::chrono::steady_clock::now();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    int W, H;
    glfwGetFramebufferSize(window, &W, &H);
    float w = static_cast<float>(W), h = static_cast<float>(H);
    ui.probe.clear();
    ui.another = ui.anotherCard ? ui.session->anotherCard() : std::vector<Snap>{};
    menuBar(ui);
    catalogPanel(ui, h);
    fitPanel(ui, w, h);
    ViewRect view{
        catalogWidth(), menuHeight(), w - catalogWidth() - fitWidth(), h - menuHeight(), {}};
    ui.orbit.aspect = view.width / std::max(1.0f, view.height);
    view.viewProjection = ui.orbit.viewProjection();
    Ghost ghost = view3d(ui, view);
    selectionPanel(ui, view.x, h);
    legendPanel(ui, view);
    bool shot = shortcuts(ui);
    filePopups(ui);
    swapPopup(ui);
    exportPopup(ui);
    customPartPopup(ui);
    importPopup(ui);
    recoveryPopup(ui);
    for (const std::string& problem : ui.session->meshProblems())
      ui.status = problem, std::cerr << "rigfit: warning: " << problem << "\n";
    if (ui.quit) {
      // Quitting with nothing unsaved, or after choosing to discard it: no copy is kept.
      if (!ui.recovered) clearRecovery(ui.recoveryFile);
      glfwSetWindowShouldClose(window, GLFW_TRUE);
    }

    const Snap* at = ghost.at ? &*ghost.at : nullptr;
    render::Scene scene =
        at || !ui.anotherCard
            ? ui.session->scene(at, ghost.part, ui.selected, ui.style)
            : ui.session->scene(ui.another, ui.session->firstCard(), ui.selected, ui.style);
    drawLabels(scene, view);
    drawDimension(ui, view);
    ImGui::Render();
    glViewport(0, 0, W, H);
    glClearColor(0.15f, 0.15f, 0.17f, 1);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    // The 3D view's viewport, in GL's bottom-up pixels.
    int vx = static_cast<int>(view.x), vw = static_cast<int>(view.width),
        vh = static_cast<int>(view.height);
    glEnable(GL_SCISSOR_TEST);
    glScissor(vx, 0, vw, vh);
    glClearColor(0.97f, 0.97f, 0.97f, 1);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    painter.paint(scene, view.viewProjection, vw, vh, false, vx, 0);
    glDisable(GL_DEPTH_TEST);
    glViewport(0, 0, W, H);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (shot && shotPath) {
      Status s = screenshot(shotPath, W, H);
      say(ui, s, std::string("screenshot: ") + shotPath);
    }
    if (!pictureTo.empty()) {
      Status s = screenshot(pictureTo.c_str(), W, H);
      say(ui, s, "wrote the picture " + pictureTo);
    }
    if (probePath) {
      glFinish(); // the frame's drawing done, so its time counts
      frameMs.push_back(
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
              .count());
    }
    glfwSwapBuffers(window);
    if (probePath && ++frame % 5 == 0) {
      writeProbe(ui, view);
      ui.probe.set({"frame"}, frame);
      ui.probe.set({"path"}, ui.session->path());
      ui.probe.set({"dirty"}, ui.session->dirty());
      ui.probe.set({"status"}, ui.status);
      ui.probe.set({"recovery_offered"}, ui.recovered.has_value());
      ui.probe.set({"parts"}, ui.session->build().instances.size());
      ui.probe.set({"verdict"}, toString(ui.session->fit().verdict()));
      ui.probe.set({"size"}, {W, H});
      ui.probe.set({"listed"}, ui.listings.all.size());
      ui.probe.set({"listed_after_ms"}, ui.listedAfterMs);
      // The median of the last 60 frames: the first frames warm caches and compile shaders.
      std::vector<double> recent(frameMs.end() - std::min<long>(60, std::ssize(frameMs)),
                                 frameMs.end());
      ui.probe.set({"frame_ms_median"}, median(recent));
      (void)writeFileAtomic(probePath, ui.probe.data().dump());
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  if (gStopSignal) {
    std::cerr << "rigfit: stopped by a signal"
              << (ui.recoveryKept ? "; the unsaved changes are kept for the next start" : "")
              << "\n";
    return 128 + gStopSignal;
  }
  return 0;
}

} // namespace rigfit::viewer
