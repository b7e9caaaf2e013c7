#pragma once
// Writing a file without ever leaving a half-written one: the text goes to a temporary file
// beside it, is flushed to disk, and is renamed over the old file.
#include "common/result.hpp"

#include <string>

namespace rigfit {

Status writeFileAtomic(const std::string& path, const std::string& text);

} // namespace rigfit
