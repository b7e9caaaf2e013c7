#pragma once
// The catalog: every part spec under a folder (parts/<category>/<id>.json), by id.
#include "catalog/part.hpp"
#include "common/result.hpp"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace rigfit {

class Catalog {
public:
  // Loads every *.json below `dir` except the schema folder. All or nothing: the first bad file
  // is the error, naming the file, the field and why.
  static Result<Catalog> load(const std::string& dir);
  // The same over several folders, in order: the catalog, then a user's own parts. An id used
  // twice is an error naming both files.
  static Result<Catalog> load(const std::vector<std::string>& dirs);

  // Adds one parsed part; fails if its id is taken.
  Status add(Part part);
  // Adds many at once; each part whose id is taken is left out, with its Error.
  std::vector<Error> addAll(std::vector<Part> parts);

  // A part by its id, or by the id of a row folded into it (an OpenDB duplicate).
  const Part* find(const std::string& id) const;
  // Makes `alias` find the part `id` (which must be in the catalog); false if `alias` is taken.
  bool addAlias(const std::string& alias, const std::string& id);
  const std::map<std::string, std::string>& aliases() const { return aliases_; }
  const std::vector<const Part*>& parts() const { return ordered_; } // by category, then id
  size_t size() const { return ordered_.size(); }

private:
  void reorder();
  std::map<std::string, std::shared_ptr<const Part>> byId_;
  std::vector<const Part*> ordered_;
  std::map<std::string, std::string> aliases_;
};

// Every error in the catalog folder, one per bad file, for `rigfit parts validate`.
std::vector<Error> validateCatalogDir(const std::string& dir, size_t* filesRead = nullptr);

} // namespace rigfit
