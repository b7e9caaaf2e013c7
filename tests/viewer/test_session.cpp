// The viewer's logic without a window: where a dragged card snaps and how it fits, placing,
// undo and redo, saving, and a bad file leaving the open build alone.
#include "build/build_json.hpp"
#include "session.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace rigfit;
using namespace rigfit::test;
namespace fs = std::filesystem;

namespace {

std::string tempCopy(const std::string& scene) {
  fs::path p = fs::temp_directory_path() / ("rigfit-session-" + scene + ".json");
  fs::copy_file(sourcePath("scenes/" + scene + ".json"), p, fs::copy_options::overwrite_existing);
  return p.string();
}

std::unique_ptr<viewer::Session> openCopy(const std::string& scene) {
  auto s = viewer::Session::open(catalogWith(), tempCopy(scene));
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
  fs::path bad = fs::temp_directory_path() / "rigfit-session-bad.json";
  std::ofstream(bad)
      << "{ \"rigfit_build\": 1, \"parts\": [ {\"id\": \"case\", \"part\": \"nope\"} ] }";
  Status st = s->load(bad.string());
  REQUIRE_FALSE(st.ok());
  CHECK_THAT(st.error().message(), Catch::Contains("/parts/0/part"));
  CHECK(s->build() == before);
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
