#include "catalog/shapes.hpp"

#include "catalog/category.hpp"
#include "catalog/shape_kit.hpp"
#include "catalog/solid_names.hpp"

#include <algorithm>
#include <cassert>

namespace rigfit {

std::optional<std::vector<Solid>> solidsWith(const Part& part, const Options& options) {
  if (options.empty()) return std::nullopt;
  if (part.chassis) {
    // Pieces taken out take their limits with them.
    std::vector<Solid> out = part.solids;
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](const Solid& s) { return s.role == SolidRole::Limit; }),
              out.end());
    shape_kit::addLimitSolids(part, out, options);
    return out;
  }
  std::optional<std::vector<Solid>> out;
  for (const auto& [name, value] : options) {
    const PartOption* o = part.option(name);
    assert(o && o->allows(value));
    if (name != kFanRaiseOption || value == 0.0) continue;
    // A tower's overhang (its front fan over the memory) rises, and the base column under it
    // grows to meet it.
    if (!out) out = part.solids;
    for (Solid& s : *out) {
      if (s.name == solid::kBody) s.box.lo.z += value, s.box.hi.z += value;
      if (s.name == solid::kBase) s.box.hi.z += value;
      if (s.name == solid::kBody || s.name == solid::kBase)
        s.estimates.insert(s.estimates.end(), o->estimates.begin(), o->estimates.end());
    }
  }
  return out;
}

void buildShapes(Part& part) {
  describe(part.category).shapes(part);
}

} // namespace rigfit
