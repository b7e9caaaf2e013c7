#include "common/file.hpp"

#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <unistd.h>

namespace rigfit {

Status writeFileAtomic(const std::string& path, const std::string& text) {
  std::string tmp = path + ".tmp-rigfit";
  std::error_code ec;
  const char* kept = std::filesystem::exists(path, ec) ? "; the old file is unchanged" : "";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0)
    return Error{path, "", std::string("cannot be written (folder missing or read-only?)") + kept};
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Error{path, "", std::string("could not be saved (disk full?)") + kept};
  }
  return Ok{};
}

} // namespace rigfit
