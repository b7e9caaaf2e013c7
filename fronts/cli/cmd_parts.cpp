#include "catalog/part_json.hpp"
#include "cli.hpp"

#include <iostream>

namespace rigfit::cli {
namespace {

std::string figureText(const Part& p, const std::string& name, const Figure& f) {
  auto t = p.texts.find(name);
  std::string v = t != p.texts.end() ? t->second : [&] {
    std::string s = std::to_string(f.value);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  }();
  return v + (f.estimated() ? "   ~ estimate: " + f.estimate : "   [" + f.source + "]");
}

} // namespace

int runParts(const std::vector<std::string>& argv) {
  Result<Args> args = parseArgs(argv, {"--parts", "--more-parts", "--category"});
  if (!args) return usageError(args.error().message());
  const auto& pos = args->positional;
  if (pos.empty()) return usageError("parts takes list, show ID or validate");
  if (pos[0] == "validate") {
    if (pos.size() > 2) return usageError("parts validate takes at most one folder");
    std::string dir = pos.size() == 2 ? pos[1] : catalogDir(*args);
    size_t files = 0;
    std::vector<Error> errors = validateCatalogDir(dir, &files);
    for (const Error& e : errors)
      std::cerr << "rigfit: " << e.message() << "\n";
    std::cout << files << " part files in " << dir << ": "
              << (errors.empty() ? "all valid" : std::to_string(errors.size()) + " with errors")
              << "\n";
    return errors.empty() ? kExitFits : kExitBadInput;
  }
  Result<Catalog> catalog = loadCatalog(*args);
  if (!catalog) return fail(catalog.error());
  if (pos[0] == "list") {
    auto only = args->get("--category");
    if (only && !categoryFromString(*only))
      return usageError(
          "--category must be case, motherboard, gpu, cpu, cooler, memory, psu, storage, fan or "
          "radiator");
    for (const Part* p : catalog->parts()) {
      if (only && *only != toString(p->category)) continue;
      std::string cat = toString(p->category);
      std::cout << cat << std::string(13 - cat.size(), ' ') << p->id
                << std::string(p->id.size() < 30 ? 30 - p->id.size() : 1, ' ') << p->name << "\n";
    }
    return kExitFits;
  }
  if (pos[0] == "show") {
    if (pos.size() != 2) return usageError("parts show takes one part id");
    const Part* p = catalog->find(pos[1]);
    if (!p)
      return fail({"", "", "no part \"" + pos[1] + "\" in the catalog (see 'rigfit parts list')"});
    std::cout << p->name << "\n  id: " << p->id << "\n  category: " << toString(p->category)
              << "\n  file: " << p->file << "\n";
    if (p->mesh)
      std::cout << "  mesh: " << p->mesh->file << (p->mesh->stretch ? " (stretched" : " (exact")
                << " onto its boxes; drawing only, the checks measure the figures)\n";
    std::cout << "  figures:\n";
    for (const auto& [name, f] : p->figures)
      std::cout << "    " << name << ": " << figureText(*p, name, f) << "\n";
    if (!p->mounts.empty()) {
      std::cout << "  mounts:\n";
      for (const Mount& m : p->mounts) {
        std::cout << "    " << m.name << " (" << toString(m.kind);
        if (m.kind == MountKind::PcieSlot)
          std::cout << ", position " << m.position << ", x" << m.mechanical << " slot wired x"
                    << m.lanes << " gen " << m.gen << " via " << m.via;
        if (!m.accepts.empty() && m.kind != MountKind::PcieSlot) {
          std::cout << ", takes";
          for (const std::string& a : m.accepts)
            std::cout << " " << a;
        }
        std::cout << ")\n";
      }
    }
    if (!p->options.empty()) {
      std::cout << "  options (a build's \"options\"):\n";
      for (const PartOption& o : p->options) {
        std::cout << "    " << o.name << ": " << o.what;
        if (o.toggle)
          std::cout << " (1 yes, 0 no)";
        else
          std::cout << " (" << o.min << " to " << o.max << " " << o.unit << ")";
        std::cout << "\n";
      }
    }
    if (p->chassis)
      for (const CaseRemovable& r : p->chassis->removables) {
        std::cout << "  with " << r.what << " in:";
        if (r.maxGpuLengthMm) std::cout << " cards up to " << *r.maxGpuLengthMm << " mm";
        if (r.maxPsuLengthMm) std::cout << " PSUs up to " << *r.maxPsuLengthMm << " mm";
        std::cout << "\n";
      }
    std::cout << "  sources:\n";
    for (const auto& [k, v] : p->sources)
      std::cout << "    [" << k << "] " << v << "\n";
    return kExitFits;
  }
  return usageError("parts takes list, show ID or validate (got \"" + pos[0] + "\")");
}

} // namespace rigfit::cli
