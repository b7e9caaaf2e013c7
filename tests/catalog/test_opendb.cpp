// The BuildCores OpenDB snapshot shipped in parts/opendb: its GPU rows become parts through the
// GPU category's mapping, each citing its row; rows that cannot be parts are counted with why.
#include "catalog/opendb.hpp"
#include "common/file.hpp"
#include "common/gzip.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unistd.h>

using namespace rigfit;
using namespace rigfit::test;

TEST_CASE("opendb: every GPU row is a part or a rejection with its line and reason",
          "[catalog][opendb]") {
  OpenDbCategoryLoad gpus = loadOpenDbCategory(sourcePath("parts/opendb"), describe(Category::Gpu));
  REQUIRE(gpus.unreadable.empty());
  CHECK(gpus.rows == 3835); // the snapshot's README
  CHECK(gpus.parts.size() + gpus.rejected.size() == gpus.rows);
  CHECK(gpus.parts.size() > 3500);
  for (const OpenDbRejection& r : gpus.rejected) {
    CHECK(r.line >= 1);
    CHECK_FALSE(r.reason.empty());
  }
  // The EVGA RTX 2060 XC's row (the curated part cites it): 189.89 mm from the row, cited.
  const Part* xc = nullptr;
  for (const Part& p : gpus.parts)
    if (p.opendbId == "8d254602-bd87-4ade-9513-8cfe40592eb0") xc = &p;
  REQUIRE(xc);
  CHECK(xc->tier == Tier::OpenDb);
  CHECK(xc->figures.at("length_mm").value == Approx(189.89));
  CHECK(xc->sources.at("opendb") == "BuildCores OpenDB 8d254602-bd87-4ade-9513-8cfe40592eb0");
  CHECK(xc->id.substr(xc->id.size() - 9) == "-8d254602");
}

TEST_CASE("opendb: a broken snapshot file is refused with its name, never a crash",
          "[catalog][opendb][bad-input]") {
  CHECK_FALSE(gunzip("not gzip at all", "x.gz", 1 << 20).ok());
  CHECK_FALSE(gunzip("", "x.gz", 1 << 20).ok());
  OpenDbCategoryLoad none = loadOpenDbCategory("/nonexistent", describe(Category::Gpu));
  CHECK_FALSE(none.unreadable.empty());
  CHECK(none.parts.empty());
}

namespace {

// Every mapped category of the snapshot, loaded once for the tests below.
const std::map<Category, OpenDbCategoryLoad>& snapshot() {
  static const std::map<Category, OpenDbCategoryLoad> loads = [] {
    std::map<Category, OpenDbCategoryLoad> out;
    for (const CategoryDescription* c : categories())
      if (c->openDbFile) out[c->category] = loadOpenDbCategory(sourcePath("parts/opendb"), *c);
    return out;
  }();
  return loads;
}

const Part* row(Category c, const std::string& uuid) {
  for (const Part& p : snapshot().at(c).parts)
    if (p.opendbId == uuid) return &p;
  return nullptr;
}

struct Pinned {
  const char* uuid;
  const char* figure;
  double value;
};

// The figure rigfit takes from a well-known product's row, and the row it cites.
void checkPinned(Category c, const std::vector<Pinned>& pins) {
  for (const Pinned& pin : pins) {
    INFO(toString(c) << " row " << pin.uuid << " " << pin.figure);
    const Part* p = row(c, pin.uuid);
    REQUIRE(p);
    CHECK(p->tier == Tier::OpenDb);
    REQUIRE(p->figures.count(pin.figure));
    const Figure& f = p->figures.at(pin.figure);
    CHECK(f.value == Approx(pin.value));
    CHECK_FALSE(f.estimated());
    CHECK(f.source == "opendb");
    CHECK(p->sources.at("opendb") == std::string("BuildCores OpenDB ") + pin.uuid);
  }
}

} // namespace

TEST_CASE("opendb: every mapped category's rows are parts or rejections, as the README counts",
          "[catalog][opendb]") {
  // The snapshot README's row counts; the share refused stays small.
  const std::map<Category, std::size_t> rows = {
      {Category::Gpu, 3835}, {Category::Case, 3749},    {Category::Cooler, 2398},
      {Category::Psu, 3295}, {Category::Memory, 4828},  {Category::Fan, 3366},
      {Category::Cpu, 789},  {Category::Storage, 3495}, {Category::Motherboard, 3699}};
  std::size_t parts = 0;
  for (const auto& [category, n] : rows) {
    INFO(toString(category));
    const OpenDbCategoryLoad& load = snapshot().at(category);
    CHECK(load.unreadable.empty());
    CHECK(load.rows == n);
    CHECK(load.parts.size() + load.rejected.size() == load.rows);
    CHECK(load.rejected.size() * 5 < load.rows);
    for (const OpenDbRejection& r : load.rejected) {
      CHECK(r.line >= 1);
      CHECK_FALSE(r.reason.empty());
    }
    parts += load.parts.size();
  }
  CHECK(parts >= 20000);
}

TEST_CASE("opendb: ten well-known cards, cases, coolers and PSUs take their row's figure",
          "[catalog][opendb]") {
  checkPinned(Category::Gpu, {{"c06019fb-48ce-4e42-94c1-87b84aaa7228", "length_mm", 357.6},
                              {"c4c44fc0-9231-4578-b947-0ccd887d97e1", "length_mm", 235},
                              {"851fb40e-318a-47e0-bfee-1b4f2b2c9608", "length_mm", 280},
                              {"2bfdb461-9d97-4dea-8149-13dd56935def", "length_mm", 261},
                              {"e174b661-9859-4c5b-aac3-081da83b2321", "length_mm", 337},
                              {"3ef453b4-652b-4753-a130-2f390ac0bc22", "length_mm", 225.5},
                              {"039be6f9-76b0-427c-8dd0-776ca4fa59c5", "length_mm", 344},
                              {"2bd1bf3c-a60d-4767-90b4-86cd5d6c01be", "length_mm", 305},
                              {"aef8ef66-20e1-45e1-944f-5baf23f632b5", "length_mm", 271},
                              {"c77bab65-1e05-4d15-b37c-442fcfae8ee3", "length_mm", 320},
                              {"c06019fb-48ce-4e42-94c1-87b84aaa7228", "thickness_slots", 3.5},
                              {"e174b661-9859-4c5b-aac3-081da83b2321", "thickness_slots", 4}});
  checkPinned(Category::Case, {{"c31a4922-957b-4a0d-a07c-298a99f36a1c", "max_gpu_length_mm", 384},
                               {"15228416-2ac1-4ff8-9039-d006728ae451", "max_gpu_length_mm", 365},
                               {"0caedd51-ca9c-43a7-8f1c-d79ace9df282", "max_gpu_length_mm", 413},
                               {"6eda9f4a-8cfa-4c6b-aca9-3fc487f794cb", "max_gpu_length_mm", 420},
                               {"14790124-e637-43a5-b47d-4551dd07d040", "max_gpu_length_mm", 360},
                               {"1c363f22-e0a3-4648-bbbb-580fd06e82ae", "max_gpu_length_mm", 405},
                               {"0166a285-c025-4fef-868b-251a8ca785b0", "max_gpu_length_mm", 426},
                               {"0f828930-e216-487b-941c-1aca2c554270", "max_gpu_length_mm", 369},
                               {"021d3b2e-8f92-48e0-b1fc-2dd7961fefca", "max_gpu_length_mm", 400},
                               {"e68c8957-3900-4fc6-bb71-383af2b42621", "max_gpu_length_mm", 360},
                               {"c31a4922-957b-4a0d-a07c-298a99f36a1c", "max_cpu_cooler_mm", 176},
                               {"0caedd51-ca9c-43a7-8f1c-d79ace9df282", "max_cpu_cooler_mm", 185}});
  checkPinned(Category::Cooler, {{"27cc18ba-4130-4f93-bac2-a9aac3cd3adf", "height_mm", 154},
                                 {"22bd46b3-8a89-411d-bd5e-a199564db8e9", "height_mm", 158},
                                 {"010abcce-a3d8-488c-a89d-9713092820c1", "height_mm", 155},
                                 {"7b72dbbc-3044-4e7d-86a2-e95adf32c83a", "height_mm", 155},
                                 {"406727b7-7d2c-41c7-aca8-a3f9c79a10f6", "height_mm", 157},
                                 {"10a29eef-2781-43fe-bcfa-b44a131ba36d", "height_mm", 37},
                                 {"ae98e4f3-51a6-4f18-be1d-a1f9d3531a2b", "height_mm", 154},
                                 {"4cfc9b2b-a1b9-467e-82a3-7b15ebf1c5c9", "height_mm", 148},
                                 {"8603ad0a-1baf-4a3f-877a-8c86e6c18f83", "height_mm", 154},
                                 {"093c566d-f4f2-4452-879a-01359c40f7f0", "height_mm", 124}});
  checkPinned(Category::Psu, {{"3ad60608-656a-45bd-ae8f-51de6ca6401f", "length_mm", 140},
                              {"3efcca16-9f79-4a85-a44e-a910968863c8", "length_mm", 100},
                              {"267ce838-86f0-4130-a66d-67b45f0296f3", "length_mm", 150},
                              {"d8c1f3cb-add2-4743-94f8-672e8529dbe4", "length_mm", 100},
                              {"11449671-8f3c-4239-9bc4-b9b45ea86f9e", "length_mm", 140},
                              {"08e59cd7-a286-4d1f-917c-aa2b1816067e", "length_mm", 140},
                              {"ff2f9735-306d-40bf-b39f-ff9fd53ccfd1", "length_mm", 100},
                              {"c292ea59-42df-4e06-94bc-d0c04c4ad8ce", "length_mm", 160},
                              {"7c20c4cf-1046-4a2d-a507-4ac5dd3b2b78", "length_mm", 170},
                              {"990d12cc-40b5-4cee-911e-841bc15ec986", "length_mm", 100}});
}

TEST_CASE("opendb: what a row lacks is an estimate that says so, or missing", "[catalog][opendb]") {
  // The Meshify 2 Compact's row has a GPU limit but no dimensions and no cooler limit: its
  // interior is built around the limit, and no side panel is measured.
  const Part* m2c = row(Category::Case, "e68c8957-3900-4fc6-bb71-383af2b42621");
  REQUIRE(m2c);
  CHECK(m2c->figures.at("interior_depth_mm").value == Approx(390));
  CHECK(m2c->figures.at("interior_depth_mm").estimate.find("GPU length 360") != std::string::npos);
  CHECK_FALSE(m2c->chassis->sideKnown);
  CHECK_FALSE(m2c->solid("side_panel"));
  CHECK_FALSE(m2c->figures.count("psu_centre_z_mm")); // the PSU's place is not in the row
  // Nor which PSU form factors it takes: none is guessed.
  CHECK_FALSE(m2c->figures.count("psu_form_factors"));
  // A height that cannot hold the largest board upright over a PSU (the Torrent Compact's row
  // gives 222 mm) is not used.
  const Part* tc = nullptr;
  for (const Part& p : snapshot().at(Category::Case).parts)
    if (p.id == "fractal-design-torrent-compact-atx-mid-tower-black-solid-0b0c9b8e") tc = &p;
  REQUIRE(tc);
  CHECK(tc->figures.at("interior_height_mm").value == Approx(305 + 86 + 40));
  CHECK(tc->figures.at("interior_height_mm").estimate.find("is not used") != std::string::npos);
  // A tower from its height: a footprint from its fan, each saying how it was made.
  const Part* pa = row(Category::Cooler, "27cc18ba-4130-4f93-bac2-a9aac3cd3adf");
  REQUIRE(pa);
  CHECK(pa->cooler->tower);
  CHECK(pa->figures.at("footprint_x_mm").estimated());
  // A water cooler's "height" is not taken for its pump's.
  const Part* aio = row(Category::Cooler, "0009985c-4992-46ca-92ff-7f4d5a8f96f9");
  REQUIRE(aio);
  CHECK_FALSE(aio->cooler->heightMm);
}

TEST_CASE("opendb: a malformed or truncated line is refused with its line, the rest load",
          "[catalog][opendb][bad-input]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("rigfit-opendb-bad-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::string good;
  {
    std::istringstream all(*gunzip(*readFileText(sourcePath("parts/opendb/GPU.jsonl.gz"), 1 << 24),
                                   "GPU.jsonl.gz", 1 << 28));
    std::getline(all, good); // a row that is a part (line 1 of the snapshot)
  }
  {
    std::ofstream out(dir / "GPU.jsonl");
    out << good << "\n"
        << "{\"length\": 200, \"metadata\": \n"    // broken
        << good.substr(0, good.size() / 2) << "\n" // truncated
        << "[1, 2, 3]\n"                           // not an object
        << good;                                   // the last line, without its newline
  }
  REQUIRE(std::system(("gzip -f " + (dir / "GPU.jsonl").string()).c_str()) == 0);
  OpenDbCategoryLoad load = loadOpenDbCategory(dir.string(), describe(Category::Gpu));
  CHECK(load.unreadable.empty());
  CHECK(load.rows == 5);
  CHECK(load.parts.size() == 2);
  REQUIRE(load.rejected.size() == 3);
  CHECK(load.rejected[0].line == 2);
  CHECK(load.rejected[0].file == (dir / "GPU.jsonl.gz").string());
  CHECK(load.rejected[0].reason.find("not JSON") == 0);
  CHECK(load.rejected[1].line == 3);
  CHECK(load.rejected[2].line == 4);
  CHECK(load.rejected[2].reason == "not a JSON object");
  fs::remove_all(dir);
}

TEST_CASE("opendb: a build's OpenDB ids are read from their rows alone", "[catalog][opendb]") {
  Catalog c = seedCatalog();
  const std::string suprim = "msi-suprim-x-geforce-rtx-4090-24-gb-d745581d";
  // The EVGA RTX 2060 XC's row is the curated part's: its id finds the curated figures.
  const std::string xcRow =
      "evga-geforce-rtx-2060-xc-gaming-06g-p4-2063-kr-6gb-gddr6-hdb-fan-8d254602";
  // A row the GPU mapping refuses (a hybrid card): its reason comes back.
  const std::string hybrid = "msi-sea-hawk-x-geforce-rtx-2080-8gb-gddr6-black-silver-041c8205";
  std::vector<OpenDbRejection> refused =
      addOpenDbParts(c, sourcePath("parts/opendb"),
                     {suprim, xcRow, hybrid, "fractal-focus-g", "no-such-part-0123abcd"});
  REQUIRE(c.find(suprim));
  CHECK(c.find(suprim)->tier == Tier::OpenDb);
  CHECK(c.find(suprim)->figures.at("length_mm").value == Approx(336));
  REQUIRE(c.find(xcRow));
  CHECK(c.find(xcRow)->id == "evga-rtx2060-xc");
  CHECK_FALSE(c.find("no-such-part-0123abcd"));
  CHECK_FALSE(c.find(hybrid));
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].line == 54);
  CHECK(refused[0].reason.find("Hybrid") != std::string::npos);
  CHECK_FALSE(looksLikeOpenDbId("fractal-focus-g"));
  CHECK(looksLikeOpenDbId(suprim));
}

TEST_CASE("opendb: the whole snapshot in the catalog, curated rows and duplicates once",
          "[catalog][opendb]") {
  Catalog c = seedCatalog();
  OpenDbAudit audit = addOpenDb(c, sourcePath("parts/opendb"));
  CHECK(c.size() >= 20000);
  std::size_t curated = 0, folded = 0;
  for (const OpenDbCategoryLoad& l : audit.categories) {
    curated += l.curated.size();
    folded += l.folded.size();
    for (const auto& [alias, id] : l.folded) {
      REQUIRE(c.find(alias));
      CHECK(c.find(alias)->id == id);
    }
  }
  CHECK(curated >= 60); // the curated parts that name their row
  CHECK(folded > 0);
  // Two rows of one board name that count their slots differently stay two parts.
  const Part* n7a = c.find("nzxt-b650e-n7-wifi-am5-ddr5-atx-9cb8bc5b");
  const Part* n7b = c.find("nzxt-b650e-n7-wifi-am5-ddr5-atx-9fe02aec");
  REQUIRE(n7a);
  REQUIRE(n7b);
  CHECK(n7a != n7b);
  CHECK(n7b->boardLayout->pcie.size() == 3);
  // No part is listed twice: one row, one part.
  std::set<std::string> rows;
  for (const Part* p : c.parts())
    if (!p->opendbId.empty()) CHECK(rows.insert(p->opendbId).second);
}

TEST_CASE("opendb: a board's slots are laid out from its counts, and say so", "[catalog][opendb]") {
  // The ROG STRIX B650E-F: one x16 (gen 5), one x4, two x1, four DDR5 slots; no positions.
  const Part* b = nullptr;
  for (const Part& p : snapshot().at(Category::Motherboard).parts)
    if (p.id == "asus-rog-strix-b650e-f-gaming-wifi-am5-ddr5-atx-1a2236a4") b = &p;
  REQUIRE(b);
  CHECK(b->board->socket == "AM5");
  CHECK(b->board->memoryType == "DDR5");
  std::map<std::string, const Mount*> slots;
  for (const Mount& m : b->mounts)
    slots[m.name] = &m;
  REQUIRE(slots.count("PCIEX16_1"));
  REQUIRE(slots.count("PCIEX16_2"));
  REQUIRE(slots.count("PCIEX1_1"));
  REQUIRE(slots.count("PCIEX1_2"));
  CHECK(slots["PCIEX16_1"]->position == 2); // as most of the catalog's ATX boards
  CHECK(slots["PCIEX16_1"]->gen == 5);
  CHECK(slots["PCIEX16_2"]->position == 5); // three positions below the first wide slot
  CHECK(slots["PCIEX16_2"]->lanes == 4);
  CHECK(slots["PCIEX1_1"]->position == 1);
  CHECK(slots["PCIEX1_2"]->position == 3);
  bool guessed = false;
  for (const std::string& e : slots["PCIEX16_1"]->estimates)
    guessed = guessed || e.find("guessed from slot counts") != std::string::npos;
  CHECK(guessed);
  REQUIRE(slots.count("DIMM_A2"));
  CHECK(slots["DIMM_A2"]->preferred);
  // More slots than the form factor has positions is refused, with the counts.
  bool refusedForPositions = false;
  for (const OpenDbRejection& r : snapshot().at(Category::Motherboard).rejected)
    refusedForPositions =
        refusedForPositions || r.reason.find("slot positions") != std::string::npos;
  CHECK(refusedForPositions);
}

TEST_CASE("opendb: cards, towers, ATX units and fans are drawn from the generated meshes",
          "[catalog][opendb]") {
  // A picture only: the mesh each kind's curated parts use, stretched onto the part's boxes.
  auto meshOf = [](Category c, const char* uuid) {
    const Part* p = row(c, uuid);
    REQUIRE(p);
    return p->mesh ? p->mesh->file + (p->mesh->stretch ? " stretch" : "") : std::string("none");
  };
  const Part* card = row(Category::Gpu, "c06019fb-48ce-4e42-94c1-87b84aaa7228");
  REQUIRE(card);
  REQUIRE(card->figures.count("fans"));
  const int fans = static_cast<int>(card->figures.at("fans").value);
  CHECK(meshOf(Category::Gpu, "c06019fb-48ce-4e42-94c1-87b84aaa7228") ==
        "meshes/gpu-shroud-" + std::to_string(fans) + "fan.gltf stretch");
  CHECK(card->mesh->mmPerUnit == 1000.0);
  // 154 mm tall: a tower; 37 mm: a down-draught cooler, drawn from its boxes.
  CHECK(meshOf(Category::Cooler, "27cc18ba-4130-4f93-bac2-a9aac3cd3adf") ==
        "meshes/tower-cooler.obj stretch");
  CHECK(meshOf(Category::Cooler, "10a29eef-2781-43fe-bcfa-b44a131ba36d") == "none");
  const Part* unit = row(Category::Psu, "3ad60608-656a-45bd-ae8f-51de6ca6401f");
  REQUIRE(unit);
  CHECK(meshOf(Category::Psu, "3ad60608-656a-45bd-ae8f-51de6ca6401f") ==
        (unit->texts.at("form_factor") == "ATX" ? "meshes/psu-atx.obj stretch" : "none"));
  CHECK(meshOf(Category::Fan, "0000053d-49d5-44f8-8439-54b537b55e25") ==
        "meshes/fan-120x25.stl stretch");
}
