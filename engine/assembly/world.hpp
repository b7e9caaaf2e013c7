#pragma once
// The build's solids posed in the case frame, with what the checks, the drawings and the
// viewer need to know about them. Made from the assembly alone: no check is needed for it.
#include "assembly/build.hpp"

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rigfit {

struct WorldSolid {
  int item = 0; // index into Assembly::items (set for every solid makeWorld poses)
  const Solid* solid = nullptr;
  geo::Box box; // in the case frame
  geo::Aabb bounds;
};

struct World {
  const Assembly* assembly = nullptr;
  std::vector<WorldSolid> solids;

  const Placed& item(int i) const { return assembly->items[i]; }
  const Placed& itemOf(const WorldSolid& s) const { return assembly->items[s.item]; }
  // Solid `name` of item `i`, or nullptr.
  const WorldSolid* find(int i, std::string_view name) const;
  // Items of a category, in build order (sorted once, when the world is made).
  std::span<const int> itemsOf(Category c) const;
  int caseItem() const { return 0; }
  // True when a rests on b by the mount relation (card edge in its slot, cooler on its CPU):
  // such pairs touch by design and are never collisions.
  bool mated(const WorldSolid& a, const WorldSolid& b) const;
  // What a verdict about these solids rests on: their estimated figures and the estimated
  // mounts that place them, as "instance: figure".
  std::vector<std::string> estimates(std::initializer_list<const WorldSolid*> solids) const;
  std::vector<std::string> itemEstimates(int item) const;

private:
  friend World makeWorld(const Assembly& assembly);
  // What a verdict about solid k rests on, as "instance: figure" (its own estimated figures and
  // the estimated mounts that place it), sorted. Computed on first use: most solids are never
  // named by a finding.
  const std::vector<std::string>& solidEstimates(const WorldSolid& s) const;
  mutable std::vector<std::optional<std::vector<std::string>>> solidEstimates_;
  std::vector<int> itemSolids_; // by item: where its solids begin in `solids`, then the end
  std::vector<int> byCategory_; // item indices by category, in build order
  std::vector<std::pair<int, int>> categoryRanges_; // by category: [begin, end) in byCategory_
};

World makeWorld(const Assembly& assembly);

} // namespace rigfit
