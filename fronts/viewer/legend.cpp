// The legend in the 3D view's top corner: what each colour and mark in the view means, in a
// builder's words. Folded with its title bar's arrow; open at first.
#include "ui.hpp"

namespace rigfit::viewer {
namespace {

ImU32 colour(draw::Rgb c, int alpha = 255) {
  return IM_COL32(c.r, c.g, c.b, alpha);
}

// One row: a mark drawn in a square the text's height, then the words.
enum class Mark { Filled, Edges, Ring, Tag };
void row(Mark mark, ImU32 c, const char* words) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = ImGui::GetTextLineHeight();
  ImVec2 at = ImGui::GetCursorScreenPos();
  ImVec2 lo{at.x + 2, at.y + 2}, hi{at.x + s - 2, at.y + s - 2};
  switch (mark) {
  case Mark::Filled:
    dl->AddRectFilled(lo, hi, c, 2);
    break;
  case Mark::Edges:
    dl->AddRect(lo, hi, c, 0, 0, 2);
    break;
  case Mark::Ring:
    dl->AddCircle({(lo.x + hi.x) / 2, (lo.y + hi.y) / 2}, (hi.x - lo.x) / 2, c, 20, 1.5f);
    break;
  case Mark::Tag:
    dl->AddRectFilled(lo, hi, IM_COL32(255, 255, 255, 210), 3);
    dl->AddText({lo.x + 2, lo.y - 2}, IM_COL32(40, 40, 46, 255), "1");
    break;
  }
  ImGui::Dummy({s, s});
  ImGui::SameLine();
  ImGui::TextUnformatted(words);
}

} // namespace

void legendPanel(Ui& ui, const ViewRect& v) {
  using namespace draw::palette;
  ImGui::SetNextWindowPos({v.x + v.width - 8, v.y + 8}, ImGuiCond_Always, {1, 0});
  ImGui::SetNextWindowBgAlpha(0.85f);
  // Open at first; folded when the view becomes too narrow for it to leave the build in
  // sight (a small window), as the builder leaves it otherwise.
  constexpr float kRoomyViewPx = 560;
  const bool narrowed = v.width < kRoomyViewPx && ui.legendViewWidth >= kRoomyViewPx;
  ui.legendViewWidth = v.width;
  if (narrowed) ui.legendFolded = true;
  ImGui::SetNextWindowCollapsed(ui.legendFolded, ImGuiCond_Always);
  ImGui::Begin("Legend", nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing);
  const bool folded = ImGui::IsWindowCollapsed();
  const ImVec2 at = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  ui.legendRect = {{at.x, at.y}, {at.x + size.x, at.y + size.y}};
  if (folded) {
    ui.legendFolded = true;
    ImGui::End();
    return;
  }
  row(Mark::Filled, colour(kFail), "does not fit");
  row(Mark::Filled, colour(kOverlap), "two parts overlap here");
  row(Mark::Edges, colour(kWarn), "room plugs and cables need");
  row(Mark::Ring, colour(kAirflow), "free fan place");
  row(Mark::Edges, colour(kAirflow), "free radiator place");
  row(Mark::Tag, 0, "rear openings, from the top");
  row(Mark::Edges, colour(kSelected), "selected");
  if (ImGui::GetDragDropPayload() || !ui.moving.empty()) {
    ImGui::Separator();
    row(Mark::Filled, colour(kFitsHere), "fits here");
    row(Mark::Filled, colour(kDependsHere), "fits unless an estimate is off");
    row(Mark::Filled, colour(kNotHere), "does not fit here");
  } else {
    ImGui::TextDisabled("hover a part: name, room");
  }
  recordItem(ui, {"legend"});
  ImGui::End();
  ui.legendFolded = folded;
}

} // namespace rigfit::viewer
