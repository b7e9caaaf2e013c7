// Every case's geometry reproduces its published limits: a card of exactly the maximum GPU
// length and a cooler of exactly the maximum cooler height fit; 1 mm more does not.
#include "catalog/case_fixtures.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

FitResult withParts(const Part& chassis, const Part& board, const std::string& slot,
                    double cardLength, double coolerHeight, Options options = {}) {
  Catalog cat = catalogWith({testCard(cardLength), testCpu(board.board->socket),
                             testCooler(board.board->socket, coolerHeight)});
  return checked(caseBuild(chassis, board, slot, {}, options), cat);
}

// The case's own limits hold with every removable piece taken out.
Options allOut(const Part& chassis) {
  Options o;
  for (const CaseRemovable& r : chassis.chassis->removables)
    o[removedOption(r.name)] = 1;
  return o;
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
    FitResult at = withParts(*chassis, *board, slot, gpu, cooler, allOut(*chassis));
    FitResult over = withParts(*chassis, *board, slot, gpu + 1, cooler + 1, allOut(*chassis));
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

TEST_CASE("every case reproduces its published PSU length", "[catalog][limits]") {
  // A PSU of exactly the published maximum length fits its bay; 1 mm longer does not.
  int limits = 0;
  for (const Part* chassis : seedCatalog().parts()) {
    if (chassis->category != Category::Case || !chassis->chassis->maxPsuLengthMm) continue;
    ++limits;
    INFO("case " << chassis->id);
    const std::string& ff = chassis->chassis->psuFormFactors.front();
    auto with = [&](double length) {
      json psu = partJson(ff == "ATX" ? "corsair-rm850x-2018" : "corsair-sf600-2018");
      psu["id"] = "test-psu";
      setFigure(psu, "form_factor", ff);
      setFigure(psu, "length_mm", length);
      Build b{"psu",
              {{"case", chassis->id, "", "", allOut(*chassis)},
               {"psu", "test-psu", "case", "psu_bay"}}};
      return only(checked(b, catalogWith({psu})), "psu-length");
    };
    double max = *chassis->chassis->maxPsuLengthMm;
    Finding at = with(max);
    CHECK(at.severity == Severity::Pass);
    CHECK(*at.measured == Approx(0.0).margin(1e-6));
    Finding over = with(max + 1);
    CHECK(over.severity == Severity::Fail);
    CHECK(*over.measured == Approx(-1.0));
  }
  CHECK(limits >= 5);
  WARN(limits << " cases publish a PSU length limit, each reproduced by its geometry");
}

TEST_CASE("a case's piece left in brings the limits published with it in", "[catalog][limits]") {
  // Each removable piece of each case, left in with the others out: its published card or PSU
  // length holds, 1 mm more does not, and the finding names the configuration.
  int pieces = 0;
  for (const Part* chassis : seedCatalog().parts()) {
    if (chassis->category != Category::Case) continue;
    std::string slot;
    const Part* board = boardFor(*chassis, &slot);
    REQUIRE(board);
    for (const CaseRemovable& r : chassis->chassis->removables) {
      INFO(chassis->id << " with " << r.what << " in");
      Options o = allOut(*chassis);
      o.erase(removedOption(r.name));
      if (!r.maxGpuLengthMm) continue;
      ++pieces;
      double gpu = *r.maxGpuLengthMm;
      Finding at = only(withParts(*chassis, *board, slot, gpu, 60, o), "gpu-length");
      CHECK(at.severity == Severity::Pass);
      CHECK(*at.measured == Approx(0.0).margin(1e-6));
      CHECK_THAT(at.message, Catch::Contains("with " + r.what + " in"));
      Finding over = only(withParts(*chassis, *board, slot, gpu + 1, 60, o), "gpu-length");
      CHECK(over.severity == Severity::Fail);
      CHECK(*over.measured == Approx(-1.0));
    }
  }
  CHECK(pieces >= 1);
}

TEST_CASE("every case's PSU bay holds an ATX unit between the tray and the side panel",
          "[catalog][limits]") {
  // Regression: the Focus G Mini's PSU was centred for a 170 mm interior while its side panel
  // stands at 158 mm, so every PSU in it overlapped the panel by 2 mm.
  int bays = 0;
  bool measuredMini = false;
  for (const Part* chassis : seedCatalog().parts()) {
    if (chassis->category != Category::Case) continue;
    const auto& ff = chassis->chassis->psuFormFactors;
    const Mount* bay = chassis->mount("psu_bay");
    REQUIRE(bay);
    double z = bay->X_PM.t.z;
    // A bay whose place is not modelled holds no solid to measure.
    if (bay->unplaced || std::find(ff.begin(), ff.end(), "ATX") == ff.end()) continue;
    INFO(chassis->id);
    ++bays;
    measuredMini |= chassis->id == "fractal-focus-g-mini";
    CHECK(z - 75 >= 0);
    CHECK(z + 75 <= chassis->chassis->sidePanelZ + 1e-9);
  }
  CHECK(bays >= 15);
  CHECK(measuredMini);
}
