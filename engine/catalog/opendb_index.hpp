#pragma once
// The OpenDB snapshot as a list of names: every part it gives, by id, name, maker, part numbers
// and category, and where its row is. Mapping all 29,454 rows into parts takes seconds and
// hundreds of megabytes; a builder searching for a card needs only the names, and then the
// handful of parts they pick. So the full mapping runs once per snapshot and program, and its
// listings are cached (a tab-separated file) for every later start; a part is read from its row
// when it is asked for.
#include "catalog/catalog.hpp"
#include "catalog/opendb.hpp"
#include "catalog/search.hpp"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rigfit {

class OpenDbIndex {
public:
  OpenDbIndex() = default;

  // Maps every row of the snapshot in `dir` beside the curated parts of `catalog` (whose
  // opendb_id rows and ids it leaves out, as addOpenDb does; OpenDB parts a build read into the
  // catalog change nothing): about 2-3 s.
  // `stop`, when set by another thread, ends the work early: the index is then incomplete and
  // not cached (a viewer closed while listing does not wait for it).
  static OpenDbIndex make(const Catalog& catalog, const std::string& dir,
                          const std::atomic<bool>* stop = nullptr);

  // The index from `cacheDir` when a cache made from this snapshot, this program and these
  // catalog parts is there; otherwise make() (calling `making` first, for a progress line) and
  // write it there (when `cacheDir` is not ""). `problem` (when given) says why the cache could
  // not be written, or is cleared.
  static OpenDbIndex open(const Catalog& catalog, const std::string& dir,
                          const std::string& cacheDir, std::string* problem = nullptr,
                          const std::function<void()>& making = {},
                          const std::atomic<bool>* stop = nullptr);

  // The index from `cacheDir` when a cache made from this snapshot, this program and these
  // catalog parts is there and whole; none otherwise (never the seconds make() takes). With
  // `only`, it lists only the parts those ids name (as resolve() finds them): what a build
  // needs, read in a fraction of the time the whole list takes.
  static std::optional<OpenDbIndex> openCached(const Catalog& catalog, const std::string& dir,
                                               const std::string& cacheDir,
                                               const std::vector<std::string>* only = nullptr);

  // The cache's name for this snapshot, program and catalog: what a cache must match.
  static std::string cacheKey(const Catalog& catalog, const std::string& dir);

  // The parts, by category then id.
  const std::vector<Listing>& listings() const { return listings_; }
  std::size_t size() const { return listings_.size(); }

  // The id of the part `id` names: a listed part's own, a folded row's part, or the curated
  // part that is the row's product. None for an id the index does not know.
  std::optional<std::string> resolve(const std::string& id) const;

  // Adds to `catalog` the parts among `ids` that the index knows and the catalog lacks, read
  // from their rows (and the ids of folded rows as aliases). A row that can no longer be read
  // (the snapshot changed under a running program) is an error naming its file and line.
  std::vector<Error> addTo(Catalog& catalog, const std::vector<std::string>& ids) const;

  // The text of the cache file and its reading: a file that is not one gives none.
  std::string serialize(const std::string& key) const;
  static std::optional<OpenDbIndex> parse(const std::string& text, const std::string& key,
                                          const std::string& dir,
                                          const std::vector<std::string>* only = nullptr);

private:
  struct Row {
    const CategoryDescription* category = nullptr;
    std::uint32_t line = 0;
  };
  // A snapshot file, inflated, with where each line begins.
  struct Inflated {
    std::string text;
    std::vector<std::uint64_t> starts;
  };

  // A snapshot file's text, inflated: from the copy kept in cacheDir_ (reading it is several
  // times faster than inflating), else inflated and kept there for the next time, with where
  // each of its lines begins.
  Result<std::string> inflated(const std::string& path) const;
  // Lines of a snapshot file (by number, from 1), read alone from the copy kept in cacheDir_
  // by where they begin: a few kilobytes, not the file. None when the copy or its line starts
  // are not there, or do not agree.
  std::optional<std::map<std::uint32_t, std::string>>
  keptLines(const std::string& path, const std::vector<std::uint32_t>& lines) const;
  std::string keptPath(const std::string& path) const; // "" without a cacheDir_

  std::string dir_;
  std::string cacheDir_; // "" when opened without one: every file is inflated when needed
  std::vector<Listing> listings_;
  std::vector<Row> rows_; // one a listing
  // Where the listing of `id` is. The listings are by category, then id: a binary search in
  // each category's run (made on the first call), which building a map of 27,000 ids (10 ms)
  // for the dozen a build names would not repay.
  std::optional<std::size_t> indexOf(const std::string& id) const;
  mutable std::vector<std::size_t> runs_;      // where each category's run begins, then the end
  std::map<std::string, std::string> aliases_; // a row's id -> the part it is
  mutable std::map<std::string, Inflated> files_;
  mutable std::map<std::string, Error> unreadable_; // files that could not be inflated
  bool complete_ = true; // every snapshot file was read, to its end (else it is not cached)
};

// Every part a builder can pick: the catalog's own, and those of `index` it lacks, by category
// then id.
Listings allListings(const Catalog& catalog, const OpenDbIndex* index);

} // namespace rigfit
