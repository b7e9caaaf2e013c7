// The renderer: cameras frame the case, the mock answers like the real backend, and the GL
// backend (offscreen, Mesa's software rasterizer where there is no GPU) draws the build.
#include "camera.hpp"
#include "png.hpp"
#include "renderer.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

namespace {

render::Scene sceneFor(const std::string& name) {
  Assembly a = assembled(scene(name), seedCatalog());
  return render::sceneOf(a, check(a).findings);
}

// Pixels that differ from the background, and pixels that are clearly red (a failing part).
std::pair<size_t, size_t> census(const render::Image& img) {
  size_t drawn = 0, red = 0;
  for (size_t i = 0; i < img.rgba.size(); i += 4) {
    int r = img.rgba[i], g = img.rgba[i + 1], b = img.rgba[i + 2];
    drawn += r != 247 || g != 247 || b != 247;
    // The failing-part red (198, 40, 40) under any light; keep-out orange has green 108.
    red += r > 80 && g < 60 && b < 60 && r > 3 * g;
  }
  return {drawn, red};
}

} // namespace

TEST_CASE("every view frames the whole case at any aspect ratio", "[render]") {
  geo::Aabb box{{0, 0, 0}, {444, 424, 172.92}};
  for (render::View v :
       {render::View::Iso, render::View::Front, render::View::Side, render::View::Top})
    for (float aspect : {0.5f, 1.0f, 4.0f / 3.0f, 2.0f}) {
      glm::mat4 VP = render::viewProjection(v, box, aspect);
      for (int k = 0; k < 8; ++k) {
        glm::vec4 c((k & 1) ? 444 : 0, (k & 2) ? 424 : 0, (k & 4) ? 172.92f : 0, 1);
        glm::vec4 clip = VP * c;
        INFO(render::toString(v) << " aspect " << aspect << " corner " << k);
        CHECK(std::abs(clip.x / clip.w) <= 1.0f);
        CHECK(std::abs(clip.y / clip.w) <= 1.0f);
        CHECK(std::abs(clip.z / clip.w) <= 1.0f);
      }
    }
}

TEST_CASE("the scene of a build: the case as edges, the parts filled", "[render]") {
  render::Scene s = sceneFor("article-build");
  REQUIRE_FALSE(s.boxes.empty());
  CHECK_FALSE(s.boxes.front().filled); // the case interior, see-through
  size_t filled = 0;
  for (const auto& b : s.boxes)
    filled += b.filled;
  // Board, its 6 slot connectors, CPU, cooler, 2 modules, SSD, card, PSU.
  CHECK(filled == 14);
  auto mock = render::makeRenderer("mock");
  REQUIRE(mock.ok());
  auto img = (*mock)->render(s, render::View::Iso, 64, 48);
  REQUIRE(img.ok());
  CHECK(img->rgba.size() == 64u * 48u * 4u);
  CHECK_FALSE((*mock)->render(s, render::View::Iso, 4, 4).ok()); // too small: an error
  CHECK_FALSE(render::makeRenderer("vulkan").ok());
}

TEST_CASE("the GL backend draws the build offscreen, failing parts in red", "[render][gl]") {
  auto gl = render::makeRenderer("gl");
  INFO((gl ? "" : gl.error().reason));
  REQUIRE(gl.ok()); // tools/deps installs Mesa: every supported machine can render
  auto fits = (*gl)->render(sceneFor("article-build"), render::View::Iso, 320, 240);
  REQUIRE(fits.ok());
  auto [drawn, red] = census(*fits);
  CHECK(drawn > 320 * 240 / 10); // the parts cover a good share of the picture
  CHECK(red == 0);               // nothing fails in the seed build
  auto bad = (*gl)->render(sceneFor("article-bottom-slot"), render::View::Front, 320, 240);
  REQUIRE(bad.ok());
  CHECK(census(*bad).second > 100); // the card in the bottom slot is drawn red
  std::string png = render::encodePng(*fits);
  CHECK(png.substr(1, 3) == "PNG");
}

TEST_CASE("a failing overlap is drawn as a red volume, the case can be hidden", "[render]") {
  Assembly a = assembled(scene("article-bottom-slot"), seedCatalog());
  FitResult r = check(a);
  render::Scene all = render::sceneOf(a, r.findings);
  render::Scene noOverlaps = render::sceneOf(a, r.findings, nullptr, {true, false});
  render::Scene noCase = render::sceneOf(a, r.findings, nullptr, {false, true});
  auto onTop = [](const render::Scene& s) {
    std::vector<geo::Aabb> v;
    for (const render::DrawBox& b : s.boxes)
      if (b.onTop) v.push_back(b.box.bounds());
    return v;
  };
  std::vector<geo::Aabb> volumes = onTop(all);
  REQUIRE_FALSE(volumes.empty());
  CHECK(onTop(noOverlaps).empty());
  CHECK(all.boxes.size() == noOverlaps.boxes.size() + volumes.size());
  CHECK(all.boxes.size() == noCase.boxes.size() + 1);
  CHECK(all.bounds.hi == noCase.bounds.hi); // the camera frames the same interior
  // The card hangs 15.99 mm into the PSU (test_article.cpp): one volume is that deep, plus the
  // 0.8 mm it is drawn larger on each side.
  bool psuOverlap = false;
  for (const geo::Aabb& v : volumes)
    psuOverlap = psuOverlap || std::abs(v.size().y - (15.99 + 1.6)) < 0.05;
  CHECK(psuOverlap);
}

TEST_CASE("a part its mount does not take is drawn red, an unplaced PSU is not drawn",
          "[render][verdicts]") {
  // An ATX board on the NR200's Mini-ITX tray is a "does not fit" (the mount check), drawn in
  // the failing red; the NR200's PSU has no modelled place, so nothing is drawn for it.
  Build b{"atx in itx",
          {{"case", "cooler-master-nr200"},
           {"board", "asus-prime-x470-pro", "case", "tray"},
           {"psu", "corsair-sf600-2018", "case", "psu_bay"}}};
  Assembly a = assembled(b, seedCatalog());
  render::Scene s = render::sceneOf(a, check(a).findings);
  const glm::vec4 red = render::rgba(draw::palette::kFail);
  size_t redBoxes = 0;
  for (const auto& box : s.boxes)
    redBoxes += box.filled && !box.onTop && box.rgba == red;
  CHECK(redBoxes >= 1); // the board's PCB and slot connectors
  size_t filled = 0;
  for (const auto& box : s.boxes)
    filled += box.filled && !box.onTop;
  CHECK(filled == redBoxes); // nothing of the PSU
}

TEST_CASE("the case drawn as a case: see-through panels, numbered openings, free fan places",
          "[render]") {
  auto count = [](const std::vector<render::DrawRing>& rings, draw::Rgb c) {
    return std::count_if(rings.begin(), rings.end(),
                         [&](const render::DrawRing& r) { return r.rgba == render::rgba(c); });
  };
  // The Focus G: 7 rear openings, 5 fan places (2 front, 1 rear, 2 top), none taken here.
  render::Scene s = sceneFor("article-build");
  REQUIRE(s.labels.size() == 7);
  for (int k = 1; k <= 7; ++k)
    CHECK(s.labels[static_cast<size_t>(k - 1)].text == std::to_string(k));
  // Numbered from the top: each lower than the one before, one slot pitch apart.
  for (size_t k = 1; k < s.labels.size(); ++k)
    CHECK(s.labels[k - 1].at.y - s.labels[k].at.y == Approx(20.32));
  CHECK(count(s.rings, draw::palette::kAirflow) == 5);
  // Tray, floor, top, rear, front and side: sheets at the interior's faces, all see-through.
  REQUIRE(s.glass.size() == 6);
  for (const render::DrawBox& g : s.glass) {
    CHECK(g.rgba.a < 1.0f);
    geo::Aabb b = g.box.bounds();
    CHECK(b.lo.x >= s.bounds.lo.x - 3.01);
    CHECK(b.hi.x <= s.bounds.hi.x + 3.01);
    CHECK(b.lo.z >= s.bounds.lo.z - 3.01);
  }
  // The board's two free DIMM sockets and the 7 openings are drawn; the Wraith Prism (no mesh)
  // gets its fan, and so does the card drawn without its mesh (1 fan): 3 rings each.
  CHECK(s.details.size() == 2 + 7);
  CHECK(count(s.rings, draw::palette::kFanBlade) == 3 + 3);

  // Five fans in the five places: no free place is drawn.
  CHECK(count(sceneFor("article-fans").rings, draw::palette::kAirflow) == 0);
  // The side panel removed; the case hidden: nothing of it.
  Assembly a = assembled(scene("article-build"), seedCatalog());
  FitResult r = check(a);
  render::SceneStyle open;
  open.sidePanel = false;
  CHECK(render::sceneOf(a, r.findings, nullptr, open).glass.size() == 5);
  render::Scene bare = render::sceneOf(a, r.findings, nullptr, {false, true});
  CHECK(bare.glass.empty());
  CHECK(bare.labels.empty());
  CHECK(count(bare.rings, draw::palette::kAirflow) == 0);
  CHECK(bare.details.size() == 2); // the board's sockets stay: they are not the case's

  // An empty Focus 2: its free PSU bay (an ATX12V unit's outline, named) and its two radiator
  // places (front: up to 360 mm of 120 mm fans; top: 240) as edges; no board, no openings.
  Assembly empty = assembled(Build{"empty", {{"case", "fractal-focus-2"}}}, seedCatalog());
  render::Scene e = render::sceneOf(empty, check(empty).findings);
  REQUIRE(e.labels.size() == 1);
  CHECK(e.labels.front().text == "PSU bay");
  std::vector<glm::dvec3> outlines;
  for (const render::DrawBox& d : e.details) {
    CHECK_FALSE(d.filled);
    outlines.push_back(d.box.half * 2.0);
  }
  REQUIRE(outlines.size() == 3);
  auto has = [&](glm::dvec3 size) {
    return std::any_of(outlines.begin(), outlines.end(),
                       [&](const glm::dvec3& o) { return glm::length(glm::abs(o) - size) < 1e-6; });
  };
  CHECK(has({140, 86, 150})); // the bay
  CHECK(has({360, 120, 1}));  // the front radiator place
  CHECK(has({240, 120, 1}));  // the top one
  // Where they stand in the case: the bay on the floor at the rear, the front radiator place
  // just inside the front panel, the top one just under the roof.
  const geo::Aabb in = e.bounds;
  for (const render::DrawBox& d : e.details) {
    geo::Aabb b = d.box.bounds();
    glm::dvec3 size = b.hi - b.lo;
    if (std::abs(size.y - 86) < 1e-6) {
      CHECK(b.lo.x == Approx(0).margin(1e-6));
      CHECK(b.lo.y == Approx(0).margin(1e-6));
    } else if (std::abs(size.y - 360) < 1e-6) {
      CHECK(b.hi.x <= in.hi.x);
      CHECK(b.hi.x > in.hi.x - 40); // at the front (set 21.5 mm in, on its brackets)
    } else {
      CHECK(b.hi.y <= in.hi.y);
      CHECK(b.hi.y > in.hi.y - 5); // under the roof
    }
  }

  // The Focus 2 with its AIO's radiator on the top and two 140 mm fans in front: a place that
  // overlaps a taken one is taken too (the top fans' places under the radiator, the 120 mm
  // front places behind the 140 mm fans, the front radiator place): only the rear place is free.
  render::Scene aio = sceneFor("focus2-aio");
  CHECK(count(aio.rings, draw::palette::kAirflow) == 1);
  for (const render::DrawBox& d : aio.details)
    CHECK_FALSE(d.rgba == render::rgba(draw::palette::kAirflow));
}
