// Broken part specs: each gives one error naming the file, the field and the reason.
#include "catalog/catalog.hpp"
#include "catalog/part_json.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

Error errorOf(const json& j) {
  Result<Part> p = parsePart(j, "parts/gpu/x.json");
  REQUIRE_FALSE(p.ok());
  CHECK(p.error().file == "parts/gpu/x.json");
  return p.error();
}

} // namespace

TEST_CASE("every part file parses, and the catalog has the breadth issue 5 asks", "[catalog]") {
  size_t files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(sourcePath("parts")))
    files += e.path().extension() == ".json" && e.path().parent_path().filename() != "schema";
  CHECK(seedCatalog().size() == files);
  std::map<Category, int> count;
  for (const Part* p : seedCatalog().parts())
    ++count[p->category];
  CHECK(count[Category::Case] >= 20);
  CHECK(count[Category::Gpu] >= 30);
  CHECK(count[Category::Motherboard] >= 12);
  CHECK(count[Category::Cooler] >= 12);
  CHECK(count[Category::Psu] >= 10);
  CHECK(count[Category::Radiator] >= 3);
  int drives25 = 0, drives35 = 0;
  for (const Part* p : seedCatalog().parts())
    if (p->storage)
      drives25 += p->storage->formFactor == "2.5in", drives35 += p->storage->formFactor == "3.5in";
  CHECK(drives25 >= 1);
  CHECK(drives35 >= 1);
  // Cases with and without a PSU shroud, as OpenDB records them.
  std::set<std::string> shrouds;
  for (const Part* p : seedCatalog().parts())
    if (p->chassis && p->texts.count("psu_shroud")) shrouds.insert(p->texts.at("psu_shroud"));
  CHECK(shrouds == std::set<std::string>{"no", "yes"});
  // A curated CPU for every socket a curated board has (issue 16: an AM5 board had no CPU to
  // take, so a cooler dropped on it could go nowhere).
  std::set<std::string> boardSockets, cpuSockets;
  for (const Part* p : seedCatalog().parts()) {
    if (p->board) boardSockets.insert(p->board->socket);
    if (p->cpu) cpuSockets.insert(p->cpu->socket);
  }
  CHECK(boardSockets == std::set<std::string>{"AM4", "AM5", "LGA2066"});
  for (const std::string& socket : boardSockets) {
    INFO(socket);
    CHECK(cpuSockets.count(socket));
  }
}

TEST_CASE("a case's PSU shroud is a yes or a no", "[catalog][bad-input]") {
  json chassis = partJson("corsair-4000d-airflow");
  setFigure(chassis, "psu_shroud", "maybe");
  CHECK(errorOf(chassis).field == "/figures/psu_shroud/value");
  setFigure(chassis, "psu_shroud", true);
  setFigure(chassis, "drive_bays_3_5in", 2.5);
  CHECK(errorOf(chassis).field == "/figures/drive_bays_3_5in/value");
}

TEST_CASE("a fan pack counts whole fans, from 1 to 12", "[catalog][bad-input]") {
  json fan = partJson("corsair-rs140-max");
  CHECK(parsePart(fan, "fan.json")->fan->packFans == 1); // no pack_fans: one fan
  setFigure(fan, "pack_fans", 3);
  Result<Part> three = parsePart(fan, "fan.json");
  REQUIRE(three);
  CHECK(three->fan->packFans == 3);
  setFigure(fan, "pack_fans", 12);
  CHECK(parsePart(fan, "fan.json")); // the limit
  setFigure(fan, "pack_fans", 13);
  CHECK(errorOf(fan).field == "/figures/pack_fans/value");
  setFigure(fan, "pack_fans", 2.5);
  Error half = errorOf(fan);
  CHECK(half.field == "/figures/pack_fans/value");
  CHECK_THAT(half.reason, Catch::Contains("whole number"));
}

TEST_CASE("broken part specs name the field and the reason", "[catalog][bad-input]") {
  json gpu = partJson("evga-rtx2060-xc");
  SECTION("a missing dimension") {
    gpu["figures"].erase("length_mm");
    Error e = errorOf(gpu);
    CHECK(e.field == "/figures/length_mm");
    CHECK_THAT(e.reason, Catch::Contains("missing"));
  }
  SECTION("a negative dimension") {
    gpu["figures"]["length_mm"]["value"] = -190;
    Error e = errorOf(gpu);
    CHECK(e.field == "/figures/length_mm/value");
    CHECK_THAT(e.reason, Catch::Contains("between 50 and 600 mm") && Catch::Contains("-190"));
  }
  SECTION("an absurd dimension (metres typed as millimetres)") {
    gpu["figures"]["length_mm"]["value"] = 0.19;
    CHECK(errorOf(gpu).field == "/figures/length_mm/value");
  }
  SECTION("a dimension given as text") {
    gpu["figures"]["length_mm"]["value"] = "190";
    CHECK_THAT(errorOf(gpu).reason, Catch::Contains("must be a number"));
  }
  SECTION("a figure without a source") {
    gpu["figures"]["length_mm"].erase("source");
    Error e = errorOf(gpu);
    CHECK(e.field == "/figures/length_mm");
    CHECK_THAT(e.reason, Catch::Contains("source"));
  }
  SECTION("a source key that is not listed") {
    gpu["figures"]["length_mm"]["source"] = "nowhere";
    CHECK(errorOf(gpu).field == "/figures/length_mm/source");
  }
  SECTION("an estimate that does not say how it was made") {
    gpu["figures"]["length_mm"].erase("source");
    gpu["figures"]["length_mm"]["estimate"] = "guess";
    CHECK(errorOf(gpu).field == "/figures/length_mm/estimate");
  }
  SECTION("a misspelt figure") {
    gpu["figures"]["lenght_mm"] = gpu["figures"]["length_mm"];
    Error e = errorOf(gpu);
    CHECK(e.field == "/figures/lenght_mm");
    CHECK_THAT(e.reason, Catch::Contains("not a figure of a gpu"));
  }
  SECTION("an unknown category") {
    gpu["category"] = "toaster";
    CHECK(errorOf(gpu).field == "/category");
  }
  SECTION("a schema version this reader does not know") {
    gpu["schema"] = kPartSchemaVersion + 1;
    CHECK(errorOf(gpu).field == "/schema");
    gpu["schema"] = 0;
    CHECK(errorOf(gpu).field == "/schema");
  }
  SECTION("a bad id") {
    gpu["id"] = "EVGA RTX";
    CHECK(errorOf(gpu).field == "/id");
  }
  SECTION("power plugs given as text instead of a list") {
    gpu["figures"]["power_plugs"]["value"] = "8pin";
    CHECK(errorOf(gpu).field == "/figures/power_plugs/value");
  }
  SECTION("an unknown top-level field") {
    gpu["colour"] = "black";
    CHECK(errorOf(gpu).field == "/colour");
  }
}

TEST_CASE("broken board slots name the slot", "[catalog][bad-input]") {
  json board = partJson("asus-prime-x470-pro");
  SECTION("two slots at one position") {
    board["pcie_slots"]["slots"][1]["position"] = 1;
    Error e = errorOf(board);
    CHECK(e.field == "/pcie_slots/slots/1/position");
  }
  SECTION("more lanes than the slot is wide") {
    board["pcie_slots"]["slots"][0]["lanes"] = 4;
    CHECK(errorOf(board).field == "/pcie_slots/slots/0/lanes");
  }
  SECTION("a lane rule naming a slot the board does not have") {
    board["pcie_slots"]["slots"][1]["lanes_when"][0]["populated"][0] = "PCIEX16_9";
    CHECK_THAT(errorOf(board).reason, Catch::Contains("PCIEX16_9"));
  }
  SECTION("an unknown board form factor") {
    board["figures"]["form_factor"]["value"] = "E-ATX";
    Error e = errorOf(board);
    CHECK(e.field == "/figures/form_factor/value");
    CHECK_THAT(e.reason, Catch::Contains("ATX, microATX or Mini-ITX"));
  }
  SECTION("a slot position beyond the form factor") {
    board["figures"]["form_factor"]["value"] = "microATX"; // 4 positions; PCIEX16_3 is at 7
    Error e = errorOf(board);
    CHECK(e.field == "/pcie_slots/slots/4/position");
    CHECK_THAT(e.reason, Catch::Contains("beyond a microATX board's 4 slot positions"));
  }
  SECTION("a socket off the board") {
    board["figures"]["socket_x_mm"]["value"] = 320;
    CHECK_THAT(errorOf(board).reason, Catch::Contains("lies off a ATX board"));
  }
  SECTION("lane rules that are not a list") {
    board["pcie_slots"]["slots"][1]["lanes_when"] = "x8";
    CHECK(errorOf(board).field == "/pcie_slots/slots/1/lanes_when");
  }
  SECTION("a preferred flag that is not true or false") {
    board["dimm_slots"]["slots"][1]["preferred"] = "yes";
    CHECK(errorOf(board).field == "/dimm_slots/slots/1/preferred");
  }
  SECTION("a slot layout without provenance") {
    board["pcie_slots"].erase("layout_estimate");
    CHECK(errorOf(board).field == "/pcie_slots/layout_source");
  }
}

TEST_CASE("catalog folders: bad JSON, duplicate ids, file names", "[catalog][bad-input]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "rigfit-test-catalog";
  fs::remove_all(dir);
  fs::create_directories(dir / "gpu");
  auto write = [&](const std::string& rel, const std::string& text) {
    std::ofstream(dir / rel) << text;
  };
  write("gpu/evga-rtx2060-xc.json", partJson("evga-rtx2060-xc").dump());
  REQUIRE(Catalog::load(dir.string()).ok());

  write("gpu/broken.json", partJson("evga-rtx2060-xc").dump() + " }");
  Result<Catalog> trailing = Catalog::load(dir.string());
  REQUIRE_FALSE(trailing.ok()); // text after the JSON value is not ignored
  CHECK_THAT(trailing.error().reason, Catch::Contains("not valid JSON"));

  write("gpu/broken.json", "{ \"schema\": 1, ");
  Result<Catalog> bad = Catalog::load(dir.string());
  REQUIRE_FALSE(bad.ok());
  CHECK_THAT(bad.error().file, Catch::EndsWith("broken.json"));
  CHECK_THAT(bad.error().reason, Catch::Contains("not valid JSON"));

  fs::remove(dir / "gpu/broken.json");
  write("gpu/copy.json", partJson("evga-rtx2060-xc").dump());
  std::vector<Error> errors = validateCatalogDir(dir.string());
  REQUIRE(errors.size() == 2); // named after another id, and that id used twice
  CHECK_THAT(errors[0].reason, Catch::Contains("file is named copy.json"));
  CHECK_THAT(errors[1].reason, Catch::Contains("already used"));
  fs::remove_all(dir);
}

TEST_CASE("an all-in-one names a radiator the catalog has", "[catalog][radiators][bad-input]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "rigfit-test-aio";
  fs::remove_all(dir);
  fs::create_directories(dir / "cooler");
  fs::create_directories(dir / "radiator");
  auto write = [&](const std::string& rel, const json& j) { std::ofstream(dir / rel) << j.dump(); };
  json pump = partJson("nzxt-kraken-x53-rgb");
  write("cooler/nzxt-kraken-x53-rgb.json", pump);
  // Its radiator is missing: both the loader and `parts validate` name the field.
  Result<Catalog> missing = Catalog::load(dir.string());
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().file, Catch::EndsWith("nzxt-kraken-x53-rgb.json"));
  CHECK(missing.error().field == "/figures/radiator/value");
  CHECK_THAT(missing.error().reason, Catch::Contains("no part \"nzxt-kraken-x53-rgb-radiator\""));
  REQUIRE(validateCatalogDir(dir.string()).size() == 1);
  write("radiator/nzxt-kraken-x53-rgb-radiator.json", partJson("nzxt-kraken-x53-rgb-radiator"));
  CHECK(Catalog::load(dir.string()).ok());
  CHECK(validateCatalogDir(dir.string()).empty());
  // Naming a part that is not a radiator.
  setFigure(pump, "radiator", "nzxt-kraken-x53-rgb");
  write("cooler/nzxt-kraken-x53-rgb.json", pump);
  Result<Catalog> wrong = Catalog::load(dir.string());
  REQUIRE_FALSE(wrong.ok());
  CHECK_THAT(wrong.error().reason, Catch::Contains("is a cooler, not a radiator"));
  fs::remove_all(dir);
}

TEST_CASE("a case needs an opening for every slot of the largest board it takes",
          "[catalog][bad-input]") {
  nlohmann::json chassis = partJson("fractal-focus-g");
  chassis["figures"]["expansion_slots"]["value"] = 6; // takes ATX: 7 positions
  Error e = errorOf(chassis);
  CHECK(e.field == "/figures/expansion_slots/value");
  CHECK_THAT(e.reason, Catch::Contains("6 openings cannot serve a board with 7 slot positions"));
}

TEST_CASE("a part's mesh: units, axes and fit are read, and wrong ones named",
          "[catalog][bad-input]") {
  json gpu = partJson("evga-rtx2060-xc");
  gpu["schema"] = 2;
  gpu["mesh"] = {{"file", "meshes/gpu-shroud-1fan.gltf"},
                 {"units", "m"},
                 {"axes", {"+y", "+z", "+x"}},
                 {"fit", "stretch"}};
  SECTION("a good one") {
    Result<Part> p = parsePart(gpu, "parts/gpu/x.json");
    REQUIRE(p.ok());
    REQUIRE(p->mesh);
    CHECK(p->mesh->file == "meshes/gpu-shroud-1fan.gltf");
    CHECK(p->mesh->mmPerUnit == 1000.0);
    CHECK(p->mesh->stretch);
    CHECK(p->mesh->axes * glm::dvec3(1, 0, 0) == glm::dvec3(0, 1, 0)); // mesh x: the card's length
  }
  SECTION("a mesh in a schema 1 file") {
    gpu["schema"] = 1;
    CHECK(errorOf(gpu).field == "/mesh");
  }
  SECTION("unknown units") {
    gpu["mesh"]["units"] = "furlongs";
    Error e = errorOf(gpu);
    CHECK(e.field == "/mesh/units");
    CHECK_THAT(e.reason, Catch::Contains("mm, cm, m or in"));
  }
  SECTION("an axis named twice") {
    gpu["mesh"]["axes"] = {"+y", "+y", "+x"};
    CHECK(errorOf(gpu).field == "/mesh/axes");
  }
  SECTION("axes that mirror") {
    gpu["mesh"]["axes"] = {"+y", "+x", "+z"};
    CHECK_THAT(errorOf(gpu).reason, Catch::Contains("mirror"));
  }
  SECTION("a bad axis name") {
    gpu["mesh"]["axes"] = {"up", "+z", "+x"};
    CHECK(errorOf(gpu).field == "/mesh/axes/0");
  }
  SECTION("no file") {
    gpu["mesh"].erase("file");
    CHECK(errorOf(gpu).field == "/mesh/file");
  }
  SECTION("a file outside the part's and the assets' folders") {
    for (const char* file : {"/etc/passwd", "../../secret.obj", "meshes/../../x.obj"}) {
      gpu["mesh"]["file"] = file;
      CHECK(errorOf(gpu).field == "/mesh/file");
      CHECK_THAT(errorOf(gpu).reason, Catch::Contains("no absolute path"));
    }
  }
  SECTION("an unknown fit") {
    gpu["mesh"]["fit"] = "squash";
    CHECK(errorOf(gpu).field == "/mesh/fit");
  }
  SECTION("an unknown field") {
    gpu["mesh"]["scale"] = 2;
    CHECK(errorOf(gpu).field == "/mesh/scale");
  }
}

TEST_CASE("a cooler's fan raise needs the RAM clearance it starts from", "[catalog][bad-input]") {
  json drp4 = partJson("be-quiet-dark-rock-pro-4");
  REQUIRE(parsePart(drp4, "parts/cooler/x.json").ok());
  const Part* p = seedCatalog().find("be-quiet-dark-rock-pro-4");
  REQUIRE(p);
  REQUIRE(p->option("fan_raise_mm"));
  CHECK(p->option("fan_raise_mm")->max == 6.8);
  // A tower without a published clearance has an estimated one to raise the fan from; a cooler
  // that is not a tower has no front fan over the memory.
  drp4["figures"].erase("ram_clearance_mm");
  REQUIRE(parsePart(drp4, "parts/cooler/x.json").ok());
  setFigure(drp4, "type", "top_flow");
  Result<Part> bad = parsePart(drp4, "parts/cooler/x.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().field == "/figures/fan_raise_max_mm");
  setFigure(drp4, "type", "sideways");
  Result<Part> unknown = parsePart(drp4, "parts/cooler/x.json");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().field == "/figures/type/value");
}

TEST_CASE("fans, and the places a case has for them", "[catalog][fans]") {
  const Part* fan = seedCatalog().find("thermaltake-tt-1425");
  REQUIRE(fan);
  CHECK(fan->category == Category::Fan);
  CHECK(fan->fits == "140");
  CHECK(fan->solid("body")->box.size() == glm::dvec3(140, 140, 25));
  const Part* focus = seedCatalog().find("fractal-focus-g");
  std::vector<std::string> fanMounts;
  for (const Mount& m : focus->mounts)
    if (m.kind == MountKind::FanMount) fanMounts.push_back(m.name);
  CHECK(fanMounts == std::vector<std::string>{"FRONT_1", "FRONT_2", "REAR_1", "TOP_1", "TOP_2"});
  // The top mounts face down into the case from the ceiling.
  const Mount* top = focus->mount("TOP_1");
  CHECK(top->X_PM.t.y == Approx(424.0));
  CHECK(top->X_PM.R[2].y == Approx(-1.0));
  CHECK(top->accepts == std::vector<std::string>{"120", "140"});
}

TEST_CASE("broken fan mounts name the field and the reason", "[catalog][fans][bad-input]") {
  json focus = partJson("fractal-focus-g");
  json& slot = focus["fan_mounts"]["slots"][0];
  SECTION("a panel that is not one") {
    slot["panel"] = "side";
    CHECK(errorOf(focus).field == "/fan_mounts/slots/0/panel");
  }
  SECTION("a fan that would stick out of the case") {
    slot["y_mm"] = 30; // a 120 mm fan centred 30 mm above the floor
    Error e = errorOf(focus);
    CHECK(e.field == "/fan_mounts/slots/0/y_mm");
    CHECK_THAT(e.reason, Catch::Contains("between 60"));
  }
  SECTION("the wrong coordinate for the panel") {
    slot.erase("y_mm");
    slot["x_mm"] = 200;
    CHECK(errorOf(focus).field == "/fan_mounts/slots/0/y_mm");
  }
  SECTION("a size that is not a fan's") {
    slot["sizes"] = {120, 1400};
    CHECK(errorOf(focus).field == "/fan_mounts/slots/0/sizes/1");
  }
  SECTION("a name used twice") {
    focus["fan_mounts"]["slots"][1]["name"] = "FRONT_1";
    CHECK(errorOf(focus).field == "/fan_mounts/slots/1/name");
  }
  SECTION("in a schema 1 file, or on a part that is not a case") {
    json old = focus;
    old["schema"] = 1;
    CHECK(errorOf(old).field == "/fan_mounts");
    json gpu = partJson("evga-rtx2060-xc");
    gpu["fan_mounts"] = focus["fan_mounts"];
    CHECK_THAT(errorOf(gpu).reason, Catch::Contains("only a case"));
  }
  SECTION("a fan with no thickness") {
    json fan = partJson("arctic-p12-slim-pwm-pst");
    fan["figures"].erase("thickness_mm");
    Result<Part> p = parsePart(fan, "parts/fan/x.json");
    REQUIRE_FALSE(p.ok());
    CHECK(p.error().field == "/figures/thickness_mm");
  }
}

TEST_CASE("radiators, drive bays and a case's removable pieces are read", "[catalog][radiators]") {
  const Part& rad = *seedCatalog().find("nzxt-kraken-x53-rgb-radiator");
  CHECK(rad.category == Category::Radiator);
  CHECK(rad.needs == MountKind::RadiatorMount);
  CHECK(rad.fits == "240");
  // The radiator, and its fans stacked on it: 30 + 25 mm deep from its place.
  REQUIRE(rad.solid("fans"));
  CHECK(rad.solid("body")->box.hi.z == Approx(30));
  CHECK(rad.solid("fans")->box.hi.z == Approx(55));
  const Part& focus = *seedCatalog().find("fractal-focus-2");
  const Mount* top = focus.mount("TOP_RAD");
  REQUIRE(top);
  CHECK(top->kind == MountKind::RadiatorMount);
  CHECK(top->accepts == std::vector<std::string>{"240"});
  // A front place set 21.5 mm inside the front panel (451.5 mm deep): its face at 430 mm.
  CHECK(focus.mount("FRONT_RAD")->X_PM.t.x == Approx(430));
  CHECK(focus.mount("FRONT_1")->X_PM.t.x == Approx(430));
  const Part& mini = *seedCatalog().find("fractal-focus-g-mini");
  REQUIRE(mini.mount("HDD_2"));
  CHECK(mini.mount("HDD_2")->kind == MountKind::DriveBay);
  CHECK(seedCatalog().find("wd-blue-wd10ealx")->needs == MountKind::DriveBay);
  const Part& node = *seedCatalog().find("fractal-node-304");
  REQUIRE(node.chassis->removables.size() == 1);
  const PartOption* out = node.option("hdd_brackets_removed");
  REQUIRE(out);
  CHECK(out->toggle);
}

TEST_CASE("broken radiators, drive bays and removable pieces name the field",
          "[catalog][radiators][bad-input]") {
  SECTION("a radiator too short for its fans") {
    json rad = partJson("nzxt-kraken-x53-rgb-radiator");
    setFigure(rad, "fan_count", 3);
    CHECK(errorOf(rad).field == "/figures/length_mm/value");
  }
  SECTION("a radiator without its fans' size") {
    json rad = partJson("nzxt-kraken-x53-rgb-radiator");
    rad["figures"].erase("fan_size_mm");
    CHECK(errorOf(rad).field == "/figures/fan_size_mm");
  }
  json focus = partJson("fractal-focus-2");
  SECTION("a radiator class no radiator has") {
    focus["radiator_mounts"]["slots"][0]["sizes"] = {240, 100};
    CHECK(errorOf(focus).field == "/radiator_mounts/slots/0/sizes/1");
  }
  SECTION("a radiator place whose largest radiator sticks out of the case") {
    focus["radiator_mounts"]["slots"][0]["y_mm"] = 100; // a 360 centred 100 mm up
    CHECK(errorOf(focus).field == "/radiator_mounts/slots/0/y_mm");
  }
  SECTION("an inset out of range") {
    focus["radiator_mounts"]["slots"][0]["inset_mm"] = -5;
    CHECK(errorOf(focus).field == "/radiator_mounts/slots/0/inset_mm");
  }
  json mini = partJson("fractal-focus-g-mini");
  SECTION("a drive size that is not one") {
    mini["drive_bays"]["slots"][0]["sizes"] = {"5.25in"};
    CHECK(errorOf(mini).field == "/drive_bays/slots/0/sizes/0");
  }
  SECTION("a drive bay outside the case") {
    mini["drive_bays"]["slots"][1]["x_mm"] = 900;
    CHECK(errorOf(mini).field == "/drive_bays/slots/1/x_mm");
  }
  SECTION("a drive of a form factor rigfit does not know") {
    json drive = partJson("wd-blue-wd10ealx");
    setFigure(drive, "form_factor", "1.8in");
    CHECK(errorOf(drive).field == "/figures/form_factor/value");
  }
  json node = partJson("fractal-node-304");
  json& piece = node["removables"][0];
  SECTION("a piece without the limits it sets") {
    piece.erase("limits");
    CHECK(errorOf(node).field == "/removables/0/limits");
  }
  SECTION("a piece whose limit is longer than the case's own") {
    piece["limits"]["max_gpu_length_mm"]["value"] = 320; // the case takes 310 without it
    CHECK(errorOf(node).field == "/removables/0/limits/max_gpu_length_mm/value");
  }
  SECTION("a piece's limit without a source") {
    piece["limits"]["max_gpu_length_mm"].erase("source");
    CHECK(errorOf(node).field == "/removables/0/limits/max_gpu_length_mm");
  }
  SECTION("a limit a piece cannot set") {
    piece["limits"]["max_cpu_cooler_mm"] = {{"value", 100}, {"source", "oc"}};
    CHECK(errorOf(node).field == "/removables/0/limits/max_cpu_cooler_mm");
  }
  SECTION("removable pieces on a part that is not a case") {
    json gpu = partJson("evga-rtx2060-xc");
    gpu["removables"] = node["removables"];
    CHECK_THAT(errorOf(gpu).reason, Catch::Contains("only a case"));
  }
}
