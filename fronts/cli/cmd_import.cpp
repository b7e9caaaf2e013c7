// rigfit import: a PCPartPicker part list made into a build file (issue 15).
#include "assembly/build_json.hpp"
#include "catalog/search.hpp"
#include "cli.hpp"
#include "common/file.hpp"
#include "common/text.hpp"
#include "partlist/import.hpp"

#include <iostream>

namespace rigfit::cli {
namespace {

// --pick LINE=ID, each given once or more.
Result<std::map<int, std::string>> picksOf(const Args& args) {
  std::map<int, std::string> picks;
  for (const std::string& p : args.all("--pick")) {
    size_t eq = p.find('=');
    char* end = nullptr;
    long line = eq == std::string::npos ? 0 : std::strtol(p.c_str(), &end, 10);
    if (eq == std::string::npos || end != p.c_str() + eq || line < 1 || eq + 1 == p.size())
      return Error{"", "--pick",
                   "must be LINE=PART-ID, like 7=evga-rtx2060-xc (got \"" + p + "\")"};
    picks[static_cast<int>(line)] = p.substr(eq + 1);
  }
  return picks;
}

} // namespace

int runImport(const std::vector<std::string>& argv) {
  Result<Args> args =
      parseArgs(argv, {"-o", "--output", "--pick", "--name", "--parts", "--more-parts"});
  if (!args) return usageError(args.error().message());
  if (args->positional.size() != 1)
    return usageError("import takes one part list (or - for standard input)");
  auto out = args->get("-o");
  if (!out) out = args->get("--output");
  if (!out || out->empty())
    return usageError("import needs -o BUILD.json, the build file to write");
  Result<std::map<int, std::string>> picks = picksOf(*args);
  if (!picks) return usageError(picks.error().message());
  const std::string& path = args->positional[0];
  const std::string file = path == "-" ? kStdinName : path;
  Result<std::string> text = path == "-" ? readStandardInput() : readFileText(path);
  if (!text) return fail(text.error());
  Result<PartList> list = parsePartList(*text, file);
  if (!list) return fail(list.error());
  Result<Catalog> catalog = loadCatalog(*args);
  if (!catalog) return fail(catalog.error());
  OpenDbIndex index = openDbIndex(*catalog, *args);
  Listings listings = allListings(*catalog, &index);
  ListMatcher matcher(listings.all);
  std::string name = args->get("--name").value_or("Imported from " + file);
  Result<ImportedList> imported = importPartList(*list, name, *catalog, &index, matcher, *picks);
  if (!imported) {
    Error e = imported.error();
    if (e.file.empty() && e.field.empty()) e.file = file;
    return fail(e);
  }
  std::cout << "Read " << file << " (" << imported->format << ", " << imported->lines.size()
            << " lines):\n\n";
  size_t width = 0;
  for (const ImportedLine& l : imported->lines)
    width = std::max(width, l.item.type.size());
  size_t placed = 0, modelled = 0;
  for (const ImportedLine& l : imported->lines) {
    std::string type = l.item.type + std::string(width + 2 - l.item.type.size(), ' ');
    std::cout << "  line " << l.item.line
              << (l.item.line < 10    ? "   "
                  : l.item.line < 100 ? "  "
                                      : " ")
              << type;
    modelled += l.outcome != LineOutcome::Skipped;
    switch (l.outcome) {
    case LineOutcome::Placed:
      placed += l.missing == 0; // a kit short of modules, an AIO without its radiator: not whole
      std::cout << l.partId << "  on " << joined(l.instances) << "\n      " << l.item.name
                << "\n      is " << l.partName << " (" << l.how << "; confidence "
                << num(l.confidence, 2) << ")\n";
      if (!l.note.empty()) std::cout << "      " << l.note << "\n";
      break;
    case LineOutcome::Unplaced:
      std::cout << l.partId << "  NOT PLACED: " << l.note << "\n      " << l.item.name
                << "\n      is " << l.partName << " (" << l.how << "; confidence "
                << num(l.confidence, 2) << ")\n";
      break;
    case LineOutcome::Ambiguous:
      std::cout << "AMBIGUOUS: " << l.item.name << "\n      " << l.note
                << "\n      pick one with --pick " << l.item.line
                << "=ID, ID one of: " << joined(l.candidates) << "\n";
      break;
    case LineOutcome::Unmatched:
      std::cout << "UNMATCHED: " << l.item.name << "\n      "
                << (l.candidates.empty() ? std::string("no part of the catalog is near it")
                                         : "nearest: " + joined(l.candidates))
                << "\n      'rigfit parts search WORDS' finds its id, then --pick " << l.item.line
                << "=ID\n";
      break;
    case LineOutcome::Skipped:
      std::cout << "skipped: " << l.item.name << " (" << l.note << ")\n";
      break;
    }
  }
  for (const std::string& u : imported->unreadable)
    std::cout << "  not read: " << u << "\n";
  if (!imported->problem.empty()) return fail(Error{file, "", imported->problem});
  Status saved = saveBuildFile(imported->build, *out);
  if (!saved) return fail(saved.error());
  std::cout << "\n"
            << placed << " of " << modelled << " parts placed; wrote " << *out
            << ". Check it: rigfit check " << *out << "\n";
  // 1: written, but some part of the list is not in it (unmatched, ambiguous, no place).
  return placed == modelled ? kExitFits : kExitDoesNotFit;
}

} // namespace rigfit::cli
