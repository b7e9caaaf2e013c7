#include "assembly/edit.hpp"

#include "catalog/compat.hpp"
#include "common/text.hpp"

#include <algorithm>
#include <cstdint>

namespace rigfit {
namespace {

// Puts every parent before its children again, keeping the order otherwise. A part whose
// parent is missing stays out of order; assembling the build then names it.
void parentsFirst(Build& b) {
  std::vector<Instance> ordered;
  std::vector<std::string> placed{""};
  for (size_t before = SIZE_MAX; ordered.size() < b.instances.size() && ordered.size() != before;) {
    before = ordered.size();
    for (const Instance& in : b.instances)
      if (std::find(placed.begin(), placed.end(), in.id) == placed.end() &&
          std::find(placed.begin(), placed.end(), in.parent) != placed.end())
        ordered.push_back(in), placed.push_back(in.id);
  }
  if (ordered.size() == b.instances.size()) b.instances = std::move(ordered);
}

} // namespace

std::vector<FreeMount> freeMountsFor(const Assembly& assembly, const Part& part) {
  std::vector<FreeMount> out;
  if (!part.needs) return out;
  for (size_t i = 0; i < assembly.items.size(); ++i)
    for (const Mount& m : assembly.items[i].part->mounts)
      if (m.kind == *part.needs && !assembly.occupant(static_cast<int>(i), m.name))
        out.push_back({static_cast<int>(i), &m});
  return out;
}

Build withoutSubtree(Build build, const std::string& id) {
  std::vector<std::string> gone = build.subtree(id);
  std::erase_if(build.instances, [&](const Instance& in) {
    return std::find(gone.begin(), gone.end(), in.id) != gone.end();
  });
  return build;
}

Build withAdded(Build build, const Part& part, const std::string& parent, const std::string& mount,
                std::string* addedId) {
  std::string id = build.freshId(toString(part.category));
  build.instances.push_back({id, part.id, parent, mount});
  if (addedId) *addedId = id;
  return build;
}

Result<Swapped> withSwapped(const Build& build, const Assembly& assembly, const std::string& id,
                            const Part& part) {
  std::optional<int> at = assembly.indexOf(id);
  if (!at || !build.find(id)) return Error{"", "", "\"" + id + "\" is not a part of this build"};
  const Part& old = *assembly.items[*at].part;
  if (old.category != part.category)
    return Error{"", "",
                 part.name + " is a " + toString(part.category) + ", not a " +
                     toString(old.category) + ": it cannot take the place of " + id};
  Swapped out{build, {}};
  for (Instance& in : out.build.instances)
    if (in.id == id) in.part = part.id, in.options.clear(), in.figures.clear();
  std::vector<std::string> taken; // the new part's mounts given out so far
  auto isFree = [&](const Mount& m) {
    return std::find(taken.begin(), taken.end(), m.name) == taken.end();
  };
  for (const Instance& child : build.instances) {
    if (child.parent != id) continue;
    std::optional<int> ci = assembly.indexOf(child.id);
    if (!ci) continue;
    const Part& cp = *assembly.items[*ci].part;
    // The best free mount: the same name if it takes the part, then one that takes it (a
    // memory slot the manual prefers first, then the card slot nearest the CPU), the same name,
    // any of the kind (the check then says why it does not fit).
    const Mount* best = nullptr;
    std::pair<int, int> bestRank{5, 0};
    for (const Mount& m : part.mounts) {
      if (!cp.needs || m.kind != *cp.needs || !isFree(m)) continue;
      const bool takes = incompatibility(cp, m).empty(), same = m.name == child.mount;
      std::pair<int, int> rank{takes ? (same          ? 0
                                        : m.preferred ? 1
                                                      : 2)
                                     : (same ? 3 : 4),
                               m.position};
      if (rank < bestRank) best = &m, bestRank = rank;
    }
    if (best) {
      taken.push_back(best->name);
      for (Instance& in : out.build.instances)
        if (in.id == child.id) in.mount = best->name;
      continue;
    }
    const MountWords w = wordsFor(cp.needs.value_or(MountKind::Tray));
    std::vector<std::string> gone = build.subtree(child.id);
    out.dropped.push_back(child.id + " (" + cp.name + "): " + part.name + " has no free " + w.noun +
                          (gone.size() > 1 ? "; with it " + joined(std::vector<std::string>(
                                                                gone.begin() + 1, gone.end()))
                                           : std::string()));
    out.build = withoutSubtree(std::move(out.build), child.id);
  }
  return out;
}

Result<Build> withMoved(Build build, const std::string& id, const std::string& parent,
                        const std::string& mount) {
  auto it = std::find_if(build.instances.begin(), build.instances.end(),
                         [&](const Instance& in) { return in.id == id; });
  if (it == build.instances.end() || it->parent.empty())
    return Error{"", "", "\"" + id + "\" is not a movable part of this build"};
  std::vector<std::string> moving = build.subtree(id);
  if (std::find(moving.begin(), moving.end(), parent) != moving.end())
    return Error{"", "", "a part cannot be moved onto itself or what hangs off it"};
  it->parent = parent;
  it->mount = mount;
  parentsFirst(build);
  return build;
}

} // namespace rigfit
