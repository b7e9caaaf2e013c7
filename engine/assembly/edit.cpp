#include "assembly/edit.hpp"

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
