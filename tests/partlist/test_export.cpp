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

TEST_CASE("export: an AIO's radiator is on its cooler's line, the power budget on the PSU's") {
  std::string list = exported("focus2-aio");
  CHECK(rows(list, "CPU Cooler").size() == 1);
  CHECK(rows(list, "Radiator").empty());
  CHECK(rows(list, "Case Fan").size() == 2);
  // The power check names every part that draws: it is a note on the list and on the PSU's
  // line, not on each line.
  const size_t power = list.find("not checked: power");
  REQUIRE(power != std::string::npos);
  const std::string note = list.substr(list.rfind('\n', power) + 1, 1); // its number
  CHECK_THAT(rows(list, "Motherboard")[0], Catch::EndsWith("| fits"));
  CHECK_THAT(rows(list, "Power Supply")[0],
             Catch::Matches(".*\\(notes? ([0-9]+, )*" + note + "(, [0-9]+)*\\)$"));
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

TEST_CASE(
    "export: room a line lacks against the case is said short, and a radiator keeps to its AIO") {
  Catalog& catalog = world().catalog;
  Report r;
  r.title = "made for the test";
  r.verdict = "something does not fit";
  r.parts = {{"case", "fractal-focus-g", "Fractal Design Focus G", "case", "", {}},
             {"cooler", "noctua-nh-d15", "Noctua NH-D15", "cooler", "cpu/cooler", {}},
             {"radiator",
              "nzxt-kraken-x53-rgb-radiator",
              "NZXT Kraken X53 RGB radiator",
              "radiator",
              "case/TOP_RAD",
              {}}};
  Finding tall;
  tall.check = "cooler-height";
  tall.severity = Severity::Fail;
  tall.parts = {"cooler"};
  tall.measured = -2.0;
  tall.unit = Unit::Mm;
  tall.message = "the cooler is 2.0 mm taller than the case allows";
  r.findings = {tall};
  std::string list = partListMarkdown(r, catalog, "test");
  std::vector<std::string> coolers = rows(list, "CPU Cooler");
  // The air cooler's own line, and the radiator's: it is no part of an air cooler's purchase.
  REQUIRE(coolers.size() == 2);
  CHECK_THAT(coolers[0], Catch::Contains("Noctua NH-D15 | **does not fit**: 2.0 mm short "
                                         "(cooler-height) (note 1)"));
  CHECK_THAT(coolers[1], Catch::Contains("NZXT Kraken X53 RGB radiator | fits"));
}

TEST_CASE("import: a pack of fans places each fan, and the list gives the pack on one line") {
  // ARCTIC's P12 PST 5-Pack (OpenDB: quantity 5) in the Focus G, whose five fan places take
  // 120 mm fans: one line, five fans.
  const std::string pack = "arctic-p12-pst-120mm-black-pwm-pack-of-5-06cc084e";
  const std::string head = "Type|Item|Price\n:--|:--|:--\n"
                           "**Case** | Fractal Design Focus G ATX Mid Tower Case | $1\n";
  const std::string line = "**Case Fan** | [ARCTIC P12 PWM PST 56.3 CFM 120 mm Fans 5-Pack]"
                           "(https://pcpartpicker.com/product/TYFZcX/"
                           "arctic-p12-pwm-pst-563-cfm-120-mm-fans-5-pack-acfan00137a) | $1\n";
  ImportedList five = importText(head + line, "pack.md");
  REQUIRE(five.lines.size() == 2);
  CHECK(five.lines[1].partId == pack);
  CHECK(five.lines[1].outcome == LineOutcome::Placed);
  CHECK(five.lines[1].instances.size() == 5);
  CHECK(five.lines[1].missing == 0);
  CHECK(partsOf(five.build).count(pack) == 5);
  // Exported, the five are one line again, and read back they are five fans.
  Catalog& catalog = world().catalog;
  Assembly a = assembled(five.build, catalog);
  const std::string list = partListMarkdown(makeReport(five.build, a, catalog), catalog, "test");
  CHECK(rows(list, "Case Fan").size() == 1);
  ImportedList back = importText(list, "pack-back.md");
  CHECK(partsOf(back.build).count(pack) == 5);
  // A single fan first takes one of the places: the pack's fifth finds none, and says so.
  ImportedList crowded =
      importText(head + "**Case Fan** | Corsair RS140 MAX 140 mm Fan | $1\n" + line, "crowded.md");
  REQUIRE(crowded.lines.size() == 3);
  const ImportedLine& p = crowded.lines[2];
  CHECK(p.outcome == LineOutcome::Placed);
  CHECK(p.instances.size() == 4);
  CHECK(p.missing == 1);
  CHECK_THAT(p.note, Catch::StartsWith("1 of its 5 fans not placed"));
}
