#include "cli.hpp"
#if RIGFIT_WITH_VIEWER
#include "window.hpp"
#endif

namespace rigfit::cli {

int runView(const std::vector<std::string>& argv) {
  Result<Args> args = parseArgs(argv, {"--parts", "--more-parts"});
  if (!args) return usageError(args.error().message());
  if (args->positional.size() > 1) return usageError("view takes at most one build file");
  Result<Catalog> catalog = loadCatalog(*args);
  if (!catalog) return fail(catalog.error());
  std::string path = args->positional.empty() ? defaultBuildPath() : args->positional[0];
  if (path == "-")
    return usageError("view opens a build file, which it saves back to; not standard input");
  // The build's OpenDB parts; the viewer says what is wrong with a build that cannot be read.
  if (Result<Build> build = loadBuildFile(path)) addOpenDbPartsOf(*catalog, *args, *build);
#if RIGFIT_WITH_VIEWER
  return viewer::runViewer(std::move(catalog).value(), path,
                           {assetDirs(), userPartsDir(), openDbDir(catalogDir(*args)), cacheDir()});
#else
  return fail(Error{"", "",
                    "this rigfit was built without the viewer (RIGFIT_VIEWER=OFF): try "
                    "rigfit check " +
                        path + " or rigfit render " + path + " -o FILE.png"});
#endif
}

} // namespace rigfit::cli
