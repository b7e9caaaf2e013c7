#pragma once
// Edits of a build, shared by the viewer, solve and the tests: each takes a build and gives the
// edited one; none assembles or checks it (the caller does, and keeps the old build on error).
#include "assembly/build.hpp"

#include <string>
#include <vector>

namespace rigfit {

// A mount of the assembly that no part occupies.
struct FreeMount {
  int parent = 0; // index into Assembly::items
  const Mount* mount = nullptr;
};
// Every free mount of the kind `part` needs, in build order and the parent's mount order;
// whether the part fits there (form factor, socket, slot width) is the caller's question.
std::vector<FreeMount> freeMountsFor(const Assembly& assembly, const Part& part);

// The build without instance `id` and everything that hangs off it.
Build withoutSubtree(Build build, const std::string& id);

// The build with `part` added at parent/mount under a fresh id (its category and a number),
// which `addedId` receives when given.
Build withAdded(Build build, const Part& part, const std::string& parent, const std::string& mount,
                std::string* addedId = nullptr);

// The build with instance `id` swapped for `part` of the same category (a case for a case, a
// board for a board), keeping its id; its options and figures, which were the old part's, go.
// Each part on it moves to the new part's mount of the same name and kind when that takes it,
// else to the first free one of that kind that takes it, else to one that does not (the same
// name first: the check then says why it does not fit), else it leaves the build with what
// hangs off it, listed in `dropped` with the reason. An Error when `id` is not in the build or
// `part` is of another category.
struct Swapped {
  Build build;
  std::vector<std::string> dropped; // "fan3 (Arctic P12 Slim PWM PST): no free fan place"
};
Result<Swapped> withSwapped(const Build& build, const Assembly& assembly, const std::string& id,
                            const Part& part);

// The build with instance `id` (and what hangs off it) moved to parent/mount; an Error when it
// is the case, not in the build, or would hang off itself.
Result<Build> withMoved(Build build, const std::string& id, const std::string& parent,
                        const std::string& mount);

} // namespace rigfit
