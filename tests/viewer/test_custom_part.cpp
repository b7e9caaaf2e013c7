// Parts > New part: a part described by its dimensions becomes a part spec, is checked like any
// part file, saved to the builder's folder, and snaps like any other.
#include "catalog/part_json.hpp"
#include "custom_part.hpp"
#include "session.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace rigfit;
using namespace rigfit::test;
namespace fs = std::filesystem;

namespace {

viewer::CustomPartForm measuredCard() {
  viewer::CustomPartForm f;
  f.category = Category::Gpu;
  f.name = "My Card (measured)";
  f.howMeasured = "measured on my own card with a steel rule";
  f.values = {{"length_mm", "285"},    {"thickness_slots", "2.5"}, {"bracket_slots", "2"},
              {"cooling", "open_air"}, {"interface", "x16"},       {"height_mm", ""}};
  return f;
}

} // namespace

TEST_CASE("a filled form is a part spec the catalog reads", "[viewer][custom-part]") {
  CHECK(viewer::idFromName("My Card (measured)") == "my-card-measured");
  CHECK(viewer::idFromName("  --  ").empty());
  Result<nlohmann::json> spec = viewer::specOf(measuredCard());
  REQUIRE(spec.ok());
  CHECK((*spec)["id"] == "my-card-measured");
  CHECK_FALSE((*spec)["figures"].contains("height_mm")); // left empty: left out
  Result<Part> p = parsePart(*spec, "my-parts/gpu/my-card-measured.json");
  REQUIRE(p.ok());
  CHECK(p->gpu->lengthMm == 285);
  CHECK(p->figures.at("length_mm").source == "me");
  // A cooler's sockets, typed as a list.
  viewer::CustomPartForm cooler;
  cooler.category = Category::Cooler;
  cooler.name = "My cooler";
  cooler.howMeasured = "from the box it came in";
  cooler.values = {{"sockets", "AM4, LGA1700"}, {"height_mm", "158"}};
  Result<nlohmann::json> c = viewer::specOf(cooler);
  REQUIRE(c.ok());
  CHECK((*c)["figures"]["sockets"]["value"] == nlohmann::json({"AM4", "LGA1700"}));
  CHECK(parsePart(*c, "x.json").ok());
  // A radiator (its fan size picked from a list is a number) and a 3.5 in drive.
  viewer::CustomPartForm rad;
  rad.category = Category::Radiator;
  rad.name = "My 240 radiator";
  rad.howMeasured = "measured with a steel rule";
  rad.values = {{"length_mm", "277"},   {"width_mm", "120"}, {"thickness_mm", "27"},
                {"fan_size_mm", "120"}, {"fan_count", "2"},  {"fan_thickness_mm", "25"}};
  Result<nlohmann::json> r = viewer::specOf(rad);
  REQUIRE(r.ok());
  CHECK((*r)["figures"]["fan_size_mm"]["value"] == 120);
  Result<Part> radiator = parsePart(*r, "x.json");
  REQUIRE(radiator.ok());
  CHECK(radiator->fits == "240");
  viewer::CustomPartForm drive;
  drive.category = Category::Storage;
  drive.name = "My old disk";
  drive.howMeasured = "from its label";
  drive.values = {{"form_factor", "3.5in"},
                  {"length_mm", "147"},
                  {"width_mm", "101.6"},
                  {"thickness_mm", "26.1"}};
  Result<nlohmann::json> d = viewer::specOf(drive);
  REQUIRE(d.ok());
  CHECK((*d)["figures"]["form_factor"]["value"] == "3.5in");
  Result<Part> disk = parsePart(*d, "x.json");
  REQUIRE(disk.ok());
  CHECK(disk->needs == MountKind::DriveBay);
}

TEST_CASE("a form with a figure missing or not a number says which",
          "[viewer][custom-part][bad-input]") {
  viewer::CustomPartForm f = measuredCard();
  f.values["length_mm"] = "";
  Result<nlohmann::json> missing = viewer::specOf(f);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().field == "length (mm)");
  f.values["length_mm"] = "28.5 cm";
  CHECK_THAT(viewer::specOf(f).error().reason, Catch::Contains("must be a number"));
  f = measuredCard();
  f.howMeasured = "me";
  CHECK(viewer::specOf(f).error().field == "how measured");
  f = measuredCard();
  f.name = "";
  CHECK(viewer::specOf(f).error().field == "name");
}

TEST_CASE("a new part is saved to the builder's folder and snaps like any other",
          "[viewer][custom-part]") {
  fs::path dir = fs::temp_directory_path() / ("rigfit-my-parts-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::path build =
      fs::temp_directory_path() / ("rigfit-custom-" + std::to_string(getpid()) + ".json");
  fs::copy_file(sourcePath("scenes/article-build.json"), build,
                fs::copy_options::overwrite_existing);
  auto s = viewer::Session::open(catalogWith(), build.string());
  REQUIRE(s.ok());
  Result<std::string> saved = (*s)->addCustomPart(*viewer::specOf(measuredCard()), dir.string());
  REQUIRE(saved.ok());
  CHECK(fs::path(*saved) == dir / "gpu" / "my-card-measured.json");
  CHECK(loadPartFile(*saved).ok()); // the file on disk reads back as a part
  auto slots = (*s)->candidates("my-card-measured");
  REQUIRE(slots.size() == 2); // the free x16 slots, as for any card
  // Under the XC in PCIEX16_2 it has the same 60.96 - 55.88 = 5.08 mm as any card there
  // (test_article.cpp); in PCIEX16_3 its 2-slot bracket needs an opening the case lacks.
  CHECK(slots[0].answer.fits);
  CHECK(slots[0].answer.marginMm == Approx(60.96 - 55.88));
  CHECK_FALSE(slots[1].answer.fits);
  // The same name again is refused, and the first file stays as it was.
  auto before = fs::last_write_time(*saved);
  Result<std::string> again = (*s)->addCustomPart(*viewer::specOf(measuredCard()), dir.string());
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.error().reason, Catch::Contains("already a part"));
  CHECK(fs::last_write_time(*saved) == before);
  // A figure the reader rejects: nothing is written.
  viewer::CustomPartForm absurd = measuredCard();
  absurd.name = "Absurd card";
  absurd.values["length_mm"] = "2850";
  Result<std::string> bad = (*s)->addCustomPart(*viewer::specOf(absurd), dir.string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().field == "/figures/length_mm/value");
  CHECK_FALSE(fs::exists(dir / "gpu" / "absurd-card.json"));
  CHECK_FALSE((*s)->addCustomPart(*viewer::specOf(absurd), "").ok()); // no folder: said so
}

TEST_CASE("a case, a board and a CPU are described by what their makers list",
          "[viewer][custom-part]") {
  // Every category the catalog holds has a form.
  for (Category c :
       {Category::Case, Category::Motherboard, Category::Cpu, Category::Gpu, Category::Cooler,
        Category::Fan, Category::Radiator, Category::Memory, Category::Psu, Category::Storage}) {
    INFO(toString(c));
    CHECK(std::count(viewer::formCategories().begin(), viewer::formCategories().end(), c) == 1);
    CHECK_FALSE(viewer::formFields(c).empty());
  }
  // Figures the builder gave cite the builder; what rigfit fills in is an estimate that says so
  // in the form's words; nothing claims to come from OpenDB.
  auto cited = [](const nlohmann::json& spec) {
    std::string text = spec.dump();
    CHECK(text.find("opendb") == std::string::npos);
    CHECK(text.find("OpenDB") == std::string::npos);
    CHECK(text.find("the row") == std::string::npos);
    CHECK(spec["sources"] == nlohmann::json{{"me", "from the maker's spec page"}});
  };
  viewer::CustomPartForm chassis;
  chassis.category = Category::Case;
  chassis.name = "My Case";
  chassis.howMeasured = "from the maker's spec page";
  chassis.values = {{"supported_motherboard_form_factors", "ATX, mATX, Mini ITX"},
                    {"expansion_slots", "7"},
                    {"max_video_card_length", "360"},
                    {"max_cpu_cooler_height", "165"},
                    {"depth", "450"},
                    {"width", "210"},
                    {"height", "470"}};
  Result<nlohmann::json> c = viewer::specOf(chassis);
  REQUIRE(c.ok());
  cited(*c);
  CHECK((*c)["figures"]["max_gpu_length_mm"] == nlohmann::json{{"value", 360}, {"source", "me"}});
  CHECK((*c)["figures"]["interior_depth_mm"].contains("estimate"));
  Result<Part> casePart = parsePart(*c, "x.json");
  REQUIRE(casePart.ok());
  CHECK(casePart->chassis->formFactors == std::vector<std::string>{"ATX", "microATX", "Mini-ITX"});
  CHECK(casePart->chassis->openings == 7);

  viewer::CustomPartForm board;
  board.category = Category::Motherboard;
  board.name = "My Board";
  board.howMeasured = "from the maker's spec page";
  board.values = {{"form_factor", "ATX"}, {"socket", "AM5"},  {"ram_type", "DDR5"},
                  {"memory_slots", "4"},  {"x16_slots", "2"}, {"x1_slots", "1"}};
  Result<nlohmann::json> b = viewer::specOf(board);
  REQUIRE(b.ok());
  cited(*b);
  Result<Part> boardPart = parsePart(*b, "x.json");
  REQUIRE(boardPart.ok());
  CHECK(boardPart->board->socket == "AM5");
  size_t x16 = 0, dimms = 0;
  for (const Mount& m : boardPart->mounts)
    x16 += m.kind == MountKind::PcieSlot && m.mechanical == 16,
        dimms += m.kind == MountKind::DimmSlot;
  CHECK(x16 == 2);
  CHECK(dimms == 4);
  // Counts only: what the form did not ask is said to be assumed.
  CHECK_THAT((*b)["pcie_slots"]["layout_estimate"].get<std::string>(),
             Catch::Contains("each long slot is taken as wired x16, at PCIe 3.0 (no generation "
                             "given)"));
  board.values["pcie_gen"] = "4";
  Result<nlohmann::json> gen4 = viewer::specOf(board);
  REQUIRE(gen4.ok());
  CHECK_THAT(gen4->dump(), !Catch::Contains("no generation given"));
  Result<Part> gen4Part = parsePart(*gen4, "x.json");
  REQUIRE(gen4Part.ok());
  for (const Mount& m : gen4Part->mounts)
    if (m.kind == MountKind::PcieSlot && m.mechanical == 16) CHECK(m.gen == 4);
  // A size the layout does not know: refused in the form's words.
  board.values["form_factor"] = "E-ATX";
  Result<nlohmann::json> eatx = viewer::specOf(board);
  REQUIRE_FALSE(eatx.ok());
  CHECK_THAT(eatx.error().reason, !Catch::Contains("row") && !Catch::Contains("OpenDB"));
  board.values["form_factor"] = "ATX";

  viewer::CustomPartForm cpu;
  cpu.category = Category::Cpu;
  cpu.name = "My CPU";
  cpu.howMeasured = "from the maker's spec page";
  cpu.values = {{"socket", "AM5"}, {"tdp", "120"}, {"integrated_graphics", "yes"}};
  Result<nlohmann::json> p = viewer::specOf(cpu);
  REQUIRE(p.ok());
  cited(*p);
  Result<Part> cpuPart = parsePart(*p, "x.json");
  REQUIRE(cpuPart.ok());
  CHECK(cpuPart->cpu->socket == "AM5");
  CHECK(cpuPart->cpu->integratedGraphics == true);
  CHECK(*cpuPart->cpu->tdpW == 120);

  // Refused with the reason: a board size no case takes, a required field left empty.
  chassis.values["supported_motherboard_form_factors"] = "BTX";
  Result<nlohmann::json> btx = viewer::specOf(chassis);
  REQUIRE_FALSE(btx.ok());
  CHECK(btx.error().field == "board sizes it takes (ATX, microATX, ...)");
  CHECK_THAT(btx.error().reason, Catch::Contains("\"BTX\" is not a board size"));
  board.values["x16_slots"] = "";
  CHECK(viewer::specOf(board).error().field == "x16 (long) PCIe slots");
}
