#pragma once
// Colour on a terminal: each verdict word of check's and solve's text (FAIL and DOES NOT FIT
// red, WARN and DEPENDS amber, PASS and FITS green) and the verdict line. Off when standard
// output is not a terminal, when NO_COLOR is set (no-color.org) or TERM is "dumb".
#include <streambuf>
#include <string>

namespace rigfit::cli {

// The standard output's own buffer, before main's filter of control characters: the colour
// sequences are written there, the text itself through std::cout, filtered as ever.
void setRawOutput(std::streambuf* out);
bool colourWanted();
// `text` on std::cout, its verdict words coloured when colourWanted().
void printPainted(const std::string& text);

} // namespace rigfit::cli
