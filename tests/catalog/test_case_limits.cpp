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
                    double cardLength, double coolerHeight) {
  Catalog cat = catalogWith({testCard(cardLength), testCpu(board.board->socket),
                             testCooler(board.board->socket, coolerHeight)});
  return checked(caseBuild(chassis, board, slot), cat);
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
