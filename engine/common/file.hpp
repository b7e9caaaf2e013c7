#pragma once
// The one place rigfit opens and writes files. Reading takes regular files only (a folder, a
// FIFO or a device is refused before it can block), up to a size; writing never leaves a
// half-written file and never follows a planted temporary name.
#include "common/result.hpp"

#include <cstddef>
#include <string>

namespace rigfit {

// Largest build or part file rigfit reads: the biggest real one is a few kilobytes, and a file
// this size already takes seconds and hundreds of megabytes to parse.
constexpr std::size_t kMaxDataFileBytes = 8u << 20; // 8 MiB

// The whole file, or an Error naming it: missing, permission denied, a symlink loop, a folder,
// not a regular file, or larger than `maxBytes`.
Result<std::string> readFileText(const std::string& path, std::size_t maxBytes = kMaxDataFileBytes);

// Why a path cannot be opened, in a builder's words ("does not exist", "permission denied",
// "is a symlink loop"), from an errno value.
std::string openFailure(int err);

// A per-user path, as the XDG base directories have it: `$override` when set (set but empty:
// none), else `$xdgVariable/tail`, else `$HOME/homeFallback/tail`; "" when none is set.
// For instance userPath("RIGFIT_CACHE_DIR", "XDG_CACHE_HOME", ".cache", "rigfit").
std::string userPath(const char* override, const char* xdgVariable, const char* homeFallback,
                     const std::string& tail);

// Writes `text` to `path` atomically: a fresh temporary file beside the target (mkstemp, so no
// name planted in advance is followed), every byte written and flushed, the old file's mode
// kept, then renamed over it and the folder flushed. A symlink at `path` is written through to
// its target. On any failure the old file is unchanged and the temporary removed.
Status writeFileAtomic(const std::string& path, const std::string& text);

} // namespace rigfit
