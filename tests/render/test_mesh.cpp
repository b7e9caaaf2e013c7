// Meshes that draw parts: units and axes are honoured, a mesh is placed on the part's boxes, and
// a missing, broken or mis-sized mesh leaves the part drawn from its boxes, said once.
#include "mesh.hpp"
#include "renderer.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace rigfit;
using namespace rigfit::test;
namespace fs = std::filesystem;

namespace {

const std::string kGenerated = RIGFIT_GENERATED_ASSETS;

// A card whose one body is 50 x 267 x 111 mm (thickness, length, height in the board's frame),
// drawn by the generated two-fan shroud: a glTF in metres, Y up, length along its X.
Part card(const std::string& file, double mmPerUnit = 1000.0, bool stretch = false) {
  Part p;
  p.id = "test-card";
  p.file = (fs::temp_directory_path() / "rigfit-mesh-parts" / "test-card.json").string();
  p.category = Category::Gpu;
  p.solids.push_back({"body",
                      SolidRole::Body,
                      geo::Aabb{{-2, 0, 4}, {48, 267, 115}},
                      false,
                      false,
                      {},
                      std::nullopt,
                      ""});
  p.solids.push_back({"power_plug",
                      SolidRole::Keepout,
                      geo::Aabb{{0, 200, 115}, {20, 240, 150}},
                      true,
                      false,
                      {},
                      std::nullopt,
                      ""});
  MeshRef m;
  m.file = file;
  m.mmPerUnit = mmPerUnit;
  m.axes = glm::dmat3({0, 1, 0}, {0, 0, 1}, {1, 0, 0}); // x to +y, y to +z, z to +x
  m.stretch = stretch;
  p.mesh = m;
  return p;
}

void near(const geo::Aabb& a, const geo::Aabb& b, double tol) {
  for (int i = 0; i < 3; ++i) {
    CHECK(a.lo[i] == Approx(b.lo[i]).margin(tol));
    CHECK(a.hi[i] == Approx(b.hi[i]).margin(tol));
  }
}

} // namespace

TEST_CASE("every generated mesh loads, with the bounds its generator promises", "[render][mesh]") {
  render::MeshLibrary lib({kGenerated});
  struct Want {
    const char* file;
    double mmPerUnit;
    geo::Aabb bounds; // in the file's own units and axes
  };
  for (const Want& w :
       std::vector<Want>{{"meshes/fan-120x25.stl", 1, {{-60, -60, 0}, {60, 60, 25}}},
                         {"meshes/gpu-shroud-1fan.gltf", 1000, {{0, 0, 0}, {267, 111, 50}}},
                         {"meshes/gpu-shroud-2fan.gltf", 1000, {{0, 0, 0}, {267, 111, 50}}},
                         {"meshes/gpu-shroud-3fan.gltf", 1000, {{0, 0, 0}, {267, 111, 50}}},
                         {"meshes/tower-cooler.obj", 1, {{-62.5, -50, 0}, {62.5, 25, 158}}},
                         {"meshes/psu-atx.obj", 1, {{0, 0, -75}, {140, 86, 75}}}}) {
    INFO(w.file);
    Part p;
    p.id = w.file;
    p.solids.push_back({"body", SolidRole::Body, w.bounds, false, false, {}, std::nullopt, ""});
    p.mesh = MeshRef{w.file, w.mmPerUnit, glm::dmat3(1.0), false};
    auto m = lib.of(p);
    REQUIRE(m);
    CHECK(m->triangles() > 100);
    near(m->bounds, w.bounds, 1e-3);
  }
  CHECK(lib.newProblems().empty());
}

TEST_CASE("a mesh in metres, modelled Y-up, lands on the card's box", "[render][mesh]") {
  render::MeshLibrary lib({kGenerated});
  Part p = card("meshes/gpu-shroud-2fan.gltf");
  auto m = lib.of(p);
  REQUIRE(m);
  near(m->bounds, p.solids[0].box, 1e-3); // the same size, centred on it
  // Its size on each axis shows the axes were applied (267 along the card's length, y; a wrong
  // mapping would not fit the box and be refused); every normal stays a unit vector.
  CHECK(m->bounds.size().y == Approx(267.0).margin(1e-3));
  for (size_t i = 0; i < m->vertices.size(); i += 6)
    REQUIRE(glm::length(glm::vec3(m->vertices[i + 3], m->vertices[i + 4], m->vertices[i + 5])) ==
            Approx(1.0f).margin(1e-4));
  CHECK(lib.newProblems().empty());
}

TEST_CASE("a stretched mesh takes the part's box whatever its size", "[render][mesh]") {
  render::MeshLibrary lib({kGenerated});
  Part p = card("meshes/gpu-shroud-1fan.gltf", 1000.0, true);
  p.solids[0].box = {{-2.67, 0, 1}, {36.0, 189.89, 113}};
  auto m = lib.of(p);
  REQUIRE(m);
  near(m->bounds, p.solids[0].box, 1e-3);
}

TEST_CASE("a mesh that cannot be used draws the part from its boxes, said once",
          "[render][mesh][bad-input]") {
  fs::path dir = fs::temp_directory_path() / "rigfit-mesh-parts";
  fs::create_directories(dir);
  render::MeshLibrary lib({kGenerated});

  // The part is drawn from its boxes, and the one problem said about it.
  auto refused = [&](const Part& p) {
    CHECK_FALSE(lib.of(p));
    auto said = lib.newProblems();
    REQUIRE(said.size() == 1);
    return said[0];
  };
  SECTION("wrong units: metres read as millimetres") {
    CHECK_THAT(refused(card("meshes/gpu-shroud-2fan.gltf", 1.0)),
               Catch::Contains("test-card.json") && Catch::Contains("units") &&
                   Catch::Contains("drawn from its boxes"));
  }
  SECTION("a file that is not there") {
    CHECK_THAT(refused(card("meshes/no-such-mesh.obj")),
               Catch::Contains("no-such-mesh.obj") && Catch::Contains("not found"));
  }
  SECTION("a broken file beside the part") {
    std::ofstream(dir / "broken.gltf") << "{ \"asset\": { \"version\": \"2.0\" }, \"meshes\": [";
    CHECK_THAT(refused(card("broken.gltf")),
               Catch::Contains("broken.gltf") && Catch::Contains("cannot be read"));
  }
  SECTION("a file with no triangles") {
    std::ofstream(dir / "empty.obj") << "# nothing here\nv 0 0 0\n";
    refused(card("empty.obj"));
  }
  SECTION("a FIFO named as the mesh, which would block the viewer forever") {
    fs::remove(dir / "fifo.obj");
    REQUIRE(mkfifo((dir / "fifo.obj").c_str(), 0600) == 0);
    refused(card("fifo.obj"));
  }
  SECTION("a glTF whose buffer lies outside its folder, or is a device") {
    // The same file with its buffer beside it loads: the refusals below are the buffer's place.
    const float tri[18] = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0}; // not flat
    for (const char* bin : {"inside.bin", "../outside.bin"})
      std::ofstream(dir / bin, std::ios::binary)
          .write(reinterpret_cast<const char*>(tri), sizeof tri);
    for (const char* uri : {"inside.bin", "../outside.bin", "/dev/zero"}) {
      std::ofstream(dir / "escape.gltf")
          << R"({"asset": {"version": "2.0"}, "buffers": [{"uri": ")" << uri
          << R"(", "byteLength": 72}], "bufferViews": [{"buffer": 0, "byteLength": 72}],
          "accessors": [{"bufferView": 0, "componentType": 5126, "count": 6, "type": "VEC3",
          "min": [0, 0, 0], "max": [1, 1, 1]}], "meshes": [{"primitives": [{"attributes":
          {"POSITION": 0}}]}], "nodes": [{"mesh": 0}], "scenes": [{"nodes": [0]}], "scene": 0})";
      render::MeshLibrary fresh({kGenerated});
      INFO(uri);
      bool inside = std::string(uri) == "inside.bin";
      CHECK(bool(fresh.of(card("escape.gltf", 1000.0, true))) == inside);
      auto said = fresh.newProblems();
      CHECK(said.size() == (inside ? 0u : 1u));
    }
  }
  SECTION("more faces than rigfit draws") {
    std::ofstream obj(dir / "huge.obj");
    obj << "v 0 0 0\nv 1 0 0\nv 0 1 0\n";
    for (int i = 0; i < 500001; ++i)
      obj << "f 1 2 3\n";
    obj.close();
    CHECK_THAT(refused(card("huge.obj", 1.0, true)), Catch::Contains("up to 500000"));
  }
  // Asked again, the same part is not said again.
  Part again = card("meshes/no-such-mesh.obj");
  (void)lib.of(again);
  (void)lib.newProblems();
  CHECK_FALSE(lib.of(again));
  CHECK(lib.newProblems().empty());
}

TEST_CASE("a meshed part is drawn from its mesh, with its keep-outs still shown",
          "[render][mesh]") {
  Catalog c = catalogWith();
  Build b = scene("article-build");
  Assembly a = assembled(b, c);
  render::MeshLibrary lib({kGenerated});
  render::Scene plain = render::sceneOf(a, check(a).findings);
  render::Scene meshed = render::sceneOf(a, check(a).findings, &lib);
  CHECK(lib.newProblems().empty());
  // The seed build's card and PSU name meshes: each trades its body box for its mesh.
  CHECK(meshed.meshes.size() >= 2);
  CHECK(meshed.boxes.size() == plain.boxes.size() - meshed.meshes.size());
}
