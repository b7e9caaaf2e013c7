// The viewer's frame follows the canonical Dear ImGui GLFW + OpenGL3 example: poll events, new
// frames, panels, 3D view, render, swap. The 3D view ignores the mouse while ImGui wants it:
// it is itself an ImGui item (an invisible button), so orbiting and dropping go through ImGui.
#include "window.hpp"

#include "common/file.hpp"
#include "gl_painter.hpp"
#include "orbit.hpp"
#include "session.hpp"

#define GL_GLEXT_PROTOTYPES
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <algorithm>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <cstdio>
#include <cstdlib>
#include <imgui.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace rigfit::viewer {
namespace {

constexpr float kCatalogWidth = 300, kFitWidth = 400, kSnapRadiusPx = 90;
const char* kPayload = "RIGFIT_PART";

ImVec4 severityColour(Severity s) {
  switch (s) {
  case Severity::Fail:
    return {0.85f, 0.2f, 0.2f, 1};
  case Severity::Warn:
    return {0.95f, 0.55f, 0.1f, 1};
  case Severity::Info:
    return {0.35f, 0.6f, 0.95f, 1};
  case Severity::Pass:
    return {0.35f, 0.75f, 0.35f, 1};
  case Severity::NotChecked:
    return {0.7f, 0.6f, 0.5f, 1};
  }
  return {1, 1, 1, 1};
}

// Key presses as GLFW reports them, queued by its key callback: polling key state once a frame
// misses a tap whose press and release fall between two frames.
struct KeyPress {
  int key, mods;
};

struct Ui {
  Session* session = nullptr;
  Orbit orbit;
  char search[64] = "";
  std::vector<std::string> selected;
  std::string status;
  bool confirmClose = false;
  std::vector<KeyPress> keys; // pressed since the last frame
  bool anotherCard = false;   // "will another GPU fit?" is showing
  std::vector<Snap> another;  // its answers, probed once a frame
  int finding = -1;           // the selected finding: its clearance is drawn in the 3D view
  char pathInput[512] = "";   // the Open / Save as popups' path
  bool openPopup = false, saveAsPopup = false, confirmOpen = false;
  // For the end-to-end test: where things are on screen, written when RIGFIT_VIEWER_PROBE names
  // a file.
  nlohmann::json probe;
};

void catalogPanel(Ui& ui, float height) {
  ImGui::SetNextWindowPos({0, 20});
  ImGui::SetNextWindowSize({kCatalogWidth, height - 20});
  ImGui::Begin("Catalog", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
  ImGui::InputTextWithHint("##search", "search parts", ui.search, sizeof ui.search);
  ImVec2 s = ImGui::GetItemRectMin(), e = ImGui::GetItemRectMax();
  ui.probe["search"] = {(s.x + e.x) / 2, (s.y + e.y) / 2};
  ImGui::TextDisabled("drag a part into the case");
  std::string needle = ui.search;
  for (char& c : needle)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  Category current = Category::Case;
  bool open = false, first = true;
  for (const Part* p : ui.session->catalog().parts()) {
    std::string hay = p->name + " " + p->id;
    for (char& c : hay)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!needle.empty() && hay.find(needle) == std::string::npos) continue;
    if (first || p->category != current) {
      current = p->category, first = false;
      open = ImGui::CollapsingHeader(toString(current), ImGuiTreeNodeFlags_DefaultOpen);
    }
    if (!open) continue;
    ImGui::Selectable(p->name.c_str());
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    if (ImGui::IsItemVisible()) ui.probe["catalog"][p->id] = {(a.x + b.x) / 2, (a.y + b.y) / 2};
    if (p->needs && ImGui::BeginDragDropSource()) {
      ImGui::SetDragDropPayload(kPayload, p->id.c_str(), p->id.size() + 1);
      ImGui::Text("%s", p->name.c_str());
      ImGui::EndDragDropSource();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", p->id.c_str(), p->file.c_str());
  }
  ImGui::End();
}

void fitPanel(Ui& ui, float width, float height) {
  ImGui::SetNextWindowPos({width - kFitWidth, 20});
  ImGui::SetNextWindowSize({kFitWidth, height - 20});
  ImGui::Begin("Fit", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
  const FitResult& r = ui.session->fit();
  ImGui::TextColored(severityColour(r.worst()), "%s", r.fits() ? "fits" : "does not fit");
  ImGui::SameLine();
  ImGui::TextDisabled("%zu fail, %zu warn, %zu pass", r.count(Severity::Fail),
                      r.count(Severity::Warn), r.count(Severity::Pass));
  ImGui::Separator();
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const Finding& f = r.findings[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::PushStyleColor(ImGuiCol_Text, severityColour(f.severity));
    std::string head = std::string(toString(f.severity)) + "  " + f.check;
    bool chosen = !ui.selected.empty() && ui.selected == f.parts; // nothing selected: none
    if (ImGui::Selectable(head.c_str(), chosen))
      ui.selected = f.parts, ui.finding = static_cast<int>(i);
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", f.message.c_str());
    ImGui::PopID();
  }
  if (ui.anotherCard) {
    // Every free slot for another of the first card, coloured by the answer in the 3D view too.
    ImGui::Separator();
    std::string card = ui.session->firstCard();
    ImGui::Text("Another %s:", card.c_str());
    for (const Snap& s : ui.another)
      ImGui::TextColored(
          s.answer.fits ? severityColour(Severity::Pass) : severityColour(Severity::Fail),
          "  %s: %s, %.1f mm%s", s.where.c_str(), s.answer.fits ? "fits" : "does not fit",
          s.answer.marginMm, s.answer.openingsMissing ? ", needs another opening" : "");
  }
  if (!ui.status.empty()) {
    ImGui::Separator();
    ImGui::TextWrapped("%s", ui.status.c_str());
  }
  ImGui::End();
}

void menuBar(Ui& ui, GLFWwindow* window) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open...")) {
      std::snprintf(ui.pathInput, sizeof ui.pathInput, "%s", ui.session->path().c_str());
      ui.openPopup = true;
    }
    if (ImGui::MenuItem("Save as...")) {
      std::snprintf(ui.pathInput, sizeof ui.pathInput, "%s", ui.session->path().c_str());
      ui.saveAsPopup = true;
    }
    if (ImGui::MenuItem("Save", "Ctrl+S")) {
      Status s = ui.session->save();
      ui.status = s ? "saved " + ui.session->path() : s.error().message();
    }
    if (ImGui::MenuItem("Quit")) glfwSetWindowShouldClose(window, GLFW_TRUE);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Undo", "Ctrl+Z")) ui.session->undo();
    if (ImGui::MenuItem("Redo", "Ctrl+Y")) ui.session->redo();
    if (ImGui::MenuItem("Delete selected", "Del", false, ui.selected.size() == 1))
      (void)ui.session->remove(ui.selected.front()), ui.selected.clear();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Tools")) {
    ImGui::MenuItem("Will another GPU fit?", nullptr, &ui.anotherCard,
                    !ui.session->firstCard().empty());
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    for (render::View v :
         {render::View::Iso, render::View::Front, render::View::Side, render::View::Top})
      if (ImGui::MenuItem(render::toString(v))) ui.orbit.preset(v);
    ImGui::EndMenu();
  }
  ImGui::Text("  %s%s", ui.session->path().c_str(), ui.session->dirty() ? " *" : "");
  ImGui::EndMainMenuBar();
}

} // namespace

int runViewer(Catalog catalog, const std::string& buildPath) {
  Result<std::unique_ptr<Session>> session = Session::open(std::move(catalog), buildPath);
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
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  render::GlPainter painter;
  if (Status s = painter.init(); !s) std::cerr << "rigfit: " << s.error().message() << "\n";

  Ui ui;
  ui.session = session->get();
  ui.orbit.frame(render::sceneOf(ui.session->assembly(), ui.session->fit()).bounds);
  const char* probePath = std::getenv("RIGFIT_VIEWER_PROBE");
  const char* shotPath = std::getenv("RIGFIT_VIEWER_SCREENSHOT"); // F12 writes the window there
  glfwSetWindowUserPointer(window, &ui);
  glfwSetWindowCloseCallback(window, [](GLFWwindow* w) {
    Ui* u = static_cast<Ui*>(glfwGetWindowUserPointer(w));
    if (u->session->dirty()) glfwSetWindowShouldClose(w, GLFW_FALSE), u->confirmClose = true;
  });
  long frame = 0;
  while (!glfwWindowShouldClose(window)) {
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    int W, H;
    glfwGetFramebufferSize(window, &W, &H);
    float w = static_cast<float>(W), h = static_cast<float>(H);
    ui.probe = nlohmann::json::object();
    ui.another = ui.anotherCard ? ui.session->anotherCard() : std::vector<Snap>{};
    menuBar(ui, window);
    catalogPanel(ui, h);
    fitPanel(ui, w, h);

    // The 3D view between the panels.
    float vx = kCatalogWidth, vw = w - kCatalogWidth - kFitWidth, vh = h - 20;
    float aspect = vw / vh;
    glm::mat4 VP = ui.orbit.viewProjection(aspect);
    auto project = [&](const glm::dvec3& p) {
      glm::vec4 c = VP * glm::vec4(glm::vec3(p), 1);
      return glm::vec2(vx + (c.x / c.w * 0.5f + 0.5f) * vw, 20 + (0.5f - c.y / c.w * 0.5f) * vh);
    };
    ImGui::SetNextWindowPos({vx, 20});
    ImGui::SetNextWindowSize({vw, vh});
    ImGui::Begin("##view", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings);
    ImGui::SetCursorScreenPos({vx, 20});
    ImGui::InvisibleButton("view", {vw, vh},
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left))
      ui.orbit.rotate(io.MouseDelta.x, io.MouseDelta.y);
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right))
      ui.orbit.pan(io.MouseDelta.x, io.MouseDelta.y);
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) ui.orbit.zoom(io.MouseWheel);

    std::optional<Snap> ghost;
    std::string ghostPart;
    if (const ImGuiPayload* p = ImGui::GetDragDropPayload(); p && p->IsDataType(kPayload)) {
      ghostPart = static_cast<const char*>(p->Data);
      glm::vec2 cursor(io.MousePos.x, io.MousePos.y);
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        ghost = ui.session->snap(ghostPart, project, cursor, kSnapRadiusPx);
      if (ghost) {
        const ProbeAnswer& pa = ghost->answer;
        ImGui::SetTooltip("%s: %s, %.1f mm%s", ghost->where.c_str(),
                          pa.fits ? "fits" : "does not fit", pa.marginMm,
                          pa.openingsMissing ? " (needs another case opening)" : "");
      }
    }
    if (ImGui::BeginDragDropTarget()) {
      if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload); p && ghost) {
        Status s = ui.session->add(ghostPart, *ghost);
        ui.status = s ? "placed " + ghostPart + " on " + ghost->where : s.error().message();
      }
      ImGui::EndDragDropTarget();
    }
    // Where each free mount's anchor is, for every part that can be dragged (for the test).
    if (probePath)
      for (const Part* part : ui.session->catalog().parts())
        if (part->category == Category::Gpu)
          for (const Snap& s : ui.session->candidates(part->id)) {
            glm::vec2 at = project(s.anchor);
            ui.probe["mounts"][part->id][s.where] = {at.x, at.y};
          }
    ImGui::End();

    // Shortcuts, from the key presses GLFW reported since the last frame.
    bool shot = false;
    for (const KeyPress& k : ui.keys) {
      bool ctrl = k.mods & GLFW_MOD_CONTROL;
      if (ctrl && k.key == GLFW_KEY_S) {
        Status s = ui.session->save();
        ui.status = s ? "saved " + ui.session->path() : s.error().message();
      } else if (ctrl && k.key == GLFW_KEY_Z) {
        ui.session->undo();
      } else if (ctrl && k.key == GLFW_KEY_Y) {
        ui.session->redo();
      } else if (k.key == GLFW_KEY_DELETE && !io.WantTextInput && ui.selected.size() == 1) {
        (void)ui.session->remove(ui.selected.front());
        ui.selected.clear();
      } else if (k.key == GLFW_KEY_F12) {
        shot = true;
      }
    }
    ui.keys.clear();

    // File > Open and Save as: a path, then the session's load or save; a file that fails to
    // load leaves the open build in place and says why.
    if (ui.openPopup) ImGui::OpenPopup("Open build"), ui.openPopup = false;
    if (ui.saveAsPopup) ImGui::OpenPopup("Save build as"), ui.saveAsPopup = false;
    for (const char* name : {"Open build", "Save build as"})
      if (ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        bool opening = std::string(name) == "Open build";
        ImGui::SetNextItemWidth(520);
        ImGui::InputText("##path", ui.pathInput, sizeof ui.pathInput);
        if (opening && ui.session->dirty())
          ImGui::TextColored(severityColour(Severity::Warn), "The open build has unsaved changes.");
        if (ImGui::Button(opening ? (ui.session->dirty() ? "Discard changes and open" : "Open")
                                  : "Save")) {
          Status st = opening ? ui.session->load(ui.pathInput) : ui.session->saveAs(ui.pathInput);
          ui.status = st ? std::string(opening ? "opened " : "saved ") + ui.pathInput
                         : st.error().message();
          if (opening && st) ui.selected.clear(), ui.finding = -1;
          ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
      }

    if (ui.confirmClose) ImGui::OpenPopup("Unsaved changes");
    if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      ImGui::Text("The build has changes that are not saved.");
      if (ImGui::Button("Save and close")) {
        if (ui.session->save()) glfwSetWindowShouldClose(window, GLFW_TRUE);
        ui.confirmClose = false, ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Discard changes")) {
        glfwSetWindowShouldClose(window, GLFW_TRUE);
        ui.confirmClose = false, ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) ui.confirmClose = false, ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }

    render::Scene scene = ghost || !ui.anotherCard
                              ? ui.session->scene(ghost ? &*ghost : nullptr, ghostPart, ui.selected)
                              : ui.session->scene(ui.another, ui.session->firstCard(), ui.selected);
    // The selected finding's clearance: a bar across the measured gap or overlap, labelled.
    const auto& findings = ui.session->fit().findings;
    if (ui.finding >= 0 && ui.finding < static_cast<int>(findings.size()) &&
        findings[ui.finding].where && findings[ui.finding].measured) {
      const Finding& f = findings[ui.finding];
      geo::Aabb bar = f.where->inflated(0.75);
      ImVec4 c = severityColour(f.severity);
      scene.boxes.push_back({geo::Box::fromAabb(bar), {c.x, c.y, c.z, 1.0f}, true});
      glm::vec2 at = project(f.where->centre());
      char text[48];
      std::snprintf(text, sizeof text, "%.1f %s", *f.measured, f.unit.c_str());
      ImGui::GetForegroundDrawList()->AddText(ImGui::GetFont(), 18.0f, {at.x + 8, at.y - 20},
                                              ImGui::GetColorU32(c), text);
    }
    ImGui::Render();
    glViewport(0, 0, W, H);
    glClearColor(0.15f, 0.15f, 0.17f, 1);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    // The 3D view's viewport, in GL's bottom-up pixels.
    glViewport(static_cast<int>(vx), 0, static_cast<int>(vw), static_cast<int>(vh));
    glEnable(GL_SCISSOR_TEST);
    glScissor(static_cast<int>(vx), 0, static_cast<int>(vw), static_cast<int>(vh));
    glClearColor(0.97f, 0.97f, 0.97f, 1);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    painter.paint(scene, VP, static_cast<int>(vw), static_cast<int>(vh), false,
                  static_cast<int>(vx), 0);
    glDisable(GL_DEPTH_TEST);
    glViewport(0, 0, W, H);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (shot && shotPath) {
      render::Image img{W, H, std::vector<unsigned char>(static_cast<size_t>(W) * H * 4)};
      std::vector<unsigned char> rows(img.rgba.size());
      glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
      for (int y = 0; y < H; ++y) // GL's rows run bottom-up
        std::copy_n(rows.begin() + static_cast<long>(y) * W * 4, W * 4,
                    img.rgba.begin() + static_cast<long>(H - 1 - y) * W * 4);
      Status s = writeFileAtomic(shotPath, render::encodePng(img));
      ui.status = s ? std::string("screenshot: ") + shotPath : s.error().message();
    }
    glfwSwapBuffers(window);
    if (probePath && ++frame % 5 == 0) {
      ui.probe["frame"] = frame;
      ui.probe["path"] = ui.session->path();
      ui.probe["dirty"] = ui.session->dirty();
      (void)writeFileAtomic(probePath, ui.probe.dump());
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}

} // namespace rigfit::viewer
