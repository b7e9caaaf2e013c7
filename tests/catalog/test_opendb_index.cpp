// The OpenDB snapshot as names: the listings a full mapping gives, kept in a cache between
// starts, and a part read from its row only when it is asked for.
#include "catalog/opendb_index.hpp"
#include "common/file.hpp"
#include "support/fixtures.hpp"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <unistd.h>

using namespace rigfit;
using namespace rigfit::test;
namespace fs = std::filesystem;

namespace {

const std::string& snapshotDir() {
  static const std::string dir = sourcePath("parts/opendb");
  return dir;
}

// The whole snapshot mapped into the catalog, as `rigfit parts audit` does.
const Catalog& fullLoad() {
  static const Catalog c = [] {
    Catalog out = seedCatalog();
    addOpenDb(out, snapshotDir());
    return out;
  }();
  return c;
}

const OpenDbIndex& index() {
  static const OpenDbIndex i = OpenDbIndex::make(seedCatalog(), snapshotDir());
  return i;
}

struct TempDir {
  fs::path path;
  TempDir() {
    char name[] = "/tmp/rigfit-index-test.XXXXXX";
    path = mkdtemp(name);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

} // namespace

TEST_CASE("opendb index: lists exactly the parts the full mapping adds, aliases included",
          "[catalog][opendb]") {
  std::set<std::string> loaded, listed;
  for (const Part* p : fullLoad().parts())
    if (p->tier == Tier::OpenDb) loaded.insert(p->id);
  for (const Listing& l : index().listings()) {
    CHECK(l.tier == Tier::OpenDb);
    listed.insert(l.id);
    const Part* p = fullLoad().find(l.id);
    REQUIRE(p);
    CHECK(l.name == p->name);
    CHECK(l.maker == p->maker);
    CHECK(l.partNumbers == p->partNumbers);
    CHECK(l.category == p->category);
  }
  CHECK(listed == loaded);
  CHECK(index().size() >= 20000);
  // Every folded row and every row a curated part names finds the part the full load finds.
  std::size_t aliases = 0;
  for (const auto& [alias, id] : fullLoad().aliases()) {
    INFO(alias);
    REQUIRE(index().resolve(alias));
    CHECK(*index().resolve(alias) == id);
    ++aliases;
  }
  CHECK(aliases > 500);
  CHECK_FALSE(index().resolve("no-such-part-0123abcd"));
  // Every listing is found by its id (a binary search in its category's run of listings).
  size_t found = 0;
  for (const Listing& l : index().listings())
    found += index().resolve(l.id) == l.id;
  CHECK(found == index().size());
}

TEST_CASE("opendb index: a part read from its row is the part the full mapping made",
          "[catalog][opendb]") {
  // Every 250th listing, so each category's file is read.
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < index().size(); i += 250)
    ids.push_back(index().listings()[i].id);
  Catalog c = seedCatalog();
  CHECK(index().addTo(c, ids).empty());
  std::set<Category> seen;
  for (const std::string& id : ids) {
    INFO(id);
    const Part* mine = c.find(id);
    const Part* full = fullLoad().find(id);
    REQUIRE(mine);
    REQUIRE(full);
    seen.insert(mine->category);
    CHECK(mine->file == full->file);
    CHECK(mine->sources == full->sources);
    CHECK(mine->texts == full->texts);
    REQUIRE(mine->figures.size() == full->figures.size());
    for (const auto& [name, f] : full->figures) {
      CHECK(mine->figures.at(name).value == f.value);
      CHECK(mine->figures.at(name).estimate == f.estimate);
    }
    CHECK(mine->solids.size() == full->solids.size());
    CHECK(mine->mounts.size() == full->mounts.size());
  }
  CHECK(seen.size() == 9);
  // A folded row's id finds its part, and a curated product's row the curated part.
  for (const auto& [alias, id] : fullLoad().aliases()) {
    Catalog d = seedCatalog();
    CHECK(index().addTo(d, {alias}).empty());
    REQUIRE(d.find(alias));
    CHECK(d.find(alias)->id == id);
    break;
  }
  const std::string xcRow =
      "evga-geforce-rtx-2060-xc-gaming-06g-p4-2063-kr-6gb-gddr6-hdb-fan-8d254602";
  CHECK(index().addTo(c, {xcRow}).empty());
  REQUIRE(c.find(xcRow));
  CHECK(c.find(xcRow)->id == "evga-rtx2060-xc");
  // An id nobody lists is left alone: the build that names it says it is unknown.
  std::size_t before = c.size();
  CHECK(index().addTo(c, {"no-such-part-0123abcd"}).empty());
  CHECK(c.size() == before);
}

TEST_CASE("opendb index: the cache text reads back the same, and a damaged one is not trusted",
          "[catalog][opendb][bad-input]") {
  const std::string key = "0123456789abcdef";
  std::string text = index().serialize(key);
  std::optional<OpenDbIndex> back = OpenDbIndex::parse(text, key, snapshotDir());
  REQUIRE(back);
  REQUIRE(back->size() == index().size());
  for (std::size_t i = 0; i < back->size(); i += 97) {
    const Listing &a = back->listings()[i], &b = index().listings()[i];
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.maker == b.maker);
    CHECK(a.partNumbers == b.partNumbers);
    CHECK(a.category == b.category);
  }
  Catalog c = seedCatalog();
  const std::string suprim = "msi-suprim-x-geforce-rtx-4090-24-gb-d745581d";
  CHECK(back->addTo(c, {suprim}).empty());
  REQUIRE(c.find(suprim));
  CHECK(c.find(suprim)->figures.at("length_mm").value == Approx(336));

  // Another program's or snapshot's cache, one cut short, one without its end, a line that is
  // not a listing, an unknown category, a line number that is not one: made again.
  CHECK_FALSE(OpenDbIndex::parse(text, "fedcba9876543210", snapshotDir()));
  CHECK_FALSE(OpenDbIndex::parse(text.substr(0, text.size() / 2), key, snapshotDir()));
  CHECK_FALSE(OpenDbIndex::parse(text.substr(0, text.size() - 4), key, snapshotDir()));
  CHECK_FALSE(OpenDbIndex::parse(text + "after the end\n", key, snapshotDir()));
  std::string header = text.substr(0, text.find('\n') + 1);
  CHECK(OpenDbIndex::parse(header + "end\n", key, snapshotDir())); // an empty snapshot
  CHECK_FALSE(OpenDbIndex::parse(header + "nonsense\nend\n", key, snapshotDir()));
  CHECK_FALSE(
      OpenDbIndex::parse(header + "P\tspaceship\t3\tx-1\tX\tY\t\nend\n", key, snapshotDir()));
  CHECK_FALSE(OpenDbIndex::parse(header + "P\tgpu\tthree\tx-1\tX\tY\t\nend\n", key, snapshotDir()));
  CHECK_FALSE(OpenDbIndex::parse(header + "P\tgpu\t0\tx-1\tX\tY\t\nend\n", key, snapshotDir()));
  CHECK_FALSE(OpenDbIndex::parse(header + "P\tgpu\t3\tx-1\tX\\q\tY\t\nend\n", key, snapshotDir()));
  CHECK_FALSE(OpenDbIndex::parse("", key, snapshotDir()));
  CHECK_FALSE(OpenDbIndex::parse(std::string(1000, '\0'), key, snapshotDir()));
}

TEST_CASE("opendb index: read for a build's ids only, it finds the same parts as the whole list",
          "[catalog][opendb]") {
  const std::string key = "0123456789abcdef";
  const std::string text = index().serialize(key);
  const std::string suprim = "msi-suprim-x-geforce-rtx-4090-24-gb-d745581d";
  const std::string xcRow =
      "evga-geforce-rtx-2060-xc-gaming-06g-p4-2063-kr-6gb-gddr6-hdb-fan-8d254602";
  REQUIRE_FALSE(fullLoad().aliases().empty());
  // A folded row's id, whose part is another row's.
  std::string folded, foldedInto;
  for (const auto& [alias, id] : fullLoad().aliases())
    if (index().resolve(id) && *index().resolve(id) == id && !seedCatalog().find(id)) {
      folded = alias, foldedInto = id;
      break;
    }
  REQUIRE_FALSE(folded.empty());
  const std::vector<std::string> ids{suprim, xcRow, folded, "no-such-part-0123abcd"};
  std::optional<OpenDbIndex> some = OpenDbIndex::parse(text, key, snapshotDir(), &ids);
  REQUIRE(some);
  // The listings of the part asked for and of the part the folded row is: no others (the XC's
  // row is the curated XC's product, an alias to it and no listing).
  std::set<std::string> listed;
  for (const Listing& l : some->listings())
    listed.insert(l.id);
  CHECK(listed == std::set<std::string>{suprim, foldedInto});
  CHECK(some->resolve(folded) == foldedInto);
  CHECK(some->resolve(xcRow) == std::optional<std::string>("evga-rtx2060-xc"));
  CHECK_FALSE(some->resolve("no-such-part-0123abcd"));
  // Read through either, the catalog gains the same parts.
  Catalog viaSome = seedCatalog(), viaAll = seedCatalog();
  CHECK(some->addTo(viaSome, ids).empty());
  CHECK(index().addTo(viaAll, ids).empty());
  CHECK(viaSome.size() == viaAll.size());
  for (const std::string& id : ids) {
    INFO(id);
    REQUIRE(static_cast<bool>(viaSome.find(id)) == static_cast<bool>(viaAll.find(id)));
    if (viaAll.find(id)) CHECK(viaSome.find(id)->id == viaAll.find(id)->id);
  }
  // A cache cut short is not trusted, whatever is asked of it.
  CHECK_FALSE(OpenDbIndex::parse(text.substr(0, text.size() - 4), key, snapshotDir(), &ids));
}

TEST_CASE("opendb index: made once, kept in the cache, read back on the next start",
          "[catalog][opendb]") {
  TempDir cache;
  const Catalog& seed = seedCatalog();
  std::string problem;
  int made = 0;
  auto making = [&] { ++made; };
  OpenDbIndex first = OpenDbIndex::open(seed, snapshotDir(), cache.path.string(), &problem, making);
  CHECK(made == 1);
  CHECK(problem.empty());
  const fs::path file =
      cache.path / ("opendb-index-" + OpenDbIndex::cacheKey(seed, snapshotDir()) + ".tsv");
  CHECK(fs::exists(file));
  OpenDbIndex second =
      OpenDbIndex::open(seed, snapshotDir(), cache.path.string(), &problem, making);
  CHECK(made == 1); // read, not made
  CHECK(second.size() == first.size());
  CHECK(second.size() == index().size());
  size_t found = 0;
  for (const Listing& l : second.listings())
    found += second.resolve(l.id) == l.id;
  CHECK(found == second.size());

  // A part read from its row: the snapshot's file inflated once and kept beside the listings,
  // then read from that copy; the part is the same either way.
  const std::string card = "msi-suprim-x-geforce-rtx-4090-24-gb-d745581d";
  Catalog fromInflated = seed, fromKept = seed;
  CHECK(first.addTo(fromInflated, {card}).empty());
  // The copy, and where its lines begin: a build's few rows are read alone from it.
  size_t kept = 0, starts = 0;
  for (const auto& e : fs::directory_iterator(cache.path)) {
    const std::string name = e.path().filename().string();
    kept += name.starts_with("opendb-rows-") && name.ends_with(".jsonl");
    starts += name.starts_with("opendb-rows-") && name.ends_with(".jsonl.starts");
  }
  CHECK(kept == 1);
  CHECK(starts == 1);
  CHECK(second.addTo(fromKept, {card}).empty());
  REQUIRE(fromInflated.find(card));
  REQUIRE(fromKept.find(card));
  CHECK(fromKept.find(card)->figures.at("length_mm").value ==
        fromInflated.find(card)->figures.at("length_mm").value);
  CHECK(fromKept.find(card)->name == fromInflated.find(card)->name);
  // And it is the copy that is read: a copy whose row no longer names the card is said to be
  // a changed snapshot.
  // Line starts that do not agree with the copy (cut, or pointing into a line) are not trusted:
  // the copy is read whole, and the card is the same.
  for (const std::string& bad : {std::string(7, '\x01'), std::string(64, '\x05')}) {
    for (const auto& e : fs::directory_iterator(cache.path))
      if (e.path().filename().string().ends_with(".starts"))
        REQUIRE(writeFileAtomic(e.path().string(), bad));
    OpenDbIndex again = OpenDbIndex::open(seed, snapshotDir(), cache.path.string(), &problem);
    Catalog fromWhole = seed;
    CHECK(again.addTo(fromWhole, {card}).empty());
    REQUIRE(fromWhole.find(card));
    CHECK(fromWhole.find(card)->name == fromInflated.find(card)->name);
    // Written again from the copy, for the next start.
    for (const auto& e : fs::directory_iterator(cache.path))
      if (e.path().filename().string().ends_with(".starts")) {
        Result<std::string> now = readFileText(e.path().string(), 1u << 20);
        REQUIRE(now);
        CHECK(*now != bad);
        CHECK(now->size() % 8 == 0);
      }
  }
  for (const auto& e : fs::directory_iterator(cache.path)) {
    if (!e.path().filename().string().starts_with("opendb-rows-") ||
        !e.path().filename().string().ends_with(".jsonl"))
      continue;
    Result<std::string> text = readFileText(e.path().string(), 256u << 20);
    REQUIRE(text);
    // The card's row (its id ends in its row's uuid), its name changed.
    const size_t row = text->rfind('\n', text->find("d745581d")) + 1;
    const size_t at = text->find("SUPRIM", row);
    REQUIRE(at < text->find('\n', row));
    std::string changed = *text;
    changed.replace(at, 6, "SUPREM");
    REQUIRE(writeFileAtomic(e.path().string(), changed));
  }
  OpenDbIndex reread =
      OpenDbIndex::open(seed, snapshotDir(), cache.path.string(), &problem, making);
  Catalog fromChanged = seed;
  std::vector<Error> errors = reread.addTo(fromChanged, {card});
  REQUIRE(errors.size() == 1);
  CHECK_THAT(errors[0].message(), Catch::Contains("the snapshot changed"));

  // The key follows what the listings depend on: the catalog's parts (a curated part naming a
  // row keeps the row out) and the snapshot's files.
  // A part a builder made under an id of their own changes nothing; one that names a row does.
  Catalog more = seed;
  Part mine = *seed.find("evga-rtx2060-xc");
  mine.id = "my-own-card";
  mine.opendbId.clear();
  REQUIRE(more.add(mine));
  CHECK(OpenDbIndex::cacheKey(more, snapshotDir()) == OpenDbIndex::cacheKey(seed, snapshotDir()));
  Part naming = mine;
  naming.id = "my-own-card-2";
  naming.opendbId = "00034350-61f0-4057-ad9d-9aaea84645d0";
  REQUIRE(more.add(naming));
  CHECK(OpenDbIndex::cacheKey(more, snapshotDir()) != OpenDbIndex::cacheKey(seed, snapshotDir()));
  CHECK(OpenDbIndex::cacheKey(seed, "/elsewhere") != OpenDbIndex::cacheKey(seed, snapshotDir()));
  // The OpenDB parts a build read into the catalog change neither the key nor the listings:
  // every build of OpenDB parts uses the one cache. Its part is listed once.
  Catalog withBuild = seed;
  const std::string suprim = "msi-suprim-x-geforce-rtx-4090-24-gb-d745581d";
  CHECK(addOpenDbParts(withBuild, snapshotDir(), {suprim}).empty());
  REQUIRE(withBuild.find(suprim));
  CHECK(OpenDbIndex::cacheKey(withBuild, snapshotDir()) ==
        OpenDbIndex::cacheKey(seed, snapshotDir()));
  OpenDbIndex forBuild =
      OpenDbIndex::open(withBuild, snapshotDir(), cache.path.string(), &problem, making);
  CHECK(made == 1);
  CHECK(forBuild.size() == first.size());
  Listings listed = allListings(withBuild, &forBuild);
  CHECK(listed.all.size() == seed.size() + forBuild.size());
  CHECK(std::count_if(listed.all.begin(), listed.all.end(),
                      [&](const Listing* l) { return l->id == suprim; }) == 1);

  // A damaged cache file is made again and written over.
  REQUIRE(writeFileAtomic(file.string(), "rigfit-opendb-index 2\tnot the key\n"));
  OpenDbIndex third = OpenDbIndex::open(seed, snapshotDir(), cache.path.string(), &problem, making);
  CHECK(made == 2);
  CHECK(third.size() == first.size());
  OpenDbIndex fourth =
      OpenDbIndex::open(seed, snapshotDir(), cache.path.string(), &problem, making);
  CHECK(made == 2);
  CHECK(problem.empty());
}

TEST_CASE("opendb index: a snapshot file that cannot be read is not kept as empty",
          "[catalog][opendb][bad-input]") {
  TempDir snap, cache;
  fs::copy_file(fs::path(snapshotDir()) / "GPU.jsonl.gz", snap.path / "GPU.jsonl.gz");
  fs::create_directory(snap.path / "PSU.jsonl.gz"); // a folder where the PSUs' file should be
  int made = 0;
  OpenDbIndex i = OpenDbIndex::open(seedCatalog(), snap.path.string(), cache.path.string(), nullptr,
                                    [&] { ++made; });
  CHECK(i.size() > 3000); // the cards
  CHECK(fs::is_empty(cache.path));
  // Made again on the next start, once the file can be read.
  OpenDbIndex again = OpenDbIndex::open(seedCatalog(), snap.path.string(), cache.path.string(),
                                        nullptr, [&] { ++made; });
  CHECK(made == 2);
}

TEST_CASE("opendb index: stopped early (a viewer closing), nothing is kept", "[catalog][opendb]") {
  TempDir cache;
  std::atomic<bool> stop{true};
  OpenDbIndex i =
      OpenDbIndex::open(seedCatalog(), snapshotDir(), cache.path.string(), nullptr, {}, &stop);
  CHECK(i.size() == 0);
  CHECK(fs::is_empty(cache.path));
}

TEST_CASE("opendb index: no cache folder to write is said, and the listings are complete",
          "[catalog][opendb][bad-input]") {
  TempDir tmp;
  const fs::path notAFolder = tmp.path / "a-file";
  REQUIRE(writeFileAtomic(notAFolder.string(), "x"));
  std::string problem;
  OpenDbIndex i = OpenDbIndex::open(seedCatalog(), snapshotDir(), notAFolder.string(), &problem);
  CHECK(problem.find("could not keep the list") != std::string::npos);
  CHECK(problem.find("a-file") != std::string::npos);
  CHECK(i.size() == index().size());
}

TEST_CASE("opendb index: a row that changed under a running program is an error naming its line",
          "[catalog][opendb][bad-input]") {
  TempDir snap;
  fs::copy_file(fs::path(snapshotDir()) / "GPU.jsonl.gz", snap.path / "GPU.jsonl.gz");
  OpenDbIndex gpus = OpenDbIndex::make(seedCatalog(), snap.path.string());
  REQUIRE(gpus.size() > 3000);
  const std::string id = gpus.listings()[10].id;
  const OpenDbIndex untouched = gpus; // has read no file yet
  // The file replaced by another category's rows: the listed line is no longer that card.
  fs::copy_file(fs::path(snapshotDir()) / "PSU.jsonl.gz", snap.path / "GPU.jsonl.gz",
                fs::copy_options::overwrite_existing);
  Catalog c = seedCatalog();
  std::vector<Error> errors = gpus.addTo(c, {id});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file.find("GPU.jsonl.gz:") != std::string::npos);
  CHECK(errors[0].reason.find("snapshot changed") != std::string::npos);
  CHECK_FALSE(c.find(id));
  // And a file gone altogether: its name and why.
  fs::remove(snap.path / "GPU.jsonl.gz");
  OpenDbIndex fresh = OpenDbIndex::make(seedCatalog(), snap.path.string());
  CHECK(fresh.size() == 0);
  std::vector<Error> gone = untouched.addTo(c, {id});
  REQUIRE(gone.size() == 1);
  CHECK(gone[0].message().find("GPU.jsonl.gz") != std::string::npos);
}
