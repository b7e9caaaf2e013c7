// Edits of a build shared by the viewer and solve: free mounts, adding, removing a part with
// what hangs off it, and moving it with parents kept before their children.
#include "assembly/edit.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

namespace {

std::vector<std::string> ids(const Build& b) {
  std::vector<std::string> out;
  for (const Instance& in : b.instances)
    out.push_back(in.id);
  return out;
}

} // namespace

TEST_CASE("free mounts of the kind a part needs, in build order", "[assembly][edit]") {
  // The article build's board (Prime X470-Pro) has three x1 and three x16 slots, in that order
  // in its spec; gpu1 sits in PCIEX16_1. An x16 card is offered every other one: whether it
  // fits an x1 slot is the caller's question.
  Assembly a = assembled(scene("article-build"), seedCatalog());
  std::vector<std::string> where;
  for (const FreeMount& m : freeMountsFor(a, *seedCatalog().find("evga-rtx2060-xc")))
    where.push_back(a.items[m.parent].id + "/" + m.mount->name);
  CHECK(where == std::vector<std::string>{"board/PCIEX1_1", "board/PCIEX1_2", "board/PCIEX1_3",
                                          "board/PCIEX16_2", "board/PCIEX16_3"});
  // A case needs no mount.
  CHECK(freeMountsFor(a, *seedCatalog().find("fractal-focus-g")).empty());
}

TEST_CASE("adding, removing with the subtree, and moving a part", "[assembly][edit]") {
  Build b = scene("article-build");
  const Part& card = *seedCatalog().find("evga-rtx2060-xc");
  std::string id;
  Build added = withAdded(b, card, "board", "PCIEX16_2", &id);
  CHECK(id == "gpu2");
  CHECK(added.instances.size() == b.instances.size() + 1);
  CHECK(added.instances.back() == Instance{"gpu2", "evga-rtx2060-xc", "board", "PCIEX16_2"});
  // The CPU goes with its cooler; the board with everything on it.
  Build noCpu = withoutSubtree(b, "cpu");
  CHECK_FALSE(noCpu.find("cpu"));
  CHECK_FALSE(noCpu.find("cooler"));
  CHECK(noCpu.instances.size() == b.instances.size() - 2);
  CHECK(ids(withoutSubtree(b, "board")) == std::vector<std::string>{"case", "psu"});
  // A move keeps every parent before its children, and refuses what cannot be.
  Result<Build> moved = withMoved(added, "gpu1", "board", "PCIEX16_3");
  REQUIRE(moved.ok());
  CHECK(moved->find("gpu1")->mount == "PCIEX16_3");
  CHECK(assemble(*moved, seedCatalog()).ok());
  CHECK_FALSE(withMoved(b, "case", "board", "PCIEX16_2").ok());
  CHECK_FALSE(withMoved(b, "nothing", "board", "PCIEX16_2").ok());
  Result<Build> ontoItself = withMoved(b, "cpu", "cooler", "x");
  REQUIRE_FALSE(ontoItself.ok());
  CHECK_THAT(ontoItself.error().reason, Catch::Contains("onto itself"));
}
