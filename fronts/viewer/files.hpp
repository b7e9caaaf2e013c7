#pragma once
// The build files a builder can pick from in File > Open, without typing a path.
#include <string>
#include <vector>

namespace rigfit::viewer {

// The rigfit build files directly in `dir` (JSON files that say "rigfit_build" near their top),
// sorted by name; none when the folder cannot be read.
std::vector<std::string> buildFilesIn(const std::string& dir);

} // namespace rigfit::viewer
