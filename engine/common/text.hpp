#pragma once
// How numbers and lists read in a builder's messages, written once for every layer.
#include <sstream>
#include <string>
#include <vector>

namespace rigfit {

// ASCII letters and digits, without locale lookups (part names and lists are matched by them):
// whether `c` is one, `c` in lowercase, and a whole string in lowercase.
inline bool asciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
inline char asciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
inline std::string asciiLower(std::string s) {
  for (char& c : s)
    c = asciiLower(c);
  return s;
}

// A number in its shortest form: 6.8, 250, 0.5.
inline std::string shortNumber(double v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

// Where a number written at `from` in `text` ends: digits, then a decimal part if a digit follows
// its point ("12.5"); `from` itself when no digit is there.
inline std::size_t decimalEnd(const std::string& text, std::size_t from) {
  auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  std::size_t e = from;
  while (digit(e))
    ++e;
  if (e > from && e < text.size() && text[e] == '.' && digit(e + 1))
    for (++e; digit(e);)
      ++e;
  return e;
}

// Fixed decimals, and never "-0.0": num(12.34, 1) is "12.3".
std::string num(double v, int decimals);

// "a, b, c" (or with another separator); "" for none.
std::string joined(const std::vector<std::string>& v, const char* sep = ", ");

// "a", "a and b", "a, b and c": `first`, then `more`.
std::string andList(const std::string& first, const std::vector<std::string>& more);

// "; did you mean a?", "; did you mean a or b?", "; did you mean a, b or c?"; "" for none.
std::string didYouMean(const std::vector<std::string>& near);

// Of `choices`, the ones nearest `typed` by edit distance (letters added, dropped, changed or
// swapped, ignoring case), when a typo could explain it: at most a third of the word's letters
// off. The nearest first, in the choices' order among equals; none when nothing is that near.
std::vector<std::string> nearestWords(const std::string& typed,
                                      const std::vector<std::string>& choices);

} // namespace rigfit
