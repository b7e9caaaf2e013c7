#include "paint.hpp"

#include <cstdlib>
#include <cstring>
#include <iostream>
#include <unistd.h>

namespace rigfit::cli {
namespace {

std::streambuf* rawOut = nullptr; // standard output before the printable filter

struct Mark {
  const char* word;
  const char* colour; // an SGR sequence's parameters
};
// Longest first, so "DOES NOT FIT" is found before "FITS" could be.
constexpr Mark kMarks[] = {{"FITS, DEPENDS", "33"}, {"DOES NOT FIT", "1;31"}, {"DEPENDS", "33"},
                           {"FAIL", "1;31"},        {"WARN", "33"},           {"PASS", "32"},
                           {"FITS", "1;32"}};

bool wordEnds(const std::string& line, size_t end) {
  return end == line.size() || line[end] == ' ' || line[end] == ',';
}

// Where the line's verdict word is and its colour: a word of kMarks at the line's start (after
// its indent) or at the start of a column (after two spaces); the whole line for "Verdict:".
struct Found {
  size_t at = std::string::npos, size = 0;
  const char* colour = nullptr;
};

Found verdictWord(const std::string& line) {
  if (line.rfind("Verdict: ", 0) == 0) {
    const char* colour = line.find("depends") != std::string::npos            ? "33"
                         : line.find("does not fit") != std::string::npos     ? "1;31"
                         : line.find("nothing to check") != std::string::npos ? nullptr
                                                                              : "1;32";
    return {0, line.size(), colour};
  }
  const size_t indent = line.find_first_not_of(' ');
  for (size_t at = 0; at < line.size(); ++at) {
    bool columnStart =
        at == indent || (at >= 2 && line.compare(at - 2, 2, "  ") == 0 && line[at] != ' ');
    if (!columnStart) continue;
    for (const Mark& m : kMarks) {
      size_t n = std::strlen(m.word);
      if (line.compare(at, n, m.word) == 0 && wordEnds(line, at + n)) return {at, n, m.colour};
    }
  }
  return {};
}

void raw(const std::string& s) {
  std::cout.flush();
  rawOut->sputn(s.data(), static_cast<std::streamsize>(s.size()));
}

} // namespace

void setRawOutput(std::streambuf* out) {
  rawOut = out;
}

bool colourWanted() {
  const char* noColour = std::getenv("NO_COLOR"); // no-color.org: set and not empty
  const char* term = std::getenv("TERM");
  return rawOut && isatty(STDOUT_FILENO) && !(noColour && *noColour) &&
         !(term && std::strcmp(term, "dumb") == 0);
}

void printPainted(const std::string& text) {
  if (!colourWanted()) {
    std::cout << text;
    return;
  }
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    std::string line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    Found f = verdictWord(line);
    if (f.colour) {
      std::cout << line.substr(0, f.at);
      raw(std::string("\x1b[") + f.colour + "m");
      std::cout << line.substr(f.at, f.size);
      raw("\x1b[0m");
      std::cout << line.substr(f.at + f.size);
    } else {
      std::cout << line;
    }
    if (end == std::string::npos) break;
    std::cout << "\n";
    start = end + 1;
  }
}

} // namespace rigfit::cli
