#include "catalog/opendb.hpp"

#include "catalog/opendb_row.hpp"
#include "catalog/part_json.hpp"
#include "common/file.hpp"
#include "common/gzip.hpp"
#include "common/json_in.hpp"
#include "common/text.hpp"

#include <cctype>
#include <map>
#include <set>
#include <variant>

namespace rigfit {

Result<std::string> inflateOpenDbFile(const std::string& file) {
  Result<std::string> bytes = readFileText(file, kMaxOpenDbCompressedBytes);
  if (!bytes) return bytes.error();
  return gunzip(*bytes, file, kMaxOpenDbInflatedBytes);
}

std::string openDbFileOf(const std::string& dir, const CategoryDescription& c) {
  return dir + "/" + c.openDbFile + ".jsonl.gz";
}

std::variant<Part, OpenDbRejection> readOpenDbLine(const std::string& line, const std::string& file,
                                                   std::size_t lineNo,
                                                   const CategoryDescription& c) {
  std::string where = file + ":" + std::to_string(lineNo);
  OpenDbRejection reject{file, lineNo, "", "", ""};
  Result<nlohmann::json> row = parseJsonText(line, where);
  if (!row) return reject.reason = "not JSON: " + row.error().reason, reject;
  if (!row->is_object()) return reject.reason = "not a JSON object", reject;
  reject.opendbId = opendb::uuid(*row);
  reject.name = opendb::name(*row);
  if (reject.opendbId.size() != 36) return reject.reason = "no opendb_id", reject;
  if (reject.name.empty()) return reject.reason = "no name", reject;
  nlohmann::json spec;
  std::string why;
  if (!c.fromOpenDb(*row, spec, why)) return reject.reason = why, reject;
  Result<Part> part = parsePart(spec, where);
  if (!part) {
    // The reader's words name the rigfit figure.
    const Error& e = part.error();
    return reject.reason = (e.field.empty() ? "" : e.field + ": ") + e.reason, reject;
  }
  part->tier = Tier::OpenDb;
  return std::move(part).value();
}

namespace {

// The figures two rows of one product are compared by, as "name value" text.
std::map<std::string, std::string> comparable(const Part& p) {
  std::map<std::string, std::string> out;
  for (const auto& [name, f] : p.figures)
    out[name] = shortNumber(f.value);
  for (const auto& [name, t] : p.texts)
    out[name] = t;
  // A board's slots as laid out from its counts: two rows of one name may count differently.
  if (p.boardLayout) {
    std::string pcie, dimms;
    for (const auto& s : p.boardLayout->pcie)
      pcie += s.name + "@" + std::to_string(s.position) + " x" + std::to_string(s.lanes) + " gen" +
              std::to_string(s.gen) + " ";
    for (const auto& d : p.boardLayout->dimms)
      dimms += d.name + " ";
    out["pcie_slots"] = pcie.empty() ? "none" : pcie;
    out["dimm_slots"] = dimms.empty() ? "none" : dimms;
  }
  return out;
}

std::string differences(const std::map<std::string, std::string>& a,
                        const std::map<std::string, std::string>& b) {
  std::vector<std::string> out;
  std::set<std::string> names;
  for (const auto& [k, v] : a)
    names.insert(k);
  for (const auto& [k, v] : b)
    names.insert(k);
  for (const std::string& k : names) {
    auto x = a.find(k), y = b.find(k);
    std::string l = x == a.end() ? "none" : x->second, r = y == b.end() ? "none" : y->second;
    if (l != r) out.push_back(k + " " + l + " / " + r);
  }
  return joined(out);
}

// The rows the catalog's parts name as their product's (uuid -> the part's id): the part's
// figures win over the row's.
std::map<std::string, std::string> rowsNamedBy(const Catalog& catalog) {
  std::map<std::string, std::string> out;
  for (const Part* p : catalog.parts())
    if (!p->opendbId.empty()) out[p->opendbId] = p->id;
  return out;
}

// The id without its uuid tail: rows of one name share it.
std::string nameKey(const Part& p) {
  return p.id.substr(0, p.id.size() - 9);
}

} // namespace

std::string openDbDir(const std::string& catalogDir) {
  return catalogDir + "/opendb";
}

OpenDbCategoryLoad loadOpenDbCategory(const std::string& dir, const CategoryDescription& c,
                                      const std::atomic<bool>* stop) {
  OpenDbCategoryLoad out;
  out.category = c.category;
  if (!c.openDbFile || !c.fromOpenDb) return out;
  out.file = openDbFileOf(dir, c);
  Result<std::string> text = inflateOpenDbFile(out.file);
  if (!text) return out.unreadable = text.error().message(), out;
  std::size_t start = 0, lineNo = 0;
  while (start < text->size()) {
    if (stop && *stop) return out.stopped = true, out;
    std::size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    std::string line = text->substr(start, end - start);
    start = end + 1;
    ++lineNo;
    if (line.empty()) continue;
    ++out.rows;
    auto made = readOpenDbLine(line, out.file, lineNo, c);
    if (Part* p = std::get_if<Part>(&made))
      out.parts.push_back(std::move(*p));
    else
      out.rejected.push_back(std::get<OpenDbRejection>(std::move(made)));
  }
  return out;
}

OpenDbAudit addOpenDb(Catalog& catalog, const std::string& dir, const std::atomic<bool>* stop) {
  OpenDbAudit audit;
  const std::map<std::string, std::string> curatedRows = rowsNamedBy(catalog);
  for (const CategoryDescription* c : categories()) {
    OpenDbCategoryLoad load = loadOpenDbCategory(dir, *c, stop);
    std::vector<Part> keep;
    std::vector<std::map<std::string, std::string>> keptFigures; // comparable() of each kept part
    std::vector<std::pair<std::string, std::string>> aliases;    // row id, part id
    // Rows of one name: the first of each set of equal figures is the part.
    std::map<std::string, std::vector<std::size_t>> byName; // name key -> indices into keep
    for (Part& p : load.parts) {
      if (catalog.find(p.id)) continue; // read already, for a build that names it
      if (auto it = curatedRows.find(p.opendbId); it != curatedRows.end()) {
        load.curated.push_back({p.opendbId, it->second});
        aliases.push_back({p.id, it->second});
        continue;
      }
      std::vector<std::size_t>& same = byName[nameKey(p)];
      std::map<std::string, std::string> mine = comparable(p);
      bool folded = false;
      for (std::size_t k : same)
        if (keptFigures[k] == mine) {
          load.folded.push_back({p.id, keep[k].id});
          aliases.push_back({p.id, keep[k].id});
          folded = true;
          break;
        }
      if (folded) continue;
      if (!same.empty())
        load.disagreements.push_back(
            {p.name, {keep[same.front()].id, p.id}, differences(keptFigures[same.front()], mine)});
      same.push_back(keep.size());
      keep.push_back(std::move(p));
      keptFigures.push_back(std::move(mine));
    }
    load.parts.clear();
    for (const Error& e : catalog.addAll(std::move(keep)))
      load.rejected.push_back({e.file, 0, "", "", e.reason});
    for (const auto& [alias, id] : aliases)
      catalog.addAlias(alias, id);
    if (load.rows || !load.unreadable.empty()) audit.categories.push_back(std::move(load));
  }
  return audit;
}

bool looksLikeOpenDbId(const std::string& id) {
  if (id.size() < 10 || id[id.size() - 9] != '-') return false;
  for (std::size_t i = id.size() - 8; i < id.size(); ++i)
    if (!std::isxdigit(static_cast<unsigned char>(id[i])) ||
        std::isupper(static_cast<unsigned char>(id[i])))
      return false;
  return true;
}

std::vector<OpenDbRejection> addOpenDbParts(Catalog& catalog, const std::string& dir,
                                            const std::vector<std::string>& ids) {
  std::vector<OpenDbRejection> rejected;
  std::set<std::string> wanted;
  for (const std::string& id : ids)
    if (!catalog.find(id) && looksLikeOpenDbId(id)) wanted.insert(id);
  std::vector<Part> found;
  for (const CategoryDescription* c : categories()) {
    if (wanted.empty()) break;
    if (!c->openDbFile || !c->fromOpenDb) continue;
    std::string file = openDbFileOf(dir, *c);
    Result<std::string> text = inflateOpenDbFile(file);
    if (!text) continue; // the catalog's audit names an unreadable file; a build says "unknown"
    for (auto it = wanted.begin(); it != wanted.end();) {
      // Lines are written with sorted keys and no spaces: the row's uuid is found as text.
      const std::string key = "\"opendb_id\":\"" + it->substr(it->size() - 8);
      bool done = false;
      for (std::size_t at = text->find(key); at != std::string::npos && !done;
           at = text->find(key, at + 1)) {
        std::size_t start = text->rfind('\n', at);
        start = start == std::string::npos ? 0 : start + 1;
        std::size_t end = text->find('\n', at);
        if (end == std::string::npos) end = text->size();
        std::size_t lineNo = 1;
        for (std::size_t i = 0; i < start; ++i)
          lineNo += (*text)[i] == '\n';
        auto made = readOpenDbLine(text->substr(start, end - start), file, lineNo, *c);
        if (Part* p = std::get_if<Part>(&made)) {
          if (p->id != *it) continue; // another row sharing the uuid's first 8 digits
          found.push_back(std::move(*p));
          done = true;
        } else {
          OpenDbRejection& r = std::get<OpenDbRejection>(made);
          if (opendb::partId(r.name, r.opendbId) != *it) continue;
          rejected.push_back(std::move(r));
          done = true;
        }
      }
      it = done ? wanted.erase(it) : std::next(it);
    }
  }
  // A curated part that is the same product keeps its figures: the row's id finds it.
  const std::map<std::string, std::string> curatedRows = rowsNamedBy(catalog);
  std::vector<Part> add;
  std::vector<std::pair<std::string, std::string>> aliases;
  for (Part& p : found)
    if (auto it = curatedRows.find(p.opendbId); it != curatedRows.end())
      aliases.push_back({p.id, it->second});
    else
      add.push_back(std::move(p));
  catalog.addAll(std::move(add));
  for (const auto& [alias, id] : aliases)
    catalog.addAlias(alias, id);
  return rejected;
}

} // namespace rigfit
