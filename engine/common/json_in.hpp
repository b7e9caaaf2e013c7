#pragma once
// The one place rigfit turns file text into JSON, and reads whole numbers out of it. Every
// limit a hostile file could push is checked here: nesting depth, duplicate keys, numbers too
// large for a double, integers outside their field's range.
#include "common/result.hpp"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace rigfit {

// Deepest nesting of arrays and objects rigfit reads: its own files nest 5 deep; a limit keeps
// every later walk over the value (copies, destruction) far from the stack's end.
constexpr int kMaxJsonDepth = 64;

// Parses `text` (the whole of it: trailing text is an error). An Error names `file`, and the
// reason without the JSON library's exception prefix; a repeated key in one object is an error
// naming the key, never "last one wins".
Result<nlohmann::json> parseJsonText(const std::string& text, const std::string& file);

// readFileText, then parseJsonText.
Result<nlohmann::json> loadJsonFile(const std::string& path);

// A whole number in [min, max], or why not: "must be a whole number (got 1.5)", "must be from 1
// to 2 (got 4294967297)". Checked before any conversion, so nothing is truncated.
Result<std::int64_t> wholeNumber(const nlohmann::json& v, std::int64_t min, std::int64_t max);

// An exception's text without nlohmann's "[json.exception.type_error.302] " prefix.
std::string withoutJsonPrefix(const std::string& what);

} // namespace rigfit
