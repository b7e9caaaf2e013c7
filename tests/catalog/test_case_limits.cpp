// Every case's geometry reproduces its published limits: a card of exactly the maximum GPU
// length and a cooler of exactly the maximum cooler height fit; 1 mm more does not.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

// Test fixtures: a card, a CPU and a cooler of chosen dimensions.
json testCard(double length) {
  json j = {{"schema", 1},
            {"id", "test-card"},
            {"name", "test card"},
            {"category", "gpu"},
            {"sources", {{"test", "a test fixture of chosen dimensions"}}}};
  for (auto [k, v] : std::vector<std::pair<std::string, json>>{{"length_mm", length},
                                                               {"thickness_slots", 2},
                                                               {"bracket_slots", 1},
                                                               {"cooling", "blower"},
                                                               {"interface", "x16"}})
    j["figures"][k] = {{"value", v}, {"source", "test"}};
  return j;
}

json testCpu(const std::string& socket) {
  json j = partJson("amd-ryzen7-2700x");
  j["id"] = "test-cpu";
  setFigure(j, "socket", socket);
  return j;
}

json testCooler(const std::string& socket, double height) {
  json j = partJson("amd-wraith-prism");
  j["id"] = "test-cooler";
  setFigure(j, "sockets", json::array({socket}));
  setFigure(j, "height_mm", height);
  return j;
}

// The board the case takes with the most slot positions, and its first x16 slot.
const Part* boardFor(const Part& chassis, std::string* slot) {
  const Part* best = nullptr;
  for (const Part* p : seedCatalog().parts()) {
    if (p->category != Category::Motherboard) continue;
    const auto& ff = chassis.chassis->formFactors;
    if (std::find(ff.begin(), ff.end(), p->board->formFactor) == ff.end()) continue;
    for (const Mount& m : p->mounts)
      if (m.kind == MountKind::PcieSlot && m.mechanical == 16 &&
          (!best || p->board->widthMm > best->board->widthMm)) {
        best = p;
        *slot = m.name;
        break;
      }
  }
  return best;
}

FitResult withParts(const Part& chassis, const Part& board, const std::string& slot,
                    double cardLength, double coolerHeight) {
  Catalog cat = catalogWith({testCard(cardLength), testCpu(board.board->socket),
                             testCooler(board.board->socket, coolerHeight)});
  Build b{"limits of " + chassis.id,
          {{"case", chassis.id, "", ""},
           {"board", board.id, "case", "tray"},
           {"cpu", "test-cpu", "board", "CPU"},
           {"cooler", "test-cooler", "cpu", "cooler"},
           {"gpu", "test-card", "board", slot}}};
  return checked(b, cat);
}

} // namespace

TEST_CASE("every case reproduces its published GPU length and cooler height", "[catalog][limits]") {
  int cases = 0, gpuLimits = 0, coolerLimits = 0;
  for (const Part* chassis : seedCatalog().parts()) {
    if (chassis->category != Category::Case) continue;
    ++cases;
    INFO("case " << chassis->id);
    std::string slot;
    const Part* board = boardFor(*chassis, &slot);
    REQUIRE(board); // every case takes some board of the catalog
    const CaseInfo& c = *chassis->chassis;
    double gpu = c.maxGpuLengthMm.value_or(200), cooler = c.maxCoolerMm.value_or(60);
    FitResult at = withParts(*chassis, *board, slot, gpu, cooler);
    FitResult over = withParts(*chassis, *board, slot, gpu + 1, cooler + 1);
    if (c.maxGpuLengthMm) {
      ++gpuLimits;
      CHECK(only(at, "gpu-length").severity == Severity::Pass);
      CHECK(*only(at, "gpu-length").measured == Approx(0.0).margin(1e-6));
      CHECK(only(over, "gpu-length").severity == Severity::Fail);
      CHECK(*only(over, "gpu-length").measured == Approx(-1.0));
    } else {
      CHECK(only(at, "gpu-length").severity == Severity::NotChecked);
    }
    if (c.maxCoolerMm) {
      ++coolerLimits;
      CHECK(only(at, "cooler-height").severity == Severity::Pass);
      CHECK(*only(at, "cooler-height").measured == Approx(0.0).margin(1e-6));
      CHECK(only(over, "cooler-height").severity == Severity::Fail);
      CHECK(*only(over, "cooler-height").measured == Approx(-1.0));
    }
  }
  CHECK(cases >= 20);
  WARN(cases << " cases: " << gpuLimits << " publish a GPU length limit, " << coolerLimits
             << " a cooler height limit; both reproduced by their geometry");
}

TEST_CASE("the Focus 2's 405 mm card limit holds with its front fans mounted",
          "[catalog][limits][fans]") {
  // pcper's specifications (in the part file): "GPU max length: 405 mm with front fan
  // mounted". With three 25 mm fans in the front, or two 30 mm 140 mm fans, a card of exactly
  // 405 mm fits and touches nothing; 1 mm longer is over the limit.
  const Part& chassis = *seedCatalog().find("fractal-focus-2");
  std::string slot;
  const Part* board = boardFor(chassis, &slot);
  REQUIRE(board);
  using Fans = std::vector<std::pair<std::string, std::string>>; // fan part, place
  auto withFans = [&](double cardLength, const Fans& fans) {
    Catalog cat = catalogWith({testCard(cardLength), testCpu(board->board->socket),
                               testCooler(board->board->socket, 60)});
    Build b{"Focus 2 with front fans",
            {{"case", chassis.id},
             {"board", board->id, "case", "tray"},
             {"cpu", "test-cpu", "board", "CPU"},
             {"cooler", "test-cooler", "cpu", "cooler"},
             {"gpu", "test-card", "board", slot}}};
    for (const auto& [fan, place] : fans)
      b.instances.push_back({"fan-" + place, fan, "case", place});
    return checked(b, cat);
  };
  const std::string f120 = "thermaltake-swafan-12-rgb", f140 = "corsair-rs140-max";
  for (const Fans& fans : {Fans{{f120, "FRONT_1"}, {f120, "FRONT_2"}, {f120, "FRONT_3"}},
                           Fans{{f140, "FRONT_140_1"}, {f140, "FRONT_140_2"}}}) {
    INFO(fans.front().first);
    FitResult at = withFans(405, fans);
    CHECK(*only(at, "gpu-length").measured == Approx(0.0).margin(1e-6));
    CHECK(only(at, "collision").severity == Severity::Pass);
    CHECK(only(withFans(406, fans), "gpu-length").severity == Severity::Fail);
  }
  // The places for 120 and for 140 mm fans overlap: one of each there collide.
  Finding mixed = only(withFans(300, {{f120, "FRONT_1"}, {f140, "FRONT_140_1"}}), "collision");
  CHECK(mixed.severity == Severity::Fail);
}
