#include "common/text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace rigfit {

std::string num(double v, int decimals) {
  static constexpr double kHalfUnit[] = {0.5, 0.05, 0.005, 0.0005, 0.00005};
  const double half =
      decimals >= 0 && decimals < 5 ? kHalfUnit[decimals] : 0.5 * std::pow(10.0, -decimals);
  if (std::abs(v) < half) v = 0.0; // no "-0.0"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string joined(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v)
    out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string andList(const std::string& first, const std::vector<std::string>& more) {
  std::string out = first;
  for (std::size_t i = 0; i < more.size(); ++i)
    out += (i + 1 == more.size() ? " and " : ", ") + more[i];
  return out;
}

std::string didYouMean(const std::vector<std::string>& near) {
  if (near.empty()) return "";
  std::string out = near.front();
  for (size_t i = 1; i < near.size(); ++i)
    out += (i + 1 == near.size() ? " or " : ", ") + near[i];
  return "; did you mean " + out + "?";
}

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions
// of neighbours, each costing one.
std::size_t editDistance(const std::string& a, const std::string& b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
  for (std::size_t i = 0; i <= n; ++i)
    d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j)
    d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

} // namespace

std::vector<std::string> nearestWords(const std::string& typed,
                                      const std::vector<std::string>& choices) {
  const std::string t = asciiLower(typed);
  const std::size_t allowed = std::max<std::size_t>(1, t.size() / 3);
  std::size_t best = allowed + 1;
  std::vector<std::string> out;
  for (const std::string& c : choices) {
    std::size_t d = editDistance(t, asciiLower(c));
    if (d > allowed || d > best) continue;
    if (d < best) out.clear(), best = d;
    out.push_back(c);
  }
  return out;
}

} // namespace rigfit
