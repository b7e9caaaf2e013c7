#include "common/json_in.hpp"

#include "common/file.hpp"
#include "common/text.hpp"

#include <set>
#include <vector>

namespace rigfit {

using nlohmann::json;

namespace {

// Thrown from the parser's callback; caught in parseJsonText.
struct Refused {
  std::string reason;
};

} // namespace

std::string withoutJsonPrefix(const std::string& what) {
  if (what.rfind("[json.exception.", 0) == 0) {
    size_t close = what.find("] ");
    if (close != std::string::npos) return what.substr(close + 2);
  }
  return what;
}

Result<json> parseJsonText(const std::string& text, const std::string& file) {
  // One set of keys per open object, to refuse a key given twice.
  std::vector<std::set<std::string>> keys;
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth > kMaxJsonDepth)
      throw Refused{"nests deeper than " + std::to_string(kMaxJsonDepth) +
                    " levels of arrays and objects"};
    switch (event) {
    case json::parse_event_t::object_start:
      keys.emplace_back();
      break;
    case json::parse_event_t::object_end:
      if (!keys.empty()) keys.pop_back();
      break;
    case json::parse_event_t::key:
      if (!keys.empty() && !keys.back().insert(parsed.get<std::string>()).second)
        throw Refused{"gives the key \"" + parsed.get<std::string>() +
                      "\" twice in one object (which one is meant?)"};
      break;
    default:
      break;
    }
    return true;
  };
  try {
    return json::parse(text, callback);
  } catch (const Refused& r) {
    return Error{file, "", r.reason};
  } catch (const json::parse_error& e) {
    return Error{file, "", "is not valid JSON: " + withoutJsonPrefix(e.what())};
  } catch (const json::exception& e) {
    // out_of_range 406: a number too large for a double ("1e400").
    return Error{file, "", "is not valid JSON: " + withoutJsonPrefix(e.what())};
  }
}

Result<json> loadJsonFile(const std::string& path) {
  Result<std::string> text = readFileText(path);
  if (!text) return text.error();
  return parseJsonText(*text, path);
}

Result<std::int64_t> wholeNumber(const json& v, std::int64_t min, std::int64_t max) {
  std::string range = "from " + std::to_string(min) + " to " + std::to_string(max);
  if (v.is_number_unsigned()) {
    auto u = v.get<std::uint64_t>();
    if (max < 0 || u > static_cast<std::uint64_t>(max) ||
        (min > 0 && u < static_cast<std::uint64_t>(min)))
      return Error{"", "", "must be " + range + " (got " + std::to_string(u) + ")"};
    return static_cast<std::int64_t>(u);
  }
  if (v.is_number_integer()) {
    auto i = v.get<std::int64_t>();
    if (i < min || i > max)
      return Error{"", "", "must be " + range + " (got " + std::to_string(i) + ")"};
    return i;
  }
  if (v.is_number_float())
    return Error{"", "", "must be a whole number " + range + " (got " + v.dump() + ")"};
  return Error{"", "", "must be a whole number " + range};
}

} // namespace rigfit
