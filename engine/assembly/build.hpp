#pragma once
// A Build is a case instance and the tree of instances hanging off its mounts, as saved in
// scenes/*.json; an Assembly is that build resolved against the catalog, with world poses.
#include "catalog/catalog.hpp"
#include "common/result.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rigfit {

struct World;

// Format 2 adds a part's "options", format 3 a builder's own "figures"; older files read as
// before, and a build is written in the oldest format that holds it.
constexpr int kBuildFormatVersion = 3;

struct Instance {
  Instance() = default;
  Instance(std::string id_, std::string part_, std::string parent_ = "", std::string mount_ = "",
           Options options_ = {}, std::map<std::string, double> figures_ = {})
      : id(std::move(id_)), part(std::move(part_)), parent(std::move(parent_)),
        mount(std::move(mount_)), options(std::move(options_)), figures(std::move(figures_)) {}

  std::string id;     // unique in the build: "gpu1"
  std::string part;   // catalog id
  std::string parent; // instance id it mounts on, "" for the case
  std::string mount;  // mount name on the parent, "" for the case
  Options options;    // the builder's settings, among the part's options
  // Figures the builder looked up for this part (its card's height from the maker's page):
  // they replace the catalog's, sourced "entered by the builder", with no range.
  std::map<std::string, double> figures;
  bool operator==(const Instance&) const = default;
};

struct Build {
  Build() = default;
  Build(std::string name_, std::vector<Instance> instances_, std::string notes_ = "")
      : name(std::move(name_)), instances(std::move(instances_)), notes(std::move(notes_)) {}

  std::string name;
  std::vector<Instance> instances; // the case first; every parent before its children
  std::string notes; // the file's "notes" (any JSON) as text, written back unchanged; "" if none
  bool operator==(const Build&) const = default;

  const Instance* find(const std::string& id) const;
  // An id not used yet, from a stem: "gpu" -> "gpu2" when "gpu1" exists.
  std::string freshId(const std::string& stem) const;
  // The instance and everything that hangs off it, directly or not.
  std::vector<std::string> subtree(const std::string& id) const;
};

// A placed part's solids: the part's own, shared with the part (the catalog's part outlives
// every assembly made of it, as Placed::part does), or a copy of its own where the instance's
// options change them. A trial of the check with ranges assembles a build many times: sharing
// spares it copying every part's solids each time.
class SolidList {
public:
  SolidList() = default;
  SolidList(std::vector<Solid> own) // NOLINT: a list of solids is one
      : own_(std::make_shared<const std::vector<Solid>>(std::move(own))), list_(own_.get()) {}
  static SolidList sharing(const std::vector<Solid>& partSolids) {
    SolidList l;
    l.list_ = &partSolids;
    return l;
  }
  const Solid* begin() const { return list_ ? list_->data() : nullptr; }
  const Solid* end() const { return list_ ? list_->data() + list_->size() : nullptr; }
  size_t size() const { return list_ ? list_->size() : 0; }
  bool empty() const { return size() == 0; }
  const Solid& front() const { return (*list_)[0]; }
  const Solid& operator[](size_t i) const { return (*list_)[i]; }
  void clear() { *this = SolidList(); }

private:
  std::shared_ptr<const std::vector<Solid>> own_;
  const std::vector<Solid>* list_ = nullptr;
};

struct Placed {
  std::string id;
  const Part* part = nullptr;
  std::optional<int> parent;    // index into Assembly::items; none for the case
  const Mount* mount = nullptr; // on the parent's part
  geo::Pose X_CP;               // the part's frame in the case frame
  Options options;              // as the build sets them
  SolidList solids;             // the part's, with the options applied; none when not placed
  // False when its mount, or one it hangs from, has no known place: then it has no solids, and
  // the checks that need its place say "not checked".
  bool placed = true;
};

// Holds an assembly's world once made. A copy or a move of the assembly starts without one (the
// world points into the assembly it was made from) and makes its own on first use; a move or an
// assignment also drops the world of the assembly moved from or assigned to.
class WorldCache {
public:
  WorldCache() noexcept;
  WorldCache(const WorldCache&) noexcept;
  WorldCache(WorldCache&& other) noexcept;
  WorldCache& operator=(const WorldCache&) noexcept;
  WorldCache& operator=(WorldCache&& other) noexcept;
  ~WorldCache();

private:
  friend struct Assembly;
  mutable std::unique_ptr<World> world_;
};

// Points into the catalog it was assembled from (its parts, and their solids): the catalog
// must outlive it.
struct Assembly {
  std::vector<Placed> items; // same order as Build::instances
  // Parts made for this assembly alone (a part with the builder's own figures, or an estimate
  // tried at another value): items point into them.
  std::vector<std::shared_ptr<const Part>> ownParts;
  // Every solid posed in the case frame (assembly/world.hpp), made on first use and kept. Edit
  // a build, not its assembly (assembly/edit.hpp): an item changed after the world was made is
  // not seen by it.
  const World& world() const;
  std::optional<int> indexOf(const std::string& id) const;
  // The item that occupies `mountName` on item `parent`, if any.
  std::optional<int> occupant(int parent, const std::string& mountName) const;

private:
  WorldCache world_;
};

// Estimates tried at other values: instance id -> figure -> value (fit/ranged.hpp).
using FigureTrial = std::map<std::string, std::map<std::string, double>>;

// Resolves a build: every part id known, every mount present, free and compatible. `file`
// names the build in errors (field paths point into its "parts" list). With `trial`, those
// instances' parts are read again with the figures it sets.
Result<Assembly> assemble(const Build& build, const Catalog& catalog, const std::string& file = "",
                          const FigureTrial* trial = nullptr);

// What `assemble` with `trial` gives, made from the build's assembly at its estimates: nothing
// is looked up or validated again, the tried parts are made anew and what hangs from them is
// placed again (the check with ranges tries a build many times). None where `assemble` would
// fail: a tried part that cannot be made with those figures, a mount it no longer has, or an
// option the build sets that it no longer allows.
std::optional<Assembly> retried(const Assembly& nominal, const FigureTrial& trial);

} // namespace rigfit
