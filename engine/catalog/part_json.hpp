#pragma once
// Reading one part spec file. The file format (schema 2) is described by
// parts/schema/part.schema.json; this reader is the authority and checks more than the schema:
// every figure is sourced or estimated, every number is plausible for what it measures.
#include "catalog/part.hpp"
#include "common/result.hpp"

#include <nlohmann/json_fwd.hpp>

namespace rigfit {

// Schema 2 adds "mesh", a case's "fan_mounts" and the fan category; schema 1 files read as
// before.
constexpr int kPartSchemaVersion = 2;

// Parses and validates a part spec; `file` names it in errors.
Result<Part> parsePart(const nlohmann::json& j, const std::string& file);
Result<Part> loadPartFile(const std::string& path);

// A copy of `part` read again from its spec with some figures set to other values:
// - Builder: figures a builder entered for the part in a build (its card's height from the
//   maker's page); each becomes sourced "entered by the builder", with no range.
// - Trial: an estimate tried at another value within its range; it stays an estimate.
// An error names the figure (`field` is "/figures/NAME") and why the value cannot be.
enum class FigureOrigin { Builder, Trial };
Result<Part> withFigures(const Part& part, const std::map<std::string, double>& values,
                         FigureOrigin origin);
// The same for an estimate tried at other values (FigureOrigin::Trial), kept for reuse: the
// ranged check tries the same values of the same parts over and over (each band's ends and
// middle, for every check of a build). Safe to call from several threads; at most a few
// thousand parts are kept.
Result<std::shared_ptr<const Part>> triedPart(const Part& part,
                                              const std::map<std::string, double>& values);

// The source key a builder's own figure cites.
inline constexpr const char* kBuilderSource = "builder";

} // namespace rigfit
