// The viewer's logic without a window: where a dragged card snaps and how it fits, placing,
// undo and redo, saving, and a bad file leaving the open build alone.
#include "assembly/build_json.hpp"
#include "common/file.hpp"
#include "session.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

using namespace rigfit;
using namespace rigfit::test;
namespace fs = std::filesystem;

namespace {

// A file name that no other test uses: ctest runs test cases in parallel processes.
fs::path tempPath(const std::string& stem) {
  static int n = 0;
  return fs::temp_directory_path() / ("rigfit-session-" + stem + "-" + std::to_string(getpid()) +
                                      "-" + std::to_string(++n) + ".json");
}

// A copy of a file of the project (a scene, a real-world build) at such a name.
std::string tempCopy(const std::string& rel) {
  fs::path p = tempPath(fs::path(rel).stem().string());
  fs::copy_file(sourcePath(rel), p, fs::copy_options::overwrite_existing);
  return p.string();
}

std::unique_ptr<viewer::Session> openCopy(const std::string& scene) {
  auto s = viewer::Session::open(catalogWith(), tempCopy("scenes/" + scene + ".json"));
  REQUIRE(s.ok());
  return std::move(s).value();
}

} // namespace

TEST_CASE("a dragged card offers the free x16 slots, with their fit", "[viewer]") {
  auto s = openCopy("article-build");
  auto c = s->candidates("evga-rtx2060-xc");
  REQUIRE(c.size() == 2); // the x1 slots do not take an x16 card
  CHECK(c[0].where == "board/PCIEX16_2");
  CHECK(c[0].answer.fits);
  CHECK(c[0].answer.marginMm == Approx(60.96 - 55.88)); // as in test_article.cpp
  CHECK(c[1].where == "board/PCIEX16_3");
  CHECK_FALSE(c[1].answer.fits);
  CHECK(c[1].answer.openingsMissing);
  // Snapping picks the anchor nearest the cursor, within the radius.
  auto project = [](const glm::dvec3& p) { return glm::vec2(p.x, p.y); };
  glm::vec2 near3(static_cast<float>(c[1].anchor.x), static_cast<float>(c[1].anchor.y) + 5);
  auto snapped = s->snap("evga-rtx2060-xc", project, near3, 30);
  REQUIRE(snapped);
  CHECK(snapped->where == "board/PCIEX16_3");
  CHECK_FALSE(s->snap("evga-rtx2060-xc", project, {-500, -500}, 30));
  CHECK(s->candidates("no-such-part").empty());
}

TEST_CASE("placing, undo, redo, delete and save", "[viewer]") {
  auto s = openCopy("article-build");
  auto c = s->candidates("evga-rtx2060-xc");
  REQUIRE(s->add("evga-rtx2060-xc", c[0]).ok());
  CHECK(s->dirty());
  CHECK(s->build().find("gpu2"));
  CHECK(findings(s->fit(), "gpu-gap").size() == 1);
  REQUIRE(s->undo());
  CHECK_FALSE(s->build().find("gpu2"));
  REQUIRE(s->redo());
  CHECK(s->build().find("gpu2")->mount == "PCIEX16_2");
  REQUIRE(s->remove("gpu1").ok());
  CHECK_FALSE(s->build().find("gpu1"));
  CHECK_FALSE(s->remove("case").ok()); // the case is the build
  REQUIRE(s->save().ok());
  CHECK_FALSE(s->dirty());
  Result<Build> saved = loadBuildFile(s->path());
  REQUIRE(saved.ok());
  CHECK(*saved == s->build());
  // The ghost of a dragged card is drawn green where it fits.
  render::Scene scene = s->scene(&c[0], "evga-rtx2060-xc", {"gpu2"});
  CHECK(scene.boxes.back().rgba.g > scene.boxes.back().rgba.r);
}

TEST_CASE("a build that fails to load leaves the open one in place", "[viewer][bad-input]") {
  auto s = openCopy("article-build");
  Build before = s->build();
  fs::path bad = tempPath("bad");
  std::ofstream(bad)
      << "{ \"rigfit_build\": 1, \"parts\": [ {\"id\": \"case\", \"part\": \"nope\"} ] }";
  Status st = s->load(bad.string());
  REQUIRE_FALSE(st.ok());
  CHECK_THAT(st.error().message(), Catch::Contains("/parts/0/part"));
  CHECK(s->build() == before);
  // A number too large for a double aborted the viewer before; a folder threw.
  std::ofstream(bad) << R"({"rigfit_build": 1e400, "parts": []})";
  Status big = s->load(bad.string());
  REQUIRE_FALSE(big.ok());
  CHECK_THAT(big.error().message(), Catch::Contains("is not valid JSON"));
  CHECK_FALSE(s->load(fs::temp_directory_path().string()).ok());
  CHECK(s->build() == before);
}

TEST_CASE("a build of OpenDB parts opens before the snapshot is listed, and after",
          "[viewer][opendb]") {
  // The newcomer's build: an OpenDB case, card, cooler and PSU.
  const std::string build = tempCopy("docs/examples/lancool-strix-4090.json");
  const std::string card = "asus-rog-strix-geforce-rtx-4090-24gb-gddr6x-white-oc-edition-c06019fb";
  auto s = openCopy("article-build");
  // No snapshot, no index: its parts are unknown, and the open build stays.
  CHECK_FALSE(s->load(build).ok());
  // The snapshot's files searched for its rows, while the index is still being made.
  s->setSnapshotDir(sourcePath("parts/opendb"));
  REQUIRE(s->load(build).ok());
  CHECK(s->catalog().find(card));
  // With the index: a part pointed at in the search is read from its row.
  auto index = std::make_shared<const OpenDbIndex>(
      OpenDbIndex::make(seedCatalog(), sourcePath("parts/opendb")));
  s->setOpenDb(index);
  const std::string suprim = "msi-suprim-x-geforce-rtx-4090-24-gb-d745581d";
  CHECK_FALSE(s->catalog().find(suprim));
  const Part* p = s->part(suprim);
  REQUIRE(p);
  CHECK(p->figures.at("length_mm").value == Approx(336));
  CHECK(s->catalog().find(suprim) == p);
  CHECK_FALSE(s->part("no-such-part-0123abcd"));
  CHECK(s->catalogEdits() == 0); // reading rows is not an edit of the catalog
}

TEST_CASE("will another GPU fit? every free slot for the first card, answered", "[viewer]") {
  auto s = openCopy("article-build");
  CHECK(s->firstCard() == "evga-rtx2060-xc");
  auto another = s->anotherCard();
  REQUIRE(another.size() == 2);
  CHECK(another[0].answer.fits);       // PCIEX16_2, 5.08 mm
  CHECK_FALSE(another[1].answer.fits); // PCIEX16_3, needs opening 8
  render::Scene scene = s->scene(another, s->firstCard(), {});
  render::Scene plain = s->scene(nullptr, "", {});
  CHECK(scene.boxes.size() == plain.boxes.size() + 2); // one ghost body per slot
}

TEST_CASE("a placed card dragged to another slot moves there, undoably", "[viewer]") {
  auto s = openCopy("article-two-gpus");
  REQUIRE(s->build().find("gpu2")->mount == "PCIEX16_2");
  auto targets = s->moveTargets("gpu2");
  // Measured without gpu2 itself: its own slot is no move, PCIEX16_3 is the one left.
  REQUIRE(targets.size() == 1);
  CHECK(targets[0].where == "board/PCIEX16_3");
  CHECK_FALSE(targets[0].answer.fits); // position 7 needs an 8th opening
  CHECK(targets[0].answer.openingsMissing);
  REQUIRE(s->move("gpu2", targets[0]).ok());
  CHECK(s->build().find("gpu2")->mount == "PCIEX16_3");
  CHECK(s->dirty());
  CHECK_FALSE(s->fit().fits()); // the opening is missing
  // gpu1 may now move to the slot gpu2 left, measured against gpu2 in its new place.
  auto forGpu1 = s->moveTargets("gpu1");
  REQUIRE(forGpu1.size() == 1);
  CHECK(forGpu1[0].where == "board/PCIEX16_2");
  REQUIRE(s->undo());
  CHECK(s->build().find("gpu2")->mount == "PCIEX16_2");
  CHECK(s->moveTargets("case").empty());
  CHECK(s->moveTargets("no-such-part").empty());
  viewer::Snap bogus = targets[0];
  bogus.parent = "no-such-part";
  CHECK_FALSE(s->move("gpu2", bogus).ok());
  CHECK_FALSE(s->move("case", targets[0]).ok());
}

TEST_CASE("a memory module moves to a free DIMM slot, and a CPU goes with its cooler", "[viewer]") {
  auto s = openCopy("article-build");
  auto targets = s->moveTargets("ram1");
  REQUIRE_FALSE(targets.empty());
  for (const viewer::Snap& t : targets)
    CHECK(t.where.rfind("board/DIMM_", 0) == 0);
  REQUIRE(s->move("ram1", targets.front()).ok());
  CHECK(s->build().find("ram1")->mount == targets.front().mount);
  // The cooler hangs off the CPU: it goes with it.
  REQUIRE(s->remove("cpu").ok());
  CHECK_FALSE(s->build().find("cooler"));
}

TEST_CASE("clicking picks the nearest part under the cursor", "[viewer]") {
  auto s = openCopy("article-two-gpus");
  // A ray from the window side (+Z) straight at each card's middle meets that card first.
  for (const char* id : {"gpu1", "gpu2"}) {
    const Placed& p = s->assembly().items[s->assembly().indexOf(id).value()];
    geo::Aabb b = geo::Box::fromAabb(p.part->solid("body")->box, p.X_CP).bounds();
    glm::dvec3 at = b.centre();
    CHECK(s->pick({at.x, at.y, 2000}, {0, 0, -1}) == id);
  }
  // A ray that misses every part; and one through the case's empty front-top corner, which
  // meets only the case, and the case is never picked.
  CHECK(s->pick({-5000, -5000, 2000}, {0, 0, -1}).empty());
  const Part& chassis = *s->assembly().items.front().part;
  double x = chassis.figures.at("interior_depth_mm").value - 5;
  double y = chassis.figures.at("interior_height_mm").value - 5;
  CHECK(s->pick({x, y, 2000}, {0, 0, -1}).empty());
}

TEST_CASE("File > New: the same case, empty, with no file until saved", "[viewer]") {
  auto s = openCopy("article-build");
  std::string oldPath = s->path();
  std::string chassis = s->build().instances.front().part;
  s->startNew();
  REQUIRE(s->build().instances.size() == 1);
  CHECK(s->build().instances.front().part == chassis);
  CHECK(s->path().empty());
  CHECK_FALSE(s->dirty());
  Status st = s->save(); // nowhere to save yet: it says so, and writes nothing
  REQUIRE_FALSE(st.ok());
  CHECK_THAT(st.error().message(), Catch::Contains("Save as"));
  auto boards = s->candidates("asus-prime-x470-pro");
  REQUIRE(boards.size() == 1);
  REQUIRE(s->add("asus-prime-x470-pro", boards[0]).ok());
  fs::path out = tempPath("new");
  REQUIRE(s->saveAs(out.string()).ok());
  Result<Build> saved = loadBuildFile(out.string());
  REQUIRE(saved.ok());
  CHECK(saved->instances.size() == 2);
  CHECK(loadBuildFile(oldPath).ok()); // the build that was open is untouched on disk
}

TEST_CASE("a part's option set in the viewer is checked, undoable and saved", "[viewer][options]") {
  std::string p = tempCopy("tests/realworld/drp4-trident-z.json");
  auto opened = viewer::Session::open(catalogWith(), p);
  REQUIRE(opened.ok());
  auto& s = *opened;
  CHECK(only(s->fit(), "cooler-ram").severity == Severity::Fail); // 4 mm into ram1
  REQUIRE(s->setOption("cooler", "fan_raise_mm", 6.8).ok());
  CHECK(*only(s->fit(), "cooler-ram").measured == Approx(2.8));
  Status tooFar = s->setOption("cooler", "fan_raise_mm", 7.5);
  REQUIRE_FALSE(tooFar.ok()); // the build stays as it was
  CHECK_THAT(tooFar.error().message(), Catch::Contains("from 0 to 6.8"));
  CHECK(s->build().find("cooler")->options.at("fan_raise_mm") == 6.8);
  CHECK_FALSE(s->setOption("ram1", "fan_raise_mm", 1).ok()); // memory has no options
  REQUIRE(s->save().ok());
  Result<Build> saved = loadBuildFile(p);
  REQUIRE(saved.ok());
  CHECK(saved->find("cooler")->options.at("fan_raise_mm") == 6.8);
  REQUIRE(s->undo());
  CHECK(only(s->fit(), "cooler-ram").severity == Severity::Fail);
}

TEST_CASE("a fan snaps to the mounts that take its size, and is checked", "[viewer][fans]") {
  auto s = openCopy("article-build");
  auto where = [](const std::vector<viewer::Snap>& snaps) {
    std::vector<std::string> out;
    for (const viewer::Snap& x : snaps)
      out.push_back(x.where);
    return out;
  };
  // A 140 mm fan goes only on top; a 120 mm one anywhere the Focus G has a fan place.
  CHECK(where(s->candidates("thermaltake-tt-1425")) ==
        std::vector<std::string>{"case/TOP_1", "case/TOP_2"});
  auto places = s->candidates("arctic-p12-slim-pwm-pst");
  CHECK(where(places).size() == 5);
  // Every place fits: the published card-length limit in front of the cards is no obstacle for
  // a front fan (it bounds cards only).
  for (const viewer::Snap& p : places) {
    INFO(p.where);
    CHECK(p.answer.fits);
  }
  auto rear = s->candidates("thermaltake-swafan-12-rgb");
  auto it = std::find_if(rear.begin(), rear.end(),
                         [](const viewer::Snap& x) { return x.where == "case/REAR_1"; });
  REQUIRE(it != rear.end());
  REQUIRE(s->add("thermaltake-swafan-12-rgb", *it).ok());
  // Against the rear panel, 25 mm deep into the case; the Wraith Prism stands well clear.
  const Placed& fan = s->assembly().items.back();
  geo::Aabb b = geo::Box::fromAabb(fan.solids.front().box, fan.X_CP).bounds();
  CHECK(b.lo.x == Approx(0.0).margin(1e-9));
  CHECK(b.hi.x == Approx(25.0));
  CHECK(only(s->fit(), "collision").severity == Severity::Pass);
  // Its draw is not in its spec: the power check counts a 3 W allowance, and says so.
  Finding power = only(s->fit(), "power");
  CHECK(power.severity != Severity::NotChecked);
  CHECK(std::find(power.estimates.begin(), power.estimates.end(),
                  "fan1: power_w (3 W, a typical fan's rating)") != power.estimates.end());
}

TEST_CASE("File > New in a chosen case, a case that is not one keeps the open build", "[viewer]") {
  auto s = openCopy("article-build");
  REQUIRE(s->startNew("nzxt-h510-flow").ok());
  REQUIRE(s->build().instances.size() == 1);
  CHECK(s->build().instances.front().part == "nzxt-h510-flow");
  CHECK(s->fit().verdict() == Verdict::NothingToCheck); // an empty case does not "fit"
  CHECK_FALSE(s->dirty());
  // A board placed in it is checked, and the build says what it still lacks.
  auto boards = s->candidates("asus-prime-x470-pro");
  REQUIRE(boards.size() == 1);
  REQUIRE(s->add("asus-prime-x470-pro", boards[0]).ok());
  CHECK(s->fit().verdict() == Verdict::Fits);
  CHECK(s->fit().missing.size() == 5);
  // Not a case, or no such part: said, and the open build stays.
  Status notCase = s->startNew("evga-rtx2060-xc");
  REQUIRE_FALSE(notCase.ok());
  CHECK_THAT(notCase.error().message(), Catch::Contains("is not a case"));
  REQUIRE_FALSE(s->startNew("no-such-case").ok());
  CHECK(s->build().instances.size() == 2);
  // A cooler with no CPU to sit on: the reason the viewer shows at the cursor and on a drop.
  CHECK(s->candidates("amd-wraith-prism").empty());
  CHECK_THAT(s->nowhere("amd-wraith-prism"), Catch::Contains("place a CPU first"));
}

TEST_CASE("swapping the case: the parts move over, what cannot is listed, Ctrl+Z undoes it",
          "[viewer]") {
  auto s = openCopy("article-fans");
  const size_t before = s->build().instances.size();
  Result<std::vector<std::string>> moved = s->swap("case", "nzxt-h510-flow");
  REQUIRE(moved);
  CHECK(moved->size() == 5); // the H510 Flow lists no fan places
  CHECK(s->build().instances.front().part == "nzxt-h510-flow");
  CHECK(s->build().instances.size() == before - 5);
  CHECK(s->dirty());
  REQUIRE(s->undo());
  CHECK(s->build().instances.front().part == "fractal-focus-g");
  CHECK(s->build().instances.size() == before);
  // A board for a board; a card is not a board.
  REQUIRE(s->swap("board", "gigabyte-x570s-aorus-master"));
  CHECK(s->build().find("board")->part == "gigabyte-x570s-aorus-master");
  REQUIRE_FALSE(s->swap("board", "evga-rtx2060-xc"));
  REQUIRE_FALSE(s->swap("board", "no-such-board"));
}

TEST_CASE("a PSU dragged into a case whose PSU place is not modelled is drawn nowhere",
          "[viewer][verdicts]") {
  // The NR200 takes SFX units at a place rigfit does not model: the bay is offered (drop it
  // anywhere in the case), its answer says what was checked, and no ghost is drawn at a
  // made-up place (before, it stood at the case's rear-bottom corner, half outside).
  fs::path file = tempPath("nr200");
  std::ofstream(file) << R"({"rigfit_build": 1, "name": "nr200",
                             "parts": [{"id": "case", "part": "cooler-master-nr200"}]})";
  auto s = viewer::Session::open(catalogWith(), file.string());
  REQUIRE(s.ok());
  auto bays = (*s)->candidates("corsair-sf600-2018");
  REQUIRE(bays.size() == 1);
  CHECK(bays[0].answer.unplaced);
  CHECK(bays[0].answer.formFactorOnly);
  CHECK(bays[0].anchor.x > 100.0); // inside the case, not at its corner
  CHECK(bays[0].anchor.y > 100.0);
  render::Scene plain = (*s)->scene(nullptr, "", {});
  render::Scene dragged = (*s)->scene(&bays[0], "corsair-sf600-2018", {});
  CHECK(dragged.boxes.size() == plain.boxes.size());
  REQUIRE((*s)->add("corsair-sf600-2018", bays[0]).ok());
  CHECK((*s)->build().instances.size() == 2);
  fs::remove(file);
}

TEST_CASE("a dragged card that fits only at its estimated height is amber, with the figure",
          "[viewer][ranges]") {
  // The Focus G with a 150 mm cooler limit (a test's figure; its fan places left out): the
  // side panel stands 15 mm nearer, so a second XC, whose height is estimated (111.15 mm,
  // could be up to 149.3 mm), clears it at the estimate and not at the top of its band.
  nlohmann::json focus = partJson("fractal-focus-g");
  setFigure(focus, "max_cpu_cooler_mm", 150);
  setFigure(focus, "psu_centre_z_mm", 157.92 / 2); // centred under the nearer side panel
  focus.erase("fan_mounts");
  focus.erase("radiator_mounts");
  auto s = viewer::Session::open(catalogWith({focus}), tempCopy("scenes/article-build.json"));
  REQUIRE(s.ok());
  auto c = (*s)->candidates("evga-rtx2060-xc");
  REQUIRE(c.size() == 2);
  CHECK(c[0].where == "board/PCIEX16_2");
  CHECK(c[0].answer.fits);
  CHECK_THAT(c[0].dependsOn, Catch::Contains("height_mm at 149.3 mm") &&
                                 Catch::Contains("the card maker's spec page"));
  // In the seed Focus G the same slot is sure.
  auto seed = openCopy("article-build");
  auto sure = seed->candidates("evga-rtx2060-xc");
  REQUIRE_FALSE(sure.empty());
  CHECK(sure[0].answer.fits);
  CHECK(sure[0].dependsOn.empty());
  // Dropped there, the full check over the bands says it depends, and names the figure.
  REQUIRE((*s)->add("evga-rtx2060-xc", c[0]).ok());
  CHECK((*s)->fit().verdict() == Verdict::Depends);
}

TEST_CASE("File > Import part list: the list becomes the open build, unsaved, and a pick is kept",
          "[viewer][import]") {
  auto s = openCopy("article-build");
  const Build before = s->build();
  // A list with no case leaves the open build.
  Result<ImportedList> noCase =
      s->importList("CPU: AMD Ryzen 7 2700X 3.7 GHz 8-Core Processor\n", "no-case.txt");
  REQUIRE(noCase);
  CHECK_FALSE(noCase->problem.empty());
  CHECK(s->build() == before);
  CHECK_FALSE(s->dirty());
  // Nothing that reads as a list: an error, the open build kept.
  CHECK_FALSE(s->importList("hello", "hello.txt"));
  CHECK(s->build() == before);

  // The article's list, curated parts only (no index yet): the card is found by its part
  // number, and the build is the article's, unsaved and in no file.
  Result<std::string> text = readFileText(sourcePath("tests/partlist/lists/article.md"));
  REQUIRE(text);
  Result<ImportedList> imported = s->importList(*text, "article.md");
  REQUIRE(imported);
  CHECK(imported->problem.empty());
  CHECK(s->path().empty());
  CHECK(s->dirty());
  std::multiset<std::string> want, got;
  for (const Instance& i : before.instances)
    want.insert(i.part);
  for (const Instance& i : s->build().instances)
    got.insert(i.part);
  CHECK(got == want);
  CHECK(s->fit().verdict() == checked(before, s->catalog()).verdict());

  // The builder's choice for a line is used on the next import: the card's line picked as the
  // XC Ultra.
  int cardLine = 0;
  for (const ImportedLine& l : imported->lines)
    if (l.item.category == Category::Gpu) cardLine = l.item.line;
  REQUIRE(cardLine > 0);
  Result<ImportedList> picked =
      s->importList(*text, "article.md", {{cardLine, "evga-rtx2060-xc-ultra"}});
  REQUIRE(picked);
  bool found = false;
  for (const Instance& i : s->build().instances)
    found = found || i.part == "evga-rtx2060-xc-ultra";
  CHECK(found);
}
