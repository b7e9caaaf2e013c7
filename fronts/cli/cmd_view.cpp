#include "cli.hpp"
#include "window.hpp"

namespace rigfit::cli {

int runView(const std::vector<std::string>& argv) {
  Result<Args> args = parseArgs(argv, {"--parts", "--more-parts"});
  if (!args) return usageError(args.error().message());
  if (args->positional.size() > 1) return usageError("view takes at most one build file");
  Result<Catalog> catalog = loadCatalog(*args);
  if (!catalog) return fail(catalog.error());
  std::string path = args->positional.empty() ? defaultBuildPath() : args->positional[0];
  return viewer::runViewer(std::move(catalog).value(), path, {assetDirs(), userPartsDir()});
}

} // namespace rigfit::cli
