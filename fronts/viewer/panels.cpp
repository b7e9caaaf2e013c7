// The viewer's panels: menu bar, catalog, fit findings and the file popups. ImGui only: no GL or
// GLFW here, so the window decides what "quit" and "close" mean.
#include "files.hpp"
#include "report/text.hpp"
#include "ui.hpp"

#include <algorithm>
#include <chrono>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

namespace rigfit::viewer {

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

float menuHeight() {
  return ImGui::GetFrameHeight();
}
namespace {
float textScale() { // 1 at 15 px text (or less: ImGui's own 13 px font keeps the widths)
  return std::max(1.0f, ImGui::GetFontSize() / 15.0f);
}
} // namespace
float catalogWidth() {
  return kCatalogWidth * textScale();
}
float fitWidth() {
  return kFitWidth * textScale();
}

void say(Ui& ui, const Status& s, const std::string& done) {
  ui.status = s ? done : s.error().message();
}

void startNewBuild(Ui& ui, const std::string& caseId) {
  ui.newCase = caseId;
  if (ui.session->dirty())
    ui.confirmNew = true;
  else
    startNewNow(ui);
}

void startNewNow(Ui& ui) {
  Status s = ui.session->startNew(ui.newCase);
  ui.newCase.clear();
  if (!s) return say(ui, s, "");
  ui.selected.clear(), ui.finding.reset();
  ui.orbit.frame(ui.session->boundsOf({})); // the whole case, which may be another size
  say(ui, s,
      "new build in " + ui.session->assembly().items.front().part->name +
          ": drag a motherboard from the catalog into it");
}

void recordItem(Ui& ui, TestProbe::Path path) {
  if (!ui.probe.on()) return;
  ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
  ui.probe.setFirst(path, {(lo.x + hi.x) / 2, (lo.y + hi.y) / 2});
}

void save(Ui& ui) {
  if (ui.session->path().empty()) {
    ui.saveAsPopup = true;
    return;
  }
  say(ui, ui.session->save(), "saved " + ui.session->path());
}

namespace {

// Case: the pieces of the case a builder may take out (drive brackets, a drive cage), each a
// checkable item; taking one out lifts the limits the case publishes with it in.
void caseMenu(Ui& ui) {
  const Instance& chassis = ui.session->build().instances.front();
  const Part* part = ui.session->assembly().items.front().part;
  if (!ImGui::BeginMenu("Case")) {
    // Once open, the item rectangle is the popup's: the menu's own place is read while closed.
    recordItem(ui, {"menu", "Case"});
    return;
  }
  bool any = false;
  const std::string id = chassis.id; // a change below moves the build
  const Options options = chassis.options;
  for (const PartOption& o : part->options) {
    if (!o.toggle) continue;
    any = true;
    auto it = options.find(o.name);
    bool out = it != options.end() && it->second == 1.0;
    std::string label = o.what;
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    if (ImGui::MenuItem(label.c_str(), nullptr, out))
      say(ui, ui.session->setOption(id, o.name, out ? 0.0 : 1.0), (out ? "undone: " : "") + o.what);
    recordItem(ui, {"menu", o.name});
  }
  if (!any) ImGui::TextDisabled("this case has no pieces to take out");
  ImGui::EndMenu();
}

// A catalog part's figures as a tooltip: each value, and "~" with how it was estimated.
void partDetails(const Part& p) {
  ImGui::BeginTooltip();
  ImGui::Text("%s", p.name.c_str());
  ImGui::TextDisabled("%s  (%s)", p.id.c_str(), p.file.c_str());
  ImGui::Separator();
  for (const auto& [name, f] : p.figures) {
    auto text = p.texts.find(name);
    std::string value;
    if (text != p.texts.end()) {
      value = text->second;
    } else {
      char v[32];
      std::snprintf(v, sizeof v, "%g", f.value);
      value = v;
    }
    if (f.estimated())
      ImGui::TextColored(severityColour(Severity::NotChecked), "%s: %s  ~ estimated", name.c_str(),
                         value.c_str());
    else
      ImGui::Text("%s: %s  [%s]", name.c_str(), value.c_str(), f.source.c_str());
  }
  if (p.mesh) ImGui::TextDisabled("drawn from %s", p.mesh->file.c_str());
  ImGui::Separator();
  ImGui::TextDisabled("%s", p.tier == Tier::Curated
                                ? "curated: figures checked by hand, each cited"
                                : "BuildCores OpenDB (ODC-By 1.0): community data, each figure "
                                  "cites its row");
  for (const auto& [key, source] : p.sources)
    ImGui::TextDisabled("[%s] %.90s", key.c_str(), source.c_str());
  ImGui::EndTooltip();
}

// One catalog entry: a part a builder can drag into the case, its details on hover. An OpenDB
// part is read from its row when the builder points at it.
void catalogEntry(Ui& ui, const Listing& l, bool withCategory) {
  std::string label = l.name;
  if (withCategory) label = std::string(toString(l.category)) + "  " + label;
  if (l.tier == Tier::OpenDb) label += "  (OpenDB)";
  ImGui::Selectable((label + "##" + l.id).c_str());
  if (ImGui::IsItemVisible()) recordItem(ui, {"catalog", l.id});
  // A case starts a build: dragged into the view, or from its menu (right click), which stays
  // open while the pointer leaves the entry for it.
  if (l.category == Category::Case && ImGui::BeginPopupContextItem()) {
    if (ImGui::MenuItem("New build in this case")) startNewBuild(ui, l.id);
    if (ImGui::IsItemVisible()) recordItem(ui, {"menu", "New build in this case"});
    ImGui::EndPopup();
  }
  if (!ImGui::IsItemHovered() && !ImGui::IsItemActive()) return;
  std::string why;
  const Part* p = ui.session->part(l.id, &why);
  if (l.category == Category::Case) {
    if (p && ImGui::BeginDragDropSource()) {
      ImGui::SetDragDropPayload(kCasePayload, p->id.c_str(), p->id.size() + 1);
      ImGui::Text("%s: drop it in the view to start a new build in it", p->name.c_str());
      ImGui::EndDragDropSource();
    }
  } else if (ImGui::BeginDragDropSource()) {
    if (p && p->needs) {
      ImGui::SetDragDropPayload(kPartPayload, p->id.c_str(), p->id.size() + 1);
      ImGui::Text("%s", p->name.c_str());
    } else {
      ImGui::Text("cannot use %s: %s", l.name.c_str(), why.c_str());
    }
    ImGui::EndDragDropSource();
  }
  if (!ImGui::IsItemHovered()) return;
  if (p)
    partDetails(*p);
  else
    ImGui::SetTooltip("%s cannot be read: %s", l.name.c_str(), why.c_str());
}

} // namespace

std::future<BackgroundListing> listInBackground(const Catalog& catalog, unsigned long edits,
                                                const std::string& dir, const std::string& cacheDir,
                                                std::shared_ptr<std::atomic<bool>> stop) {
  return std::async(std::launch::async, [catalog, edits, dir, cacheDir, stop] {
    BackgroundListing out;
    out.catalogEdits = edits;
    std::string problem;
    bool made = false;
    try {
      out.index = std::make_shared<const OpenDbIndex>(OpenDbIndex::open(
          catalog, dir, cacheDir, &problem, [&] { made = true; }, stop.get()));
    } catch (const std::exception& e) {
      // Out of memory or the like: the viewer goes on with the curated parts.
      out.index = std::make_shared<const OpenDbIndex>();
      problem = std::string("the BuildCores OpenDB parts could not be listed: ") + e.what();
    }
#ifdef __GLIBC__
    malloc_trim(0); // a first start mapped every row: give those pages back
#endif
    out.listings = allListings(catalog, out.index.get());
    out.search = std::make_unique<PartSearch>(out.listings.all);
    out.problem = !problem.empty();
    out.note = out.problem ? problem
               : made      ? "listed " + std::to_string(out.index->size()) +
                            " BuildCores OpenDB parts (once for this snapshot and program)"
                      : "";
    return out;
  });
}

namespace {

// Takes the OpenDB index when its background listing is done, and makes the list of every part
// and its search again when the catalog or the index changed.
void refreshListings(Ui& ui) {
  using namespace std::chrono_literals;
  if (ui.indexing.valid() && ui.indexing.wait_for(0s) == std::future_status::ready) {
    BackgroundListing got = ui.indexing.get();
    ui.session->setOpenDb(got.index);
    ui.status = withListingNote(std::move(ui.status), got.note, got.problem);
    if (got.catalogEdits == ui.session->catalogEdits()) {
      // Made from the catalog as it still is: taken as it is.
      ui.listings = std::move(got.listings);
      ui.partSearch = std::move(got.search);
      ui.listedSession = ui.session, ui.listedEdits = got.catalogEdits;
      ui.listedIndex = ui.session->openDb();
      ui.lastQuery.clear(), ui.hits.clear();
    }
  }
  if (!ui.partSearch || ui.listedSession != ui.session ||
      ui.listedEdits != ui.session->catalogEdits() || ui.listedIndex != ui.session->openDb()) {
    ui.listings = allListings(ui.session->catalog(), ui.session->openDb());
    ui.partSearch = std::make_unique<PartSearch>(ui.listings.all);
    ui.listedSession = ui.session, ui.listedEdits = ui.session->catalogEdits();
    ui.listedIndex = ui.session->openDb();
    ui.lastQuery.clear(), ui.hits.clear();
  }
  if (ui.listedAfterMs < 0 && ui.listedIndex)
    ui.listedAfterMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - ui.started)
            .count();
}

} // namespace

void menuBar(Ui& ui) {
  if (!ImGui::BeginMainMenuBar()) return;
  bool file = ImGui::BeginMenu("File");
  recordItem(ui, {"menu", "File"});
  if (file) {
    if (ImGui::MenuItem("New")) startNewBuild(ui, "");
    if (ImGui::MenuItem("Open...")) {
      std::snprintf(ui.pathInput, sizeof ui.pathInput, "%s", ui.session->path().c_str());
      ui.openPopup = true;
      // The builds opened lately, and the folder of the open one to browse from.
      ui.recent = recentBuilds(ui.recentFile);
      ui.folder = browse(std::filesystem::path(ui.session->path()).parent_path().string());
    }
    if (ImGui::MenuItem("Import part list...", "Ctrl+V")) {
      ui.importPicks.clear(), ui.imported.reset(), ui.importError.clear();
      ui.importPopup = true;
    }
    recordItem(ui, {"menu", "Import part list"});
    if (ImGui::MenuItem("Save as...")) {
      std::snprintf(ui.pathInput, sizeof ui.pathInput, "%s", ui.session->path().c_str());
      ui.saveAsPopup = true;
    }
    if (ImGui::MenuItem("Save", "Ctrl+S")) save(ui);
    ImGui::Separator();
    for (bool picture : {false, true}) {
      if (ImGui::MenuItem(picture ? "Export picture..." : "Export report...")) {
        // Beside the build's file, named after it; in the working folder for a new build.
        std::filesystem::path p = ui.session->path();
        std::string stem = p.empty() ? "rigfit-build" : (p.parent_path() / p.stem()).string();
        std::snprintf(ui.exportPath, sizeof ui.exportPath, "%s",
                      (stem + (picture ? ".png" : "-report.html")).c_str());
        ui.exportPopup = true, ui.exportingPicture = picture;
      }
      recordItem(ui, {"menu", picture ? "Export picture" : "Export report"});
    }
    ImGui::Separator();
    // Quit with unsaved changes asks, as closing the window does.
    if (ImGui::MenuItem("Quit")) (ui.session->dirty() ? ui.confirmClose : ui.quit) = true;
    recordItem(ui, {"menu", "Quit"});
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Edit")) {
    if (ImGui::MenuItem("Undo", "Ctrl+Z")) ui.session->undo();
    if (ImGui::MenuItem("Redo", "Ctrl+Y")) ui.session->redo();
    if (ImGui::MenuItem("Delete selected", "Del", false, ui.selected.size() == 1))
      say(ui, ui.session->remove(ui.selected.front()), "removed " + ui.selected.front()),
          ui.selected.clear();
    ImGui::EndMenu();
  }
  bool parts = ImGui::BeginMenu("Parts");
  recordItem(ui, {"menu", "Parts"});
  if (parts) {
    if (ImGui::MenuItem("New part from its dimensions...")) ui.formPopup = true;
    recordItem(ui, {"menu", "New part"});
    ImGui::EndMenu();
  }
  caseMenu(ui);
  if (ImGui::BeginMenu("Tools")) {
    ImGui::MenuItem("Will another GPU fit?", nullptr, &ui.anotherCard,
                    !ui.session->firstCard().empty());
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    const char* keys[] = {"1", "2", "3", "4"};
    int k = 0;
    for (render::View v :
         {render::View::Iso, render::View::Front, render::View::Side, render::View::Top})
      if (ImGui::MenuItem(render::toString(v), keys[k++])) ui.orbit.preset(v);
    if (ImGui::MenuItem(ui.selected.empty() ? "Frame the case" : "Frame the selection", "F"))
      ui.orbit.frame(ui.session->boundsOf(ui.selected));
    ImGui::Separator();
    ImGui::MenuItem("Show the case", "C", &ui.style.showCase);
    ImGui::MenuItem("Side panel on", "P", &ui.style.sidePanel, ui.style.showCase);
    ImGui::MenuItem("Show overlaps in red", nullptr, &ui.style.overlaps);
    ImGui::EndMenu();
  }
  const std::string& path = ui.session->path();
  ImGui::Text("  %s%s", path.empty() ? "(not saved yet)" : path.c_str(),
              ui.session->dirty() ? " *" : "");
  ImGui::EndMainMenuBar();
}

void catalogPanel(Ui& ui, float height) {
  ImGui::SetNextWindowPos({0, menuHeight()});
  ImGui::SetNextWindowSize({catalogWidth(), height - menuHeight()});
  ImGui::Begin("Catalog", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
  ImGui::InputTextWithHint("##search", "search parts", ui.search, sizeof ui.search);
  recordItem(ui, {"search"});
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("drag a part into the case; drag a case into the view (or right-click it) "
                     "to start a new build in it");
  ImGui::PopStyleColor();
  refreshListings(ui);
  if (ui.search[0] != '\0') {
    // Words in any order, any case, spaces and punctuation ignored; the best matches first.
    if (ui.lastQuery != ui.search) {
      ui.lastQuery = ui.search;
      ui.hits = ui.partSearch->find(ui.lastQuery, 200);
    }
    if (ui.hits.empty())
      ImGui::TextWrapped("no part matches \"%s\" among %zu: try fewer words, or a model number "
                         "alone",
                         ui.search, ui.listings.all.size());
    for (const SearchHit& h : ui.hits)
      catalogEntry(ui, *h.listing, true);
    ImGui::End();
    return;
  }
  // The curated parts by category, and the OpenDB parts the build uses; the rest by searching.
  if (const OpenDbIndex* index = ui.session->openDb())
    ImGui::TextWrapped("type to search %zu more parts from BuildCores OpenDB", index->size());
  else if (ui.indexing.valid())
    ImGui::TextDisabled("listing the BuildCores OpenDB parts...");
  std::set<std::string> used;
  for (const Instance& item : ui.session->build().instances)
    used.insert(item.part);
  Category current = Category::Case;
  bool open = false, first = true;
  for (const Part* p : ui.session->catalog().parts()) {
    if (p->tier == Tier::OpenDb && !used.count(p->id)) continue;
    if (first || p->category != current) {
      current = p->category, first = false;
      open = ImGui::CollapsingHeader(toString(current), ImGuiTreeNodeFlags_DefaultOpen);
    }
    if (open) catalogEntry(ui, listingOf(*p), false);
  }
  ImGui::End();
}

namespace {

// A finding's message with each part named by its id alone ("gpu1", not "gpu1 (EVGA GeForce
// RTX 2060 XC GAMING)"): the full message is on hover.
std::string shortMessage(const std::string& message, const Assembly& a) {
  std::string out = message;
  for (const Placed& p : a.items) {
    const std::string full = p.id + " (" + p.part->name + ")";
    for (size_t at = out.find(full); at != std::string::npos; at = out.find(full, at + p.id.size()))
      out.replace(at, full.size(), p.id);
  }
  return out;
}

// One finding in the fit panel: its severity and check (click: select its parts and draw its
// dimension), its message with short names, its band where an estimate moves it.
void findingEntry(Ui& ui, const FitResult& r, size_t i) {
  const Finding& f = r.findings[i];
  const bool depends = f.dependsOnFail();
  ImGui::PushID(static_cast<int>(i));
  ImGui::PushStyleColor(ImGuiCol_Text, severityColour(depends ? Severity::Warn : f.severity));
  std::string head = std::string(depends ? "depends" : toString(f.severity)) + "  " + f.check;
  bool chosen = !ui.selected.empty() && ui.selected == f.parts; // nothing selected: none
  if (ImGui::Selectable(head.c_str(), chosen)) {
    // Select its parts and frame them, keeping the direction the builder looks from.
    ui.selected = f.parts, ui.finding = i;
    if (!f.parts.empty()) ui.orbit.frame(ui.session->boundsOf(f.parts));
  }
  if (ImGui::IsItemVisible()) recordItem(ui, {"findings", f.check}); // its first finding
  ImGui::PopStyleColor();
  std::string shortText = shortMessage(f.message, ui.session->assembly());
  ImGui::TextWrapped("%s", shortText.c_str());
  if (shortText != f.message && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.message.c_str());
  if (f.range && f.range->depends())
    for (const std::string& l : rangeLines(f)) {
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
      ImGui::TextWrapped("  %s", l.c_str());
      ImGui::PopStyleColor();
    }
  ImGui::PopID();
}

// A group's heading in the fit panel: the part's short id and name (the build itself for
// findings that name no part), and how many of its findings fail and warn.
void partHeading(const Ui& ui, const FitResult& r, const std::string& id,
                 const std::vector<size_t>& findings) {
  std::string name;
  if (!id.empty())
    if (const Instance* in = ui.session->build().find(id))
      if (const Part* part = ui.session->catalog().find(in->part)) name = part->name;
  size_t fails = 0, depends = 0, warns = 0;
  for (size_t i : findings) {
    const Finding& f = r.findings[i];
    depends += f.dependsOnFail();
    fails += f.severity == Severity::Fail && !f.dependsOnFail();
    warns += f.severity == Severity::Warn && !f.dependsOnFail();
  }
  std::string counts;
  for (auto [n, what] : {std::pair{fails, " fail"}, {depends, " depends"}, {warns, " warn"}})
    if (n) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + what;
  // The short id, the counts, and the part's full name on hover.
  ImGui::Spacing();
  ImGui::TextUnformatted(id.empty() ? "the build" : id.c_str());
  if (!name.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", name.c_str());
  if (!counts.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", counts.c_str());
  }
}

// What the last action did, or why it was refused, at the foot of the fit panel.
void statusLine(const Ui& ui) {
  if (ui.status.empty()) return;
  ImGui::Separator();
  ImGui::TextWrapped("%s", ui.status.c_str());
}

} // namespace

void fitPanel(Ui& ui, float width, float height) {
  ImGui::SetNextWindowPos({width - fitWidth(), menuHeight()});
  ImGui::SetNextWindowSize({fitWidth(), height - menuHeight()});
  ImGui::Begin("Fit", nullptr, ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize);
  const FitResult& r = ui.session->fit();
  const Verdict verdict = r.verdict();
  if (verdict == Verdict::NothingToCheck) {
    // Not "fits": nothing in the case can fail yet. Say what to do instead.
    ImGui::TextDisabled("empty case: nothing to check yet");
    ImGui::TextWrapped("Drag %s from the catalog on the left into the case.",
                       r.missing.empty() ? "a part" : r.missing.front().c_str());
    statusLine(ui);
    ImGui::End();
    return;
  }
  ImGui::TextColored(verdict == Verdict::Depends ? severityColour(Severity::Warn)
                                                 : severityColour(r.worst()),
                     "%s",
                     verdict == Verdict::Depends ? "depends on an estimate"
                     : !r.fits()                 ? "does not fit"
                     : r.missing.empty()         ? "fits"
                                                 : "fits so far");
  ImGui::SameLine();
  ImGui::TextDisabled("%zu fail, %zu warn, %zu pass", r.count(Severity::Fail),
                      r.count(Severity::Warn), r.count(Severity::Pass));
  if (!r.missing.empty())
    ImGui::TextWrapped("Not yet in the build: %s.", joined(r.missing).c_str());
  if (std::string d = decidingFigure(r); !d.empty()) ImGui::TextWrapped("%s", d.c_str());
  ImGui::Separator();
  // The findings scroll; the answers to "another card?" and the status line below them stay on
  // screen. Their room: a line each, and up to three for the status.
  const float line = ImGui::GetTextLineHeightWithSpacing();
  float footer = ui.status.empty() ? 0 : 3 * line + 6;
  if (ui.anotherCard) footer += (1 + 2 * static_cast<float>(ui.another.size())) * line + 6;
  ImGui::BeginChild("findings", {0, -footer});
  // Problems first and open, grouped by the part each is about (the first it names; "" for the
  // build as a whole), the part with the worst first, worst first within a part; the passes
  // folded under one header, closed until asked.
  auto folded = [](const Finding& f) { return f.severity == Severity::Pass && !f.dependsOnFail(); };
  // A finding is about the first part it names other than the case (a card against the
  // shroud is the card's), the case's own when it names no other.
  const std::string caseId = ui.session->assembly().items.front().id;
  auto about = [&](const Finding& f) {
    for (const std::string& p : f.parts)
      if (p != caseId) return p;
    return f.parts.empty() ? std::string() : f.parts.front();
  };
  std::vector<std::string> order; // by each part's first problem: the findings are worst first
  for (const Finding& f : r.findings)
    if (std::string id = about(f);
        !folded(f) && std::find(order.begin(), order.end(), id) == order.end())
      order.push_back(id);
  for (const std::string& id : order) {
    std::vector<size_t> mine;
    for (size_t i = 0; i < r.findings.size(); ++i)
      if (const Finding& f = r.findings[i]; !folded(f) && about(f) == id) mine.push_back(i);
    if (mine.empty()) continue;
    partHeading(ui, r, id, mine);
    ImGui::Indent(ImGui::GetFontSize() * 0.6f);
    for (size_t i : mine)
      findingEntry(ui, r, i);
    ImGui::Unindent(ImGui::GetFontSize() * 0.6f);
  }
  if (auto passes =
          static_cast<size_t>(std::count_if(r.findings.begin(), r.findings.end(), folded));
      passes > 0) {
    bool open = ImGui::CollapsingHeader(
        (std::to_string(passes) + (passes == 1 ? " pass" : " passes") + "##passes").c_str());
    if (ImGui::IsItemVisible()) recordItem(ui, {"findings", "passes"});
    for (size_t i = 0; open && i < r.findings.size(); ++i)
      if (folded(r.findings[i])) findingEntry(ui, r, i);
  }
  ImGui::EndChild();
  if (ui.anotherCard) {
    // Every free slot for another of the first card, coloured by the answer in the 3D view too.
    ImGui::Separator();
    std::string card = ui.session->firstCard();
    ImGui::Text("Another %s:", card.c_str());
    for (const Snap& s : ui.another) {
      ImGui::PushStyleColor(ImGuiCol_Text, !s.answer.fits         ? severityColour(Severity::Fail)
                                           : !s.dependsOn.empty() ? severityColour(Severity::Warn)
                                                                  : severityColour(Severity::Pass));
      ImGui::TextWrapped("  %s: %s%s", s.where.c_str(), probeVerdict(s.answer).c_str(),
                         s.dependsOn.empty() ? "" : (", not with " + s.dependsOn).c_str());
      ImGui::PopStyleColor();
    }
  }
  statusLine(ui);
  ImGui::End();
}

void selectionPanel(Ui& ui, float x, float bottom) {
  if (ui.selected.size() != 1) return;
  const Instance* in = ui.session->build().find(ui.selected.front());
  if (!in) return;
  const Part* part = ui.session->catalog().find(in->part);
  ImGui::SetNextWindowPos({x + 10, bottom - 10}, ImGuiCond_Always, {0, 1});
  // Within the 3D view, never over the fit panel (a narrow window: 1024 px wide).
  const float room = std::max(200.0f, ImGui::GetIO().DisplaySize.x - fitWidth() - x - 20);
  ImGui::SetNextWindowSizeConstraints({0, 0}, {room, ImGui::GetIO().DisplaySize.y});
  ImGui::SetNextWindowBgAlpha(0.9f);
  ImGui::Begin("Selected", nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::Text("%s: %s", in->id.c_str(), part->name.c_str());
  if (!in->parent.empty())
    ImGui::TextDisabled("on %s/%s; drag it in the view to move it", in->parent.c_str(),
                        in->mount.c_str());
  // Copies: `in` points into the history, which a change below may move.
  const std::string id = in->id;
  const Options options = in->options;
  const bool removable = !in->parent.empty();
  for (const PartOption& o : part->options) {
    if (o.toggle) continue; // a case's pieces are in the Case menu
    auto set = options.find(o.name);
    float now = static_cast<float>(set == options.end() ? o.min : set->second);
    std::string key = id + "/" + o.name;
    float v = ui.editingOption == key ? ui.optionEdit : now;
    ImGui::PushID(o.name.c_str());
    ImGui::SetNextItemWidth(220);
    if (ImGui::SliderFloat("##v", &v, static_cast<float>(o.min), static_cast<float>(o.max),
                           ("%.1f " + o.unit).c_str()))
      ui.editingOption = key, ui.optionEdit = v;
    if (ui.probe.on()) { // a slider: its left end, middle height and right end
      ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
      ui.probe.set({"options", o.name}, {lo.x, (lo.y + hi.y) / 2, hi.x});
    }
    if (ImGui::IsItemActivated()) ui.editingOption = key, ui.optionEdit = v;
    if (ImGui::IsItemDeactivated()) {
      if (ImGui::IsItemDeactivatedAfterEdit()) {
        // To the slider's 0.1 mm steps, in double: 6.8f is a hair over 6.8.
        double value =
            std::clamp(std::round(static_cast<double>(ui.optionEdit) * 10) / 10, o.min, o.max);
        char done[96];
        std::snprintf(done, sizeof done, "%s: %s %.1f %s", id.c_str(), o.what.c_str(), value,
                      o.unit.c_str());
        say(ui, ui.session->setOption(id, o.name, value), done);
      }
      ui.editingOption.clear();
    }
    ImGui::SameLine();
    ImGui::Text("%s", o.what.c_str());
    ImGui::PopID();
  }
  if (removable && ImGui::Button("Remove")) {
    say(ui, ui.session->remove(id), "removed " + id);
    ui.selected.clear();
  }
  ImGui::End();
}

} // namespace rigfit::viewer
