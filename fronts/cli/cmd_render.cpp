#include "cli.hpp"
#include "common/file.hpp"
#include "fit/fit.hpp"
#include "png.hpp"
#include "renderer.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <iostream>

namespace rigfit::cli {

// "800x600" into width and height.
Result<std::pair<int, int>> sizeOf(const Args& args) {
  std::string s = args.get("--size").value_or("1024x768");
  int w = 0, h = 0;
  char x = 0;
  if (std::sscanf(s.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x')
    return Error{"", "--size", "must be WIDTHxHEIGHT, like 1024x768 (got \"" + s + "\")"};
  return std::pair{w, h};
}

int runRender(const std::vector<std::string>& argv) {
  BuildRun run;
  if (int rc =
          startBuildRun(argv, {"-o", "--output", "--view", "--size", "--backend"}, "render", run))
    return rc;
  auto out = run.args.get("-o");
  if (!out) out = run.args.get("--output");
  if (!out || out->empty()) return usageError("render needs -o FILE.png");
  std::string ext = std::filesystem::path(*out).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext != ".png")
    return usageError("-o: rigfit draws PNG pictures: name the file .png (got " +
                      (ext.empty() ? std::string("no ending") : "\"" + ext + "\"") + ")");
  auto view = render::viewFromString(run.args.get("--view").value_or("iso"));
  if (!view) return usageError("--view must be iso, front, side or top");
  Result<std::pair<int, int>> size = sizeOf(run.args);
  if (!size) return usageError(size.error().message());
  auto renderer = render::makeRenderer(run.args.get("--backend").value_or("gl"));
  if (!renderer) return fail(renderer.error());
  FitResult result = check(run.loaded.assembly, run.settings);
  render::Scene scene = sceneWithMeshes(run.loaded.assembly, result.findings);
  Result<render::Image> img = (*renderer)->render(scene, *view, size->first, size->second);
  if (!img) return fail(img.error());
  Status saved = writeFileAtomic(*out, render::encodePng(*img));
  if (!saved) return fail(saved.error());
  std::cout << "wrote " << *out << ": " << img->width << "x" << img->height << ", "
            << render::toString(*view) << " view\n";
  return kExitFits;
}

} // namespace rigfit::cli
