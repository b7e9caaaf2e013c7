#pragma once
// Gzip-compressed data (RFC 1952) inflated in memory, with a limit on what it may inflate to:
// a few kilobytes of hostile input can claim gigabytes.
#include "common/result.hpp"

#include <cstddef>
#include <string>

namespace rigfit {

// The inflated bytes of `compressed` (one gzip member or several in a row), or an Error naming
// `file`: not gzip, truncated, corrupt, or larger than `maxBytes` once inflated.
Result<std::string> gunzip(const std::string& compressed, const std::string& file,
                           std::size_t maxBytes);

} // namespace rigfit
