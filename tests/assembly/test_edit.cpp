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

TEST_CASE("swapping a build's case or board: its parts move to the new one's places",
          "[assembly][edit][swap]") {
  const Catalog& c = seedCatalog();
  // The five-fan Focus G build into the H510 Flow: the board and PSU keep their places (tray,
  // psu_bay); the H510 Flow lists no fan places, so the five fans leave, each saying why.
  Build fans = scene("article-fans");
  Assembly a = assembled(fans, c);
  Result<Swapped> h510 = withSwapped(fans, a, "case", *c.find("nzxt-h510-flow"));
  REQUIRE(h510);
  CHECK(h510->build.instances.front().part == "nzxt-h510-flow");
  CHECK(h510->build.find("board")->mount == "tray");
  CHECK(h510->build.find("psu")->mount == "psu_bay");
  REQUIRE(h510->dropped.size() == 5);
  CHECK_THAT(h510->dropped.front(),
             Catch::StartsWith("fan1 (") && Catch::EndsWith("has no free fan place"));
  CHECK_FALSE(h510->build.find("fan1"));
  CHECK(h510->build.instances.size() == fans.instances.size() - 5);
  CHECK(checked(h510->build, c).verdict() == Verdict::Fits);
  // Into the Focus 2, which has the same names for its fan places: every fan keeps its place.
  Result<Swapped> focus2 = withSwapped(fans, a, "case", *c.find("fractal-focus-2"));
  REQUIRE(focus2);
  CHECK(focus2->dropped.empty());
  for (const char* fan : {"fan1", "fan2", "fan3", "fan4", "fan5"})
    CHECK(focus2->build.find(fan)->mount == fans.find(fan)->mount);
  // Into a Mini-ITX case: the ATX board stays on its tray and the ATX PSU in its SFX bay, and
  // the check says neither fits (not a silent drop of the whole build).
  Build article = scene("article-build");
  Assembly aa = assembled(article, c);
  Result<Swapped> nr200 = withSwapped(article, aa, "case", *c.find("cooler-master-nr200"));
  REQUIRE(nr200);
  CHECK(nr200->dropped.empty());
  FitResult r = checked(nr200->build, c);
  CHECK(r.verdict() == Verdict::DoesNotFit);
  CHECK(only(r, "mount", "board").severity == Severity::Fail);
  // The board swapped for the X570S Aorus Master (other slot names): the cards go to its x16
  // slots nearest the CPU first, the two modules to the slots its manual prefers, the CPU to its
  // socket; what hangs off them (the cooler on the CPU) stays.
  Build two = scene("article-two-gpus");
  Assembly at = assembled(two, c);
  Result<Swapped> x570 = withSwapped(two, at, "board", *c.find("gigabyte-x570s-aorus-master"));
  REQUIRE(x570);
  // The X570S's spec here lists no M.2 slot (rigfit has not modelled them), so the drive
  // leaves the build, and says why.
  CHECK(x570->dropped ==
        std::vector<std::string>{"ssd (Samsung 970 EVO 1 TB (M.2 2280 NVMe)): Gigabyte X570S "
                                 "AORUS MASTER has no free M.2 slot"});
  CHECK(x570->build.find("gpu1")->mount == "PCIEX16");
  CHECK(x570->build.find("gpu2")->mount == "PCIEX8");
  CHECK(x570->build.find("ram1")->mount == "DDR4_A2");
  CHECK(x570->build.find("ram2")->mount == "DDR4_B2");
  CHECK(x570->build.find("cpu")->mount == "CPU");
  CHECK(x570->build.find("cooler")->parent == "cpu");
  CHECK(assemble(x570->build, c));
  // Not the same kind of part, or not in the build: said, nothing changed.
  Result<Swapped> wrong = withSwapped(two, at, "board", *c.find("nzxt-h510-flow"));
  REQUIRE_FALSE(wrong);
  CHECK_THAT(wrong.error().message(), Catch::Contains("is a case, not a motherboard"));
  CHECK_FALSE(withSwapped(two, at, "nothing", *c.find("nzxt-h510-flow")));
}
