#pragma once
// The viewer's window: GLFW, OpenGL 3.3 core and Dear ImGui over a Session.
#include "catalog/catalog.hpp"

#include <string>
#include <vector>

namespace rigfit::viewer {

// Opens the build in a window and runs until it is closed. Returns the process exit code:
// 0, or 2 when no window can be opened or the build cannot be read.
struct ViewerSetup {
  std::vector<std::string> assetDirs; // where meshes are looked up
  std::string userPartsDir;           // where parts made in the viewer are saved ("": nowhere)
  std::string openDbDir;              // the OpenDB snapshot ("": none)
  std::string cacheDir;               // where its listings are kept between starts ("": nowhere)
};

int runViewer(Catalog catalog, const std::string& buildPath, ViewerSetup setup);

} // namespace rigfit::viewer
