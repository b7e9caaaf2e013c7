#pragma once
// Build files (scenes/*.json), format version 1:
//   { "rigfit_build": 1, "name": "...",
//     "parts": [ { "id": "case", "part": "fractal-focus-g" },
//                { "id": "board", "part": "asus-prime-x470-pro", "on": "case/tray" }, ... ] }
#include "assembly/build.hpp"

#include <nlohmann/json_fwd.hpp>

namespace rigfit {

Result<Build> parseBuild(const nlohmann::json& j, const std::string& file);
Result<Build> loadBuildFile(const std::string& path);
nlohmann::json toJson(const Build& build);
// Writes the build next to `path` and renames it into place, so a failed save leaves the old
// file intact.
Status saveBuildFile(const Build& build, const std::string& path);

// Loads a build and resolves it against the catalog: the usual way in for fronts.
struct LoadedBuild {
  Build build;
  Assembly assembly;
};
Result<LoadedBuild> loadAndAssemble(const std::string& path, const Catalog& catalog);

} // namespace rigfit
