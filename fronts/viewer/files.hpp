#pragma once
// The build files a builder can pick from in File > Open, without typing a path: the builds
// opened or saved lately, and a folder's builds and subfolders to browse.
#include "common/result.hpp"

#include <string>
#include <vector>

namespace rigfit::viewer {

// The rigfit build files directly in `dir` (JSON files that say "rigfit_build" near their top),
// sorted by name; none when the folder cannot be read.
std::vector<std::string> buildFilesIn(const std::string& dir);

// A folder to browse: its own path (absolute), its parent ("" at the root), its subfolders
// (hidden ones left out) and its build files, each sorted by name.
struct Folder {
  std::string path, parent;
  std::vector<std::string> folders, builds;
};
Folder browse(const std::string& dir);

// The builds opened or saved lately, most recent first, kept in a small text file (one path a
// line): $RIGFIT_RECENT_FILE, else $XDG_STATE_HOME/rigfit/recent, else
// ~/.local/state/rigfit/recent.
constexpr size_t kRecentBuilds = 10;
std::string recentFile();
// The paths in `file` that are still build files; none when it cannot be read.
std::vector<std::string> recentBuilds(const std::string& file);
// Puts `build` (made absolute) first in `file`, once, keeping the last kRecentBuilds; the file
// is replaced whole, so a failed write leaves the old list.
Status rememberBuild(const std::string& file, const std::string& build);

} // namespace rigfit::viewer
