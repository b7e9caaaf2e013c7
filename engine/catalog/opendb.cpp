#include "catalog/opendb.hpp"

#include "catalog/opendb_row.hpp"
#include "catalog/part_json.hpp"
#include "common/file.hpp"
#include "common/gzip.hpp"
#include "common/json_in.hpp"

#include <map>

namespace rigfit {

OpenDbCategoryLoad loadOpenDbCategory(const std::string& dir, const CategoryDescription& c) {
  OpenDbCategoryLoad out;
  out.category = c.category;
  if (!c.openDbFile || !c.fromOpenDb) return out;
  out.file = dir + "/" + c.openDbFile + ".jsonl.gz";
  Result<std::string> bytes = readFileText(out.file, kMaxOpenDbCompressedBytes);
  if (!bytes) return out.unreadable = bytes.error().message(), out;
  Result<std::string> text = gunzip(*bytes, out.file, kMaxOpenDbInflatedBytes);
  if (!text) return out.unreadable = text.error().message(), out;
  std::size_t start = 0, lineNo = 0;
  while (start < text->size()) {
    std::size_t end = text->find('\n', start);
    if (end == std::string::npos) end = text->size();
    std::string line = text->substr(start, end - start);
    start = end + 1;
    ++lineNo;
    if (line.empty()) continue;
    ++out.rows;
    std::string where = out.file + ":" + std::to_string(lineNo);
    OpenDbRejection reject{out.file, lineNo, "", "", ""};
    Result<nlohmann::json> row = parseJsonText(line, where);
    if (!row) {
      reject.reason = "not a JSON object: " + row.error().reason;
      out.rejected.push_back(std::move(reject));
      continue;
    }
    if (!row->is_object()) {
      reject.reason = "not a JSON object";
      out.rejected.push_back(std::move(reject));
      continue;
    }
    reject.opendbId = opendb::uuid(*row);
    reject.name = opendb::name(*row);
    if (reject.opendbId.size() != 36 || reject.name.empty()) {
      reject.reason = reject.opendbId.size() != 36 ? "no opendb_id" : "no name";
      out.rejected.push_back(std::move(reject));
      continue;
    }
    nlohmann::json spec;
    std::string why;
    if (!c.fromOpenDb(*row, spec, why)) {
      reject.reason = why;
      out.rejected.push_back(std::move(reject));
      continue;
    }
    Result<Part> part = parsePart(spec, where);
    if (!part) {
      // The reader's words name the rigfit figure; the row's own field is beside it.
      const Error& e = part.error();
      reject.reason = (e.field.empty() ? "" : e.field + ": ") + e.reason;
      out.rejected.push_back(std::move(reject));
      continue;
    }
    part->tier = Tier::OpenDb;
    out.parts.push_back(std::move(part).value());
  }
  return out;
}

OpenDbAudit addOpenDb(Catalog& catalog, const std::string& dir) {
  OpenDbAudit audit;
  std::map<std::string, std::string> curatedRows; // uuid -> curated id
  for (const Part* p : catalog.parts())
    if (!p->opendbId.empty()) curatedRows[p->opendbId] = p->id;
  for (const CategoryDescription* c : categories()) {
    OpenDbCategoryLoad load = loadOpenDbCategory(dir, *c);
    std::vector<Part> keep;
    for (Part& p : load.parts) {
      if (auto it = curatedRows.find(p.opendbId); it != curatedRows.end())
        audit.curated.push_back({p.opendbId, it->second});
      else
        keep.push_back(std::move(p));
    }
    load.parts.clear();
    for (const Error& e : catalog.addAll(std::move(keep)))
      load.rejected.push_back({e.file, 0, "", "", e.reason});
    if (load.rows || !load.unreadable.empty()) audit.categories.push_back(std::move(load));
  }
  return audit;
}

} // namespace rigfit
