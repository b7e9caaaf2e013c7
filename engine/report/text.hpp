#pragma once
// Escaping and number formatting shared by the report writers.
#include "common/text.hpp"
#include "fit/finding.hpp"

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

namespace rigfit {

std::string escapeXml(const std::string& s);      // & < > " ' for HTML and SVG text
std::string escapeMarkdown(const std::string& s); // table cells and inline text
// For a terminal: every control character but newline and tab (ESC, BEL, CR, DEL...), which
// the CLI prints as '?', so a part's name cannot move the cursor, recolour or retitle a
// builder's terminal.
inline bool isControl(unsigned char c) {
  return (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f;
}
std::string base64(const std::string& bytes); // for data: URLs

// A number of millimetres for JSON output: rounded to 0.001 so output is byte-stable.
nlohmann::json roundedMm(double v);

// One finding as JSON, numbers rounded to 0.001 mm so that output is byte-stable; shared by
// `rigfit check --format json` and the JSON report.
nlohmann::json findingToJson(const Finding& f);

// A ranged finding's lines for a builder: its measured value over the bands, then each figure
// that moves it with its band and, where it has one, the value at which the verdict flips.
std::vector<std::string> rangeLines(const Finding& f);
// For a build whose verdict depends: the one figure to look up, where, and what each answer
// means, with how to enter it. Where no one figure settles every finding marked DEPENDS, it says
// so and gives each figure that decides some, with where each of those findings fits. "" when
// the verdict does not depend.
std::string decidingFigure(const FitResult& r);
// What a "depends" verdict rests on, in words: "estimated figures", "figures whose sources
// disagree", or both.
std::string dependsOnText(const FitResult& r);
// The verdict of a build that depends, in words: "fits at the estimates, but depends on estimated
// figures"; "fits at the figures taken, but ..." where a sourced figure whose sources disagree
// decides it; "depends on ..." alone for a build that fails at its figures and fits at others.
std::string dependsVerdict(const FitResult& r);

} // namespace rigfit
