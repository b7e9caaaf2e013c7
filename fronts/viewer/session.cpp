#include "session.hpp"

#include "build/build_json.hpp"
#include "catalog/compat.hpp"

#include <algorithm>

namespace rigfit::viewer {

Session::Session(Catalog catalog, Build build, std::string path)
    : catalog_(std::move(catalog)), history_(std::move(build)), path_(std::move(path)) {
  refresh();
}

Result<std::unique_ptr<Session>> Session::open(Catalog catalog, const std::string& path) {
  Result<LoadedBuild> loaded = loadAndAssemble(path, catalog);
  if (!loaded) return loaded.error();
  return std::unique_ptr<Session>(new Session(std::move(catalog), loaded->build, path));
}

void Session::refresh() {
  probe_.reset();
  Result<Assembly> a = assemble(history_.current(), catalog_);
  // Every state in the history was assembled before it was committed.
  assert(a.ok());
  assembly_ = std::make_unique<Assembly>(std::move(a).value());
  probe_ = std::make_unique<PlacementProbe>(*assembly_);
  fit_ = check(*assembly_);
}

std::vector<Snap> Session::candidates(const std::string& partId) const {
  std::vector<Snap> out;
  const Part* part = catalog_.find(partId);
  if (!part || !part->needs) return out;
  for (size_t i = 0; i < assembly_->items.size(); ++i) {
    const Placed& p = assembly_->items[i];
    for (const Mount& m : p.part->mounts) {
      if (m.kind != *part->needs || assembly_->occupant(static_cast<int>(i), m.name) >= 0) continue;
      if (!incompatibility(*part, m).empty()) continue;
      Snap s;
      s.parent = static_cast<int>(i);
      s.mount = m.name;
      s.where = p.id + "/" + m.name;
      geo::Pose X_CP = p.X_CP * m.X_PM;
      geo::Aabb b{X_CP.t, X_CP.t};
      for (const Solid& sol : part->solids)
        if (sol.role == SolidRole::Body) b = b.unite(geo::Box::fromAabb(sol.box, X_CP).bounds());
      s.anchor = b.centre();
      s.answer = probe_->probe(*part, s.parent, m);
      out.push_back(s);
    }
  }
  return out;
}

std::optional<Snap> Session::snap(const std::string& partId,
                                  const std::function<glm::vec2(const glm::dvec3&)>& project,
                                  glm::vec2 cursor, float radius) const {
  std::optional<Snap> best;
  float bestD = radius;
  for (Snap& s : candidates(partId)) {
    float d = glm::length(project(s.anchor) - cursor);
    if (d <= bestD) bestD = d, best = s;
  }
  return best;
}

Status Session::add(const std::string& partId, const Snap& at) {
  const Part* part = catalog_.find(partId);
  if (!part) return Error{"", "", "no part \"" + partId + "\" in the catalog"};
  Build next = history_.current();
  next.instances.push_back(
      {next.freshId(toString(part->category)), partId, assembly_->items[at.parent].id, at.mount});
  Result<Assembly> a = assemble(next, catalog_);
  if (!a) return a.error();
  history_.commit(std::move(next));
  dirty_ = true;
  refresh();
  return Ok{};
}

Status Session::remove(const std::string& instanceId) {
  Build next = history_.current();
  if (!next.find(instanceId) || next.instances.front().id == instanceId)
    return Error{"", "", "\"" + instanceId + "\" is not a removable part of this build"};
  std::vector<std::string> gone{instanceId};
  for (const Instance& in : next.instances)
    if (std::find(gone.begin(), gone.end(), in.parent) != gone.end()) gone.push_back(in.id);
  std::erase_if(next.instances, [&](const Instance& in) {
    return std::find(gone.begin(), gone.end(), in.id) != gone.end();
  });
  history_.commit(std::move(next));
  dirty_ = true;
  refresh();
  return Ok{};
}

bool Session::undo() {
  if (!history_.undo()) return false;
  dirty_ = true;
  refresh();
  return true;
}

bool Session::redo() {
  if (!history_.redo()) return false;
  dirty_ = true;
  refresh();
  return true;
}

Status Session::save() {
  return saveAs(path_);
}

Status Session::saveAs(const std::string& path) {
  Status s = saveBuildFile(history_.current(), path);
  if (!s) return s;
  path_ = path;
  dirty_ = false;
  return Ok{};
}

Status Session::load(const std::string& path) {
  Result<LoadedBuild> loaded = loadAndAssemble(path, catalog_);
  if (!loaded) return loaded.error();
  history_ = History(loaded->build);
  path_ = path;
  dirty_ = false;
  refresh();
  return Ok{};
}

std::string Session::firstCard() const {
  for (const Placed& p : assembly_->items)
    if (p.part->category == Category::Gpu) return p.part->id;
  return "";
}

render::Scene Session::scene(const Snap* ghost, const std::string& ghostPart,
                             const std::vector<std::string>& selected) const {
  std::vector<Snap> ghosts;
  if (ghost) ghosts.push_back(*ghost);
  return scene(ghosts, ghostPart, selected);
}

render::Scene Session::scene(const std::vector<Snap>& ghosts, const std::string& ghostPart,
                             const std::vector<std::string>& selected) const {
  render::Scene s = render::sceneOf(*assembly_, fit_);
  if (!selected.empty()) {
    // Highlight: the selected parts' solids again, in yellow edges.
    World w = makeWorld(*assembly_);
    for (const WorldSolid& ws : w.solids)
      if (std::find(selected.begin(), selected.end(), w.itemOf(ws).id) != selected.end() &&
          ws.solid->role == SolidRole::Body)
        s.boxes.push_back({ws.box, {1.0f, 0.84f, 0.0f, 1.0f}, false});
  }
  const Part* part = catalog_.find(ghostPart);
  if (!part) return s;
  for (const Snap& g : ghosts) {
    const Placed& p = assembly_->items[g.parent];
    const Mount* m = p.part->mount(g.mount);
    if (!m) continue;
    geo::Pose X_CP = p.X_CP * m->X_PM;
    glm::vec4 c =
        g.answer.fits ? glm::vec4{0.2f, 0.75f, 0.3f, 1.0f} : glm::vec4{0.85f, 0.15f, 0.15f, 1.0f};
    for (const Solid& sol : part->solids)
      if (sol.role == SolidRole::Body)
        s.boxes.push_back({geo::Box::fromAabb(sol.box, X_CP), c, true});
  }
  return s;
}

} // namespace rigfit::viewer
