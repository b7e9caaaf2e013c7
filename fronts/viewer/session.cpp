#include "session.hpp"

#include "assembly/build_json.hpp"
#include "assembly/edit.hpp"
#include "catalog/part_json.hpp"
#include "common/file.hpp"
#include "common/text.hpp"
#include "draw/draw.hpp"
#include "fit/ranged.hpp"
#include "report/report.hpp"
#include "solve/solve.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace rigfit::viewer {

Session::Session(Catalog catalog, Build build, std::string path, std::vector<std::string> assetDirs)
    : catalog_(std::move(catalog)), history_(std::move(build)), path_(std::move(path)),
      meshes_(std::move(assetDirs)) {
  refresh();
}

Result<std::unique_ptr<Session>> Session::open(Catalog catalog, const std::string& path,
                                               std::vector<std::string> assetDirs) {
  Result<LoadedBuild> loaded = loadAndAssemble(path, catalog);
  if (!loaded) return loaded.error();
  return std::unique_ptr<Session>(
      new Session(std::move(catalog), loaded->build, path, std::move(assetDirs)));
}

void Session::refresh() {
  ++generation_;
  probe_.reset();
  Result<Assembly> a = assemble(history_.current(), catalog_);
  // Every state in the history was assembled before it was committed.
  assert(a.ok());
  assembly_ = std::make_unique<Assembly>(std::move(a).value());
  probe_ = std::make_unique<PlacementProbe>(*assembly_);
  // Over the estimates' bands: tens of checks, once an edit (about 15 ms for the seed build).
  fit_ = checkWithRanges(*assembly_, catalog_);
}

namespace {

// Every free mount of `assembly` that takes `part`, with its fit from `probe`; where it fits,
// the part at the ends of its own bands (`ends`) is tried too.
template <class Ends>
std::vector<Snap> freeMounts(const Assembly& assembly, const PlacementProbe& probe,
                             const Part& part, const Ends& ends) {
  std::vector<Snap> out;
  for (const Place& place : placesFor(assembly, part)) {
    if (!place.incompatibility.empty()) continue;
    const Placed& p = assembly.items[place.parent];
    const Mount& m = *place.mount;
    Snap s;
    s.parent = p.id;
    s.mount = m.name;
    s.where = place.where;
    s.answer = quickAnswer(probe, part, place); // the full check comes with the drop
    if (s.answer.fits)
      for (const auto& end : ends)
        if (!quickAnswer(probe, end.part, place).fits) {
          s.dependsOn = end.what;
          break;
        }
    if (s.answer.unplaced) {
      // Where the case puts it is not modelled: dropped anywhere in the case, drawn nowhere.
      s.anchor = draw::caseInterior(assembly).centre();
      out.push_back(s);
      continue;
    }
    geo::Pose X_CP = p.X_CP * m.X_PM;
    geo::Aabb b{X_CP.t, X_CP.t};
    if (auto body = bodyBounds(part.solids))
      b = b.unite(geo::Box::fromAabb(*body, X_CP).bounds()); // quarter-turn poses: exact
    s.anchor = b.centre();
    out.push_back(s);
  }
  return out;
}

// Where a ray enters an oriented box, as a distance along the unit direction, or nothing.
// The slab test in the box's own frame (Ericson, Real-Time Collision Detection, 5.3.3).
std::optional<double> rayHits(const geo::Box& box, const glm::dvec3& origin,
                              const glm::dvec3& dir) {
  glm::dmat3 Rt = glm::transpose(box.X_WB.R);
  glm::dvec3 o = Rt * (origin - box.X_WB.t), d = Rt * dir;
  double tmin = 0.0, tmax = 1e12;
  for (int a = 0; a < 3; ++a) {
    if (std::abs(d[a]) < 1e-12) {
      if (std::abs(o[a]) > box.half[a]) return std::nullopt;
      continue;
    }
    double t1 = (-box.half[a] - o[a]) / d[a], t2 = (box.half[a] - o[a]) / d[a];
    tmin = std::max(tmin, std::min(t1, t2));
    tmax = std::min(tmax, std::max(t1, t2));
    if (tmin > tmax) return std::nullopt;
  }
  return tmin;
}

} // namespace

std::vector<Snap> Session::candidates(const std::string& partId) const {
  const Part* part = catalog_.find(partId);
  return part ? freeMounts(*assembly_, *probe_, *part, bandEnds(*part, part->id))
              : std::vector<Snap>{};
}

const std::vector<Session::BandEnd>& Session::bandEnds(const Part& part,
                                                       const std::string& key) const {
  auto [it, fresh] = bandEnds_.try_emplace(key);
  if (!fresh) return it->second;
  for (const Band& b : bandsOfPart(part, catalog_))
    for (double v : {b.lo, b.hi}) {
      if (v == b.value) continue;
      Result<Part> end = withFigures(part, {{b.figure, v}}, FigureOrigin::Trial);
      if (end)
        it->second.push_back({"its " + b.figure + " at " + shortNumber(v) + " " + b.unit + " (" +
                                  (b.estimated ? "estimated " : "given as ") +
                                  shortNumber(b.value) + "; look it up in " + b.lookUp + ")",
                              std::move(end).value()});
    }
  return it->second;
}

Result<std::vector<std::string>> Session::swap(const std::string& instanceId,
                                               const std::string& partId) {
  std::string why;
  const Part* p = part(partId, &why);
  if (!p) return Error{"", "", "no part \"" + partId + "\": " + why};
  Result<Swapped> s = withSwapped(history_.current(), *assembly_, instanceId, *p);
  if (!s) return s.error();
  if (Status st = commit(std::move(s->build)); !st) return st.error();
  return std::move(s->dropped);
}

Status Session::exportReport(const std::string& path) const {
  Result<ReportFormat> format = reportFormatOfFile(path);
  if (!format) return format.error();
  Report r = makeReport(history_.current(), *assembly_, catalog_);
  return writeFileAtomic(path, reportText(r, *format));
}

std::string Session::nowhere(const std::string& partId) const {
  const Part* part = catalog_.find(partId);
  return part ? nowhereFor(*assembly_, *part) : "no part \"" + partId + "\" in the catalog";
}

std::vector<Snap> Session::moveTargets(const std::string& instanceId) const {
  const Build& now = history_.current();
  const Instance* in = now.find(instanceId);
  if (!in || in->parent.empty()) return {};
  Build without = withoutSubtree(now, instanceId);
  Result<Assembly> rest = assemble(without, catalog_);
  if (!rest) return {};
  PlacementProbe probe(*rest);
  std::vector<Snap> out;
  // The part as placed: with the builder's own figures, if it has any.
  const Part& part = *assembly_->items[*assembly_->indexOf(instanceId)].part;
  std::string key = part.id;
  for (const auto& [figure, value] : in->figures)
    key += " " + figure + "=" + shortNumber(value);
  for (Snap s : freeMounts(*rest, probe, part, bandEnds(part, key))) {
    if (s.parent == in->parent && s.mount == in->mount) continue; // its own mount: no move
    out.push_back(s);
  }
  return out;
}

std::string Session::pick(const glm::dvec3& origin, const glm::dvec3& direction) const {
  const World& w = assembly_->world();
  std::string best;
  double bestT = INFINITY;
  glm::dvec3 dir = glm::normalize(direction);
  for (const WorldSolid& ws : w.solids) {
    const Placed& p = w.itemOf(ws);
    if (ws.solid->role != SolidRole::Body || p.part->category == Category::Case) continue;
    if (std::optional<double> t = rayHits(ws.box, origin, dir); t && *t < bestT)
      bestT = *t, best = p.id;
  }
  return best;
}

std::optional<Snap> nearest(const std::vector<Snap>& snaps,
                            const std::function<glm::vec2(const glm::dvec3&)>& project,
                            glm::vec2 cursor, float radius) {
  std::optional<Snap> best;
  float bestD = radius;
  for (const Snap& s : snaps) {
    float d = glm::length(project(s.anchor) - cursor);
    if (d <= bestD) bestD = d, best = s;
  }
  return best;
}

std::optional<Snap> Session::snap(const std::string& partId,
                                  const std::function<glm::vec2(const glm::dvec3&)>& project,
                                  glm::vec2 cursor, float radius) const {
  return nearest(candidates(partId), project, cursor, radius);
}

Status Session::commit(Build next) {
  Result<Assembly> a = assemble(next, catalog_);
  if (!a) return a.error();
  history_.commit(std::move(next));
  dirty_ = true;
  refresh();
  return Ok{};
}

Status Session::add(const std::string& partId, const Snap& at) {
  const Part* part = catalog_.find(partId);
  if (!part) return Error{"", "", "no part \"" + partId + "\" in the catalog"};
  if (!assembly_->indexOf(at.parent))
    return Error{"", "", "\"" + at.parent + "\" is not a part of this build"};
  return commit(withAdded(history_.current(), *part, at.parent, at.mount));
}

Status Session::move(const std::string& instanceId, const Snap& to) {
  Result<Build> next = withMoved(history_.current(), instanceId, to.parent, to.mount);
  if (!next) return next.error();
  if (!assembly_->indexOf(to.parent))
    return Error{"", "", "\"" + to.parent + "\" is not a part of this build"};
  return commit(std::move(next).value());
}

Status Session::setOption(const std::string& instanceId, const std::string& option, double value) {
  Build next = history_.current();
  for (Instance& in : next.instances)
    if (in.id == instanceId) {
      in.options[option] = value;
      return commit(std::move(next)); // assembly checks the option and its range
    }
  return Error{"", "", "\"" + instanceId + "\" is not a part of this build"};
}

Status Session::remove(const std::string& instanceId) {
  const Build& now = history_.current();
  if (!now.find(instanceId) || now.instances.front().id == instanceId)
    return Error{"", "", "\"" + instanceId + "\" is not a removable part of this build"};
  return commit(withoutSubtree(now, instanceId));
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
  if (path_.empty()) return Error{"", "", "this build has no file yet: use File > Save as"};
  return saveAs(path_);
}

Status Session::saveAs(const std::string& path) {
  Status s = saveBuildFile(history_.current(), path);
  if (!s) return s;
  path_ = path;
  dirty_ = false;
  return Ok{};
}

const Part* Session::part(const std::string& id, std::string* why) {
  if (const Part* p = catalog_.find(id)) return p;
  if (!openDb_) return nullptr;
  std::vector<Error> errors = openDb_->addTo(catalog_, {id});
  if (why && !errors.empty()) *why = errors.front().message();
  return catalog_.find(id);
}

void Session::readRowsOf(const Build& build) {
  std::vector<std::string> ids;
  for (const Instance& item : build.instances)
    ids.push_back(item.part);
  // A row that cannot be read: assembling names the part.
  if (openDb_)
    openDb_->addTo(catalog_, ids);
  else if (!snapshotDir_.empty())
    addOpenDbParts(catalog_, snapshotDir_, ids);
}

Status Session::load(const std::string& path) {
  if (Result<Build> b = loadBuildFile(path)) readRowsOf(*b); // else loading it says why
  Result<LoadedBuild> loaded = loadAndAssemble(path, catalog_);
  if (!loaded) return loaded.error();
  history_ = History(loaded->build);
  path_ = path;
  dirty_ = false;
  refresh();
  return Ok{};
}

Result<std::string> Session::addCustomPart(const nlohmann::json& spec, const std::string& dir) {
  if (dir.empty())
    return Error{"", "", "there is no folder for your own parts (RIGFIT_USER_PARTS is empty)"};
  if (!spec.is_object() || !spec.contains("id") || !spec["id"].is_string() ||
      !spec.contains("category") || !spec["category"].is_string())
    return Error{"", "", "a part spec needs a string \"id\" and \"category\""};
  std::string id = spec["id"], category = spec["category"];
  std::string path =
      (std::filesystem::path(dir) / category / (id + ".json")).lexically_normal().string();
  Result<Part> part = parsePart(spec, path);
  if (!part) return part.error();
  if (const Part* taken = catalog_.find(id))
    return Error{path, "/id",
                 "\"" + id + "\" is already a part (" + taken->file + "): give it another name"};
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (ec) return Error{path, "", "cannot make its folder: " + ec.message()};
  if (Status s = writeFileAtomic(path, spec.dump(2) + "\n"); !s) return s.error();
  if (Status s = catalog_.add(std::move(part).value()); !s) return s.error();
  ++catalogEdits_;
  return path;
}

geo::Aabb Session::boundsOf(const std::vector<std::string>& ids) const {
  std::optional<geo::Aabb> b;
  const World& w = assembly_->world();
  for (const WorldSolid& ws : w.solids)
    if (ws.solid->role == SolidRole::Body &&
        std::find(ids.begin(), ids.end(), w.itemOf(ws).id) != ids.end())
      b = b ? b->unite(ws.box.bounds()) : ws.box.bounds();
  return b ? *b : draw::caseInterior(*assembly_);
}

Status Session::restore(const Build& build, const std::string& path) {
  readRowsOf(build);
  Result<Assembly> a = assemble(build, catalog_, path);
  if (!a) return a.error();
  history_ = History(build);
  path_ = path;
  dirty_ = true;
  refresh();
  return Ok{};
}

Result<ImportedList> Session::importList(const std::string& text, const std::string& source,
                                         const std::map<int, std::string>& picks) {
  Result<PartList> list = parsePartList(text, source);
  if (!list) return list.error();
  if (!matcher_ || matcher_->edits != catalogEdits_ || matcher_->index != openDb_.get()) {
    auto m = std::make_unique<Matcher>();
    m->listings = allListings(catalog_, openDb_.get());
    m->matcher = std::make_unique<ListMatcher>(m->listings.all);
    m->edits = catalogEdits_, m->index = openDb_.get();
    matcher_ = std::move(m);
  }
  Result<ImportedList> imported = importPartList(*list, "Imported from " + source, catalog_,
                                                 openDb_.get(), *matcher_->matcher, picks);
  if (!imported || !imported->problem.empty()) return imported;
  Result<Assembly> a = assemble(imported->build, catalog_);
  if (!a) return a.error();
  history_ = History(imported->build);
  path_.clear();
  dirty_ = true;
  refresh();
  return imported;
}

Status Session::startNew(const std::string& caseId) {
  Build empty;
  empty.name = "New build";
  if (caseId.empty()) {
    empty.instances.push_back(history_.current().instances.front());
  } else {
    std::string why;
    const Part* chassis = part(caseId, &why);
    if (!chassis) return Error{"", "", "no case \"" + caseId + "\": " + why};
    if (chassis->category != Category::Case)
      return Error{"", "", chassis->name + " is not a case: a build starts from its case"};
    empty.instances.push_back({"case", chassis->id});
  }
  Result<Assembly> a = assemble(empty, catalog_);
  if (!a) return a.error();
  history_ = History(std::move(empty));
  path_.clear();
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
                             const std::vector<std::string>& selected,
                             const render::SceneStyle& style) const {
  std::vector<Snap> ghosts;
  if (ghost) ghosts.push_back(*ghost);
  return scene(ghosts, ghostPart, selected, style);
}

render::Scene Session::scene(const std::vector<Snap>& ghosts, const std::string& ghostPart,
                             const std::vector<std::string>& selected,
                             const render::SceneStyle& style) const {
  render::Scene s = render::sceneOf(*assembly_, fit_.findings, &meshes_, style);
  if (!selected.empty()) {
    // Highlight: the selected parts' solids again, in yellow edges.
    const World& w = assembly_->world();
    for (const WorldSolid& ws : w.solids)
      if (std::find(selected.begin(), selected.end(), w.itemOf(ws).id) != selected.end() &&
          ws.solid->role == SolidRole::Body)
        s.boxes.push_back({ws.box, render::rgba(draw::palette::kSelected), false});
  }
  const Part* part = catalog_.find(ghostPart);
  if (!part) return s;
  for (const Snap& g : ghosts) {
    std::optional<int> parent = assembly_->indexOf(g.parent);
    if (!parent) continue; // a snap from before the build changed
    const Placed& p = assembly_->items[static_cast<size_t>(*parent)];
    const Mount* m = p.part->mount(g.mount);
    if (!m || g.answer.unplaced) continue; // a place the case's figures do not give
    geo::Pose X_CP = p.X_CP * m->X_PM;
    glm::vec4 c = render::rgba(!g.answer.fits         ? draw::palette::kNotHere
                               : !g.dependsOn.empty() ? draw::palette::kDependsHere
                                                      : draw::palette::kFitsHere);
    for (const Solid& sol : part->solids)
      if (sol.role == SolidRole::Body)
        s.boxes.push_back({geo::Box::fromAabb(sol.box, X_CP), c, true});
  }
  return s;
}

} // namespace rigfit::viewer
