#include "files.hpp"

#include "common/file.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace rigfit::viewer {

// How much of a file is read to tell a build from other JSON: the key comes first in files
// rigfit writes, and a hand-written one has it near the top.
constexpr std::streamsize kSniffBytes = 4096;

namespace fs = std::filesystem;

namespace {

bool isBuildFile(const fs::path& p) {
  std::error_code ec;
  if (!fs::is_regular_file(p, ec) || p.extension() != ".json") return false;
  std::ifstream in(p);
  std::string head(static_cast<size_t>(kSniffBytes), '\0');
  in.read(head.data(), kSniffBytes);
  head.resize(static_cast<size_t>(in.gcount()));
  return head.find("\"rigfit_build\"") != std::string::npos;
}

} // namespace

std::vector<std::string> buildFilesIn(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir.empty() ? "." : dir, ec), end; !ec && it != end;
       it.increment(ec))
    if (isBuildFile(it->path())) out.push_back(it->path().string());
  std::sort(out.begin(), out.end());
  return out;
}

Folder browse(const std::string& dir) {
  std::error_code ec;
  fs::path here = fs::absolute(dir.empty() ? "." : dir, ec).lexically_normal();
  if (!here.has_filename() && here != here.root_path()) here = here.parent_path();
  Folder f{here.string(), here == here.root_path() ? "" : here.parent_path().string(), {}, {}};
  for (fs::directory_iterator it(here, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code dec;
    if (it->is_directory(dec))
      f.folders.push_back(it->path().string());
    else if (isBuildFile(it->path()))
      f.builds.push_back(it->path().string());
  }
  std::sort(f.folders.begin(), f.folders.end());
  std::sort(f.builds.begin(), f.builds.end());
  return f;
}

std::string recentFile() {
  return userPath("RIGFIT_RECENT_FILE", "XDG_STATE_HOME", ".local/state", "rigfit/recent");
}

std::vector<std::string> recentBuilds(const std::string& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line) && out.size() < kRecentBuilds;)
    if (!line.empty() && isBuildFile(line) && std::find(out.begin(), out.end(), line) == out.end())
      out.push_back(line);
  return out;
}

Status rememberBuild(const std::string& file, const std::string& build) {
  if (file.empty()) return Error{"", "", "there is no folder to keep the recent builds in"};
  std::error_code ec;
  std::string path = fs::absolute(build, ec).lexically_normal().string();
  std::vector<std::string> list{path};
  for (const std::string& p : recentBuilds(file))
    if (p != path && list.size() < kRecentBuilds) list.push_back(p);
  std::ostringstream text;
  for (const std::string& p : list)
    text << p << "\n";
  fs::create_directories(fs::path(file).parent_path(), ec);
  return writeFileAtomic(file, text.str());
}

} // namespace rigfit::viewer
