#include "report/text.hpp"

#include <cmath>
#include <nlohmann/json.hpp>

namespace rigfit {

std::string escapeXml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escapeMarkdown(const std::string& s) {
  std::string out;
  for (char c : s) {
    // A line break of any kind would end the table row; other control characters are dropped.
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (isControl(static_cast<unsigned char>(c))) continue;
    if (std::string("\\|*_`<>[]#").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string base64(const std::string& bytes) {
  static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[(n >> 18) & 63];
    out += kDigits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
  }
  return out;
}

nlohmann::json roundedMm(double v) {
  return std::round(v * 1000.0) / 1000.0 + 0.0;
}

nlohmann::json findingToJson(const Finding& f) {
  using nlohmann::json;
  json j = {{"check", f.check},
            {"severity", toString(f.severity)},
            {"parts", f.parts},
            {"message", f.message},
            {"unit", toString(f.unit)},
            {"estimates", f.estimates},
            {"hard", f.hard},
            {"required_is", f.bound == Bound::AtLeast ? "at least" : "at most"}};
  j["measured"] = f.measured ? roundedMm(*f.measured) : json(nullptr);
  j["required"] = f.required ? roundedMm(*f.required) : json(nullptr);
  j["where"] = nullptr;
  if (f.where)
    j["where"] = {
        {"lo", {roundedMm(f.where->lo.x), roundedMm(f.where->lo.y), roundedMm(f.where->lo.z)}},
        {"hi", {roundedMm(f.where->hi.x), roundedMm(f.where->hi.y), roundedMm(f.where->hi.z)}}};
  return j;
}

} // namespace rigfit
