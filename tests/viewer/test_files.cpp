// File > Open lists the build files in a folder, and only those.
#include "files.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace rigfit;
namespace fs = std::filesystem;

TEST_CASE("File > Open offers the folder's build files, sorted, and nothing else", "[viewer]") {
  fs::path dir = fs::temp_directory_path() / "rigfit-open-list";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.json") << "{ \"rigfit_build\": 2, \"parts\": [] }";
  std::ofstream(dir / "a.json") << "{\n  \"rigfit_build\": 1,\n  \"name\": \"x\"\n}";
  std::ofstream(dir / "part.json") << "{ \"schema\": 2, \"id\": \"x\" }"; // a part, not a build
  std::ofstream(dir / "notes.txt") << "\"rigfit_build\"";
  std::ofstream(dir / "sub" / "c.json") << "{ \"rigfit_build\": 2 }"; // not in the folder itself
  auto files = viewer::buildFilesIn(dir.string());
  REQUIRE(files.size() == 2);
  CHECK(fs::path(files[0]).filename() == "a.json");
  CHECK(fs::path(files[1]).filename() == "b.json");
  CHECK(viewer::buildFilesIn((dir / "missing").string()).empty());
  // The project's scenes are all offered.
  CHECK(viewer::buildFilesIn(test::sourcePath("scenes")).size() >= 3);
}
