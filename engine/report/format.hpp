#pragma once
// Findings and solve answers as text for a terminal, JSON for scripts, Markdown for forums.
#include "assembly/build.hpp"
#include "fit/finding.hpp"
#include "solve/solve.hpp"

#include <nlohmann/json_fwd.hpp>
#include <string>

namespace rigfit {

constexpr int kCheckJsonVersion = 1; // docs/check.schema.json
constexpr int kSolveJsonVersion = 1; // docs/solve.schema.json

enum class Format { Text, Json, Markdown };

std::string formatCheck(const Build& build, const FitResult& result, Format format);
nlohmann::json checkToJson(const Build& build, const FitResult& result);

std::string formatTrials(const std::string& question, const std::vector<Trial>& trials,
                         Format format);
std::string formatMax(const MaxAnswer& answer, Format format);

} // namespace rigfit
