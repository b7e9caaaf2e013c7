// A checked build written back as a part list (issue 15): a line per part bought, its verdict
// and least room to material in the Fit column, notes for what PCPartPicker does not check,
// and a list `rigfit import` reads back into the same build.
#include "assembly/build_json.hpp"
#include "partlist/export.hpp"
#include "partlist/partlist_fixture.hpp"
#include "support/fixtures.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <sstream>

using namespace rigfit;
using namespace rigfit::test;

namespace {

std::string exported(const std::string& sceneName) {
  Catalog& catalog = world().catalog;
  Build b = scene(sceneName);
  Assembly a = assembled(b, catalog);
  return partListMarkdown(makeReport(b, a, catalog), catalog, "test");
}

// The table's rows whose type is `type`, as written.
std::vector<std::string> rows(const std::string& list, const std::string& type) {
  std::vector<std::string> out;
  std::istringstream in(list);
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("**" + type + "** | ")) out.push_back(line);
  return out;
}

std::multiset<std::string> partsOf(const Build& b) {
  std::multiset<std::string> ids;
  for (const Instance& in : b.instances)
    ids.insert(in.part);
  return ids;
}

} // namespace

TEST_CASE("export: a line per part bought, each with its verdict and least room") {
  std::string list = exported("article-two-gpus");
  CHECK_THAT(list, Catch::StartsWith("**The seed build with a second EVGA RTX 2060 XC"));
  CHECK_THAT(list, Catch::Contains("Type|Item|Fit\n:----|:----|:----\n"));
  // PCPartPicker's order of types; the kit's two modules are one line.
  for (const char* type :
       {"CPU", "CPU Cooler", "Motherboard", "Memory", "Storage", "Case", "Power Supply"}) {
    INFO(type);
    CHECK(rows(list, type).size() == 1);
  }
  CHECK(list.find("**CPU** |") < list.find("**Video Card** |"));
  CHECK(list.find("**Video Card** |") < list.find("**Case** |"));
  // The two cards 5.08 mm apart (three slot pitches less the cooler's 55.88 mm), each noted
  // with the warning about the first card's fans.
  std::vector<std::string> cards = rows(list, "Video Card");
  REQUIRE(cards.size() == 2);
  for (const std::string& card : cards)
    CHECK_THAT(card, Catch::Contains("| fits: 5.1 mm to the other Video Card (note"));
  CHECK_THAT(list, Catch::Contains("Fit notes (what PCPartPicker does not check):"));
  CHECK_THAT(list, Catch::Contains("warn: gpu1 (EVGA GeForce RTX 2060 XC GAMING (1 fan))'s fans "
                                   "breathe through 5.1 mm"));
  CHECK_THAT(rows(list, "Memory")[0], Catch::Contains("23.5 mm to the CPU Cooler"));
  // The catalog's figures come from OpenDB in part: its attribution goes with the list.
  CHECK_THAT(list, Catch::Contains("BuildCores OpenDB"));
  CHECK_THAT(list, Catch::Contains("ODC-By"));
}

TEST_CASE("export: a line that does not fit says so, and why") {
  std::string list = exported("article-bottom-slot");
  std::vector<std::string> cards = rows(list, "Video Card");
  REQUIRE(cards.size() == 2);
  CHECK_THAT(cards[0], Catch::Contains("| fits:"));
  // The second card needs case openings 7-8 of 7: no margin in mm decides that, so none is
  // shown beside the verdict; the notes say it.
  CHECK_THAT(cards[1], Catch::Contains("| **does not fit** (notes "));
  CHECK_THAT(rows(list, "Case")[0], Catch::Contains("| **does not fit** (note"));
  // The PSU's only trouble is the card's cooler over it, which depends on the board's
  // estimated place in the case: -16.0 mm at the estimates, up to 0.6 mm at best.
  CHECK_THAT(rows(list, "Power Supply")[0],
             Catch::Contains("| **depends**: -16.0 mm (-32.6 mm at worst) to the Video Card"));
  CHECK_THAT(list, Catch::Contains("needs case openings 7-8; Fractal Design Focus G has 7"));
  CHECK_THAT(list, Catch::Contains("depends: gpu2"));
}

TEST_CASE("export: an AIO's radiator is on its cooler's line, the power budget on no line") {
  std::string list = exported("focus2-aio");
  CHECK(rows(list, "CPU Cooler").size() == 1);
  CHECK(rows(list, "Radiator").empty());
  CHECK(rows(list, "Case Fan").size() == 2);
  // The power check names every part that draws: it is a note on the list, not on each line.
  CHECK_THAT(list, Catch::Contains("not checked: power"));
  CHECK_THAT(rows(list, "Motherboard")[0], Catch::EndsWith("| fits"));
}

TEST_CASE("export: import reads the list back into the same build") {
  for (const char* name :
       {"article-build", "article-two-gpus", "article-bottom-slot", "article-fans", "focus2-aio"}) {
    INFO(name);
    ImportedList back = importText(exported(name), std::string(name) + ".md");
    REQUIRE(back.problem.empty());
    for (const ImportedLine& l : back.lines) {
      INFO("line " << l.item.line << ": " << l.item.name << " (" << l.note << ")");
      CHECK(l.outcome == LineOutcome::Placed);
      CHECK(l.missing == 0);
    }
    std::multiset<std::string> want = partsOf(scene(name)), got = partsOf(back.build);
    // focus2-aio holds two modules of a four-module kit: the list names the kit, and the
    // import places all four.
    if (std::string(name) == "focus2-aio") {
      CHECK(got.count("gskill-trident-z-ddr4-3200-c14-8gb") == 4);
      want.erase("gskill-trident-z-ddr4-3200-c14-8gb");
      got.erase("gskill-trident-z-ddr4-3200-c14-8gb");
    }
    CHECK(got == want);
  }
}

TEST_CASE("import: an AIO's radiator goes on a free panel, and the fans where it is not") {
  ImportedList imported = importText(exported("focus2-aio"), "focus2-aio.md");
  const ImportedLine* cooler = nullptr;
  for (const ImportedLine& l : imported.lines)
    if (l.item.category == Category::Cooler) cooler = &l;
  REQUIRE(cooler);
  REQUIRE(cooler->instances.size() == 2);
  CHECK_THAT(cooler->instances[1], Catch::EndsWith("_RAD"));
  FitResult result = checked(imported.build, world().catalog);
  for (const Finding& f : findings(result, "collision")) {
    INFO(f.message);
    CHECK(f.severity == Severity::Pass);
  }
}

TEST_CASE("import: a kit that finds too few slots is not counted whole") {
  // A two-module kit, then a four-module kit, on a board with four slots: two of the second
  // kit's modules find no slot.
  ImportedList imported = importText(
      "Type|Item|Price\n:--|:--|:--\n"
      "**Case** | Fractal Design Focus G ATX Mid Tower Case | $1\n"
      "**Motherboard** | Asus PRIME X470-PRO ATX AM4 Motherboard | $1\n"
      "**Memory** | Corsair Vengeance LPX 16 GB (2 x 8 GB) DDR4-3000 CL15 Memory | $1\n"
      "**Memory** | G.Skill Trident Z DDR4-3200 CL14 8 GB module (4x8 GB, 32 GB kit) | $1\n",
      "kits.md");
  std::vector<const ImportedLine*> kits;
  for (const ImportedLine& l : imported.lines)
    if (l.item.category == Category::Memory) kits.push_back(&l);
  REQUIRE(kits.size() == 2);
  CHECK(kits[0]->missing == 0);
  CHECK(kits[0]->instances.size() == 2);
  CHECK(kits[1]->outcome == LineOutcome::Placed);
  CHECK(kits[1]->instances.size() == 2);
  CHECK(kits[1]->missing == 2);
  CHECK_THAT(kits[1]->note, Catch::StartsWith("2 of its 4 modules not placed"));
}
