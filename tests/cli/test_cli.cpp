// The rigfit command as a user runs it: exit codes, messages, formats.
#include "catalog/opendb.hpp"
#include "support/fixtures.hpp"

#include <algorithm>
#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>

using namespace rigfit::test;

namespace {

struct Run {
  int code = -1;
  std::string out; // stdout and stderr together
};

// `env` sets variables for the run, as NAME='value' words.
Run runRigfit(const std::string& args, const std::string& env = "") {
  std::string cmd = std::string("cd '") + RIGFIT_SOURCE_DIR +
                    "' && env -u DISPLAY -u WAYLAND_DISPLAY " + env + " '" + RIGFIT_BINARY + "' " +
                    args + " 2>&1"; // no display: no window
  Run r;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
    r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string tempFile(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("rigfit-cli-" + name);
  std::ofstream(path) << text;
  return path.string();
}

} // namespace

TEST_CASE("check: the seed builds", "[cli]") {
  Run one = runRigfit("check scenes/article-build.json");
  CHECK(one.code == 0);
  // The Focus G publishes no PSU limit: the verdict says a check lacked data.
  CHECK_THAT(one.out,
             Catch::Contains("Verdict: everything checked fits (some checks lacked data)"));
  CHECK_THAT(one.out, Catch::Contains("gpu-length") && Catch::Contains("190.1 mm to spare"));
  Run two = runRigfit("check scenes/article-two-gpus.json");
  CHECK(two.code == 0);
  CHECK_THAT(two.out, Catch::Contains("5.1 mm apart"));
  Run bottom = runRigfit("check scenes/article-bottom-slot.json");
  CHECK(bottom.code == 1); // something does not fit
  CHECK_THAT(bottom.out, Catch::Contains("FAIL") && Catch::Contains("openings 7-8"));
  Run report = runRigfit("report scenes/article-bottom-slot.json -o /tmp/rigfit-cli-bottom.md");
  CHECK(report.code == 1); // the report is written, and the exit code still says it does not fit
  CHECK(std::filesystem::exists("/tmp/rigfit-cli-bottom.md"));
  CHECK(runRigfit("report scenes/article-build.json -o /tmp/x.pdf").code == 2);
  // With no -o the report goes to standard output, as Markdown (issue 17).
  Run toStdout = runRigfit("report scenes/article-build.json");
  CHECK(toStdout.code == 0);
  CHECK_THAT(toStdout.out, Catch::StartsWith("# Fit report"));
  Run tight = runRigfit("check scenes/article-two-gpus.json --min-clearance 6");
  CHECK(tight.code == 0); // under the minimum is a warning, not a failure
  CHECK_THAT(tight.out, Catch::Contains("WARN ~ gpu-gap"));
}

TEST_CASE("check: formats", "[cli]") {
  Run j1 = runRigfit("check scenes/article-build.json --format json");
  Run j2 = runRigfit("check scenes/article-build.json --format json");
  REQUIRE(j1.code == 0);
  CHECK(j1.out == j2.out); // byte-identical
  auto j = nlohmann::json::parse(j1.out);
  CHECK(j["rigfit_check"] == 1);
  CHECK(j["fits"] == true);
  CHECK(j["findings"].size() > 10);
  Run md = runRigfit("check scenes/article-build.json --format md");
  CHECK_THAT(md.out, Catch::Contains("| Severity | Check |"));
}

TEST_CASE("check: a verdict that depends on an estimate exits 3, and 1 with --strict",
          "[cli][ranges]") {
  // Five fans in the Focus G: the memory clears the top fan at the estimated board height,
  // not with the board at the roof of its spare height.
  Run fans = runRigfit("check scenes/article-fans.json");
  CHECK(fans.code == 3);
  CHECK_THAT(fans.out, Catch::Contains("DEPENDS ~ collision") &&
                           Catch::Contains("The figure that decides it: case's board_top_mm") &&
                           Catch::Contains("\"figures\": {\"board_top_mm\": VALUE} on case"));
  CHECK(runRigfit("check scenes/article-fans.json --strict").code == 1);
  Run json = runRigfit("check scenes/article-fans.json --format json");
  CHECK(json.code == 3);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["verdict"] == "depends");
  CHECK(j["fits"] == true); // at the estimates
  bool deciding = false;
  for (const auto& f : j["findings"])
    if (f.contains("range") && f["range"]["worst_severity"] == "fail")
      for (const auto& d : f["range"]["deciding"])
        deciding |= d["figure"] == "board_top_mm" && d["flips_at"].is_number();
  CHECK(deciding);
  // The figure entered in the build: the verdict no longer depends on it.
  nlohmann::json b = nlohmann::json::parse(
      std::ifstream(std::string(RIGFIT_SOURCE_DIR) + "/scenes/article-fans.json"));
  b["rigfit_build"] = 3;
  b["parts"][0]["figures"] = {{"board_top_mm", 407.4}};
  Run entered = runRigfit("check " + tempFile("fans-entered.json", b.dump()));
  CHECK(entered.code == 0);
  CHECK_THAT(entered.out, !Catch::Contains("DEPENDS"));
  // The article build fits at every value of its bands.
  CHECK(runRigfit("check scenes/article-build.json --strict").code == 0);
}

TEST_CASE("check: a case with nothing in it exits 4, a build not complete yet names what it lacks",
          "[cli]") {
  std::string empty =
      tempFile("empty-case.json", R"({"rigfit_build": 1, "parts": [{"id": "case", "part": )"
                                  R"("fractal-focus-g"}]})");
  Run none = runRigfit("check " + empty);
  CHECK(none.code == 4);
  CHECK_THAT(none.out, Catch::Contains("Verdict: nothing to check: the case is empty (add a "
                                       "motherboard, a CPU") &&
                           !Catch::Contains("fits"));
  Run json = runRigfit("check " + empty + " --format json");
  CHECK(json.code == 4);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["verdict"] == "nothing to check");
  CHECK(j["fits"].is_null()); // neither fits nor fails
  CHECK(j["missing"].size() == 6);
  Run report = runRigfit("report " + empty + " -o " + tempFile("empty-report.md", ""));
  CHECK(report.code == 4);
  CHECK_THAT(report.out, Catch::Contains("nothing to check"));
  std::string partial =
      tempFile("case-and-board.json",
               R"({"rigfit_build": 1, "parts": [{"id": "case", "part": "fractal-focus-g"},)"
               R"( {"id": "board", "part": "asus-prime-x470-pro", "on": "case/tray"}]})");
  Run some = runRigfit("check " + partial);
  CHECK(some.code == 0); // what is placed fits
  CHECK_THAT(some.out, Catch::Contains("Verdict: everything placed fits") &&
                           Catch::Contains("not yet in the build: a CPU, a CPU cooler, memory, "
                                           "a drive, a power supply"));
}

TEST_CASE("solve: the article's question", "[cli]") {
  Run add = runRigfit("solve scenes/article-build.json --add evga-rtx2060-xc");
  CHECK(add.code == 0);
  CHECK_THAT(add.out, Catch::Contains("board/PCIEX16_2  FITS   tightest margin 5.1 mm"));
  CHECK_THAT(add.out, Catch::Contains("board/PCIEX16_3  DOES NOT FIT"));
  CHECK_THAT(add.out, Catch::Contains("openings 7-8; Fractal Design Focus G has 7"));
  Run max = runRigfit("solve scenes/article-build.json --max evga-rtx2060-xc");
  CHECK_THAT(max.out,
             Catch::Contains("At most 1 more evga-rtx2060-xc fit together: board/PCIEX16_2"));
  Run alt = runRigfit("solve scenes/article-build.json --alternatives board/PCIEX16_1 --format "
                      "json --limit 100000");
  // Every graphics card in the catalog, the OpenDB snapshot's too, is tried in the first
  // card's slot.
  rigfit::Catalog all = seedCatalog();
  rigfit::addOpenDb(all, sourcePath("parts/opendb"));
  size_t gpus = 0;
  for (const rigfit::Part* p : all.parts())
    gpus += p->category == rigfit::Category::Gpu;
  CHECK(gpus > 3500);
  CHECK(nlohmann::json::parse(alt.out)["trials"].size() == gpus);
  // Without --limit, the best 20.
  Run best = runRigfit("solve scenes/article-build.json --alternatives board/PCIEX16_1 --maker "
                       "asus --min-length 340 --format json");
  nlohmann::json trials = nlohmann::json::parse(best.out)["trials"];
  CHECK(trials.size() == 20);
  for (const nlohmann::json& t : trials) {
    const rigfit::Part* p = all.find(t["part"].get<std::string>());
    REQUIRE(p);
    CHECK((p->maker == "ASUS" || p->maker == "Asus" || p->name.find("ASUS") == 0));
    CHECK(p->figures.at("length_mm").value >= 340);
  }
}

TEST_CASE("bad input: exit code 2 and a message naming file, field and reason",
          "[cli][bad-input]") {
  Run notJson = runRigfit(tempFile("bad.json", "{ \"rigfit_build\": 1, "));
  // (a file as a command is an unknown command)
  CHECK(notJson.code == 2);
  std::string broken = tempFile("broken.json", "{ \"rigfit_build\": 1, ");
  Run r1 = runRigfit("check " + broken);
  CHECK(r1.code == 2);
  CHECK_THAT(r1.out, Catch::Contains(broken) && Catch::Contains("not valid JSON"));

  std::string unknown = tempFile("unknown.json", R"({"rigfit_build": 1, "parts": [
    {"id": "case", "part": "fractal-focus-g"},
    {"id": "board", "part": "asus-prime-x470-pro", "on": "case/tray"},
    {"id": "gpu1", "part": "no-such-card", "on": "board/PCIEX16_1"}]})");
  Run r2 = runRigfit("check " + unknown);
  CHECK(r2.code == 2);
  CHECK_THAT(r2.out, Catch::Contains("/parts/2/part: no part \"no-such-card\""));

  std::string wrongMount = tempFile("mount.json", R"({"rigfit_build": 1, "parts": [
    {"id": "case", "part": "fractal-focus-g"},
    {"id": "board", "part": "asus-prime-x470-pro", "on": "case/tray"},
    {"id": "gpu1", "part": "evga-rtx2060-xc", "on": "board/PCIEX1_1"}]})");
  // A card in a slot that does not take it is understood: it does not fit (exit 1), and why.
  Run r3 = runRigfit("check " + wrongMount);
  CHECK(r3.code == 1);
  CHECK_THAT(r3.out, Catch::Contains("FAIL   mount") &&
                         Catch::Contains("on board/PCIEX1_1: the card's x16 edge does not fit"));
  // A part on a mount of another kind is not understood: bad input.
  std::string otherKind = tempFile("kind.json", R"({"rigfit_build": 1, "parts": [
    {"id": "case", "part": "fractal-focus-g"},
    {"id": "board", "part": "asus-prime-x470-pro", "on": "case/tray"},
    {"id": "gpu1", "part": "evga-rtx2060-xc", "on": "board/DIMM_A1"}]})");
  // An ATX PSU in the NR200's SFX/SFX-L bracket: exit 1, with the reason (issue 10).
  std::string atxPsu = tempFile("atxpsu.json", R"({"rigfit_build": 1, "parts": [
    {"id": "case", "part": "cooler-master-nr200"},
    {"id": "psu", "part": "corsair-rm850x-2018", "on": "case/psu_bay"}]})");
  Run psu = runRigfit("check " + atxPsu);
  CHECK(psu.code == 1);
  CHECK_THAT(psu.out, Catch::Contains("psu_bay takes SFX, SFX-L, not ATX"));
  Run r3b = runRigfit("check " + otherKind);
  CHECK(r3b.code == 2);
  CHECK_THAT(r3b.out, Catch::Contains("/parts/2/on: a gpu needs a pcie_slot"));

  std::string noMount = tempFile("nomount.json", R"({"rigfit_build": 1, "parts": [
    {"id": "case", "part": "fractal-focus-g"},
    {"id": "board", "part": "asus-prime-x470-pro", "on": "case/slot9"}]})");
  Run r4 = runRigfit("check " + noMount);
  CHECK(r4.code == 2);
  CHECK_THAT(r4.out, Catch::Contains("has no mount \"slot9\""));

  CHECK(runRigfit("check /nonexistent.json").code == 2);
  CHECK(runRigfit("check").code == 2);
  CHECK(runRigfit("frobnicate").code == 2);
  Run badMin = runRigfit("check scenes/article-build.json --min-clearance lots");
  CHECK(badMin.code == 2);
  CHECK_THAT(badMin.out, Catch::Contains("--min-clearance"));
  CHECK(runRigfit("check scenes/article-build.json --format xml").code == 2);
  CHECK(runRigfit("check scenes/article-build.json --colour").code == 2);
  CHECK(runRigfit("solve scenes/article-build.json --add no-such-part").code == 2);
  CHECK(runRigfit("solve scenes/article-build.json").code == 2);
  CHECK(runRigfit("parts show no-such-part").code == 2);
}

TEST_CASE("a broken part file stops the catalog with its name", "[cli][bad-input]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "rigfit-cli-parts";
  fs::remove_all(dir);
  fs::copy(sourcePath("parts"), dir, fs::copy_options::recursive);
  nlohmann::json gpu = partJson("evga-rtx2060-xc");
  gpu["figures"]["length_mm"]["value"] = -5;
  std::ofstream(dir / "gpu" / "evga-rtx2060-xc.json") << gpu.dump(2);
  Run r = runRigfit("check scenes/article-build.json --parts " + dir.string());
  CHECK(r.code == 2);
  CHECK_THAT(r.out,
             Catch::Contains("evga-rtx2060-xc.json: /figures/length_mm/value: must be between"));
  Run v = runRigfit("parts validate " + dir.string());
  CHECK(v.code == 2);
  CHECK_THAT(v.out, Catch::Contains("1 with errors"));
  fs::remove_all(dir);
}

TEST_CASE("custom parts: measured by the user, added with --more-parts", "[cli]") {
  // docs/examples/my-parts holds a 285 mm, 2.5-slot card described by its dimensions alone.
  Run add = runRigfit("solve scenes/article-build.json --add my-measured-card --more-parts "
                      "docs/examples/my-parts");
  CHECK(add.code == 0);
  CHECK_THAT(add.out, Catch::Contains("board/PCIEX16_2  FITS   tightest margin 5.1 mm"));
  CHECK(runRigfit("parts validate docs/examples/my-parts").code == 0);
  // The same part file twice is an id clash, named.
  Run twice = runRigfit(
      "parts list --more-parts docs/examples/my-parts --more-parts docs/examples/my-parts");
  CHECK(twice.code == 2);
  CHECK_THAT(twice.out, Catch::Contains("already used"));
}

TEST_CASE("parts: list, show, validate", "[cli]") {
  Run v = runRigfit("parts validate");
  CHECK(v.code == 0);
  CHECK_THAT(v.out, Catch::Contains(std::to_string(seedCatalog().size()) + " part files") &&
                        Catch::Contains("all valid"));
  Run l = runRigfit("parts list --category gpu");
  CHECK_THAT(l.out, Catch::Contains("evga-rtx2060-xc-ultra"));
  CHECK_THAT(l.out, !Catch::Contains("fractal-focus-g"));
  Run s = runRigfit("parts show evga-rtx2060-xc");
  CHECK(s.code == 0);
  CHECK_THAT(s.out, Catch::Contains("length_mm: 189.89   [opendb]"));
  CHECK_THAT(s.out, Catch::Contains("height_mm: 111.15   ~ estimate:"));
}

TEST_CASE("render: a picture of the build with no display", "[cli]") {
  std::string out = (std::filesystem::temp_directory_path() / "rigfit-cli-render.png").string();
  Run r = runRigfit("render scenes/article-build.json -o " + out + " --view front --size 320x240");
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("320x240, front view"));
  std::ifstream png(out, std::ios::binary);
  std::string head(8, '\0');
  png.read(head.data(), 8);
  CHECK(head.substr(1, 3) == "PNG");
  CHECK(runRigfit("render scenes/article-build.json -o " + out + " --view sideways").code == 2);
  CHECK(runRigfit("render scenes/article-build.json -o " + out + " --size big").code == 2);
  CHECK(runRigfit("render scenes/article-build.json").code == 2); // no -o
}

TEST_CASE("no arguments: the default build's check", "[cli]") {
  Run r = runRigfit(""); // ctest runs with no display: the check, not the viewer
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Catch::Contains("Deep-learning PC of the seed article"));
}

TEST_CASE("the builder's own parts folder is read with the catalog", "[cli][custom-part]") {
  namespace fs = std::filesystem;
  fs::path mine = fs::temp_directory_path() / "rigfit-cli-my-parts";
  fs::remove_all(mine);
  fs::create_directories(mine / "gpu");
  fs::copy_file(sourcePath("docs/examples/my-parts/gpu/my-measured-card.json"),
                mine / "gpu" / "my-measured-card.json");
  // The tests run with RIGFIT_USER_PARTS set empty: no folder, so the part is unknown.
  CHECK(runRigfit("parts show my-measured-card").code == 2);
  Run shown = runRigfit("parts show my-measured-card", "RIGFIT_USER_PARTS='" + mine.string() + "'");
  CHECK(shown.code == 0);
  CHECK_THAT(shown.out, Catch::Contains("rigfit-cli-my-parts/gpu/my-measured-card.json"));
  // Named again with --more-parts, it is read once, not reported as a duplicate.
  Run both = runRigfit("parts show my-measured-card --more-parts " + mine.string(),
                       "RIGFIT_USER_PARTS='" + mine.string() + "'");
  CHECK(both.code == 0);
}

TEST_CASE("hostile files through the real binary: exit 2 and a message, never a crash",
          "[cli][bad-input]") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "rigfit-cli-hostile";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // A number too large for a double aborted rigfit (exit 134) before.
  std::string big = tempFile("big.json", R"({"rigfit_build": 1, "parts": [
    {"id": "case", "part": "fractal-focus-g", "x": 1e400}]})");
  Run r = runRigfit("check " + big);
  CHECK(r.code == 2);
  CHECK_THAT(r.out, Catch::Contains(big + ": is not valid JSON") &&
                        Catch::Contains("number overflow") && !Catch::Contains("[json."));
  // A folder given as the build.
  Run folder = runRigfit("check " + dir.string());
  CHECK(folder.code == 2);
  CHECK_THAT(folder.out, Catch::Contains("is a folder, not a file"));
  // A parts folder holding a symlink loop, given with --more-parts and as the user's folder.
  fs::create_directories(dir / "parts");
  fs::create_symlink(dir / "parts" / "a.json", dir / "parts" / "b.json");
  fs::create_symlink(dir / "parts" / "b.json", dir / "parts" / "a.json");
  Run more = runRigfit("check scenes/article-build.json --more-parts " + (dir / "parts").string());
  CHECK(more.code == 2);
  CHECK_THAT(more.out, Catch::Contains("symlink loop"));
  fs::create_symlink(dir / "loop2", dir / "loop1");
  fs::create_symlink(dir / "loop1", dir / "loop2");
  Run user = runRigfit("check scenes/article-build.json",
                       "RIGFIT_USER_PARTS='" + (dir / "loop1").string() + "'");
  CHECK(user.code == 2);
  CHECK_THAT(user.out, Catch::Contains("symlink loop"));
  fs::remove_all(dir);
}

TEST_CASE("control characters in names never reach the terminal or break a table",
          "[cli][bad-input]") {
  // A build name with ESC (a terminal escape), BEL and CR: text output shows '?', Markdown
  // keeps its rows whole, JSON escapes them as JSON does.
  std::string named =
      tempFile("esc.json", "{\"rigfit_build\": 1, \"name\": \"x\\u001b[2J\\u0007y\\rz|w\","
                           " \"parts\": [{\"id\": \"case\", \"part\": \"fractal-focus-g\"}]}");
  Run text = runRigfit("check " + named);
  CHECK(text.out.find('\x1b') == std::string::npos);
  CHECK(text.out.find('\a') == std::string::npos);
  CHECK(text.out.find('\r') == std::string::npos);
  CHECK_THAT(text.out, Catch::Contains("x?[2J?y?z|w"));
  // The C1 control CSI (U+009B, which some terminals take as ESC [) is '?' too; other
  // characters written with the same first byte (the degree sign, U+00B0) stay as they are.
  std::string c1 =
      tempFile("c1.json", "{\"rigfit_build\": 1, \"name\": \"a\\u009b2Jb 40\\u00b0C\","
                          " \"parts\": [{\"id\": \"case\", \"part\": \"fractal-focus-g\"}]}");
  Run c1Text = runRigfit("check " + c1);
  CHECK(c1Text.out.find("\xc2\x9b") == std::string::npos);
  CHECK_THAT(c1Text.out, Catch::Contains("a?2Jb 40\xc2\xb0"
                                         "C"));
  Run md = runRigfit("check --format md " + named);
  CHECK(md.out.find('\r') == std::string::npos);
  CHECK_THAT(md.out, Catch::Contains("# Fit check: x\\[2J") && Catch::Contains("y z\\|w"));
  Run js = runRigfit("check --format json " + named);
  CHECK_THAT(js.out, Catch::Contains("\\u001b[2J"));
  // solve --format md: the mount column is escaped, and lines break with a real <br>.
  Run solve = runRigfit("solve scenes/article-build.json --add evga-rtx2060-xc --format md");
  CHECK_THAT(solve.out, Catch::Contains("<br>") && !Catch::Contains("\\<br\\>"));
}

TEST_CASE("parts: the OpenDB parts listed, found by name, shown with their attribution, audited",
          "[cli][opendb]") {
  Run list = runRigfit("parts list --category case");
  CHECK(list.code == 0);
  CHECK(list.out.find("fractal-meshify-c ") != std::string::npos);
  CHECK(list.out.find(" opendb  Fractal Design Meshify 2 Compact") != std::string::npos);
  Run search = runRigfit("parts search strix rtx4090 --limit 3");
  CHECK(search.code == 0);
  // The curated card first.
  CHECK(search.out.substr(0, search.out.find('\n')).find("asus-rog-strix-rtx4090-oc") !=
        std::string::npos);
  CHECK(std::count(search.out.begin(), search.out.end(), '\n') == 3);
  Run none = runRigfit("parts search zzqx");
  CHECK(none.code == 0);
  CHECK(none.out.find("no part matches \"zzqx\"") != std::string::npos);
  Run show = runRigfit("parts show msi-suprim-x-geforce-rtx-4090-24-gb-d745581d");
  CHECK(show.code == 0);
  CHECK(show.out.find("tier: BuildCores OpenDB") != std::string::npos);
  CHECK(show.out.find("length_mm: 336   [opendb]") != std::string::npos);
  CHECK(show.out.find("Open Data Commons Attribution License") != std::string::npos);
  Run audit = runRigfit("parts audit");
  CHECK(audit.code == 0);
  CHECK(audit.out.find("parts/opendb/GPU.jsonl.gz): 3835 rows") != std::string::npos);
  CHECK(audit.out.find("cooling \"Hybrid\": a card's radiator is not modelled") !=
        std::string::npos);
  CHECK(runRigfit("parts search").code == 2);
  CHECK(runRigfit("parts search x --limit 0").code == 2);
  // A report of a build of OpenDB parts carries the attribution the data's licence asks for.
  Run md = runRigfit("report docs/examples/lancool-strix-4090.json -o /tmp/rigfit-cli-opendb.md");
  CHECK(md.code == 0);
  std::ifstream in("/tmp/rigfit-cli-opendb.md");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("Part data from BuildCores OpenDB") != std::string::npos);
  Run json =
      runRigfit("report docs/examples/lancool-strix-4090.json -o /tmp/rigfit-cli-opendb.json");
  CHECK(json.code == 0);
  std::ifstream jin("/tmp/rigfit-cli-opendb.json");
  CHECK(nlohmann::json::parse(jin)["attribution"].get<std::string>().find("ODC-By 1.0") !=
        std::string::npos);
}

TEST_CASE("help per command, the version three ways, and did-you-mean", "[cli]") {
  for (const char* cmd : {"check", "solve", "report", "render", "parts", "view"}) {
    INFO(cmd);
    Run own = runRigfit(std::string(cmd) + " --help");
    CHECK(own.code == 0);
    CHECK_THAT(own.out, Catch::StartsWith(std::string("usage: rigfit ") + cmd));
    CHECK(runRigfit(std::string("help ") + cmd).out == own.out);
    CHECK(runRigfit(std::string(cmd) + " scenes/article-build.json -h").out == own.out);
  }
  Run version = runRigfit("--version");
  CHECK(version.code == 0);
  CHECK_THAT(version.out, Catch::Matches("rigfit [0-9]+\\.[0-9]+\\.[0-9]+\n"));
  CHECK(runRigfit("-V").out == version.out);
  CHECK(runRigfit("version").out == version.out);
  // A typo names the nearest command or option; nonsense names none.
  Run typo = runRigfit("chek scenes/article-build.json");
  CHECK(typo.code == 2);
  CHECK_THAT(typo.out, Catch::Contains("unknown command \"chek\"; did you mean check?"));
  Run option = runRigfit("solve scenes/article-build.json --ad evga-rtx2060-xc");
  CHECK(option.code == 2);
  CHECK_THAT(option.out,
             Catch::Contains("--ad: is not an option of this command; did you mean --add?"));
  Run nonsense = runRigfit("frobnicate");
  CHECK(nonsense.code == 2);
  CHECK_THAT(nonsense.out, !Catch::Contains("did you mean"));
  CHECK(runRigfit("help frobnicate").code == 2);
}
