#include "common/file.hpp"

#include "common/text.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace rigfit {

namespace {
// The process's umask, read once before main: reading it means setting it, which another
// thread making a file at that moment would see.
const mode_t processUmask = [] {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}();
} // namespace

namespace fs = std::filesystem;

std::string userPath(const char* override, const char* xdgVariable, const char* homeFallback,
                     const std::string& tail) {
  if (const char* set = std::getenv(override)) return set;
  if (const char* xdg = std::getenv(xdgVariable); xdg && *xdg) return std::string(xdg) + "/" + tail;
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::string(home) + "/" + homeFallback + "/" + tail;
  return "";
}

std::string openFailure(int err) {
  switch (err) {
  case ENOENT:
    return "does not exist";
  case EACCES:
  case EPERM:
    return "cannot be read: permission denied";
  case ELOOP:
    return "is a symlink loop (or a chain of links too long to follow)";
  case ENOTDIR:
    return "does not exist (a part of its path is not a folder)";
  case ENAMETOOLONG:
    return "has a name too long for the system";
  case EISDIR:
    return "is a folder, not a file";
  default:
    return std::string("cannot be opened: ") + std::strerror(err);
  }
}

Result<std::string> readFileText(const std::string& path, std::size_t maxBytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever. A
  // regular file ignores the flag.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) return Error{path, "", openFailure(errno)};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Error{path, "", openFailure(err)};
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error{path, "",
                 S_ISDIR(st.st_mode)
                     ? "is a folder, not a file"
                     : "is not a regular file (a FIFO, socket or device): rigfit reads files"};
  }
  if (static_cast<std::size_t>(st.st_size) > maxBytes) {
    ::close(fd);
    return Error{path, "",
                 "is " + shortNumber(static_cast<double>(st.st_size) / (1 << 20)) +
                     " MiB; rigfit reads files of up to " +
                     shortNumber(static_cast<double>(maxBytes) / (1 << 20)) + " MiB"};
  }
  std::string text;
  text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (true) {
    if (got == text.size()) text.resize(text.size() + 4096); // the file grew while read
    ssize_t n = ::read(fd, text.data() + got, text.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Error{path, "", std::string("could not be read: ") + std::strerror(err)};
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
    if (got > maxBytes) {
      ::close(fd);
      return Error{path, "",
                   "grew past " + shortNumber(static_cast<double>(maxBytes) / (1 << 20)) +
                       " MiB while it was read"};
    }
  }
  ::close(fd);
  text.resize(got);
  return text;
}

namespace {

bool writeAll(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n); // a short write goes on from where it stopped
  }
  return true;
}

} // namespace

Status writeFileAtomic(const std::string& path, const std::string& text) {
  std::error_code ec;
  // A symlink is written through to its target, which keeps the link.
  fs::path target = path;
  if (fs::is_symlink(target, ec)) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) return Error{path, "", "is a symlink that cannot be followed: " + ec.message()};
    target = resolved;
  }
  struct stat old {};
  const bool existed = ::stat(target.c_str(), &old) == 0;
  if (existed && S_ISDIR(old.st_mode)) return Error{path, "", "is a folder, not a file"};
  if (existed && !S_ISREG(old.st_mode))
    return Error{path, "", "is not a regular file (a FIFO, socket or device)"};
  const char* kept = existed ? "; the old file is unchanged" : "";
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::string tmp = (dir / ("." + target.filename().string() + ".rigfit-XXXXXX")).string();
  int fd = ::mkstemp(tmp.data()); // O_EXCL: never an existing file or a planted link
  if (fd < 0)
    return Error{path, "",
                 "cannot be written: the folder " + dir.string() + " " + openFailure(errno) + kept};
  // The old file's permissions, or the usual ones for a new file (mkstemp makes it 0600).
  mode_t mode = 0666;
  if (existed) {
    mode = old.st_mode & 07777;
  } else {
    mode &= ~processUmask;
  }
  bool ok = ::fchmod(fd, mode) == 0;
  ok = ok && writeAll(fd, text);
  ok = ok && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(tmp.c_str(), target.c_str()) != 0) {
    std::remove(tmp.c_str());
    return Error{path, "", std::string("could not be saved (disk full?)") + kept};
  }
  // The rename itself reaches the disk only with the folder.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Ok{};
}

} // namespace rigfit
