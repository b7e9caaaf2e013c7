#pragma once
// Escaping and number formatting shared by the report writers.
#include <string>

namespace rigfit {

std::string escapeXml(const std::string& s);      // & < > " ' for HTML and SVG text
std::string escapeMarkdown(const std::string& s); // table cells and inline text
std::string num(double v, int decimals);          // fixed decimals, no "-0.0" (fit/fit.cpp)

} // namespace rigfit
