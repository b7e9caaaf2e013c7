#include "assembly/world.hpp"

#include <algorithm>
#include <iterator>

namespace rigfit {

namespace {

// The estimated mounts that place an item, from its own up to the case, as "parent: what".
std::vector<std::string> mountChain(const Assembly& assembly, int item) {
  std::vector<std::string> out;
  for (std::optional<int> i = item; i && assembly.items[*i].mount; i = assembly.items[*i].parent) {
    const Placed& p = assembly.items[*i];
    for (const std::string& e : p.mount->estimates)
      out.push_back(assembly.items[*p.parent].id + ": " + e);
  }
  return out;
}

void sortUnique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

} // namespace

WorldCache::WorldCache() noexcept = default;

WorldCache::WorldCache(const WorldCache&) noexcept {}

WorldCache::WorldCache(WorldCache&& other) noexcept {
  other.world_.reset();
}

WorldCache& WorldCache::operator=(const WorldCache&) noexcept {
  world_.reset();
  return *this;
}

WorldCache& WorldCache::operator=(WorldCache&& other) noexcept {
  world_.reset();
  other.world_.reset();
  return *this;
}

WorldCache::~WorldCache() = default;

const World& Assembly::world() const {
  if (!world_.world_) world_.world_ = std::make_unique<World>(makeWorld(*this));
  return *world_.world_;
}

World makeWorld(const Assembly& assembly) {
  World w;
  w.assembly = &assembly;
  size_t n = 0;
  for (const Placed& p : assembly.items)
    n += p.solids.size();
  w.solids.reserve(n);
  w.itemSolids_.reserve(assembly.items.size() + 1);
  for (size_t i = 0; i < assembly.items.size(); ++i) {
    const Placed& p = assembly.items[i];
    w.itemSolids_.push_back(static_cast<int>(w.solids.size()));
    for (const Solid& s : p.solids) {
      geo::Box b = geo::Box::fromAabb(s.box, p.X_CP);
      w.solids.push_back({static_cast<int>(i), &s, b, b.bounds()});
    }
  }
  w.itemSolids_.push_back(static_cast<int>(w.solids.size()));
  w.solidEstimates_.resize(w.solids.size());
  const auto& items = assembly.items;
  w.byCategory_.resize(items.size());
  for (size_t i = 0; i < items.size(); ++i)
    w.byCategory_[i] = static_cast<int>(i);
  auto categoryOf = [&](int i) { return static_cast<int>(items[i].part->category); };
  std::stable_sort(w.byCategory_.begin(), w.byCategory_.end(),
                   [&](int x, int y) { return categoryOf(x) < categoryOf(y); });
  if (!w.byCategory_.empty()) // up to the last category there is, in one allocation
    w.categoryRanges_.assign(static_cast<size_t>(categoryOf(w.byCategory_.back())) + 1, {0, 0});
  for (size_t k = 0; k < w.byCategory_.size(); ++k) {
    const auto c = static_cast<size_t>(categoryOf(w.byCategory_[k]));
    if (w.categoryRanges_[c].second == 0) w.categoryRanges_[c].first = static_cast<int>(k);
    w.categoryRanges_[c].second = static_cast<int>(k + 1);
  }
  return w;
}

std::vector<std::string> World::itemEstimates(int item) const {
  return mountChain(*assembly, item);
}

const std::vector<std::string>& World::solidEstimates(const WorldSolid& s) const {
  auto& cached = solidEstimates_[static_cast<size_t>(&s - solids.data())];
  if (!cached) {
    std::vector<std::string> out = mountChain(*assembly, s.item);
    for (const std::string& e : s.solid->estimates)
      out.push_back(itemOf(s).id + ": " + e);
    sortUnique(out);
    cached = std::move(out);
  }
  return *cached;
}

const WorldSolid* World::find(int i, std::string_view name) const {
  // An item's solids lie together, in the order its part gives them (makeWorld).
  if (i < 0 || static_cast<size_t>(i) + 1 >= itemSolids_.size()) return nullptr;
  for (int k = itemSolids_[i]; k < itemSolids_[i + 1]; ++k)
    if (solids[k].solid->name == name) return &solids[k];
  return nullptr;
}

std::span<const int> World::itemsOf(Category c) const {
  const auto k = static_cast<size_t>(c);
  if (k >= categoryRanges_.size()) return {};
  const auto [begin, end] = categoryRanges_[k];
  return std::span<const int>(byCategory_)
      .subspan(static_cast<size_t>(begin), static_cast<size_t>(end - begin));
}

bool World::mated(const WorldSolid& a, const WorldSolid& b) const {
  auto restsOn = [&](const WorldSolid& child, const WorldSolid& parent) {
    const Placed& c = itemOf(child);
    if (c.parent != parent.item || !c.mount) return false;
    const auto& m = c.mount->mates;
    return std::find(m.begin(), m.end(), parent.solid->name) != m.end();
  };
  return restsOn(a, b) || restsOn(b, a);
}

std::vector<std::string> World::estimates(std::initializer_list<const WorldSolid*> list) const {
  // Each solid's list is sorted and unique already: merged, not sorted again.
  std::vector<std::string> out, merged;
  for (const WorldSolid* s : list) {
    if (!s) continue;
    const auto& e = solidEstimates(*s);
    if (out.empty()) {
      out = e;
      continue;
    }
    merged.clear();
    merged.reserve(out.size() + e.size());
    std::set_union(std::make_move_iterator(out.begin()), std::make_move_iterator(out.end()),
                   e.begin(), e.end(), std::back_inserter(merged));
    out.swap(merged);
  }
  return out;
}

} // namespace rigfit
