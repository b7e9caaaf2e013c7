#pragma once
// What the viewer edits: a build with its history, file and fit, and where a dragged part would
// snap. No GL, GLFW or ImGui here, so it is tested headless.
#include "assembly/history.hpp"
#include "catalog/opendb_index.hpp"
#include "fit/fit.hpp"
#include "fit/probe.hpp"
#include "partlist/import.hpp"
#include "scene.hpp"

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

namespace rigfit::viewer {

// A free, compatible mount a part could go to, and how it would fit there.
// It names its parent by instance id, so a snap kept while the build changes (undo, delete)
// is looked up again rather than pointing at another part.
struct Snap {
  std::string parent; // instance id of the part that offers the mount
  std::string mount;  // mount name on that part
  std::string where;  // "board/PCIEX16_2"
  glm::dvec3 anchor;  // the centre of the part's bounds at that mount, case frame
  ProbeAnswer answer; // fits, margin, what blocks it
  // When it fits at the part's estimated figures but not at an end of one's band: which, as
  // "its height_mm at 149.3 mm (...)". Only the dragged part's own bands are tried while
  // dragging; the build's are tried with the full check when it is dropped.
  std::string dependsOn;
};

// The snap whose anchor `project`s nearest to `cursor`, within `radius` pixels.
std::optional<Snap> nearest(const std::vector<Snap>& snaps,
                            const std::function<glm::vec2(const glm::dvec3&)>& project,
                            glm::vec2 cursor, float radius);

class Session {
public:
  // Meshes that draw parts are looked up in `assetDirs` (none: every part drawn from its boxes).
  static Result<std::unique_ptr<Session>> open(Catalog catalog, const std::string& path,
                                               std::vector<std::string> assetDirs = {});

  const Catalog& catalog() const { return catalog_; }
  const Build& build() const { return history_.current(); }
  const Assembly& assembly() const { return *assembly_; }
  const FitResult& fit() const { return fit_; }
  const std::string& path() const { return path_; }
  bool dirty() const { return dirty_; }

  // Every free mount `partId` could go to, with its fit (empty for an unknown part).
  std::vector<Snap> candidates(const std::string& partId) const;
  // The candidate whose anchor `project`s nearest to `cursor`, within `radius` pixels.
  std::optional<Snap> snap(const std::string& partId,
                           const std::function<glm::vec2(const glm::dvec3&)>& project,
                           glm::vec2 cursor, float radius) const;

  // "Will another GPU fit?": the first card's part id, and every free slot tried for another.
  std::string firstCard() const;
  std::vector<Snap> anotherCard() const { return candidates(firstCard()); }

  // Every free mount a placed part could move to, measured against the build without it (and
  // without what hangs off it, which moves along).
  std::vector<Snap> moveTargets(const std::string& instanceId) const;
  // The nearest placed part (not the case) whose bodies the ray meets, or "".
  std::string pick(const glm::dvec3& origin, const glm::dvec3& direction) const;

  Status add(const std::string& partId, const Snap& at);      // places it; undoable
  Status move(const std::string& instanceId, const Snap& to); // to one of moveTargets; undoable
  Status remove(const std::string& instanceId);               // with what hangs off it; undoable
  // One of a placed part's options (a tower cooler's raised fan), within the part's range;
  // undoable.
  Status setOption(const std::string& instanceId, const std::string& option, double value);
  bool undo();
  bool redo();
  Status save(); // to path(); the old file kept on failure
  Status saveAs(const std::string& path);
  Status load(const std::string& path); // a bad file leaves the current build open
  // An empty build, not yet saved anywhere (path() is ""), in the case `caseId` names, or in the
  // same case when it names none; an Error (the open build kept) when it is not a case.
  Status startNew(const std::string& caseId = "");
  // "" when a free mount of the build takes the part; otherwise why none does (what to place
  // first, every slot of its kind taken, or why each free one refuses it).
  std::string nowhere(const std::string& partId) const;
  // File > Export report: the report rigfit report writes (its form from the file's extension:
  // .html, .md or .json; the HTML with its SVG drawings, without the 3D renders), written whole
  // or not at all.
  Status exportReport(const std::string& path) const;
  // The case or a board swapped for another of its kind, its parts moved to the new one's
  // places (assembly/edit.hpp: withSwapped); undoable. What could not move, with the reason.
  Result<std::vector<std::string>> swap(const std::string& instanceId, const std::string& partId);
  // Unsaved work brought back (from the recovery copy): `build` becomes the open build, with
  // unsaved changes, belonging to `path`. A build that no longer assembles leaves the current
  // one open.
  Status restore(const Build& build, const std::string& path);
  // File > Import part list: a PCPartPicker list in any form `rigfit import` reads (`source`
  // names it in messages), matched and placed as `rigfit import` does, with the builder's
  // `picks` (a line's number to a part id). Its build becomes the open build, unsaved (path()
  // is ""), and each line's outcome comes back for the builder to read and pick from. A list
  // that names no case comes back with its `problem` said, the open build kept.
  Result<ImportedList> importList(const std::string& text, const std::string& source,
                                  const std::map<int, std::string>& picks = {});
  // Counts every change to the open build (edits, undo, open, new): the autosave writes when it
  // moves.
  unsigned long generation() const { return generation_; }

  // The picture: the build, a ghost of the dragged part (green fits, red does not), and the
  // selected parts highlighted.
  render::Scene scene(const Snap* ghost, const std::string& ghostPart,
                      const std::vector<std::string>& selected,
                      const render::SceneStyle& style = {}) const;
  // The same with several ghosts of one part (every free slot, for "will another GPU fit?").
  render::Scene scene(const std::vector<Snap>& ghosts, const std::string& ghostPart,
                      const std::vector<std::string>& selected,
                      const render::SceneStyle& style = {}) const;
  // What the camera frames: the bodies of the given parts, or the case interior for none.
  geo::Aabb boundsOf(const std::vector<std::string>& ids) const;
  // A part the builder described (a spec from specOf): checked like any part file, written to
  // `dir`/<category>/<id>.json (the old file kept if that fails) and added to the catalog.
  // Returns the file it was written to.
  Result<std::string> addCustomPart(const nlohmann::json& spec, const std::string& dir);
  // The OpenDB snapshot's parts by name (made in the background at start): a part of it is
  // read from its row when the builder points at it or drags it, and a build opened names them.
  void setOpenDb(std::shared_ptr<const OpenDbIndex> index) { openDb_ = std::move(index); }
  // The snapshot's folder: until the index is there, a build opened or recovered finds its
  // OpenDB parts by searching the snapshot's files.
  void setSnapshotDir(std::string dir) { snapshotDir_ = std::move(dir); }
  const OpenDbIndex* openDb() const { return openDb_.get(); }
  // The part `id` names, read from its OpenDB row when the catalog lacks it; null when unknown
  // (`why` says why, when the row cannot be read).
  const Part* part(const std::string& id, std::string* why = nullptr);
  // Counts the catalog's own changes (a part the builder made), not the rows read into it.
  unsigned long catalogEdits() const { return catalogEdits_; }
  // Meshes that could not be used since the last call, one sentence each (each said once).
  std::vector<std::string> meshProblems() { return meshes_.newProblems(); }

private:
  Session(Catalog catalog, Build build, std::string path, std::vector<std::string> assetDirs);
  void refresh();                      // re-assemble and re-check after a change
  void readRowsOf(const Build& build); // the OpenDB parts it names, into the catalog
  Status commit(Build next); // assembles `next`; on success it becomes the current, undoable state
  Catalog catalog_;
  std::shared_ptr<const OpenDbIndex> openDb_;
  std::string snapshotDir_;
  unsigned long catalogEdits_ = 0;
  History history_;
  std::unique_ptr<Assembly> assembly_;
  std::unique_ptr<PlacementProbe> probe_;
  FitResult fit_;
  // A part at each end of each of its bands, made once per part for the preview.
  struct BandEnd {
    std::string what;
    Part part;
  };
  // `key` names the part with the builder's own figures, if any.
  const std::vector<BandEnd>& bandEnds(const Part& part, const std::string& key) const;
  mutable std::map<std::string, std::vector<BandEnd>> bandEnds_;
  // The part-list matcher over every listing, made at the first import and again when the
  // catalog or the index changes.
  struct Matcher {
    Listings listings;
    std::unique_ptr<ListMatcher> matcher;
    unsigned long edits = 0;
    const OpenDbIndex* index = nullptr;
  };
  std::unique_ptr<Matcher> matcher_;
  std::string path_;
  bool dirty_ = false;
  unsigned long generation_ = 0;
  mutable render::MeshLibrary meshes_; // a cache filled as parts are drawn
};

} // namespace rigfit::viewer
