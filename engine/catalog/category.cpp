#include "catalog/category.hpp"

#include <cassert>

namespace rigfit {

const std::vector<const CategoryDescription*>& categories() {
  static const std::vector<const CategoryDescription*> all = {
      &caseCategory(),   &motherboardCategory(), &gpuCategory(), &cpuCategory(),
      &coolerCategory(), &memoryCategory(),      &psuCategory(), &storageCategory(),
      &fanCategory(),    &radiatorCategory()};
  return all;
}

const CategoryDescription& describe(Category c) {
  const CategoryDescription& d = *categories()[static_cast<size_t>(c)];
  assert(d.category == c && "categories() lists them in the enum's order");
  return d;
}

const char* toString(Category c) {
  return describe(c).name;
}

std::optional<Category> categoryFromString(const std::string& s) {
  for (const CategoryDescription* d : categories())
    if (s == d->name) return d->category;
  return std::nullopt;
}

} // namespace rigfit
