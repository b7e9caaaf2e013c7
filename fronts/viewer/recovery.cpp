#include "recovery.hpp"

#include "build/build_json.hpp"
#include "common/file.hpp"
#include "common/json_in.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>

namespace rigfit::viewer {

namespace fs = std::filesystem;
using nlohmann::json;

// The copy's own format: the build as a build file holds it, and where it belongs.
constexpr int kRecoveryVersion = 1;

std::string recoveryFile() {
  if (const char* f = std::getenv("RIGFIT_RECOVERY_FILE")) return f;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
    return std::string(state) + "/rigfit/recovery.json";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/.local/state/rigfit/recovery.json";
  return "";
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

} // namespace rigfit::viewer
