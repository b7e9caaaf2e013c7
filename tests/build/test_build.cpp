// Builds: placement rules, broken build files, and saving without losing anything.
#include "build/build_json.hpp"
#include "build/history.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

json sceneJson(const std::string& name) {
  std::ifstream in(sourcePath("scenes/" + name + ".json"));
  return json::parse(in);
}

Error assembleError(const json& j) {
  Result<Build> b = parseBuild(j, "scenes/x.json");
  REQUIRE(b.ok());
  Result<Assembly> a = assemble(*b, seedCatalog(), "scenes/x.json");
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().file == "scenes/x.json");
  return a.error();
}

} // namespace

TEST_CASE("world poses compose down the mount tree", "[build]") {
  Assembly a = assembled(scene("article-build"), seedCatalog());
  // The board's top-rear corner sits at the case's rear wall (x = 0), at the estimated board
  // top y = 407.4, on 6.35 mm standoffs; board +X points down the case.
  const Placed& board = a.items[a.indexOf("board")];
  CHECK(board.X_CP.t.x == Approx(0.0));
  CHECK(board.X_CP.t.y == Approx(407.4));
  CHECK(board.X_CP.t.z == Approx(6.35 + 1.57));
  CHECK(board.X_CP.R[0].y == Approx(-1.0));
  // PCIEX16_1 is slot position 2: 162.26 + 20.32 = 182.58 mm below the board's top edge.
  const Placed& gpu = a.items[a.indexOf("gpu1")];
  CHECK(gpu.X_CP.t.y == Approx(407.4 - 182.58));
  CHECK(glm::determinant(gpu.X_CP.R) == Approx(1.0)); // right-handed all the way down
}

TEST_CASE("broken builds name the part and the reason", "[build][bad-input]") {
  json b = sceneJson("article-build");
  SECTION("an unknown part id") {
    b["parts"][7]["part"] = "evga-rtx9090";
    Error e = assembleError(b);
    CHECK(e.field == "/parts/7/part");
    CHECK_THAT(e.reason, Catch::Contains("evga-rtx9090"));
  }
  SECTION("a mount that does not exist") {
    b["parts"][7]["on"] = "board/PCIEX16_9";
    Error e = assembleError(b);
    CHECK(e.field == "/parts/7/on");
    CHECK_THAT(e.reason, Catch::Contains("no mount \"PCIEX16_9\"") && Catch::Contains("PCIEX16_1"));
  }
  SECTION("a part on an incompatible mount") {
    b["parts"][7]["on"] = "board/PCIEX1_2";
    Error e = assembleError(b);
    CHECK(e.field == "/parts/7/on");
    CHECK_THAT(e.reason, Catch::Contains("x16 edge"));
  }
  SECTION("memory in a PCIe slot") {
    b["parts"][4]["on"] = "board/PCIEX16_2";
    CHECK_THAT(assembleError(b).reason, Catch::Contains("needs a dimm_slot"));
  }
  SECTION("two parts on one mount") {
    b["parts"][5]["on"] = "board/DIMM_A2";
    CHECK_THAT(assembleError(b).reason, Catch::Contains("already holds ram1"));
  }
  SECTION("a parent that comes later or not at all") {
    b["parts"][1]["on"] = "gpu1/tray";
    CHECK_THAT(assembleError(b).reason, Catch::Contains("not an earlier part"));
  }
  SECTION("no case first") {
    std::swap(b["parts"][0], b["parts"][1]);
    CHECK(assembleError(b).field == "/parts/0/part");
  }
  SECTION("a duplicate instance id") {
    b["parts"][5]["id"] = "ram1";
    CHECK(assembleError(b).field == "/parts/5/id");
  }
}

TEST_CASE("build files that do not parse", "[build][bad-input]") {
  auto err = [](const json& j) {
    Result<Build> b = parseBuild(j, "scenes/x.json");
    REQUIRE_FALSE(b.ok());
    return b.error();
  };
  json b = sceneJson("article-build");
  CHECK(err(json::array()).reason == "a build must be a JSON object");
  json noVersion = b;
  noVersion.erase("rigfit_build");
  CHECK(err(noVersion).field == "/rigfit_build");
  json future = b;
  future["rigfit_build"] = 99;
  CHECK_THAT(err(future).reason, Catch::Contains("build format 1"));
  json badOn = b;
  badOn["parts"][3]["on"] = "cpu";
  CHECK(err(badOn).field == "/parts/3/on");
  json extra = b;
  extra["parts"][2]["color"] = "red";
  CHECK(err(extra).field == "/parts/2/color");
  Result<Build> missing = loadBuildFile("/nonexistent/build.json");
  REQUIRE_FALSE(missing.ok());
  CHECK_THAT(missing.error().reason, Catch::Contains("cannot be read"));
}

TEST_CASE("saving: round trip, and a failed save keeps the old file", "[build]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "rigfit-test-save";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "b.json").string();
  Build b = scene("article-two-gpus");
  REQUIRE(saveBuildFile(b, path).ok());
  Result<Build> back = loadBuildFile(path);
  REQUIRE(back.ok());
  CHECK(*back == b);

  // Block the temporary file's name with a folder: the save fails and b.json is untouched.
  std::ifstream before(path);
  std::string old((std::istreambuf_iterator<char>(before)), {});
  fs::create_directories(path + ".tmp-rigfit");
  Status failed = saveBuildFile(scene("article-build"), path);
  REQUIRE_FALSE(failed.ok());
  CHECK_THAT(failed.error().reason, Catch::Contains("old file is unchanged"));
  std::ifstream after(path);
  CHECK(std::string((std::istreambuf_iterator<char>(after)), {}) == old);
  CHECK_FALSE(saveBuildFile(b, "/nonexistent/dir/b.json").ok());
  fs::remove_all(dir);
}

TEST_CASE("undo and redo over builds", "[build]") {
  Build a = scene("article-build");
  Build b = scene("article-two-gpus");
  History h(a);
  CHECK_FALSE(h.canUndo());
  h.commit(b);
  CHECK(h.current() == b);
  REQUIRE(h.undo());
  CHECK(h.current() == a);
  REQUIRE(h.redo());
  CHECK(h.current() == b);
  h.undo();
  h.commit(without(a, "gpu1")); // a new edit drops the redo branch
  CHECK_FALSE(h.canRedo());
}
