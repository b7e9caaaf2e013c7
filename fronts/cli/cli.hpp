#pragma once
// Shared plumbing of the `rigfit` command: arguments, where the catalog and scenes live, and
// how errors reach the user (one line on stderr naming file, field and reason; exit code 2).
#include "assembly/build_json.hpp"
#include "catalog/catalog.hpp"
#include "catalog/opendb.hpp"
#include "catalog/opendb_index.hpp"
#include "common/result.hpp"
#include "report/format.hpp"
#include "scene.hpp"

#include <optional>
#include <string>
#include <vector>

namespace rigfit::cli {

// 3: fits at the estimates, but not at every value in their bands (--strict makes it 1);
// 4: a case with nothing in it, so nothing to check.
constexpr int kExitFits = 0, kExitDoesNotFit = 1, kExitBadInput = 2, kExitDepends = 3,
              kExitNothingToCheck = 4;

// Arguments after the subcommand: positionals and --options with values.
struct Args {
  std::vector<std::string> positional;
  std::vector<std::pair<std::string, std::string>> options; // in order given
  std::optional<std::string> get(const std::string& name) const;
  std::vector<std::string> all(const std::string& name) const; // every value, in order
};

// Parses `argv` against the options that take a value; anything else starting with "--" is an
// error.
// Flags take no value; they appear in Args::options with "".
Result<Args> parseArgs(const std::vector<std::string>& argv, const std::vector<std::string>& known,
                       const std::vector<std::string>& flags = {});

int fail(const Error& e);                // prints "rigfit: <message>" and returns 2
int usageError(const std::string& what); // prints the problem and a hint, returns 2

// Where the program's data is (parts/, scenes/, assets/): share/rigfit beside the program in a
// build tree, else <prefix>/share/rigfit for a program installed in <prefix>/bin. Nothing
// refers to the source tree, so an installed or moved program finds its own.
std::string dataDir();
std::string catalogDir(const Args& args); // --parts, else $RIGFIT_PARTS, else dataDir()/parts
// The catalog folder and then every --more-parts folder (a user's own parts); with `openDb`,
// every part of the OpenDB snapshot in the catalog folder too (what it refused in `audit`).
Result<Catalog> loadCatalog(const Args& args, bool openDb = false, OpenDbAudit* audit = nullptr);
// The OpenDB parts `build` names, added to `catalog` from their rows alone; the rows found that
// cannot be parts, with why.
std::vector<OpenDbRejection> addOpenDbPartsOf(Catalog& catalog, const Args& args,
                                              const Build& build);
// The build a command was given: a file, or "-" for standard input (read once, named
// kStdinName in errors, at most kMaxDataFileBytes like a file).
inline const std::string kStdinName = "<stdin>";
Result<Build> readBuildArg(const std::string& path);
// Standard input, whole (read once; later calls give the same text), at most kMaxDataFileBytes.
Result<std::string> readStandardInput();
// Makes sure part `id` is in `catalog`, reading it from its OpenDB row when it is one; else an
// Error on `file` and `field` that names the nearest part ids ("did you mean").
Status needPart(Catalog& catalog, const Args& args, const std::string& id, const std::string& file,
                const std::string& field);
// "; did you mean A or B?" for a part id the catalog lacks: ids a typo away, else the parts
// whose names hold its words; a hint to search when nothing is near.
std::string nearestPartIds(const Catalog& catalog, const OpenDbIndex& index,
                           const std::string& typed);
// The OpenDB snapshot's parts by name, from the cache when it matches; the first use lists
// every row (about 2 s) and says so on stderr.
OpenDbIndex openDbIndex(const Catalog& catalog, const Args& args);
// Where rigfit keeps what it can make again: $RIGFIT_CACHE_DIR (set but empty: nowhere),
// $XDG_CACHE_HOME/rigfit or ~/.cache/rigfit.
std::string cacheDir();
std::string defaultBuildPath(); // dataDir()/scenes/article-build.json
// Where mesh files are looked for: $RIGFIT_ASSETS, then dataDir()/assets (the generated meshes).
std::vector<std::string> assetDirs();
// The build's 3D scene, parts drawn from their meshes where they have one; a mesh that cannot
// be used is said once on stderr.
render::Scene sceneWithMeshes(const Assembly& assembly, const std::vector<Finding>& findings);
// The folder of the builder's own parts, made in the viewer and loaded with the catalog:
// $RIGFIT_USER_PARTS (set but empty: none), else $XDG_DATA_HOME/rigfit/parts, else
// ~/.local/share/rigfit/parts.
std::string userPartsDir();
Result<Format> formatOf(const Args& args);
// --limit N: how many lines a list shows (a whole number from 1 to 100000; 20 when not given).
Result<size_t> limitOf(const Args& args);
Result<FitSettings> settingsOf(const Args& args);

// What check, solve and report start from: one build file resolved against the catalog, and
// the fit settings. Each command reads --format itself.
struct BuildRun {
  Args args;
  FitSettings settings;
  Catalog catalog;
  LoadedBuild loaded;
};
// Fills `run` and returns 0, or prints the problem and returns the exit code (2).
int startBuildRun(const std::vector<std::string>& argv, const std::vector<std::string>& options,
                  const std::string& command, BuildRun& run,
                  const std::vector<std::string>& flags = {});

int runCheck(const std::vector<std::string>& argv);
int runSolve(const std::vector<std::string>& argv);
int runParts(const std::vector<std::string>& argv);
int runReport(const std::vector<std::string>& argv);
int runRender(const std::vector<std::string>& argv);
int runView(const std::vector<std::string>& argv);
int runImport(const std::vector<std::string>& argv);
int runExport(const std::vector<std::string>& argv);

} // namespace rigfit::cli
