// The viewer's modal popups: File > Open and Save as, unsaved changes, and Parts > New part.
// ImGui only, over the Session.
#include "common/text.hpp"
#include "ui.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

namespace rigfit::viewer {

namespace {

// A build picked in File > Open: its path into the box; a double click opens it, unless that
// would drop unsaved changes unasked. Returns whether to open now.
bool pickBuild(Ui& ui, const std::string& path, const std::string& label) {
  if (!ImGui::Selectable(label.c_str(), path == ui.pathInput,
                         ImGuiSelectableFlags_AllowDoubleClick))
    return false;
  std::snprintf(ui.pathInput, sizeof ui.pathInput, "%s", path.c_str());
  return ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && !ui.session->dirty();
}

// File > Open's lists: the builds opened or saved lately, then the folder being browsed (up,
// its subfolders, its builds). Returns whether a double click asked to open one.
bool openChoices(Ui& ui) {
  const float width = ImGui::GetFontSize() * 36;
  bool openNow = false;
  if (!ui.recent.empty()) {
    ImGui::TextDisabled("Recent");
    if (ImGui::BeginListBox(
            "##recent", {width, ImGui::GetTextLineHeightWithSpacing() *
                                    std::min(5.5f, static_cast<float>(ui.recent.size()) + 0.5f)})) {
      for (const std::string& f : ui.recent)
        openNow = pickBuild(ui, f, f) || openNow;
      ImGui::EndListBox();
    }
  }
  ImGui::TextDisabled("In %s", ui.folder.path.c_str());
  std::string enter; // a folder clicked: browsed after the list is drawn
  if (ImGui::BeginListBox("##folder", {width, ImGui::GetTextLineHeightWithSpacing() * 8.5f})) {
    if (!ui.folder.parent.empty() && ImGui::Selectable(".. (up a folder)"))
      enter = ui.folder.parent;
    for (const std::string& d : ui.folder.folders)
      if (ImGui::Selectable((std::filesystem::path(d).filename().string() + "/").c_str()))
        enter = d;
    for (const std::string& f : ui.folder.builds)
      openNow = pickBuild(ui, f, std::filesystem::path(f).filename().string()) || openNow;
    if (ui.folder.folders.empty() && ui.folder.builds.empty())
      ImGui::TextDisabled("no builds or folders here");
    ImGui::EndListBox();
  }
  if (!enter.empty()) ui.folder = browse(enter);
  return openNow;
}

} // namespace

void filePopups(Ui& ui) {
  // File > Open and Save as: a path, then the session's load or save; a file that fails to
  // load leaves the open build in place and says why.
  if (ui.openPopup) ImGui::OpenPopup("Open build"), ui.openPopup = false;
  if (ui.saveAsPopup) ImGui::OpenPopup("Save build as"), ui.saveAsPopup = false;
  for (const char* name : {"Open build", "Save build as"})
    if (ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
      bool opening = std::string(name) == "Open build";
      ImGui::SetNextItemWidth(520);
      ImGui::InputText("##path", ui.pathInput, sizeof ui.pathInput);
      bool openNow = opening && openChoices(ui);
      if (opening && ui.session->dirty())
        ImGui::TextColored(severityColour(Severity::Warn), "The open build has unsaved changes.");
      if (ImGui::Button(opening ? (ui.session->dirty() ? "Discard changes and open" : "Open")
                                : "Save") ||
          openNow) {
        Status st = opening ? ui.session->load(ui.pathInput) : ui.session->saveAs(ui.pathInput);
        say(ui, st, std::string(opening ? "opened " : "saved ") + ui.pathInput);
        if (opening && st) {
          ui.selected.clear(), ui.finding.reset();
          ui.orbit.frame(ui.session->boundsOf({})); // another build may be in another case
        }
        ImGui::CloseCurrentPopup();
      }
      ImGui::SameLine();
      if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }

  // New, or closing the window, with unsaved changes: save, discard or stay.
  if (ui.confirmClose || ui.confirmNew) ImGui::OpenPopup("Unsaved changes");
  if (ImGui::BeginPopupModal("Unsaved changes", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
    bool closing = ui.confirmClose;
    ImGui::Text("The build has changes that are not saved.");
    auto proceed = [&] {
      if (closing)
        ui.quit = true;
      else
        startNewNow(ui);
      ui.confirmClose = ui.confirmNew = false;
      ImGui::CloseCurrentPopup();
    };
    if (ImGui::Button(closing ? "Save and close" : "Save and start new")) {
      if (ui.session->path().empty()) {
        ui.confirmClose = ui.confirmNew = false, ui.saveAsPopup = true;
        ImGui::CloseCurrentPopup();
      } else if (Status s = ui.session->save(); s) {
        proceed();
      } else {
        say(ui, s, "");
        ui.confirmClose = ui.confirmNew = false, ImGui::CloseCurrentPopup();
      }
    }
    ImGui::SameLine();
    if (ImGui::Button("Discard changes")) proceed();
    recordItem(ui, {"unsaved", "Discard"});
    ImGui::SameLine();
    if (ImGui::Button("Cancel"))
      ui.confirmClose = ui.confirmNew = false, ImGui::CloseCurrentPopup();
    recordItem(ui, {"unsaved", "Cancel"});
    ImGui::EndPopup();
  }
}

void recoveryPopup(Ui& ui) {
  if (!ui.recovered) return;
  if (!ImGui::IsPopupOpen("Unsaved work")) ImGui::OpenPopup("Unsaved work");
  if (!ImGui::BeginPopupModal("Unsaved work", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const Recovered& r = *ui.recovered;
  ImGui::Text("rigfit was closed with changes that were not saved (kept at %s).",
              r.savedAt.empty() ? "an unknown time" : r.savedAt.c_str());
  ImGui::Text("Build: %s, %zu parts%s%s", r.build.name.c_str(), r.build.instances.size(),
              r.buildPath.empty() ? ", never saved" : ", from ",
              r.buildPath.empty() ? "" : r.buildPath.c_str());
  auto where = [&](const char* name) { recordItem(ui, {"recovery", name}); };
  bool done = false;
  if (ImGui::Button("Restore the unsaved changes")) {
    Status s = ui.session->restore(r.build, r.buildPath);
    say(ui, s, "restored the unsaved changes: save them with Ctrl+S");
    ui.recoveryKept = s.ok(); // the copy is this session's now: removed once saved
    if (!s) {                 // not offered again at every start, and not lost
      std::string aside = setRecoveryAside(ui.recoveryFile);
      if (!aside.empty()) ui.status += "; the unsaved work is kept at " + aside;
    }
    ui.selected.clear(), ui.finding.reset();
    done = true;
  }
  where("Restore");
  ImGui::SameLine();
  if (ImGui::Button("Discard them")) {
    clearRecovery(ui.recoveryFile);
    say(ui, Ok{}, "discarded the unsaved changes of the last session");
    done = true;
  }
  where("Discard");
  if (done) ui.recovered.reset(), ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

void customPartPopup(Ui& ui) {
  if (ui.formPopup) ImGui::OpenPopup("New part"), ui.formPopup = false;
  if (!ImGui::BeginPopupModal("New part", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  CustomPartForm& form = ui.form;
  ImGui::TextWrapped("Describe a part by its dimensions (a case, board or CPU by what its maker's "
                     "page lists: rigfit estimates the rest and says so); it joins the catalog "
                     "and is checked like any other. A figure left empty makes the checks that "
                     "need it say so.");
  // Where each field is, for the end-to-end test.
  auto where = [&](const std::string& key) { recordItem(ui, {"form", key}); };
  bool categories = ImGui::BeginCombo("category", toString(form.category));
  where("category");
  if (categories) {
    for (Category c : formCategories()) {
      if (ImGui::Selectable(toString(c), c == form.category)) form.category = c;
      where(std::string("category=") + toString(c));
    }
    ImGui::EndCombo();
  }
  // ImGui edits fixed buffers; the form keeps strings.
  auto text = [&](const std::string& label, const std::string& key, std::string& value) {
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", value.c_str());
    ImGui::SetNextItemWidth(280);
    if (ImGui::InputText(label.c_str(), buf, sizeof buf)) value = buf;
    where(key);
  };
  text("name", "name", form.name);
  text("how measured", "how_measured", form.howMeasured);
  ImGui::Separator();
  for (const FormField& f : formFields(form.category)) {
    std::string& v = form.values[f.figure];
    std::string label = f.label + (f.required ? "" : " (optional)");
    if (f.choices.empty()) {
      text(label, f.figure, v);
    } else {
      bool open = ImGui::BeginCombo(label.c_str(), v.empty() ? "choose" : v.c_str());
      where(f.figure);
      if (open) {
        for (const std::string& c : f.choices) {
          if (ImGui::Selectable(c.c_str(), c == v)) v = c;
          where(f.figure + "=" + c);
        }
        ImGui::EndCombo();
      }
    }
  }
  bool add = ImGui::Button("Add to the catalog");
  where("add");
  if (add) {
    Result<nlohmann::json> spec = specOf(form);
    Result<std::string> saved = spec ? ui.session->addCustomPart(*spec, ui.userPartsDir)
                                     : Result<std::string>(spec.error());
    if (saved) {
      std::string id = (*spec)["id"];
      ui.status = "added " + id + " to the catalog (" + *saved + "): drag it into the case";
      std::snprintf(ui.search, sizeof ui.search, "%s", form.name.c_str());
      form = CustomPartForm{};
      ui.formError.clear();
      ImGui::CloseCurrentPopup();
    } else {
      ui.formError = saved.error().message();
    }
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ui.formError.clear(), ImGui::CloseCurrentPopup();
  if (!ui.formError.empty())
    ImGui::TextColored(severityColour(Severity::Fail), "%s", ui.formError.c_str());
  ImGui::EndPopup();
}

std::string swapTarget(const Session& s, const std::string& partId) {
  const Part* p = s.catalog().find(partId);
  if (!p) return "";
  if (p->category == Category::Case) return s.build().instances.front().id;
  if (p->category != Category::Motherboard) return "";
  for (const Placed& item : s.assembly().items)
    if (item.part->category == Category::Motherboard) return item.id;
  return "";
}

void offerCaseOrBoard(Ui& ui, const std::string& partId) {
  const Part* p = ui.session->part(partId);
  if (p && p->category == Category::Case && ui.session->build().instances.size() == 1)
    return startNewBuild(ui, partId); // an empty case: nothing to move
  if (std::string target = swapTarget(*ui.session, partId); !target.empty())
    ui.swapOffer = Ui::SwapOffer{target, partId};
}

void swapPopup(Ui& ui) {
  if (ui.swapOffer && !ImGui::IsPopupOpen("Swap")) ImGui::OpenPopup("Swap");
  if (!ImGui::BeginPopupModal("Swap", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  std::optional<int> at =
      ui.swapOffer ? ui.session->assembly().indexOf(ui.swapOffer->instance) : std::nullopt;
  const Part* next = ui.swapOffer ? ui.session->part(ui.swapOffer->part) : nullptr;
  if (!at || !next) { // the build changed under the offer
    ui.swapOffer.reset();
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Ui::SwapOffer offer = *ui.swapOffer;
  const std::string now = ui.session->assembly().items[static_cast<size_t>(*at)].part->name;
  const bool isCase = next->category == Category::Case;
  ImGui::Text("Swap %s for %s?", now.c_str(), next->name.c_str());
  ImGui::TextDisabled("Its parts move to the same places on the new %s, else to the first place "
                      "that takes them; what cannot move is listed. Ctrl+Z undoes it.",
                      isCase ? "case" : "board");
  auto done = [&] {
    ui.swapOffer.reset();
    ImGui::CloseCurrentPopup();
  };
  if (ImGui::Button(isCase ? "Move the build into it" : "Swap the board")) {
    Result<std::vector<std::string>> moved = ui.session->swap(offer.instance, offer.part);
    if (!moved)
      say(ui, moved.error(), "");
    else
      ui.status = "swapped " + now + " for " + next->name +
                  (moved->empty() ? ": every part moved" : "; not moved: " + joined(*moved, "; "));
    ui.selected.clear(), ui.finding.reset();
    ui.orbit.frame(ui.session->boundsOf({}));
    done();
  }
  recordItem(ui, {"swap", "Swap"});
  if (isCase) {
    ImGui::SameLine();
    if (ImGui::Button("Start an empty build in it")) {
      std::string chosen = offer.part;
      done();
      startNewBuild(ui, chosen);
    }
    recordItem(ui, {"swap", "New"});
  }
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) done();
  ImGui::EndPopup();
}

void exportPopup(Ui& ui) {
  if (ui.exportPopup) ImGui::OpenPopup("Export"), ui.exportPopup = false;
  if (!ImGui::BeginPopupModal("Export", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  const bool picture = ui.exportingPicture;
  ImGui::Text("%s", picture ? "A picture of the window as it is (PNG):"
                            : "The fit report: HTML (.html), Markdown (.md) or JSON (.json):");
  ImGui::SetNextItemWidth(520);
  ImGui::InputText("##exportpath", ui.exportPath, sizeof ui.exportPath);
  recordItem(ui, {"export", "path"});
  if (ImGui::Button("Export")) {
    std::string path = ui.exportPath;
    if (picture) {
      if (std::filesystem::path(path).extension() != ".png")
        ui.status = path + ": a picture is written as PNG: name it .png";
      else
        ui.pictureTo = path; // once this popup is gone from the frame
    } else {
      say(ui, ui.session->exportReport(path), "wrote the report " + path);
    }
    ImGui::CloseCurrentPopup();
  }
  recordItem(ui, {"export", "Export"});
  ImGui::SameLine();
  if (ImGui::Button("Cancel")) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

} // namespace rigfit::viewer
