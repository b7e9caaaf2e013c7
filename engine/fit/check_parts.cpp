// Check 11: the parts a working PC needs that the build does not have yet. Without it a build
// of a case alone would "fit": nothing in it can fail.
#include "fit/checks.hpp"

namespace rigfit {
namespace {

// What boots: a board, a CPU and its cooler, memory, a drive and power; a graphics card where
// the CPU has no integrated graphics (missingParts). Fans are optional.
struct Needed {
  Category category;
  const char* name;
};
constexpr Needed kNeeded[] = {
    {Category::Motherboard, "a motherboard"}, {Category::Cpu, "a CPU"},
    {Category::Cooler, "a CPU cooler"},       {Category::Memory, "memory"},
    {Category::Storage, "a drive"},           {Category::Psu, "a power supply"},
};

} // namespace

std::vector<std::string> missingParts(const World& w) {
  std::vector<std::string> out;
  for (const Needed& n : kNeeded)
    if (w.itemsOf(n.category).empty()) out.push_back(n.name);
  // A CPU that says it has no integrated graphics needs a card to drive a display.
  std::span<const int> cpus = w.itemsOf(Category::Cpu);
  if (!cpus.empty() && w.itemsOf(Category::Gpu).empty()) {
    const auto& graphics = w.item(cpus.front()).part->cpu->integratedGraphics;
    if (graphics && !*graphics) out.push_back("a graphics card");
  }
  return out;
}

void checkParts(CheckContext& c, const std::vector<std::string>& missing) {
  if (missing.empty()) return; // a complete build: nothing to say
  Finding f;
  f.check = "parts";
  f.severity = Severity::Info;
  f.message =
      "not yet in the build: " + joined(missing) +
      (c.world.assembly->items.size() <= 1 ? " (the case is empty: nothing to check yet)" : "");
  c.out.push_back(std::move(f));
}

} // namespace rigfit
