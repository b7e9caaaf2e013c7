// The 3D view is itself an ImGui item (an invisible button), so it only gets the mouse when
// ImGui does not want it: orbiting, picking, dropping catalog parts and moving placed ones all
// go through ImGui.
#include "dimension.hpp"
#include "ui.hpp"

#include <cmath>
#include <cstdio>
#include <cstring>

namespace rigfit::viewer {

glm::vec2 ViewRect::project(const glm::dvec3& p) const {
  glm::vec4 c = viewProjection * glm::vec4(glm::vec3(p), 1);
  return {x + (c.x / c.w * 0.5f + 0.5f) * width, y + (0.5f - c.y / c.w * 0.5f) * height};
}

std::pair<glm::dvec3, glm::dvec3> ViewRect::ray(glm::vec2 pixel) const {
  float nx = (pixel.x - x) / width * 2 - 1, ny = 1 - (pixel.y - y) / height * 2;
  glm::mat4 inv = glm::inverse(viewProjection);
  glm::vec4 a = inv * glm::vec4(nx, ny, -1, 1), b = inv * glm::vec4(nx, ny, 1, 1);
  glm::dvec3 from = glm::dvec3(a) / double(a.w), to = glm::dvec3(b) / double(b.w);
  return {from, glm::normalize(to - from)};
}

namespace {

void fitTooltip(const Snap& s) {
  const ProbeAnswer& pa = s.answer;
  if (!s.dependsOn.empty())
    ImGui::SetTooltip("%s: %s at its estimated figures, but not with %s", s.where.c_str(),
                      probeVerdict(pa).c_str(), s.dependsOn.c_str());
  else
    ImGui::SetTooltip("%s: %s", s.where.c_str(), probeVerdict(pa).c_str());
}

// The part under the cursor, named: what it is, where it sits, and its least room to material
// (the figure a builder acts on), with the check and the other part.
void hoverLabel(Ui& ui, const std::string& id) {
  const Instance* in = ui.session->build().find(id);
  const Part* part = in ? ui.session->catalog().find(in->part) : nullptr;
  if (!part) return;
  std::string text = id + ": " + part->name;
  if (!in->parent.empty()) text += "\non " + in->parent + " / " + in->mount;
  if (const Finding* f = ui.session->fit().tightestOf(id)) {
    char room[64];
    std::snprintf(room, sizeof room, "%.1f mm%s", std::abs(*f->measured),
                  *f->measured < 0 ? " overlap" : " of room");
    text += "\ntightest: " + std::string(room) + " (" + f->check;
    for (const std::string& other : f->parts)
      if (other != id) text += ", with " + other;
    text += ")";
  } else {
    text += "\nno clearance measured for it";
  }
  ImGui::SetTooltip("%s", text.c_str());
  ui.probe.set({"hover"}, text);
}

// Where each placed part is on screen: the rectangle around its body's projected corners.
std::vector<std::pair<glm::vec2, glm::vec2>> partRects(const Ui& ui, const ViewRect& v) {
  std::vector<std::pair<glm::vec2, glm::vec2>> out;
  const World& w = ui.session->assembly().world();
  for (const WorldSolid& ws : w.solids) {
    if (ws.solid->role != SolidRole::Body || w.itemOf(ws).part->category == Category::Case)
      continue;
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (int k = 0; k < 8; ++k) {
      glm::dvec3 corner((k & 1) ? ws.bounds.hi.x : ws.bounds.lo.x,
                        (k & 2) ? ws.bounds.hi.y : ws.bounds.lo.y,
                        (k & 4) ? ws.bounds.hi.z : ws.bounds.lo.z);
      glm::vec2 p = v.project(corner);
      lo = glm::min(lo, p), hi = glm::max(hi, p);
    }
    out.push_back({lo, hi});
  }
  return out;
}

// How many square pixels of `rects` a box centred at `c` (half-size `half`) covers.
float coveredArea(const std::vector<std::pair<glm::vec2, glm::vec2>>& rects, glm::vec2 c,
                  glm::vec2 half) {
  float area = 0;
  for (const auto& [lo, hi] : rects) {
    glm::vec2 a = glm::max(lo, c - half), b = glm::min(hi, c + half);
    if (a.x < b.x && a.y < b.y) area += (b.x - a.x) * (b.y - a.y);
  }
  return area;
}

// A label's centre near `want` whose box (half-size `half`) covers the least of `rects`, inside
// the view: rings of places around `want`, the nearest of the best.
glm::vec2 labelPlace(const std::vector<std::pair<glm::vec2, glm::vec2>>& rects, glm::vec2 want,
                     glm::vec2 half, const ViewRect& v) {
  auto covered = [&](glm::vec2 c) { return coveredArea(rects, c, half); };
  const glm::vec2 inLo(v.x + half.x + 2, v.y + half.y + 2);
  const glm::vec2 inHi(v.x + v.width - half.x - 2, v.y + v.height - half.y - 2);
  glm::vec2 best = glm::clamp(want, inLo, inHi);
  float bestArea = covered(best);
  constexpr int kDirections = 16;
  for (float r = 24; r <= 480 && bestArea > 0; r += 24)
    for (int k = 0; k < kDirections; ++k) {
      float t = 6.2831853f * static_cast<float>(k) / kDirections;
      glm::vec2 c = glm::clamp(want + r * glm::vec2(std::cos(t), std::sin(t)), inLo, inHi);
      if (float area = covered(c); area < bestArea) best = c, bestArea = area;
    }
  return best;
}

} // namespace

void writeProbe(Ui& ui, const ViewRect& v) {
  const Assembly& a = ui.session->assembly();
  const World& w = a.world();
  for (const WorldSolid& ws : w.solids) {
    const Placed& p = w.itemOf(ws);
    if (ws.solid->role != SolidRole::Body || ui.probe.has({"instances", p.id})) continue;
    geo::Aabb b = ws.box.bounds();
    std::vector<glm::dvec3> tries{b.centre()};
    for (int axis = 0; axis < 3; ++axis)
      for (double t : {0.2, 0.8}) {
        glm::dvec3 q = b.centre();
        q[axis] = b.lo[axis] + t * (b.hi[axis] - b.lo[axis]);
        tries.push_back(q);
      }
    for (const glm::dvec3& q : tries) {
      glm::vec2 at = v.project(q);
      auto [o, d] = v.ray(at);
      if (ui.session->pick(o, d) == p.id) {
        ui.probe.set({"instances", p.id}, {at.x, at.y});
        break;
      }
    }
  }
  for (const Part* part : ui.session->catalog().parts())
    if (part->category == Category::Gpu)
      for (const Snap& s : ui.session->candidates(part->id)) {
        glm::vec2 at = v.project(s.anchor);
        ui.probe.set({"mounts", part->id, s.where}, {at.x, at.y});
      }
}

Ghost view3d(Ui& ui, const ViewRect& v) {
  ImGui::SetNextWindowPos({v.x, v.y});
  ImGui::SetNextWindowSize({v.width, v.height});
  ImGui::Begin("##view", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  ImGui::SetCursorScreenPos({v.x, v.y});
  ImGui::InvisibleButton("view", {v.width, v.height},
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  ImGuiIO& io = ImGui::GetIO();
  glm::vec2 cursor(io.MousePos.x, io.MousePos.y);
  auto project = [&](const glm::dvec3& p) { return v.project(p); };
  Ghost ghost;

  // A left press on a placed part selects it, and dragging then moves it to another mount;
  // a press anywhere else clears the selection and dragging orbits.
  if (ImGui::IsItemActivated() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    auto [o, d] = v.ray(cursor);
    ui.moving = ui.session->pick(o, d);
    ui.selected.clear();
    if (!ui.moving.empty()) ui.selected.push_back(ui.moving);
    ui.finding.reset();
    ui.moveTargets = ui.moving.empty() ? std::vector<Snap>{} : ui.session->moveTargets(ui.moving);
  }
  bool leftDrag = ImGui::IsMouseDragging(ImGuiMouseButton_Left) ||
                  (ImGui::IsItemDeactivated() && ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                   glm::length(glm::vec2(io.MouseDragMaxDistanceAbs[0].x,
                                         io.MouseDragMaxDistanceAbs[0].y)) > io.MouseDragThreshold);
  if (!ui.moving.empty() && leftDrag) {
    if (const Instance* in = ui.session->build().find(ui.moving)) {
      ghost.part = in->part;
      ghost.at = nearest(ui.moveTargets, project, cursor, kSnapRadiusPx);
      if (ghost.at) fitTooltip(*ghost.at);
    }
  } else if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
    ui.orbit.rotate(io.MouseDelta.x, io.MouseDelta.y);
  }
  if (ImGui::IsItemDeactivated() && !ui.moving.empty()) {
    if (ghost.at) {
      std::string what = ui.moving, where = ghost.at->where;
      say(ui, ui.session->move(what, *ghost.at), "moved " + what + " to " + where);
    }
    ui.moving.clear(), ui.moveTargets.clear();
  }
  if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Right))
    ui.orbit.pan(io.MouseDelta.x, io.MouseDelta.y);
  // Resting over a part, nothing dragged: its label.
  if (ImGui::IsItemHovered() && !ImGui::IsItemActive() && !ImGui::GetDragDropPayload()) {
    auto [o, d] = v.ray(cursor);
    if (std::string id = ui.session->pick(o, d); !id.empty()) hoverLabel(ui, id);
  }
  if (ImGui::IsItemHovered() && io.MouseWheel != 0) ui.orbit.zoom(io.MouseWheel);

  // A part dragged in from the catalog snaps to the nearest free mount that takes it.
  if (const ImGuiPayload* p = ImGui::GetDragDropPayload(); p && p->IsDataType(kPartPayload)) {
    ghost.part = static_cast<const char*>(p->Data);
    // Over the 3D view only: over the catalog the drag's own label stays.
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
      // The places once a frame: the snap, and why there is none, both come from them.
      const std::vector<Snap> places = ui.session->candidates(ghost.part);
      ghost.at = nearest(places, project, cursor, kSnapRadiusPx);
      if (ghost.at)
        fitTooltip(*ghost.at);
      else if (places.empty() && !swapTarget(*ui.session, ghost.part).empty())
        ImGui::SetTooltip("drop it to swap the board in the build for it (its parts move over)");
      else if (std::string why = places.empty() ? ui.session->nowhere(ghost.part) : "";
               !why.empty())
        ImGui::SetTooltip("cannot place it: %s", why.c_str()); // said at the cursor
    }
  }
  if (ImGui::BeginDragDropTarget()) {
    if (ImGui::AcceptDragDropPayload(kPartPayload)) {
      if (ghost.at)
        say(ui, ui.session->add(ghost.part, *ghost.at),
            "placed " + ghost.part + " on " + ghost.at->where);
      else if (!swapTarget(*ui.session, ghost.part).empty() &&
               ui.session->candidates(ghost.part).empty())
        offerCaseOrBoard(ui, ghost.part); // a second board: swap the one in the build
      else if (std::string why = ui.session->nowhere(ghost.part); !why.empty())
        ui.status = "cannot place " + ghost.part + ": " + why;
      else
        ui.status = "not placed: drop " + ghost.part +
                    " nearer one of the places drawn in the view (green where it fits)";
    }
    if (const ImGuiPayload* c = ImGui::AcceptDragDropPayload(kCasePayload))
      offerCaseOrBoard(ui, static_cast<const char*>(c->Data));
    ImGui::EndDragDropTarget();
  }
  ImGui::End();
  return ghost;
}

void drawLabels(const render::Scene& scene, const ViewRect& v) {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const float size = ImGui::GetFontSize() * 0.85f;
  for (const render::DrawLabel& l : scene.labels) {
    glm::vec2 at = v.project(l.at);
    if (at.x < v.x || at.y < v.y || at.x > v.x + v.width || at.y > v.y + v.height) continue;
    // On a light tag, so it reads over dark parts as well as over the background.
    ImVec2 ext = ImGui::GetFont()->CalcTextSizeA(size, 1e9f, 0, l.text.c_str());
    ImVec2 lo{at.x - ext.x / 2 - 3, at.y - ext.y / 2 - 1},
        hi{at.x + ext.x / 2 + 3, at.y + ext.y / 2 + 1};
    dl->AddRectFilled(lo, hi, IM_COL32(255, 255, 255, 210), 3);
    dl->AddText(ImGui::GetFont(), size, {lo.x + 3, lo.y + 1}, IM_COL32(40, 40, 46, 255),
                l.text.c_str());
  }
}

void drawDimension(Ui& ui, const ViewRect& v) {
  const auto& findings = ui.session->fit().findings;
  if (!ui.finding || *ui.finding >= findings.size()) return;
  const Finding& f = findings[*ui.finding];
  std::optional<Dimension> d = dimensionOf(f);
  if (!d) return;
  // Under the windows (the legend, the Selected panel, popups), over the 3D view.
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  ImU32 c = ImGui::GetColorU32(severityColour(f.severity));
  glm::vec2 a = v.project(d->from), b = v.project(d->to);
  glm::vec2 along = b - a;
  float len = glm::length(along);
  glm::vec2 u = len > 0.5f ? along / len : glm::vec2(1, 0), n(-u.y, u.x);
  // Extension ticks across each end, the line, and arrowheads pointing at the two faces; a gap
  // too short on screen for its arrows gets them outside, pointing in, as drawings do.
  constexpr float kTick = 10, kArrow = 9, kArrowHalf = 4;
  for (glm::vec2 e : {a, b})
    dl->AddLine({e.x - n.x * kTick, e.y - n.y * kTick}, {e.x + n.x * kTick, e.y + n.y * kTick}, c,
                2);
  dl->AddLine({a.x, a.y}, {b.x, b.y}, c, 2);
  bool inside = len > 3 * kArrow;
  auto arrow = [&](glm::vec2 tip, glm::vec2 dir) {
    glm::vec2 base = tip - dir * kArrow;
    dl->AddTriangleFilled({tip.x, tip.y}, {base.x + n.x * kArrowHalf, base.y + n.y * kArrowHalf},
                          {base.x - n.x * kArrowHalf, base.y - n.y * kArrowHalf}, c);
  };
  arrow(a, inside ? -u : u);
  arrow(b, inside ? u : -u);
  if (!inside) { // leaders for the outside arrows
    dl->AddLine({a.x - u.x * 2 * kArrow, a.y - u.y * 2 * kArrow}, {a.x, a.y}, c, 2);
    dl->AddLine({b.x, b.y}, {b.x + u.x * 2 * kArrow, b.y + u.y * 2 * kArrow}, c, 2);
  }
  char text[96];
  std::snprintf(text, sizeof text, "%.1f mm%s", d->valueMm, d->valueMm < 0 ? " overlap" : "");
  if (f.range && f.range->worst && f.range->best) // the band the estimates leave it in
    std::snprintf(text + std::strlen(text), sizeof text - std::strlen(text), " (%.1f to %.1f)",
                  *f.range->worst, *f.range->best);
  // The label beside the line, clear of it and of the ticks whichever way the line runs, and
  // of the parts: where it would cover one, it moves to the nearest place that covers none (or
  // the least), on a leader from the line's middle.
  ImVec2 size = ImGui::GetFont()->CalcTextSizeA(18.0f, 1e9f, 0, text);
  float clear = std::abs(n.x) * size.x / 2 + std::abs(n.y) * size.y / 2 + kTick + 6;
  const glm::vec2 centre = (a + b) * 0.5f;
  const glm::vec2 half{size.x / 2 + 4, size.y / 2 + 2};
  auto rects = partRects(ui, v);
  if (ui.legendRect) rects.push_back(*ui.legendRect); // nor under the legend
  glm::vec2 mid = labelPlace(rects, centre + n * clear, half, v);
  ImVec2 lo{mid.x - half.x, mid.y - half.y}, hi{mid.x + half.x, mid.y + half.y};
  if (glm::length(mid - (centre + n * clear)) > 1) {
    glm::vec2 end = glm::clamp(centre, glm::vec2(lo.x, lo.y), glm::vec2(hi.x, hi.y));
    dl->AddLine({centre.x, centre.y}, {end.x, end.y}, c, 1.5f);
  }
  dl->AddRectFilled(lo, hi, IM_COL32(255, 255, 255, 230), 3);
  dl->AddRect(lo, hi, c, 3);
  dl->AddText(ImGui::GetFont(), 18.0f, {lo.x + 4, lo.y + 2}, c, text);
  ui.probe.set({"dimension"}, {{"check", f.check},
                               {"value_mm", d->valueMm},
                               {"from", {a.x, a.y}},
                               {"to", {b.x, b.y}},
                               {"label", {lo.x, lo.y, hi.x, hi.y}},
                               {"label_over_parts_px", coveredArea(rects, mid, half)}});
}

} // namespace rigfit::viewer
