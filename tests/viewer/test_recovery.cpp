// Autosave and recovery without a window: the copy of unsaved work round-trips, a broken or
// missing copy is an error (never a crash), and restoring it gives back the unsaved build.
#include "recovery.hpp"
#include "session.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace rigfit;
using namespace rigfit::test;
namespace fs = std::filesystem;

TEST_CASE("unsaved work is kept in a recovery copy and given back", "[viewer][recovery]") {
  fs::path dir = fs::temp_directory_path() / "rigfit-test-recovery";
  fs::remove_all(dir);
  std::string file = (dir / "state" / "recovery.json").string(); // its folder is made
  Build b = without(scene("article-two-gpus"), "gpu2");
  b.notes = "\"bought the case\"";
  REQUIRE(viewer::writeRecovery(file, b, "/home/me/build.json").ok());
  Result<viewer::Recovered> r = viewer::readRecovery(file);
  REQUIRE(r.ok());
  CHECK(r->build == b);
  CHECK(r->buildPath == "/home/me/build.json");
  CHECK_FALSE(r->savedAt.empty());

  // Restored into a session: the build is the unsaved one, marked unsaved, for the same file.
  fs::copy_file(sourcePath("scenes/article-build.json"), dir / "open.json");
  auto s = viewer::Session::open(catalogWith(), (dir / "open.json").string());
  REQUIRE(s.ok());
  unsigned long before = (*s)->generation();
  REQUIRE((*s)->restore(r->build, (dir / "open.json").string()).ok());
  CHECK((*s)->dirty());
  CHECK((*s)->build() == b);
  CHECK((*s)->generation() > before);
  // A copy whose parts the catalog no longer has leaves the open build as it was.
  Build gone = b;
  gone.instances.back().part = "no-such-part";
  CHECK_FALSE((*s)->restore(gone, "").ok());
  CHECK((*s)->build() == b);

  // No copy, or a broken one: an error naming the file, and nothing else happens.
  viewer::clearRecovery(file);
  CHECK_FALSE(fs::exists(file));
  CHECK_FALSE(viewer::readRecovery(file).ok());
  std::ofstream(file) << "{\"rigfit_recovery\": 1, \"build_path\": \"\", \"build\": [";
  Result<viewer::Recovered> broken = viewer::readRecovery(file);
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().file == file);
  std::ofstream(file) << R"({"rigfit_recovery": 99, "build_path": "", "build": {}})";
  CHECK_FALSE(viewer::readRecovery(file).ok());
  fs::remove_all(dir);
}

TEST_CASE("the recovery copy lives in the builder's state folder", "[viewer][recovery]") {
  // RIGFIT_RECOVERY_FILE first (tests), then XDG_STATE_HOME, then ~/.local/state.
  ::setenv("RIGFIT_RECOVERY_FILE", "/tmp/x/r.json", 1);
  CHECK(viewer::recoveryFile() == "/tmp/x/r.json");
  ::unsetenv("RIGFIT_RECOVERY_FILE");
  ::setenv("XDG_STATE_HOME", "/tmp/state", 1);
  CHECK(viewer::recoveryFile() == "/tmp/state/rigfit/recovery.json");
  ::unsetenv("XDG_STATE_HOME");
  ::setenv("HOME", "/home/builder", 1);
  CHECK(viewer::recoveryFile() == "/home/builder/.local/state/rigfit/recovery.json");
}
