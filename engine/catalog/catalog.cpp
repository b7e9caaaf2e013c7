#include "catalog/catalog.hpp"

#include "catalog/part_json.hpp"
#include "common/file.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

namespace rigfit {
namespace fs = std::filesystem;

namespace {

// The part files under `dir`, sorted; an Error naming the folder or file that cannot be read
// (permission denied, a symlink loop). Symlinked folders are not followed, so a loop of them
// cannot make the walk endless.
Result<std::vector<std::string>> specFiles(const std::string& dir) {
  std::error_code ec;
  fs::file_status st = fs::status(dir, ec);
  if (ec) return Error{dir, "", openFailure(ec.value())};
  if (!fs::is_directory(st)) return Error{dir, "", "is not a folder of part specs"};
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) return Error{dir, "", openFailure(ec.value())};
  fs::path last; // the entry before a failed step: the folder it could not enter, or in
  for (; it != end; it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& e = *it;
    last = e.path();
    if (e.path().extension() != ".json") continue;
    if (e.path().parent_path().filename() == "schema") continue;
    std::error_code fe;
    if (!e.is_regular_file(fe)) {
      if (fe) return Error{e.path().string(), "", openFailure(fe.value())};
      continue; // a folder or a link to nothing named *.json
    }
    files.push_back(e.path().string());
  }
  if (ec) {
    std::error_code de;
    fs::path where = last.empty()                 ? fs::path(dir)
                     : fs::is_directory(last, de) ? last
                                                  : last.parent_path();
    return Error{where.string(), "", openFailure(ec.value())};
  }
  std::sort(files.begin(), files.end());
  return files;
}

// References between parts (an all-in-one's radiator) name a part of the right category.
std::vector<Error> crossReferences(const std::vector<const Part*>& all) {
  std::map<std::string, const Part*> parts;
  for (const Part* p : all)
    parts.emplace(p->id, p);
  std::vector<Error> errors;
  for (const Part* p : all) {
    if (!p->cooler || p->cooler->radiator.empty()) continue;
    auto it = parts.find(p->cooler->radiator);
    if (it == parts.end())
      errors.push_back({p->file, "/figures/radiator/value",
                        "no part \"" + p->cooler->radiator + "\" in the catalog"});
    else if (it->second->category != Category::Radiator)
      errors.push_back({p->file, "/figures/radiator/value",
                        "\"" + p->cooler->radiator + "\" is a " + toString(it->second->category) +
                            ", not a radiator"});
  }
  return errors;
}

} // namespace

// The catalog's order: by category, then id (ids are unique).
bool Catalog::inOrder(const Part* a, const Part* b) {
  return a->category != b->category ? a->category < b->category : a->id < b->id;
}

Status Catalog::add(Part part) {
  if (byId_.count(part.id))
    return Error{part.file, "/id",
                 "\"" + part.id + "\" is already used by " + byId_.at(part.id)->file};
  std::string id = part.id;
  const Part* added = (byId_[id] = std::make_shared<const Part>(std::move(part))).get();
  // In its place, as reorder() puts every part; and into the spreads.
  ordered_.insert(std::upper_bound(ordered_.begin(), ordered_.end(), added, inOrder), added);
  fold(*added);
  return Ok{};
}

std::vector<Error> Catalog::addAll(std::vector<Part> parts) {
  std::vector<Error> out;
  for (Part& part : parts) {
    if (byId_.count(part.id)) {
      out.push_back(
          {part.file, "/id", "\"" + part.id + "\" is already used by " + byId_.at(part.id)->file});
      continue;
    }
    std::string id = part.id;
    byId_[id] = std::make_shared<const Part>(std::move(part));
  }
  reorder();
  return out;
}

void Catalog::reorder() {
  ordered_.clear();
  for (const auto& [id, p] : byId_)
    ordered_.push_back(p.get());
  std::sort(ordered_.begin(), ordered_.end(), inOrder);
  spreads_.clear();
  for (const Part* p : ordered_)
    fold(*p);
}

void Catalog::fold(const Part& p) {
  if (p.tier != Tier::Curated) return;
  for (const auto& [name, figure] : p.figures) {
    if (figure.estimated() || p.texts.count(name)) continue;
    Spread& s = spreads_[p.category][name];
    s.lo = s.count ? std::min(s.lo, figure.value) : figure.value;
    s.hi = s.count ? std::max(s.hi, figure.value) : figure.value;
    ++s.count;
  }
}

Catalog::Spread Catalog::sourcedSpread(Category category, const std::string& figure) const {
  auto of = spreads_.find(category);
  if (of == spreads_.end()) return {};
  auto it = of->second.find(figure);
  return it == of->second.end() ? Spread{} : it->second;
}

const Part* Catalog::find(const std::string& id) const {
  auto it = byId_.find(id);
  if (it != byId_.end()) return it->second.get();
  auto a = aliases_.find(id);
  return a == aliases_.end() ? nullptr : find(a->second);
}

bool Catalog::addAlias(const std::string& alias, const std::string& id) {
  if (byId_.count(alias) || aliases_.count(alias) || !byId_.count(id)) return false;
  aliases_[alias] = id;
  return true;
}

Result<Catalog> Catalog::load(const std::string& dir) {
  return load(std::vector{dir});
}

Result<Catalog> Catalog::load(const std::vector<std::string>& dirs) {
  Catalog cat;
  for (const std::string& dir : dirs) {
    Result<std::vector<std::string>> files = specFiles(dir);
    if (!files) return files.error();
    for (const std::string& file : *files) {
      Result<Part> part = loadPartFile(file);
      if (!part) return part.error();
      // Keep the folder honest: parts/<category>/<id>.json.
      fs::path p(file);
      if (p.stem() != part->id)
        return Error{file, "/id",
                     "is \"" + part->id + "\" but the file is named " + p.filename().string()};
      Status added = cat.add(std::move(part).value());
      if (!added) return added.error();
    }
  }
  if (auto bad = crossReferences(cat.parts()); !bad.empty()) return bad.front();
  return cat;
}

std::vector<Error> validateCatalogDir(const std::string& dir, size_t* filesRead) {
  std::vector<Error> errors;
  Result<std::vector<std::string>> listed = specFiles(dir);
  if (!listed) return {listed.error()};
  const std::vector<std::string>& files = *listed;
  std::map<std::string, std::string> seen;
  std::vector<Part> read;
  if (filesRead) *filesRead = files.size();
  read.reserve(files.size());
  for (const std::string& file : files) {
    Result<Part> part = loadPartFile(file);
    if (!part) {
      errors.push_back(part.error());
      continue;
    }
    if (fs::path(file).stem() != part->id)
      errors.push_back(
          {file, "/id",
           "is \"" + part->id + "\" but the file is named " + fs::path(file).filename().string()});
    auto [it, fresh] = seen.emplace(part->id, file);
    if (!fresh)
      errors.push_back({file, "/id", "\"" + part->id + "\" is already used by " + it->second});
    read.push_back(std::move(part).value());
  }
  std::vector<const Part*> all;
  for (const Part& p : read)
    all.push_back(&p);
  for (Error& e : crossReferences(all))
    errors.push_back(std::move(e));
  return errors;
}

} // namespace rigfit
