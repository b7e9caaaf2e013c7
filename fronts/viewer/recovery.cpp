#include "recovery.hpp"

#include "assembly/build_json.hpp"
#include "common/file.hpp"
#include "common/json_in.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace rigfit::viewer {

namespace fs = std::filesystem;
using nlohmann::json;

// The copy's own format: the build as a build file holds it, and where it belongs.
constexpr int kRecoveryVersion = 1;

std::string recoveryFile() {
  return userPath("RIGFIT_RECOVERY_FILE", "XDG_STATE_HOME", ".local/state", "rigfit/recovery.json");
}

namespace {

// Slot 1 is the file itself; slot k is "<stem>-k<extension>" beside it.
std::string slotFile(const fs::path& file, int k) {
  if (k == 1) return file.string();
  return (file.parent_path() /
          (file.stem().string() + "-" + std::to_string(k) + file.extension().string()))
      .string();
}

} // namespace

Result<RecoverySlot> RecoverySlot::claim(const std::string& file) {
  if (file.empty()) return Error{"", "", "there is no folder to keep unsaved work in (no HOME)"};
  std::error_code ec;
  fs::path dir = fs::path(file).parent_path();
  if (!dir.empty() && !fs::is_directory(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return Error{dir.string(), "", "cannot make the folder: " + ec.message()};
  }
  std::optional<RecoverySlot> free; // the first free slot, taken if no free slot holds a copy
  std::string failure;
  for (int k = 1; k <= kRecoverySlots; ++k) {
    std::string slot = slotFile(file, k);
    int fd = ::open((slot + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY,
                    0600);
    if (fd < 0) {
      failure = slot + ".lock: " + std::strerror(errno);
      continue;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) { // a running viewer owns this one
      ::close(fd);
      continue;
    }
    if (fs::exists(slot, ec)) return RecoverySlot(slot, fd); // a copy left behind: offer it
    if (!free)
      free = RecoverySlot(slot, fd);
    else
      ::close(fd);
  }
  if (free) return std::move(*free);
  if (!failure.empty()) return Error{"", "", "cannot lock a recovery file: " + failure};
  return Error{file, "",
               "all " + std::to_string(kRecoverySlots) +
                   " recovery files are in use by running rigfit viewers"};
}

RecoverySlot::RecoverySlot(RecoverySlot&& other) noexcept
    : file_(std::move(other.file_)), lockFd_(std::exchange(other.lockFd_, -1)) {}

RecoverySlot& RecoverySlot::operator=(RecoverySlot&& other) noexcept {
  if (this != &other) {
    if (lockFd_ >= 0) ::close(lockFd_);
    file_ = std::move(other.file_);
    lockFd_ = std::exchange(other.lockFd_, -1);
  }
  return *this;
}

RecoverySlot::~RecoverySlot() {
  if (lockFd_ >= 0) ::close(lockFd_);
}

Status writeRecovery(const std::string& file, const Build& build, const std::string& buildPath) {
  if (file.empty()) return Error{"", "", "there is no folder to keep unsaved work in"};
  std::error_code ec;
  fs::path dir = fs::path(file).parent_path();
  if (!dir.empty()) fs::create_directories(dir, ec);
  std::time_t now = std::time(nullptr);
  char when[64] = "";
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", std::localtime(&now));
  json j{{"rigfit_recovery", kRecoveryVersion},
         {"build_path", buildPath},
         {"saved_at", when},
         {"build", toJson(build)}};
  return writeFileAtomic(file, j.dump(1) + "\n");
}

Result<Recovered> readRecovery(const std::string& file) {
  if (file.empty()) return Error{"", "", "there is no folder for unsaved work"};
  Result<json> j = loadJsonFile(file);
  if (!j) return j.error();
  if (!j->is_object() || !j->contains("build") || !j->contains("build_path") ||
      !(*j)["build_path"].is_string())
    return Error{file, "", "is not a rigfit recovery file"};
  Result<std::int64_t> version =
      wholeNumber(j->value("rigfit_recovery", json()), 1, kRecoveryVersion);
  if (!version) return Error{file, "/rigfit_recovery", version.error().reason};
  Result<Build> b = parseBuild((*j)["build"], file);
  if (!b) return b.error();
  Recovered r{std::move(b).value(), (*j)["build_path"].get<std::string>(), ""};
  if (j->contains("saved_at") && (*j)["saved_at"].is_string()) r.savedAt = (*j)["saved_at"];
  return r;
}

void clearRecovery(const std::string& file) {
  std::error_code ec;
  if (!file.empty()) fs::remove(file, ec);
}

std::string setRecoveryAside(const std::string& file) {
  if (file.empty()) return "";
  std::string aside = file + ".unrestorable";
  std::error_code ec;
  fs::rename(file, aside, ec);
  return ec ? "" : aside;
}

} // namespace rigfit::viewer
