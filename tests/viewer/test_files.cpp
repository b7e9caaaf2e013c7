// File > Open lists the build files in a folder, and only those; the builds opened lately; a
// folder to browse.
#include "files.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

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

TEST_CASE("recent builds: newest first, once each, at most ten, only files that are builds",
          "[viewer][files]") {
  fs::path dir = fs::temp_directory_path() / ("rigfit-recent-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "builds");
  auto build = [&](const std::string& name) {
    fs::path p = dir / "builds" / (name + ".json");
    std::ofstream(p) << "{ \"rigfit_build\": 1, \"name\": \"" << name << "\", \"parts\": [] }";
    return p.string();
  };
  const std::string list = (dir / "state" / "recent").string(); // its folder is made
  CHECK(viewer::recentBuilds(list).empty());                    // no file yet: none
  REQUIRE(viewer::rememberBuild(list, build("a")).ok());
  REQUIRE(viewer::rememberBuild(list, build("b")).ok());
  REQUIRE(viewer::rememberBuild(list, build("a")).ok()); // again: moves to the front, once
  CHECK(viewer::recentBuilds(list) ==
        std::vector<std::string>{(dir / "builds" / "a.json").string(),
                                 (dir / "builds" / "b.json").string()});
  for (int i = 0; i < 12; ++i)
    REQUIRE(viewer::rememberBuild(list, build("n" + std::to_string(i))).ok());
  std::vector<std::string> recent = viewer::recentBuilds(list);
  CHECK(recent.size() == viewer::kRecentBuilds);
  CHECK(recent.front() == (dir / "builds" / "n11.json").string());
  // A build deleted, or a file that is no longer a build, drops out of the list.
  fs::remove(dir / "builds" / "n11.json");
  std::ofstream(dir / "builds" / "n10.json") << "{ \"not\": \"a build\" }";
  recent = viewer::recentBuilds(list);
  CHECK(recent.front() == (dir / "builds" / "n9.json").string());
  // A relative path is remembered absolute.
  {
    struct Back { // the working folder restored whatever happens
      fs::path to = fs::current_path();
      ~Back() { fs::current_path(to); }
    } back;
    fs::current_path(dir / "builds");
    REQUIRE(viewer::rememberBuild(list, "b.json").ok());
  }
  CHECK(viewer::recentBuilds(list).front() == (dir / "builds" / "b.json").string());
  // Nowhere to keep it: said, not a crash.
  CHECK_FALSE(viewer::rememberBuild("", build("c")).ok());
  fs::remove_all(dir);
}

TEST_CASE("browsing a folder: up, its subfolders and its builds", "[viewer][files]") {
  fs::path dir = fs::temp_directory_path() / ("rigfit-browse-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "older");
  fs::create_directories(dir / ".hidden");
  std::ofstream(dir / "mine.json") << "{ \"rigfit_build\": 1, \"parts\": [] }";
  std::ofstream(dir / "notes.json") << "{ \"shopping\": [] }";
  viewer::Folder f = viewer::browse(dir.string() + "/");
  CHECK(f.path == dir.string());
  CHECK(f.parent == dir.parent_path().string());
  CHECK(f.folders == std::vector<std::string>{(dir / "older").string()});
  CHECK(f.builds == std::vector<std::string>{(dir / "mine.json").string()});
  CHECK(viewer::browse("/").parent.empty()); // the root has no parent to go up to
  viewer::Folder gone = viewer::browse((dir / "no-such-folder").string());
  CHECK(gone.folders.empty());
  CHECK(gone.builds.empty());
  fs::remove_all(dir);
}
