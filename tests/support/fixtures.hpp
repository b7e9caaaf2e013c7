#pragma once
// Builds and catalogs for tests, from the same parts/ and scenes/ files the CLI uses, with
// figures overridden where a test needs a part at a boundary.
#include "assembly/build.hpp"
#include "fit/fit.hpp"
#include "solve/solve.hpp"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

namespace rigfit::test {

std::string sourcePath(const std::string& rel); // under the project root

// The JSON of a seed part, to edit.
nlohmann::json partJson(const std::string& id);
// Sets figure `name` of a part's JSON to `value`, sourced as a test fixture.
void setFigure(nlohmann::json& part, const std::string& name, const nlohmann::json& value);

// The seed catalog, with whole part specs replaced or added (by their "id").
Catalog catalogWith(const std::vector<nlohmann::json>& parts = {});
const Catalog& seedCatalog();
// The seed catalog with the OpenDB rows a build names read in, as `rigfit check` reads them.
Catalog catalogFor(const Build& b);

Build scene(const std::string& name); // scenes/<name>.json
Build with(Build b, const Instance& added);
Build without(Build b, const std::string& id);
Build remounted(Build b, const std::string& id, const std::string& mount); // same parent
Build swapped(Build b, const std::string& id, const std::string& part);    // same mount
// The five-fan scene with a Noctua NH-D15 for its cooler and its rear fan out (the tower's
// overhang would hit it): a build two unpublished figures decide, the tower's RAM clearance and
// where the case puts its board.
Build fiveFansNhD15();
Assembly assembled(const Build& b, const Catalog& c);
FitResult checked(const Build& b, const Catalog& c, const FitSettings& s = {});

// Findings of one check, optionally only those naming a part.
std::vector<Finding> findings(const FitResult& r, const std::string& check,
                              const std::string& part = "");
// Strings joined with "; ", to match a list against one expectation.
std::string joined(const std::vector<std::string>& v);
// The one finding of a check (for a part); fails the test if there is not exactly one.
Finding only(const FitResult& r, const std::string& check, const std::string& part = "");

// The trial at a mount ("PCIEX16_2"); fails the test if there is none.
const Trial& at(const std::vector<Trial>& trials, const std::string& mount);

} // namespace rigfit::test
