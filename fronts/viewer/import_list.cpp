// File > Import part list (issue 15): a PCPartPicker list pasted or read from a file, made into
// the open build as `rigfit import` makes it; each line's outcome listed, with a chooser for
// the lines rigfit would not guess (close candidates of different sizes, or no sure match).
#include "common/file.hpp"
#include "common/text.hpp"
#include "ui.hpp"

#include <algorithm>

namespace rigfit::viewer {
namespace {

void importNow(Ui& ui) {
  const std::string text(ui.importText.data());
  const std::string source = ui.importSource.empty() ? "the pasted list" : ui.importSource;
  Result<ImportedList> imported = ui.session->importList(text, source, ui.importPicks);
  if (!imported) {
    ui.importError = imported.error().message();
    ui.imported.reset();
    return;
  }
  ui.importError = imported->problem;
  ui.imported = std::move(imported).value();
  if (!ui.importError.empty()) return; // no case: the open build stays
  ui.selected.clear(), ui.finding.reset();
  ui.orbit.frame(ui.session->boundsOf({}));
  size_t placed = 0, modelled = 0;
  for (const ImportedLine& l : ui.imported->lines) {
    modelled += l.outcome != LineOutcome::Skipped;
    placed += l.outcome == LineOutcome::Placed && l.missing == 0;
  }
  ui.status = "imported " + source + ": " + std::to_string(placed) + " of " +
              std::to_string(modelled) + " parts placed (unsaved: File > Save as)";
}

// A line's chooser: its candidates (or nearest names), the chosen one kept as a pick for the
// next import.
void chooser(Ui& ui, const ImportedLine& l) {
  std::string& pick = ui.importPicks[l.item.line];
  std::string label = pick.empty() ? "choose..." : pick;
  ImGui::SetNextItemWidth(420);
  ImGui::PushID(l.item.line);
  if (ImGui::BeginCombo("##pick", label.c_str())) {
    for (const std::string& id : l.candidates) {
      const Part* p = ui.session->part(id);
      std::string shown = p ? p->name + "  (" + id + ")" : id;
      if (ImGui::Selectable(shown.c_str(), pick == id)) pick = id;
    }
    ImGui::EndCombo();
  }
  ImGui::PopID();
  if (pick.empty()) ui.importPicks.erase(l.item.line);
}

// Text in a verdict's colour, wrapped at the column's or the popup's edge.
void colouredText(Severity s, const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, severityColour(s));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void lineRow(Ui& ui, const ImportedLine& l) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::Text("%d", l.item.line);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(l.item.type.c_str());
  ImGui::TableNextColumn();
  ImGui::TextWrapped("%s", l.item.name.c_str());
  ImGui::TableNextColumn();
  const bool whole = l.missing == 0 && l.note.find("does not fit") == std::string::npos;
  switch (l.outcome) {
  case LineOutcome::Placed:
    colouredText(whole ? Severity::Pass : Severity::Warn, l.partName);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s; confidence %.2f; on %s", l.how.c_str(), l.confidence,
                       joined(l.instances).c_str());
    ImGui::PopStyleColor();
    if (!l.note.empty()) ImGui::TextWrapped("%s", l.note.c_str());
    break;
  case LineOutcome::Unplaced:
    colouredText(Severity::Warn, "not placed: " + l.partName);
    ImGui::TextWrapped("%s", l.note.c_str());
    break;
  case LineOutcome::Ambiguous:
    ImGui::TextColored(severityColour(Severity::Warn), "which one?");
    ImGui::TextWrapped("%s", l.note.c_str());
    chooser(ui, l);
    break;
  case LineOutcome::Unmatched:
    ImGui::TextColored(severityColour(Severity::Fail), "no sure match");
    if (l.candidates.empty())
      ImGui::TextWrapped("Nothing in the catalog is near it: search the catalog on the left.");
    else
      chooser(ui, l);
    break;
  case LineOutcome::Skipped:
    ImGui::TextDisabled("skipped: %s", l.note.c_str());
    break;
  }
}

} // namespace

void importPopup(Ui& ui) {
  if (ui.importPopup) ImGui::OpenPopup("Import part list"), ui.importPopup = false;
  // Centred, whatever it grows to once the lines are listed.
  ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("Import part list", nullptr, ImGuiWindowFlags_AlwaysAutoResize))
    return;
  ImGui::TextUnformatted("Paste a PCPartPicker part list (its Markdown, HTML or text export, or "
                         "the text of a list page), or read one from a file:");
  // Another list (typed, pasted or read): the last one's outcome and choices do not apply to
  // its lines.
  auto anotherList = [&] { ui.importPicks.clear(), ui.imported.reset(), ui.importError.clear(); };
  if (ImGui::InputTextMultiline("##list", ui.importText.data(), ui.importText.size(),
                                ImVec2(760, 110)))
    ui.importSource.clear(), anotherList(); // no longer the file's text
  recordItem(ui, {"import", "text"});
  ImGui::SetNextItemWidth(600);
  ImGui::InputText("##listpath", ui.importPath, sizeof ui.importPath);
  recordItem(ui, {"import", "path"});
  ImGui::SameLine();
  const bool read = ImGui::Button("Read file");
  recordItem(ui, {"import", "Read file"});
  if (read) {
    Result<std::string> text = readFileText(ui.importPath);
    if (!text) {
      ui.importError = text.error().message();
    } else if (text->size() + 1 > ui.importText.size()) {
      ui.importError = std::string(ui.importPath) + ": too long for a part list (" +
                       std::to_string(text->size()) + " bytes; at most " +
                       std::to_string(ui.importText.size() - 1) + ")";
    } else {
      std::copy(text->begin(), text->end(), ui.importText.begin());
      ui.importText[text->size()] = '\0';
      anotherList();
      ui.importSource = ui.importPath;
    }
  }
  // One line whether or not the listing has ended: its end moves no button under the cursor.
  if (const OpenDbIndex* index = ui.session->openDb())
    ImGui::TextDisabled("Matched against the curated parts and %zu BuildCores OpenDB parts.",
                        index->size());
  else if (ui.indexing.valid())
    ImGui::TextColored(severityColour(Severity::Info),
                       "The OpenDB parts are still being listed: only the curated parts can be "
                       "matched until they are.");
  else
    ImGui::TextDisabled("Matched against the curated parts (no OpenDB snapshot).");
  if (ui.session->dirty() && !ui.imported)
    ImGui::TextColored(severityColour(Severity::Warn),
                       "The open build has unsaved changes: importing replaces it.");
  const bool picked = !ui.importPicks.empty();
  if (ImGui::Button(ui.imported && picked ? "Import again with these choices" : "Import"))
    importNow(ui);
  recordItem(ui, {"import", "Import"});
  ImGui::SameLine();
  if (ImGui::Button("Close")) {
    ui.imported.reset(), ui.importPicks.clear(), ui.importError.clear();
    ImGui::CloseCurrentPopup();
  }
  recordItem(ui, {"import", "Close"});
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + 760); // the popup's width, not the error's
  if (!ui.importError.empty()) colouredText(Severity::Fail, ui.importError);
  if (ui.imported && !ui.imported->lines.empty()) {
    ImGui::Separator();
    ImGui::Text("Read as %s: what each line became (the fit panel has the check):",
                ui.imported->format.c_str());
    size_t choose = 0, unmatched = 0;
    for (const ImportedLine& l : ui.imported->lines) {
      choose += l.outcome == LineOutcome::Ambiguous;
      unmatched += l.outcome == LineOutcome::Unmatched;
    }
    if (choose + unmatched > 0)
      colouredText(Severity::Warn,
                   std::to_string(choose) + (choose == 1 ? " line" : " lines") +
                       " to choose a part for, " + std::to_string(unmatched) +
                       " with no sure match: choose in their rows below, then Import again.");
    ImGui::PopTextWrapPos(); // the table's columns wrap at their own edges
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
    // As tall as the window leaves room for (the popup sizes itself to what it holds).
    const float tall = std::max(140.0f, ImGui::GetMainViewport()->WorkSize.y - 400.0f);
    if (ImGui::BeginTable("##lines", 4, flags, ImVec2(760, std::min(tall, 420.0f)))) {
      ImGui::TableSetupColumn("line", ImGuiTableColumnFlags_WidthFixed, 34);
      ImGui::TableSetupColumn("type", ImGuiTableColumnFlags_WidthFixed, 90);
      ImGui::TableSetupColumn("the list says", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn("rigfit's part", ImGuiTableColumnFlags_WidthStretch, 1.2f);
      ImGui::TableHeadersRow();
      for (const ImportedLine& l : ui.imported->lines)
        lineRow(ui, l);
      ImGui::EndTable();
    }
    for (const std::string& u : ui.imported->unreadable)
      colouredText(Severity::Warn, "not read: " + u);
  } else {
    ImGui::PopTextWrapPos();
  }
  ImGui::EndPopup();
}

// Ctrl+V over the view: a part list on the clipboard opens the import with it.
void pasteList(Ui& ui, const char* clipboard) {
  const std::string text = clipboard ? clipboard : "";
  if (text.empty() || !parsePartList(text, "the clipboard")) {
    ui.status = "Ctrl+V: the clipboard holds no part list (File > Import part list says which "
                "forms rigfit reads)";
    return;
  }
  if (text.size() + 1 > ui.importText.size()) {
    ui.status = "Ctrl+V: the clipboard's list is too long to import";
    return;
  }
  std::copy(text.begin(), text.end(), ui.importText.begin());
  ui.importText[text.size()] = '\0';
  ui.importSource.clear(), ui.importPicks.clear(), ui.imported.reset(), ui.importError.clear();
  ui.importPopup = true;
}

} // namespace rigfit::viewer
