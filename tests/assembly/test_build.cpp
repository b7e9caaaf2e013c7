// Builds: placement rules, broken build files, and saving without losing anything.
#include "assembly/build_json.hpp"
#include "assembly/history.hpp"
#include "assembly/world.hpp"
#include "common/json_in.hpp"
#include "fit/fit.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>

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
  const Placed& board = a.items[a.indexOf("board").value()];
  CHECK(board.X_CP.t.x == Approx(0.0));
  CHECK(board.X_CP.t.y == Approx(407.4));
  CHECK(board.X_CP.t.z == Approx(6.35 + 1.57));
  CHECK(board.X_CP.R[0].y == Approx(-1.0));
  // PCIEX16_1 is slot position 2: 162.26 + 20.32 = 182.58 mm below the board's top edge.
  const Placed& gpu = a.items[a.indexOf("gpu1").value()];
  CHECK(gpu.X_CP.t.y == Approx(407.4 - 182.58));
  CHECK(glm::determinant(gpu.X_CP.R) == Approx(1.0)); // right-handed all the way down
}

TEST_CASE("an assembly poses its solids once, and a copy poses its own", "[build]") {
  Assembly a = assembled(scene("article-build"), seedCatalog());
  const World& w = a.world();
  CHECK(&a.world() == &w); // made once, kept
  CHECK(w.assembly == &a);
  size_t solids = 0;
  for (const Placed& p : a.items)
    solids += p.solids.size();
  CHECK(w.solids.size() == solids);
  // A copy's world points at the solids the copy's items hold (shared with the part, or with
  // the original where options made them: immutable, and kept alive by the copy), never at
  // the original's world.
  Assembly copy = a;
  const World& cw = copy.world();
  CHECK(&cw != &w);
  CHECK(cw.assembly == &copy);
  REQUIRE(cw.solids.size() == w.solids.size());
  for (size_t k = 0; k < cw.solids.size(); ++k) {
    const Placed& owner = copy.items[static_cast<size_t>(cw.solids[k].item)];
    bool inCopy =
        cw.solids[k].solid >= owner.solids.begin() && cw.solids[k].solid < owner.solids.end();
    CHECK(inCopy);
  }
  // So does an assembly moved or assigned after its world was made.
  Assembly moved = std::move(copy);
  CHECK(moved.world().assembly == &moved);
  // The assembly moved from keeps no world that points into the one it moved to.
  copy.items.clear();
  CHECK(copy.world().solids.empty());
  Assembly assigned;
  assigned = a;
  CHECK(assigned.world().assembly == &assigned);
}

TEST_CASE("a part's solids are shared, and a copy keeps those its options made", "[build]") {
  std::ifstream in(sourcePath("tests/realworld/drp4-trident-z-fan-raised.json"));
  Result<Build> b = parseBuild(json::parse(in), "drp4-trident-z-fan-raised.json");
  REQUIRE(b.ok());
  Catalog catalog = catalogFor(*b);
  auto original = std::make_unique<Assembly>(assembled(*b, catalog));
  const Assembly& a = *original;
  const Placed& cooler = a.items[*a.indexOf("cooler")];
  const Placed& board = a.items[*a.indexOf("board")];
  // No options: the part's own solids, not a copy. Raised fan: a copy of its own, raised.
  CHECK(board.solids.begin() == board.part->solids.data());
  REQUIRE(cooler.solids.size() == cooler.part->solids.size());
  CHECK(cooler.solids.begin() != cooler.part->solids.data());
  double raised = 0;
  for (size_t k = 0; k < cooler.solids.size(); ++k)
    if (cooler.solids[k].name == "body")
      raised = cooler.solids[k].box.lo.z - cooler.part->solids[k].box.lo.z;
  CHECK(raised == Approx(6.8));
  // The copy's raised solids outlive the assembly copied (ASan watches this in CI).
  Assembly copy = *original;
  original.reset();
  const Placed& kept = copy.items[*copy.indexOf("cooler")];
  double top = -INFINITY;
  for (const WorldSolid& s : copy.world().solids)
    if (&copy.world().itemOf(s) == &kept) top = std::max(top, s.bounds.hi.z);
  CHECK(std::isfinite(top));
  CHECK(check(copy).findings.size() > 0);
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
  SECTION("a part on a mount of its kind that does not take it is a verdict, not bad input") {
    // An x16 card in an x1 slot is understood: it does not fit (issue 10), and the mount check
    // says why, naming the part.
    b["parts"][7]["on"] = "board/PCIEX1_2";
    Result<Build> build = parseBuild(b, "scenes/x.json");
    REQUIRE(build.ok());
    FitResult r = checked(*build, seedCatalog());
    CHECK_FALSE(r.fits());
    Finding m = only(r, "mount");
    CHECK(m.severity == Severity::Fail);
    CHECK(m.parts == std::vector<std::string>{b["parts"][7]["id"].get<std::string>()});
    CHECK_THAT(m.message, Catch::Contains("x16 edge") && Catch::Contains("PCIEX1_2"));
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
  CHECK_THAT(err(future).reason, Catch::Contains("1 to " + std::to_string(kBuildFormatVersion)));
  json badOn = b;
  badOn["parts"][3]["on"] = "cpu";
  CHECK(err(badOn).field == "/parts/3/on");
  json extra = b;
  extra["parts"][2]["color"] = "red";
  CHECK(err(extra).field == "/parts/2/color");
  Result<Build> missing = loadBuildFile("/nonexistent/build.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().reason == "does not exist");
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

  // A write that stops short (the file-size limit here; a full disk alike) fails the save, and
  // b.json is untouched, with no temporary left beside it.
  std::ifstream before(path);
  std::string old((std::istreambuf_iterator<char>(before)), {});
  auto oldHandler = std::signal(SIGXFSZ, SIG_IGN); // the write then fails instead of killing us
  rlimit was{};
  REQUIRE(getrlimit(RLIMIT_FSIZE, &was) == 0);
  rlimit small = was;
  small.rlim_cur = 64;
  REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
  Status failed = saveBuildFile(scene("article-build"), path);
  REQUIRE(setrlimit(RLIMIT_FSIZE, &was) == 0);
  std::signal(SIGXFSZ, oldHandler);
  REQUIRE_FALSE(failed.ok());
  CHECK_THAT(failed.error().reason, Catch::Contains("old file is unchanged"));
  std::ifstream after(path);
  CHECK(std::string((std::istreambuf_iterator<char>(after)), {}) == old);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  CHECK_FALSE(saveBuildFile(b, "/nonexistent/dir/b.json").ok());
  fs::remove_all(dir);
}

TEST_CASE("saving cannot be turned against the builder, and keeps what it read",
          "[build][bad-input]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "rigfit-test-save-path";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "b.json").string();
  // A symlink planted at the old fixed temporary name redirected the write to its target.
  std::ofstream(dir / "victim.txt") << "precious";
  fs::create_symlink(dir / "victim.txt", path + ".tmp-rigfit");
  REQUIRE(saveBuildFile(scene("article-build"), path).ok());
  std::ifstream victim(dir / "victim.txt");
  CHECK(std::string((std::istreambuf_iterator<char>(victim)), {}) == "precious");
  // The old file's permissions are kept.
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(saveBuildFile(scene("article-two-gpus"), path).ok());
  CHECK((fs::status(path).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
  // A build saved through a symlink is written to its target; the link stays a link.
  std::string link = (dir / "link.json").string();
  fs::create_symlink(path, link);
  REQUIRE(saveBuildFile(scene("article-build"), link).ok());
  CHECK(fs::is_symlink(link));
  CHECK(*loadBuildFile(path) == scene("article-build"));
  // A build's notes are kept by a save, whatever JSON they hold.
  json withNotes = sceneJson("article-build");
  withNotes["notes"] = {{"bought", "2026-11-30"}, {"shop", "x"}};
  std::ofstream(path) << withNotes.dump();
  Result<Build> read = loadBuildFile(path);
  REQUIRE(read.ok());
  REQUIRE(saveBuildFile(*read, path).ok());
  std::ifstream saved(path);
  CHECK(json::parse(saved)["notes"] == withNotes["notes"]);
  fs::remove_all(dir);
}

TEST_CASE("build files that cannot be read or are hostile give a clear error",
          "[build][bad-input]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "rigfit-test-hostile";
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto reason = [&](const std::string& name, const std::string& text) {
    std::string p = (dir / name).string();
    std::ofstream(p) << text;
    Result<Build> b = loadBuildFile(p);
    REQUIRE_FALSE(b.ok());
    CHECK(b.error().file == p);
    return b.error();
  };
  // A folder, a FIFO (which would block forever), a symlink loop.
  CHECK(loadBuildFile(dir.string()).error().reason == "is a folder, not a file");
  std::string fifo = (dir / "fifo.json").string();
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  CHECK_THAT(loadBuildFile(fifo).error().reason, Catch::Contains("not a regular file"));
  fs::create_symlink(dir / "loop-a", dir / "loop-b");
  fs::create_symlink(dir / "loop-b", dir / "loop-a");
  CHECK_THAT(loadBuildFile((dir / "loop-a").string()).error().reason,
             Catch::Contains("symlink loop"));
  // A number too large for a double, keys given twice, nesting past the limit.
  CHECK_THAT(reason("big.json", R"({"rigfit_build": 1e400, "parts": []})").reason,
             Catch::Contains("is not valid JSON") && !Catch::Contains("[json.exception"));
  CHECK_THAT(reason("dup.json", R"({"rigfit_build": 1, "parts": [], "parts": []})").reason,
             Catch::Contains("\"parts\" twice"));
  std::string deep = R"({"rigfit_build": 1, "parts": [], "notes": )" + std::string(90000, '[') +
                     std::string(90000, ']') + "}";
  CHECK_THAT(reason("deep.json", deep).reason, Catch::Contains("nests deeper than 64"));
  // Integers out of range are refused before conversion, and 1.0 is not a whole number.
  Error huge = reason("huge.json", R"({"rigfit_build": 4294967297, "parts": []})");
  CHECK(huge.field == "/rigfit_build");
  CHECK_THAT(huge.reason, Catch::Contains("got 4294967297"));
  CHECK_THAT(reason("float.json", R"({"rigfit_build": 1.0, "parts": []})").reason,
             Catch::Contains("whole number"));
  // Larger than a build can sensibly be: refused at once, with the limit.
  std::string big((9u << 20), ' ');
  CHECK_THAT(reason("large.json", big).reason, Catch::Contains("up to 8 MiB"));
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

TEST_CASE("a part's options: read, saved, and wrong ones named", "[build][options][bad-input]") {
  std::ifstream in(sourcePath("tests/realworld/drp4-trident-z-fan-raised.json"));
  json b = json::parse(in);
  const int cooler = 3;
  REQUIRE(b["parts"][cooler]["id"] == "cooler");
  SECTION("read and saved as they were") {
    Result<Build> build = parseBuild(b, "x.json");
    REQUIRE(build.ok());
    CHECK(build->find("cooler")->options.at("fan_raise_mm") == 6.8);
    std::filesystem::path out = std::filesystem::temp_directory_path() / "rigfit-options.json";
    REQUIRE(saveBuildFile(*build, out.string()).ok());
    Result<Build> again = loadBuildFile(out.string());
    REQUIRE(again.ok());
    CHECK(*again == *build);
  }
  SECTION("an option the part does not have") {
    b["parts"][cooler]["options"] = {{"fan_raise_cm", 1}};
    Error e = assembleError(b);
    CHECK(e.field == "/parts/3/options/fan_raise_cm");
    CHECK_THAT(e.reason, Catch::Contains("it has: fan_raise_mm"));
  }
  SECTION("beyond what the part allows") {
    b["parts"][cooler]["options"] = {{"fan_raise_mm", 6.9}};
    Error e = assembleError(b);
    CHECK(e.field == "/parts/3/options/fan_raise_mm");
    CHECK_THAT(e.reason, Catch::Contains("from 0 to 6.8 mm") && Catch::Contains("6.9"));
    b["parts"][cooler]["options"] = {{"fan_raise_mm", -1}};
    CHECK(assembleError(b).field == "/parts/3/options/fan_raise_mm");
  }
  SECTION("an option on a part that has none") {
    b["parts"][1]["options"] = {{"fan_raise_mm", 1}};
    CHECK_THAT(assembleError(b).reason, Catch::Contains("it has none"));
  }
  SECTION("not a number, or in a format 1 file") {
    json text = b;
    text["parts"][cooler]["options"] = {{"fan_raise_mm", "6.8"}};
    Result<Build> t = parseBuild(text, "x.json");
    REQUIRE_FALSE(t.ok());
    CHECK(t.error().field == "/parts/3/options/fan_raise_mm");
    json v1 = b;
    v1["rigfit_build"] = 1;
    Result<Build> old = parseBuild(v1, "x.json");
    REQUIRE_FALSE(old.ok());
    CHECK(old.error().field == "/parts/3/options");
  }
}

TEST_CASE("a builder's own figures: read, saved in format 3, wrong ones named",
          "[build][figures][bad-input]") {
  json b = sceneJson("article-build");
  const int gpu = 7;
  REQUIRE(b["parts"][gpu]["id"] == "gpu1");
  b["rigfit_build"] = 3;
  b["parts"][gpu]["figures"] = {{"height_mm", 126.5}};
  SECTION("read, and saved as they were, in the format that holds them") {
    Result<Build> build = parseBuild(b, "x.json");
    REQUIRE(build.ok());
    CHECK(build->find("gpu1")->figures.at("height_mm") == 126.5);
    CHECK(toJson(*build)["rigfit_build"] == 3);
    std::filesystem::path out = std::filesystem::temp_directory_path() / "rigfit-figures.json";
    REQUIRE(saveBuildFile(*build, out.string()).ok());
    Result<Build> again = loadBuildFile(out.string());
    REQUIRE(again.ok());
    CHECK(*again == *build);
    // Without figures a build is written as before.
    Result<Build> plain = parseBuild(sceneJson("article-build"), "x.json");
    REQUIRE(plain.ok());
    CHECK(toJson(*plain)["rigfit_build"] == 2);
  }
  SECTION("not a number, empty, or in an older format") {
    auto err = [](const json& j) {
      Result<Build> r = parseBuild(j, "x.json");
      REQUIRE_FALSE(r.ok());
      return r.error();
    };
    json text = b;
    text["parts"][gpu]["figures"] = {{"height_mm", "126"}};
    CHECK(err(text).field == "/parts/7/figures/height_mm");
    json empty = b;
    empty["parts"][gpu]["figures"] = json::object();
    CHECK(err(empty).field == "/parts/7/figures");
    json v2 = b;
    v2["rigfit_build"] = 2;
    CHECK(err(v2).field == "/parts/7/figures");
    CHECK_THAT(err(v2).reason, Catch::Contains("\"rigfit_build\": 3"));
  }
  SECTION("a value the part's category does not allow") {
    b["parts"][gpu]["figures"] = {{"height_mm", 2000}};
    Error e = assembleError(b);
    CHECK(e.field == "/parts/7/figures/height_mm/value");
    CHECK_THAT(e.reason, Catch::Contains("gpu1") && Catch::Contains("must be between"));
  }
}

TEST_CASE("whole numbers: the range holds at both ends, whatever the JSON type",
          "[build][bad-input]") {
  // Regression: 0 (which JSON reads as unsigned) passed as format version 1 to 2.
  for (const char* v : {"0", "3", "-1", "1.0", "4294967297", "18446744073709551617"}) {
    INFO(v);
    Result<std::int64_t> n = wholeNumber(json::parse(v), 1, 2);
    CHECK_FALSE(n.ok());
  }
  CHECK(*wholeNumber(json::parse("1"), 1, 2) == 1);
  CHECK(*wholeNumber(json::parse("2"), 1, 2) == 2);
  CHECK(*wholeNumber(json::parse("-3"), -5, 0) == -3);
  CHECK_THAT(wholeNumber(json::parse("1.0"), 1, 2).error().reason, Catch::Contains("whole number"));
}
