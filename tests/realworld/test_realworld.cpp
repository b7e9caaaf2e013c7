// Real-world fits with known outcomes, as builds in tests/realworld/. Each states where its
// figures and its expected outcome come from.
#include "assembly/build_json.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

namespace {

// A build file's findings; the OpenDB rows it names are read as `rigfit check` reads them.
FitResult checkedFile(const std::string& name) {
  Result<Build> b = loadBuildFile(sourcePath("tests/realworld/" + name + ".json"));
  REQUIRE(b.ok());
  return checked(*b, catalogFor(*b));
}

} // namespace

TEST_CASE("an RTX 5090 class card in a Meshify C is 42.6 mm too long", "[realworld]") {
  // The ROG Matrix RTX 5090 is 357.6 mm long (localnews.ai, in its part file); the Meshify C
  // takes cards up to 315 mm (OpenDB, citing Fractal Design): 357.6 - 315 = 42.6 mm over.
  Finding f = only(checkedFile("meshify-c-rtx5090"), "gpu-length");
  CHECK(f.severity == Severity::Fail);
  CHECK(*f.measured == Approx(315 - 357.6));
}

TEST_CASE("a Noctua NH-D15 in a Cooler Master NR200 is 10 mm too tall", "[realworld]") {
  // NH-D15: 165 mm (OpenDB); NR200: coolers up to 155 mm (OpenDB): the well-known mismatch.
  Finding f = only(checkedFile("nr200-nh-d15"), "cooler-height");
  CHECK(f.severity == Severity::Fail);
  CHECK(*f.measured == Approx(155 - 165.0));
}

TEST_CASE("a dual-slot card in board position 7 needs an 8th opening", "[realworld]") {
  // The B450 AORUS Pro's lowest x16 slot is position 7 (hardwareluxx lane table); a 2-slot
  // bracket there needs case openings 7-8, and the Meshify C has 7 (OpenDB). The rule, from
  // reviews of boards with a slot at position 7: hardwaresecrets.com ASUS X99-PRO review.
  Finding f = only(checkedFile("b450-card-in-slot-7"), "slot-openings");
  CHECK(f.severity == Severity::Fail);
  CHECK(*f.measured == 8);
  CHECK(*f.required == 7);
}

TEST_CASE("four blower cards on a WS X299 SAGE need an 8-slot case", "[realworld]") {
  // Dual-slot blowers in positions 1, 3, 5, 7 sit 40.64 mm apart and just touch; the fourth,
  // in position 7, needs openings 7-8 (reference A3/C5: "the 4th card needs an 8-slot case").
  FitResult seven = checkedFile("sage-four-blowers-4000d");
  CHECK(only(seven, "slot-openings", "gpu4").severity == Severity::Fail);
  for (const Finding& g : findings(seven, "gpu-gap"))
    CHECK(g.severity == Severity::Pass);
  for (const Finding& g : findings(seven, "gpu-gap", "gpu1"))
    if (g.parts == std::vector<std::string>{"gpu1", "gpu2"})
      CHECK(*g.measured == Approx(40.64 - 40.64).margin(1e-9)); // they just touch
  FitResult eight = checkedFile("sage-four-blowers-7000d");
  CHECK(only(eight, "slot-openings", "gpu4").severity == Severity::Pass);
  CHECK(eight.fits());
}

TEST_CASE("a 2.9-slot, 318 mm card does not fit a Node 304", "[realworld]") {
  // The Node 304 takes cards up to 310 mm and two slots (overclockers.com quoting Fractal); a
  // 2.5-slot cooler did not fit in ComputerBase's test (reference C1). The ROG Strix RTX 3090 OC
  // is 318 mm long and 2.9 slots thick (its part file): 8 mm too long, and its cooler runs
  // 18.4 mm past the two-slot space into the wall (the board lies flat in this case).
  // The 310 mm is with two of its HDD brackets taken out, as the build says.
  FitResult r = checkedFile("node304-strix-3090");
  CHECK(*only(r, "gpu-length").measured == Approx(310 - 318.0));
  Finding wall = only(r, "collision");
  CHECK(wall.severity == Severity::Fail);
  CHECK(wall.parts == std::vector<std::string>{"case", "gpu1"});
  CHECK(*wall.measured < -10.0);
  // As the case ships, with the brackets in, it takes cards up to 160 mm (hardwaresecrets):
  // the card is 158 mm too long, and the finding says in which configuration.
  Result<Build> shipped = loadBuildFile(sourcePath("tests/realworld/node304-strix-3090.json"));
  REQUIRE(shipped.ok());
  shipped->instances.front().options.clear();
  Finding in = only(checked(*shipped, seedCatalog()), "gpu-length");
  CHECK(*in.measured == Approx(160 - 318.0));
  CHECK_THAT(in.message,
             Catch::Contains("takes 160.0 mm with the two HDD brackets over the card in"));
}

TEST_CASE("a Dark Rock Pro 4 over 44 mm memory fits once its front fan is raised",
          "[realworld][options]") {
  // be quiet! (its RAM-clearance overview, in the part file): the Dark Rock Pro 4 leaves 40 mm
  // over the front memory slots, 46.8 mm with the fan moved up. A G.Skill Trident Z module is
  // 44 mm tall (nexthardware review). With the kit's four modules the first slot sits under
  // the front fan: 40 - 44 = 4 mm into it; raised 6.8 mm, 46.8 - 44 = 2.8 mm clear.
  FitResult low = checkedFile("drp4-trident-z");
  Finding f = only(low, "cooler-ram");
  CHECK(f.severity == Severity::Fail);
  CHECK(*f.measured == Approx(40 - 44.0));
  CHECK(f.parts == std::vector<std::string>{"cooler", "ram1"});
  FitResult raised = checkedFile("drp4-trident-z-fan-raised");
  Finding r = only(raised, "cooler-ram");
  CHECK(r.severity == Severity::Pass);
  CHECK(*r.measured == Approx(46.8 - 44.0));
  CHECK_THAT(r.message, Catch::Contains("front fan raised 6.8 mm"));
  CHECK(raised.fits());
  // The raised fan lifts the cooler's top as much: 163 + 6.8 mm against the Torrent's 188 mm.
  CHECK(*only(raised, "cooler-height").measured == Approx(188 - 169.8));
}

TEST_CASE("raising the fan: exactly enough touches, 1 mm less overlaps",
          "[realworld][options][boundary]") {
  Result<Build> b = loadBuildFile(sourcePath("tests/realworld/drp4-trident-z.json"));
  REQUIRE(b.ok());
  auto withRaise = [&](double mm) {
    Build v = *b;
    for (Instance& in : v.instances)
      if (in.id == "cooler") in.options["fan_raise_mm"] = mm;
    return only(checked(v, seedCatalog()), "cooler-ram");
  };
  Finding exact = withRaise(4.0); // 40 + 4 = 44 mm: the module's height
  CHECK(exact.severity == Severity::Pass);
  CHECK(*exact.measured == Approx(0.0).margin(1e-9));
  Finding short1 = withRaise(3.0);
  CHECK(short1.severity == Severity::Fail);
  CHECK(*short1.measured == Approx(-1.0));
}

TEST_CASE("a 210 mm PSU fits a 220 mm bay, but its cables want more room", "[realworld]") {
  // The Seasonic PRIME TX-1600 is 210 mm long (comptoir-hardware, in its part file); the Corsair
  // 4000D Airflow takes PSUs up to 220 mm (OpenDB, citing Corsair): 10 mm to spare. Modular
  // plugs and their bend want about 30 mm more (a rule of thumb): 20 mm short, a warning.
  FitResult r = checkedFile("4000d-tx-1600");
  Finding length = only(r, "psu-length");
  CHECK(length.severity == Severity::Pass);
  CHECK(*length.measured == Approx(220 - 210.0));
  Finding cables = only(r, "psu-cables");
  CHECK(cables.severity == Severity::Warn);
  CHECK(*cables.measured == Approx(220 - 210.0 - 30.0));
}

TEST_CASE("a dual-slot card in a micro-ATX board's bottom slot needs a fifth opening",
          "[realworld][boundary]") {
  // hardwareluxx's Node 804 review: micro-ATX defines four expansion slots, and the case's fifth
  // opening is what lets a dual-slot card use the board's lowest PCIe slot. The MSI B550M
  // Mortar's lowest x16 slot is position 4 (its part file, slot order estimated): a 2-slot
  // bracket there needs openings 4-5. The Node 804 has 5 (OpenDB), exactly enough; the Cooler
  // Master Q300L V2 has 4 (OpenDB, citing Cooler Master), one short.
  Finding node = only(checkedFile("node804-mortar-bottom-slot"), "slot-openings");
  CHECK(node.severity == Severity::Pass);
  CHECK(*node.measured == 5);
  CHECK(*node.required == 5);
  Finding q300l = only(checkedFile("q300l-mortar-bottom-slot"), "slot-openings");
  CHECK(q300l.severity == Severity::Fail);
  CHECK(*q300l.measured == 5);
  CHECK(*q300l.required == 4);
}

TEST_CASE("ComputerBase's O11 Dynamic Mini test system fits, its cooler 7 mm under the glass",
          "[realworld]") {
  // ComputerBase built and measured its test system in the Lian Li O11 Dynamic Mini
  // (computerbase.de/2021-11/lian-li-o11-dynamic-mini-test/2): a be quiet! Dark Rock Pro 4, an
  // ASRock RX 6800 XT Taichi and an SFX unit, the Fractal Ion SFX 650G, for the case's SFX-L
  // limit. The case takes coolers up to 170 mm and cards up to 395 mm (OpenDB's O11D Mini-X
  // row); the cooler is 163 mm (its part file, a retailer's figure), the card 330 mm (OpenDB).
  // Their board (MSI X470 Gaming M7 AC) is not in the catalog: the X470 board of the seed build
  // stands in, with the same AM4 socket.
  FitResult r = checkedFile("o11-mini-drp4-6800xt");
  Finding cooler = only(r, "cooler-height");
  CHECK(cooler.severity == Severity::Pass);
  CHECK(*cooler.measured == Approx(170 - 163.0));
  Finding card = only(r, "gpu-length");
  CHECK(card.severity == Severity::Pass);
  CHECK(*card.measured == Approx(395 - 330.0));
  CHECK(r.fits());
}

TEST_CASE("a DeepCool Assassin IV fits the CH160 with 8 mm to spare", "[realworld]") {
  // A builder's finished DeepCool CH160 with an Assassin IV, tight at the top
  // (wrongwrong-pc-parts.hatenablog.com). The white CH160's row takes coolers up to 172 mm and
  // the Assassin IV's is 164 mm (OpenDB): 8 mm to spare. The board and CPU are stand-ins of the
  // catalog (an AM5 Mini-ITX board): the build's are not named.
  FitResult r = checkedFile("ch160-assassin-iv");
  Finding cooler = only(r, "cooler-height");
  CHECK(cooler.severity == Severity::Pass);
  CHECK(*cooler.measured == Approx(172 - 164.0));
  CHECK(r.fits());
}
