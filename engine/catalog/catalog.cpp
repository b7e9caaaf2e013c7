#include "catalog/catalog.hpp"

#include "catalog/part_json.hpp"

#include <algorithm>
#include <filesystem>

namespace rigfit {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> specFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".json") continue;
    if (e.path().parent_path().filename() == "schema") continue;
    files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace

Status Catalog::add(Part part) {
  if (byId_.count(part.id))
    return Error{part.file, "/id",
                 "\"" + part.id + "\" is already used by " + byId_.at(part.id)->file};
  std::string id = part.id;
  byId_[id] = std::make_shared<const Part>(std::move(part));
  reorder();
  return Ok{};
}

void Catalog::reorder() {
  ordered_.clear();
  for (const auto& [id, p] : byId_)
    ordered_.push_back(p.get());
  std::stable_sort(ordered_.begin(), ordered_.end(),
                   [](const Part* a, const Part* b) { return a->category < b->category; });
}

const Part* Catalog::find(const std::string& id) const {
  auto it = byId_.find(id);
  return it == byId_.end() ? nullptr : it->second.get();
}

Result<Catalog> Catalog::load(const std::string& dir) {
  return load(std::vector{dir});
}

Result<Catalog> Catalog::load(const std::vector<std::string>& dirs) {
  Catalog cat;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return Error{dir, "", "is not a folder of part specs"};
    for (const std::string& file : specFiles(dir)) {
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
  return cat;
}

std::vector<Error> validateCatalogDir(const std::string& dir, size_t* filesRead) {
  std::vector<Error> errors;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return {Error{dir, "", "is not a folder of part specs"}};
  std::map<std::string, std::string> seen;
  auto files = specFiles(dir);
  if (filesRead) *filesRead = files.size();
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
  }
  return errors;
}

} // namespace rigfit
