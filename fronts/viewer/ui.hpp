#pragma once
// The viewer's state between frames and the pieces of a frame: the panels (ImGui only) and the
// 3D view. The window (GLFW, GL) owns a Ui and calls these in the canonical ImGui frame order.
#include "catalog/opendb_index.hpp"
#include "catalog/search.hpp"
#include "custom_part.hpp"
#include "files.hpp"
#include "orbit.hpp"
#include "recovery.hpp"
#include "session.hpp"
#include "status_line.hpp"
#include "test_probe.hpp"

#include <atomic>
#include <chrono>
#include <future>
#include <imgui.h>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rigfit::viewer {

// The panels' layout in the window's pixels, at 15 px text; menuHeight() and the widths follow
// the font as ImGui has it (DejaVu at the screen's content scale), so a HiDPI screen scales them.
constexpr float kMenuHeight = 20, kCatalogWidth = 300, kFitWidth = 400;
float menuHeight();   // the main menu bar's: ImGui's frame height
float catalogWidth(); // kCatalogWidth, scaled with the text
float fitWidth();     // kFitWidth, scaled with the text
// The drag-and-drop payload of a catalog part: its id.
inline constexpr const char* kPartPayload = "RIGFIT_PART";
// A case dragged from the catalog: dropped in the view, a new build starts in it.
inline constexpr const char* kCasePayload = "RIGFIT_CASE";
// How near the cursor a mount's anchor must be for a dragged part to snap to it.
constexpr float kSnapRadiusPx = 90;

// Key presses as GLFW reports them, queued by its key callback: polling key state once a frame
// misses a tap whose press and release fall between two frames.
struct KeyPress {
  int key, mods;
};

// What the viewer lists in the background at start: the OpenDB index, and the listings and
// search of the catalog as it was then with it; what it said, for the status line: a problem
// (the snapshot could not be read), or only news (a first start listed it).
struct BackgroundListing {
  std::shared_ptr<const OpenDbIndex> index;
  Listings listings;
  std::unique_ptr<PartSearch> search;
  unsigned long catalogEdits = 0; // the session's when it started
  std::string note;
  bool problem = false;
};
// Starts it: `catalog` is copied (its parts shared), `dir` is the snapshot, `cacheDir` where
// its listings are kept; setting `stop` ends the listing early (the viewer is closing).
std::future<BackgroundListing> listInBackground(const Catalog& catalog, unsigned long edits,
                                                const std::string& dir, const std::string& cacheDir,
                                                std::shared_ptr<std::atomic<bool>> stop);

struct Ui {
  Session* session = nullptr;
  Orbit orbit;
  char search[64] = "";
  // The OpenDB snapshot's names, listed in the background at start (a first start maps every
  // row, about 2 s), with every part's listing and their search made there too.
  std::future<BackgroundListing> indexing;
  // Set when the viewer closes: a first start's listing stops instead of holding the exit.
  std::shared_ptr<std::atomic<bool>> stopListing = std::make_shared<std::atomic<bool>>(false);
  ~Ui() { *stopListing = true; } // before `indexing`, whose end waits for the thread
  Ui() = default;
  Ui(const Ui&) = delete;
  Ui& operator=(const Ui&) = delete;
  // Every part a builder can pick (the catalog's and the index's) and its search, made again
  // when the catalog changes (a part made) or the index arrives; the last query's hits.
  Listings listings;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  double listedAfterMs = -1; // when the index arrived, after the start (for the benchmark)
  std::unique_ptr<PartSearch> partSearch;
  const Session* listedSession = nullptr;
  unsigned long listedEdits = 0;
  const OpenDbIndex* listedIndex = nullptr;
  std::string lastQuery;
  std::vector<SearchHit> hits;
  std::vector<std::string> selected;
  std::string status;
  std::vector<KeyPress> keys;   // pressed since the last frame
  bool legendFolded = false;    // the legend in the 3D view, folded by its title's arrow
  float legendViewWidth = 1e9f; // the view's width when the legend was last drawn
  std::optional<std::pair<glm::vec2, glm::vec2>> legendRect; // where it is on screen
  render::SceneStyle style;      // the case shown or hidden, overlaps shown
  bool anotherCard = false;      // "will another GPU fit?" is showing
  std::vector<Snap> another;     // its answers, probed once a frame
  std::optional<size_t> finding; // the selected finding: its clearance is drawn in the 3D view
  // A placed part being dragged to another mount, and where it could go (probed once a drag).
  std::string moving;
  std::vector<Snap> moveTargets;
  // An option's slider being dragged ("instance/option") and its value: the build changes
  // once, when the slider is let go.
  std::string editingOption;
  float optionEdit = 0;
  std::string userPartsDir; // where Parts > New part saves
  CustomPartForm form;      // Parts > New part, as filled so far
  bool formPopup = false;
  std::string formError;    // why the form's part was not added
  char pathInput[512] = ""; // the Open / Save as popups' path
  // File > Open: the builds opened or saved lately, and the folder being browsed.
  std::vector<std::string> recent;
  Folder folder;
  std::string recentFile;     // where the recent builds are kept ("": nowhere)
  std::string rememberedPath; // the last build put in the recent list
  bool openPopup = false, saveAsPopup = false;
  // File > Export report and Export picture: which one the popup is for, and a picture asked
  // for, written once the next frame is drawn (the popup closed).
  bool exportPopup = false, exportingPicture = false;
  char exportPath[512] = "";
  std::string pictureTo;
  // File > Import part list (or Ctrl+V with a list on the clipboard): the list's text, the
  // file it was read from ("" when pasted), what its last import made of each line, and the
  // builder's choices for the lines rigfit would not guess, for the next import.
  bool importPopup = false;
  std::vector<char> importText = std::vector<char>(64 * 1024, '\0');
  char importPath[512] = "";
  std::string importSource, importError;
  std::optional<ImportedList> imported;
  std::map<int, std::string> importPicks;
  bool confirmClose = false, confirmNew = false, quit = false;
  std::string newCase; // the case a confirmed New starts in: the open build's when empty
  // A case dropped on a build with parts, or a board on a build that has one: swap it (its parts
  // move over) or, for a case, start an empty build in it. Asked in a popup.
  struct SwapOffer {
    std::string instance, part;
  };
  std::optional<SwapOffer> swapOffer;
  // Unsaved work found at start (the recovery copy), offered back until restored or dropped.
  std::optional<Recovered> recovered;
  std::string recoveryFile;
  bool recoveryKept = false; // the recovery file holds this session's unsaved work
  // For the end-to-end test: where things are on screen and how long frames take, written when
  // RIGFIT_VIEWER_PROBE names a file.
  TestProbe probe; // for the end-to-end test only; records nothing unless it asked
};

ImVec4 severityColour(Severity s);
void say(Ui& ui, const Status& s, const std::string& done); // the status line
// For the end-to-end test: the centre of the last widget, recorded at `path` when it asked (the
// first one a frame records there stays).
void recordItem(Ui& ui, TestProbe::Path path);
// Ctrl+S and File > Save: a build that has no file yet asks for one.
void save(Ui& ui);
// File > New, or a case dropped in the view: an empty build in `caseId` (the open build's case
// when empty), after asking about unsaved changes.
void startNewBuild(Ui& ui, const std::string& caseId);
// Once asked, or with nothing unsaved.
void startNewNow(Ui& ui);

void menuBar(Ui& ui);
void catalogPanel(Ui& ui, float height);
void fitPanel(Ui& ui, float width, float height);
void filePopups(Ui& ui);  // Open, Save as, New and close with unsaved changes
void swapPopup(Ui& ui);   // a case or board dropped on the build: swap it, or start anew
void exportPopup(Ui& ui); // File > Export report or picture: where to
// A case or board dropped in the view: what it offers (a new build, or a swap to confirm).
void offerCaseOrBoard(Ui& ui, const std::string& partId);
// The instance a dropped case or board would swap: the case, or the board; "" for neither.
std::string swapTarget(const Session& s, const std::string& partId);
void customPartPopup(Ui& ui); // Parts > New part: a part described by its dimensions
void importPopup(Ui& ui);     // File > Import part list: pasted or read, matched, chosen
// Ctrl+V over the view: a part list on the clipboard opens the import with it; anything else
// is said on the status line.
void pasteList(Ui& ui, const char* clipboard);
void recoveryPopup(Ui& ui); // unsaved work of a session that ended without saving, offered back
// The one selected part: what it is, where it sits, its options, and a button to remove it.
void selectionPanel(Ui& ui, float x, float bottom);

// The 3D view between the panels: orbit, pan, zoom, picking, dragging parts in from the catalog
// and between mounts. Returns the ghost to draw (a part at a mount, with its fit) and its part.
struct ViewRect {
  float x, y, width, height; // in the window's pixels
  glm::mat4 viewProjection;
  glm::vec2 project(const glm::dvec3& p) const;
  // The ray under a pixel, in the case frame: origin and direction.
  std::pair<glm::dvec3, glm::dvec3> ray(glm::vec2 pixel) const;
};
struct Ghost {
  std::optional<Snap> at;
  std::string part;
};
Ghost view3d(Ui& ui, const ViewRect& view);
// For the end-to-end test (RIGFIT_VIEWER_PROBE), into ui.probe: a pixel where each placed part
// can be grabbed, and where every free mount of each card is. Only on the frames that write the
// probe, outside the frame's timed work.
void writeProbe(Ui& ui, const ViewRect& view);

// What each colour and mark in the 3D view means, in its top corner (folds away).
void legendPanel(Ui& ui, const ViewRect& view);

// The scene's words (the rear openings' numbers) at their places in the 3D view, under the
// panels.
void drawLabels(const render::Scene& scene, const ViewRect& view);

// The selected finding's measured gap as a dimension line with its value, over the 3D view.
void drawDimension(Ui& ui, const ViewRect& view);

} // namespace rigfit::viewer
