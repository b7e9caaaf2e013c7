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

  // The least and most sourced values of a numeric figure over the curated parts of a
  // category, and how many there are: a figure no maker states (estimated, or given as text)
  // is not counted. Kept as parts are added, so the check with ranges reads it without
  // walking the catalog.
  struct Spread {
    double lo = 0, hi = 0;
    int count = 0;
  };
  Spread sourcedSpread(Category category, const std::string& figure) const;

private:
  static bool inOrder(const Part* a, const Part* b); // by category, then id
  void reorder();              // every part in order, and the spreads made again
  void fold(const Part& part); // a part's sourced figures into the spreads
  std::map<std::string, std::shared_ptr<const Part>> byId_;
  std::vector<const Part*> ordered_;
  std::map<Category, std::map<std::string, Spread, std::less<>>> spreads_;
  std::map<std::string, std::string> aliases_;
};

// Every error in the catalog folder, one per bad file, for `rigfit parts validate`.
std::vector<Error> validateCatalogDir(const std::string& dir, size_t* filesRead = nullptr);

} // namespace rigfit
