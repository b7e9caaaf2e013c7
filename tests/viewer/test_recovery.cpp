// Autosave and recovery without a window: the copy of unsaved work round-trips, a broken or
// missing copy is an error (never a crash), and restoring it gives back the unsaved build.
#include "recovery.hpp"
#include "session.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <vector>

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
  // RIGFIT_RECOVERY_FILE first (tests), then XDG_STATE_HOME, then ~/.local/state. The
  // environment is put back as it was, for the tests that run after this one.
  auto saved = [](const char* name) {
    const char* v = std::getenv(name);
    return v ? std::optional<std::string>(v) : std::nullopt;
  };
  auto put = [](const char* name, const std::optional<std::string>& v) {
    if (v)
      ::setenv(name, v->c_str(), 1);
    else
      ::unsetenv(name);
  };
  auto file = saved("RIGFIT_RECOVERY_FILE"), state = saved("XDG_STATE_HOME"), home = saved("HOME");
  ::setenv("RIGFIT_RECOVERY_FILE", "/tmp/x/r.json", 1);
  CHECK(viewer::recoveryFile() == "/tmp/x/r.json");
  ::unsetenv("RIGFIT_RECOVERY_FILE");
  ::setenv("XDG_STATE_HOME", "/tmp/state", 1);
  CHECK(viewer::recoveryFile() == "/tmp/state/rigfit/recovery.json");
  ::unsetenv("XDG_STATE_HOME");
  ::setenv("HOME", "/home/builder", 1);
  CHECK(viewer::recoveryFile() == "/home/builder/.local/state/rigfit/recovery.json");
  ::unsetenv("HOME");
  CHECK(viewer::recoveryFile().empty());
  CHECK_FALSE(viewer::RecoverySlot::claim("").ok());
  put("RIGFIT_RECOVERY_FILE", file), put("XDG_STATE_HOME", state), put("HOME", home);
}

TEST_CASE("two viewers never share a recovery copy, and a copy left behind is offered",
          "[viewer][recovery]") {
  using viewer::RecoverySlot;
  fs::path dir = fs::temp_directory_path() / "rigfit-test-recovery-slots";
  fs::remove_all(dir);
  std::string file = (dir / "recovery.json").string();
  {
    // Two running viewers: the second takes the next file, not the first one's.
    Result<RecoverySlot> a = RecoverySlot::claim(file);
    REQUIRE(a.ok());
    CHECK(a->file() == file);
    Result<RecoverySlot> b = RecoverySlot::claim(file);
    REQUIRE(b.ok());
    CHECK(b->file() == (dir / "recovery-2.json").string());
    REQUIRE(viewer::writeRecovery(b->file(), scene("article-build"), "").ok());
  } // both viewers end; the second one's copy is left behind (it was killed)
  {
    // The next viewer takes the file that holds the copy left behind, though the first is free.
    Result<RecoverySlot> c = RecoverySlot::claim(file);
    REQUIRE(c.ok());
    CHECK(c->file() == (dir / "recovery-2.json").string());
    CHECK(viewer::readRecovery(c->file()).ok());
    // While it runs, a copy it cannot restore is set aside: not offered again, not lost.
    std::string aside = viewer::setRecoveryAside(c->file());
    CHECK(aside == c->file() + ".unrestorable");
    CHECK(fs::exists(aside));
    CHECK_FALSE(fs::exists(c->file()));
    Result<RecoverySlot> d = RecoverySlot::claim(file);
    REQUIRE(d.ok());
    CHECK(d->file() == file);
  }
  {
    // Every file held by a running viewer: an error that says so, never a shared file.
    std::vector<RecoverySlot> held;
    for (int k = 0; k < RecoverySlot::kRecoverySlots; ++k) {
      Result<RecoverySlot> s = RecoverySlot::claim(file);
      REQUIRE(s.ok());
      held.push_back(std::move(s).value());
    }
    Result<RecoverySlot> none = RecoverySlot::claim(file);
    REQUIRE_FALSE(none.ok());
    CHECK_THAT(none.error().message(), Catch::Contains("in use by running rigfit viewers"));
  }
  fs::remove_all(dir);
}
