#include "files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace rigfit::viewer {

// How much of a file is read to tell a build from other JSON: the key comes first in files
// rigfit writes, and a hand-written one has it near the top.
constexpr std::streamsize kSniffBytes = 4096;

std::vector<std::string> buildFilesIn(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".json") continue;
    std::ifstream in(it->path());
    std::string head(static_cast<size_t>(kSniffBytes), '\0');
    in.read(head.data(), kSniffBytes);
    head.resize(static_cast<size_t>(in.gcount()));
    if (head.find("\"rigfit_build\"") != std::string::npos) out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace rigfit::viewer
