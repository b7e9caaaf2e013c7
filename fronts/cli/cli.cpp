#include "cli.hpp"

#include "catalog/search.hpp"
#include "common/file.hpp"
#include "common/json_in.hpp"
#include "common/text.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace rigfit::cli {
namespace fs = std::filesystem;

std::vector<std::string> Args::all(const std::string& name) const {
  std::vector<std::string> v;
  for (const auto& [k, val] : options)
    if (k == name) v.push_back(val);
  return v;
}

std::optional<std::string> Args::get(const std::string& name) const {
  std::optional<std::string> v;
  for (const auto& [k, val] : options)
    if (k == name) v = val;
  return v;
}

Result<Args> parseArgs(const std::vector<std::string>& argv, const std::vector<std::string>& known,
                       const std::vector<std::string>& flags) {
  Args a;
  auto listed = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& s = argv[i];
    if (s.size() < 2 || s[0] != '-') {
      a.positional.push_back(s);
      continue;
    }
    if (listed(flags, s)) {
      a.options.emplace_back(s, "");
      continue;
    }
    std::string name = s, value;
    size_t eq = s.find('=');
    bool inline_ = eq != std::string::npos;
    if (inline_) name = s.substr(0, eq), value = s.substr(eq + 1);
    if (!listed(known, name)) {
      std::vector<std::string> all = known;
      all.insert(all.end(), flags.begin(), flags.end());
      std::vector<std::string> near = nearestWords(name, all);
      return Error{"", name, "is not an option of this command" + didYouMean(near)};
    }
    if (!inline_) {
      if (i + 1 >= argv.size()) return Error{"", name, "needs a value"};
      value = argv[++i];
    }
    a.options.emplace_back(name, value);
  }
  return a;
}

int fail(const Error& e) {
  std::cerr << "rigfit: " << e.message() << "\n";
  return kExitBadInput;
}

int usageError(const std::string& what) {
  std::cerr << "rigfit: " << what << "\nrun 'rigfit --help' for usage\n";
  return kExitBadInput;
}

namespace {

// The folder of the running program, from /proc (Linux); empty when it cannot be read.
fs::path programDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

} // namespace

std::string dataDir() {
  // A build tree keeps its data beside the program (share/rigfit, made by CMake); an installed
  // program in <prefix>/bin finds it in <prefix>/share/rigfit.
  fs::path here = programDir();
  std::error_code ec;
  for (const fs::path& candidate : {here / "share/rigfit", here.parent_path() / "share/rigfit"})
    if (!here.empty() && fs::is_directory(candidate / "parts", ec)) return candidate.string();
  return (here.parent_path() / "share/rigfit").string(); // missing: the errors name it
}

std::string catalogDir(const Args& args) {
  if (auto p = args.get("--parts")) return *p;
  if (const char* env = std::getenv("RIGFIT_PARTS"); env && *env) return env;
  return dataDir() + "/parts";
}

std::string defaultBuildPath() {
  return dataDir() + "/scenes/article-build.json";
}

std::vector<std::string> assetDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("RIGFIT_ASSETS"); env && *env) dirs.push_back(env);
  dirs.push_back(dataDir() + "/assets");
  return dirs;
}

render::Scene sceneWithMeshes(const Assembly& assembly, const std::vector<Finding>& findings) {
  render::MeshLibrary meshes(assetDirs());
  render::Scene scene = render::sceneOf(assembly, findings, &meshes);
  for (const std::string& problem : meshes.newProblems())
    std::cerr << "rigfit: warning: " << problem << "\n";
  return scene;
}

std::string userPartsDir() {
  return userPath("RIGFIT_USER_PARTS", "XDG_DATA_HOME", ".local/share", "rigfit/parts");
}

std::string cacheDir() {
  return userPath("RIGFIT_CACHE_DIR", "XDG_CACHE_HOME", ".cache", "rigfit");
}

OpenDbIndex openDbIndex(const Catalog& catalog, const Args& args) {
  std::string problem;
  OpenDbIndex index =
      OpenDbIndex::open(catalog, openDbDir(catalogDir(args)), cacheDir(), &problem, [] {
        // A few seconds of silence would look like a hang to someone at a terminal.
        if (isatty(STDERR_FILENO))
          std::cerr << "rigfit: listing the BuildCores OpenDB parts (once for this snapshot and "
                       "program, a few seconds)...\n";
      });
  if (!problem.empty()) std::cerr << "rigfit: warning: " << problem << "\n";
  return index;
}

Result<Catalog> loadCatalog(const Args& args, bool openDb, OpenDbAudit* audit) {
  std::vector<std::string> dirs{catalogDir(args)};
  const char* env = std::getenv("RIGFIT_PARTS");
  if (std::error_code missing;
      !args.get("--parts") && !(env && *env) && !fs::is_directory(dirs.front(), missing))
    return Error{dirs.front(), "",
                 "is missing: rigfit looks for its data in share/rigfit beside the program, then "
                 "in ../share/rigfit; reinstall it, or name a catalog with --parts DIR or "
                 "$RIGFIT_PARTS"};
  auto same = [](const std::string& a, const std::string& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec);
  };
  std::string mine = userPartsDir();
  bool mineGiven = false;
  for (const std::string& more : args.all("--more-parts"))
    mineGiven = mineGiven || (!mine.empty() && same(more, mine));
  std::error_code ec; // a user folder that is missing is no error; a broken one, Catalog names
  if (!mine.empty() && !mineGiven && (fs::is_directory(mine, ec) || fs::is_symlink(mine, ec)))
    dirs.push_back(mine);
  for (const std::string& more : args.all("--more-parts"))
    dirs.push_back(more);
  Result<Catalog> catalog = Catalog::load(dirs);
  if (catalog && openDb) {
    OpenDbAudit added = addOpenDb(*catalog, openDbDir(dirs.front()));
    if (audit) *audit = std::move(added);
  }
  return catalog;
}

std::vector<OpenDbRejection> addOpenDbPartsOf(Catalog& catalog, const Args& args,
                                              const Build& build) {
  std::vector<std::string> ids;
  for (const Instance& item : build.instances)
    ids.push_back(item.part);
  const std::string dir = openDbDir(catalogDir(args)), cache = cacheDir();
  // Where the listings were made already (any search, import or suggestion did), the rows are
  // read from the snapshot's files kept beside them, several times faster than searching the
  // snapshot; what they do not give (a row that is no part) is searched for, to say why.
  if (std::optional<OpenDbIndex> index = OpenDbIndex::openCached(catalog, dir, cache, &ids)) {
    (void)index->addTo(catalog, ids); // a row that cannot be read is searched for below
    std::vector<std::string> left;
    for (const std::string& id : ids)
      if (!catalog.find(id)) left.push_back(id);
    if (left.empty()) return {};
    ids = std::move(left);
  }
  return addOpenDbParts(catalog, dir, ids);
}

Result<std::string> readStandardInput() {
  static std::optional<std::string> text; // standard input can be read once
  if (!text) {
    text.emplace();
    char chunk[65536];
    while (text->size() <= kMaxDataFileBytes && std::cin) {
      std::cin.read(chunk, sizeof chunk);
      text->append(chunk, static_cast<size_t>(std::cin.gcount()));
    }
  }
  if (text->size() > kMaxDataFileBytes)
    return Error{kStdinName, "",
                 "holds more than " + std::to_string(kMaxDataFileBytes >> 20) +
                     " MiB; rigfit reads up to that"};
  return *text;
}

Result<Build> readBuildArg(const std::string& path) {
  if (path != "-") return loadBuildFile(path);
  Result<std::string> text = readStandardInput();
  if (!text) return text.error();
  if (text->find_first_not_of(" \t\r\n") == std::string::npos)
    return Error{kStdinName, "", "is empty: pipe a build's JSON into 'rigfit check -'"};
  Result<nlohmann::json> json = parseJsonText(*text, kStdinName);
  if (!json) return json.error();
  return parseBuild(*json, kStdinName);
}

std::string nearestPartIds(const Catalog& catalog, const OpenDbIndex& index,
                           const std::string& typed) {
  Listings listings = allListings(catalog, &index);
  std::vector<std::string> ids;
  for (const Listing* l : listings.all)
    ids.push_back(l->id);
  std::vector<std::string> near = nearestWords(typed, ids); // a typo in an id
  if (near.empty())                                         // else the parts it names
    for (const SearchHit& hit : PartSearch(listings.all).find(typed, 3))
      near.push_back(hit.listing->id);
  if (near.size() > 3) near.resize(3);
  if (near.empty()) return "; 'rigfit parts search WORDS' finds a part by its name";
  return didYouMean(near);
}

Status needPart(Catalog& catalog, const Args& args, const std::string& id, const std::string& file,
                const std::string& field) {
  if (catalog.find(id)) return Ok{};
  OpenDbIndex index = openDbIndex(catalog, args);
  if (std::vector<Error> unreadable = index.addTo(catalog, {id}); !unreadable.empty())
    return unreadable.front();
  if (catalog.find(id)) return Ok{};
  return Error{file, field,
               "no part \"" + id + "\" in the catalog" + nearestPartIds(catalog, index, id)};
}

Result<size_t> limitOf(const Args& args) {
  std::optional<std::string> l = args.get("--limit");
  if (!l) return size_t{20};
  char* end = nullptr;
  long v = std::strtol(l->c_str(), &end, 10);
  if (l->empty() || *end || v < 1 || v > 100000)
    return Error{"", "--limit", "must be a whole number from 1 to 100000 (got \"" + *l + "\")"};
  return static_cast<size_t>(v);
}

Result<Format> formatOf(const Args& args) {
  std::string f = args.get("--format").value_or("text");
  if (f == "text") return Format::Text;
  if (f == "json") return Format::Json;
  if (f == "md" || f == "markdown") return Format::Markdown;
  return Error{"", "--format", "must be text, json or md (got \"" + f + "\")"};
}

Result<FitSettings> settingsOf(const Args& args) {
  FitSettings s;
  if (auto v = args.get("--min-clearance")) {
    char* end = nullptr;
    double d = std::strtod(v->c_str(), &end);
    if (v->empty() || *end != '\0' || !(d >= 0.0 && d <= 100.0))
      return Error{"", "--min-clearance",
                   "must be a number of millimetres from 0 to 100 (got \"" + *v + "\")"};
    s.minClearanceMm = d;
  }
  return s;
}

int startBuildRun(const std::vector<std::string>& argv, const std::vector<std::string>& options,
                  const std::string& command, BuildRun& run,
                  const std::vector<std::string>& flags) {
  std::vector<std::string> known = options;
  known.insert(known.end(), {"--format", "--min-clearance", "--parts", "--more-parts"});
  Result<Args> args = parseArgs(argv, known, flags);
  if (!args) return usageError(args.error().message());
  if (args->positional.size() != 1) return usageError(command + " takes one build file");
  Result<FitSettings> settings = settingsOf(*args);
  if (!settings) return usageError(settings.error().message());
  Result<Catalog> catalog = loadCatalog(*args);
  if (!catalog) return fail(catalog.error());
  run.args = std::move(args).value();
  run.settings = *settings;
  run.catalog = std::move(catalog).value();
  const std::string& path = run.args.positional[0];
  Result<Build> build = readBuildArg(path);
  if (!build) return fail(build.error());
  const std::string name = path == "-" ? kStdinName : path;
  std::vector<OpenDbRejection> refused = addOpenDbPartsOf(run.catalog, run.args, *build);
  for (const OpenDbRejection& r : refused)
    std::cerr << "rigfit: " << r.file << ":" << r.line << ": the OpenDB row of \"" << r.name
              << "\" is not a part rigfit can check: " << r.reason << "\n";
  for (size_t i = 0; i < build->instances.size(); ++i)
    if (Status found = needPart(run.catalog, run.args, build->instances[i].part, name,
                                "/parts/" + std::to_string(i) + "/part");
        !found)
      return fail(found.error());
  Result<Assembly> assembly = assemble(*build, run.catalog, name);
  if (!assembly) return fail(assembly.error());
  run.loaded = LoadedBuild{std::move(build).value(), std::move(assembly).value()};
  return 0;
}

} // namespace rigfit::cli
