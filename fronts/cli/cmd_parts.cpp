#include "catalog/part_json.hpp"
#include "catalog/search.hpp"
#include "cli.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

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

// One line a part: category, id, tier and name, in columns.
void listLine(const Listing& p) {
  std::string cat = toString(p.category);
  std::cout << cat << std::string(13 - std::min<size_t>(cat.size(), 12), ' ') << p.id
            << std::string(p.id.size() < 44 ? 44 - p.id.size() : 1, ' ')
            << (p.tier == Tier::Curated ? "curated" : "opendb") << "  " << p.name << "\n";
}

using nlohmann::json;

// The version of the shapes `parts list|search|show --format json` print
// (docs/parts.schema.json, docs/part.schema.json): raised when a field changes meaning or goes.
constexpr int kPartsJsonVersion = 1;

json listingJson(const Listing& p) {
  json j = {{"id", p.id},
            {"category", toString(p.category)},
            {"tier", p.tier == Tier::Curated ? "curated" : "opendb"},
            {"name", p.name}};
  if (!p.maker.empty()) j["maker"] = p.maker;
  return j;
}

// `parts list` and `parts search` as JSON: the parts in the order the text gives them.
std::string listingsJson(const std::vector<const Listing*>& parts) {
  json list = json::array();
  for (const Listing* p : parts)
    list.push_back(listingJson(*p));
  return json{{"rigfit_parts", kPartsJsonVersion},
              {"count", parts.size()},
              {"parts", list},
              {"attribution", kOpenDbAttribution}}
             .dump(2, ' ', false, json::error_handler_t::replace) +
         "\n";
}

// `parts show` as JSON: every figure with its source or how it was estimated, the mounts, the
// options and the sources.
std::string partJson(const Part& p) {
  json figures = json::object();
  for (const auto& [name, f] : p.figures) {
    json fig = {{"value", f.value}};
    if (auto t = p.texts.find(name); t != p.texts.end()) fig["text"] = t->second;
    if (f.estimated())
      fig["estimate"] = f.estimate;
    else
      fig["source"] = f.source;
    if (f.lo && f.hi) fig["band"] = {{"lo", *f.lo}, {"hi", *f.hi}, {"why", f.rangeWhy}};
    figures[name] = fig;
  }
  json mounts = json::array();
  for (const Mount& m : p.mounts) {
    json mj = {{"name", m.name}, {"kind", toString(m.kind)}, {"accepts", m.accepts}};
    if (m.kind == MountKind::PcieSlot)
      mj.update({{"position", m.position},
                 {"mechanical", m.mechanical},
                 {"lanes", m.lanes},
                 {"gen", m.gen},
                 {"via", m.via}});
    mounts.push_back(mj);
  }
  json options = json::array();
  for (const PartOption& o : p.options) {
    json oj = {{"name", o.name}, {"what", o.what}, {"toggle", o.toggle}};
    if (!o.toggle) oj.update({{"min", o.min}, {"max", o.max}, {"unit", o.unit}});
    options.push_back(oj);
  }
  json out = {{"rigfit_part", kPartsJsonVersion},
              {"id", p.id},
              {"name", p.name},
              {"category", toString(p.category)},
              {"tier", p.tier == Tier::Curated ? "curated" : "opendb"},
              {"file", p.file},
              {"figures", figures},
              {"mounts", mounts},
              {"options", options},
              {"sources", p.sources}};
  if (!p.opendbId.empty()) out["opendb_id"] = p.opendbId;
  if (p.mesh) out["mesh"] = p.mesh->file;
  if (p.tier == Tier::OpenDb) out["attribution"] = kOpenDbAttribution;
  // A file's path need not be UTF-8: its stray bytes become U+FFFD rather than stop the dump.
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// What the snapshot gave, per category: rows, parts, folded duplicates, disagreements and each
// reason a row was refused, with how many rows it refused and the first few of them (all of
// them with --all).
void printAudit(const OpenDbAudit& audit, bool all) {
  size_t rows = 0, parts = 0, refused = 0;
  for (const OpenDbCategoryLoad& c : audit.categories) {
    size_t kept = c.rows - c.rejected.size() - c.folded.size() - c.curated.size();
    rows += c.rows, parts += kept, refused += c.rejected.size();
    std::cout << toString(c.category) << " (" << c.file << "): " << c.rows << " rows, " << kept
              << " parts, " << c.rejected.size() << " refused, " << c.folded.size()
              << " folded into a row of the same product and figures, " << c.curated.size()
              << " named by a curated part\n";
    if (!c.unreadable.empty()) std::cout << "  the file cannot be read: " << c.unreadable << "\n";
    std::map<std::string, std::vector<const OpenDbRejection*>> byReason;
    for (const OpenDbRejection& r : c.rejected)
      byReason[r.reason].push_back(&r);
    std::vector<std::pair<size_t, std::string>> order;
    for (const auto& [reason, list] : byReason)
      order.push_back({list.size(), reason});
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto& [n, reason] : order) {
      std::cout << "  refused " << n << ": " << reason << "\n";
      const auto& list = byReason[reason];
      for (size_t i = 0; i < list.size() && (all || i < 2); ++i)
        std::cout << "    line " << list[i]->line << ": " << list[i]->name << "\n";
    }
    if (!c.disagreements.empty()) {
      std::cout << "  " << c.disagreements.size()
                << " rows of one name whose figures disagree (kept apart):\n";
      for (size_t i = 0; i < c.disagreements.size() && (all || i < 3); ++i)
        std::cout << "    " << c.disagreements[i].name << ": " << c.disagreements[i].figures
                  << "\n";
    }
  }
  std::cout << "in all: " << rows << " rows, " << parts << " parts, " << refused << " refused"
            << (all ? "" : " (--all lists every row refused)") << "\n";
}

} // namespace

int runParts(const std::vector<std::string>& argv) {
  Result<Args> args =
      parseArgs(argv, {"--parts", "--more-parts", "--category", "--limit", "--format"}, {"--all"});
  if (!args) return usageError(args.error().message());
  const auto& pos = args->positional;
  if (pos.empty()) return usageError("parts takes list, search WORDS, show ID, audit or validate");
  std::string format = args->get("--format").value_or("text");
  const bool textOnly = pos[0] == "validate" || pos[0] == "audit";
  if (format != "text" && (format != "json" || textOnly))
    return usageError("--format: parts " + pos[0] + " prints " +
                      (textOnly ? "text only" : "text or json") + " (got \"" + format + "\")");
  const bool asJson = format == "json";
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
  auto only = args->get("--category");
  if (only && !categoryFromString(*only))
    return usageError("--category must be case, motherboard, gpu, cpu, cooler, memory, psu, "
                      "storage, fan or radiator");
  if (pos[0] == "audit") {
    if (pos.size() != 1) return usageError("parts audit takes no argument");
    OpenDbAudit audit;
    Result<Catalog> catalog = loadCatalog(*args, true, &audit);
    if (!catalog) return fail(catalog.error());
    printAudit(audit, args->get("--all").has_value());
    return kExitFits;
  }
  Result<Catalog> catalog = loadCatalog(*args);
  if (!catalog) return fail(catalog.error());
  // The snapshot's parts by name; a part is read from its row when it is shown.
  OpenDbIndex index = openDbIndex(*catalog, *args);
  if (pos[0] == "list") {
    size_t n = 0, curated = 0;
    Listings listings = allListings(*catalog, &index);
    std::vector<const Listing*> shown;
    for (const Listing* p : listings.all)
      if (!only || *only == toString(p->category)) shown.push_back(p);
    if (asJson) {
      std::cout << listingsJson(shown);
      return kExitFits;
    }
    for (const Listing* p : shown) {
      listLine(*p);
      ++n, curated += p->tier == Tier::Curated;
    }
    std::cout << n << " parts: " << curated << " curated, " << n - curated
              << " from BuildCores OpenDB\n"
              << kOpenDbAttribution << "\n";
    return kExitFits;
  }
  if (pos[0] == "search") {
    if (pos.size() < 2) return usageError("parts search takes the words to look for");
    std::string query;
    for (size_t i = 1; i < pos.size(); ++i)
      query += (i > 1 ? " " : "") + pos[i];
    Result<size_t> limit = limitOf(*args);
    if (!limit) return usageError(limit.error().message());
    Listings listings = allListings(*catalog, &index);
    PartSearch search(listings.all);
    std::vector<SearchHit> hits =
        search.find(query, *limit, only ? categoryFromString(*only) : std::nullopt);
    if (asJson) {
      std::vector<const Listing*> found;
      for (const SearchHit& h : hits)
        found.push_back(h.listing);
      std::cout << listingsJson(found);
      return kExitFits;
    }
    if (hits.empty()) {
      std::cout << "no part matches \"" << query << "\" among " << search.size()
                << " parts; try fewer words, or a model number alone (\"4090\")\n";
      return kExitFits;
    }
    for (const SearchHit& h : hits)
      listLine(*h.listing);
    return kExitFits;
  }
  if (pos[0] == "show") {
    if (pos.size() != 2) return usageError("parts show takes one part id");
    if (Status known = needPart(*catalog, *args, pos[1], "", "parts show"); !known)
      return fail(known.error());
    const Part* p = catalog->find(pos[1]);
    if (asJson) {
      std::cout << partJson(*p);
      return kExitFits;
    }
    std::cout << p->name << "\n  id: " << p->id << "\n  category: " << toString(p->category)
              << "\n  tier: "
              << (p->tier == Tier::Curated
                      ? "curated (figures checked by hand, each cited)"
                      : "BuildCores OpenDB (community data, each figure cites its row)")
              << "\n  file: " << p->file << "\n";
    if (!p->opendbId.empty())
      std::cout << "  opendb_id: " << p->opendbId
                << (p->tier == Tier::Curated ? " (the same product's OpenDB row; these figures win)"
                                             : "")
                << "\n";
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
    if (p->tier == Tier::OpenDb) std::cout << kOpenDbAttribution << "\n";
    return kExitFits;
  }
  return usageError("parts takes list, search WORDS, show ID, audit or validate (got \"" + pos[0] +
                    "\")");
}

} // namespace rigfit::cli
