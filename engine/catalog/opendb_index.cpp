#include "catalog/opendb_index.hpp"

#include "common/file.hpp"
#include "common/parallel.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <string_view>
#include <variant>

namespace fs = std::filesystem;

namespace rigfit {
namespace {

// Bumped whenever the cache file's layout changes.
constexpr const char* kCacheMagic = "rigfit-opendb-index 2";
constexpr char kListSeparator = '\x1f';

// A name as one field of the cache: a tab, line break, list separator or backslash inside is
// written as a backslash and a letter, and read back.
std::string field(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '\\':
      out += "\\\\";
      break;
    case '\t':
      out += "\\t";
      break;
    case '\n':
      out += "\\n";
      break;
    case '\r':
      out += "\\r";
      break;
    case kListSeparator:
      out += "\\s";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::optional<std::string> unfield(std::string_view s) {
  if (s.find('\\') == std::string_view::npos) return std::string(s);
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') {
      out += s[i];
      continue;
    }
    if (++i == s.size()) return std::nullopt;
    switch (s[i]) {
    case '\\':
      out += '\\';
      break;
    case 't':
      out += '\t';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 's':
      out += kListSeparator;
      break;
    default:
      return std::nullopt;
    }
  }
  return out;
}

// The fields of one line, as views into it.
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t end = s.find(sep);
    out.push_back(s.substr(0, end));
    if (end == std::string_view::npos) return out;
    s.remove_prefix(end + 1);
  }
}

// FNV-1a, 64 bits: a cache's name, not a defence against anyone.
std::uint64_t fnv(const std::string& s, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s)
    h = (h ^ c) * 1099511628211ull;
  return h;
}

// What changes when a file changes: its size and time, or "missing".
std::string stamp(const fs::path& p) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  if (ec) return "missing";
  auto time = fs::last_write_time(p, ec);
  if (ec) return "missing";
  return std::to_string(size) + "@" + std::to_string(time.time_since_epoch().count());
}

} // namespace

std::string OpenDbIndex::cacheKey(const Catalog& catalog, const std::string& dir) {
  // The program: its mapping made the listings, so a rebuilt program makes them again.
  std::string all = kCacheMagic;
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  all += "|" + (ec ? std::string("unknown") : self.string() + " " + stamp(self));
  all += "|" + fs::absolute(dir, ec).string();
  for (const CategoryDescription* c : categories())
    if (c->openDbFile) all += "|" + std::string(c->openDbFile) + " " + stamp(openDbFileOf(dir, *c));
  // The catalog's own parts that change the listings: one naming a row keeps that row out, one
  // whose id is a row's takes its place. (Not the OpenDB parts a build read in, nor a part a
  // builder made under another id: the listings are the same with them.)
  for (const Part* p : catalog.parts())
    if (p->tier != Tier::OpenDb && (!p->opendbId.empty() || looksLikeOpenDbId(p->id)))
      all += "|" + p->id + " " + p->opendbId;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv(all)));
  return hex;
}

OpenDbIndex OpenDbIndex::make(const Catalog& catalog, const std::string& dir,
                              const std::atomic<bool>* stop) {
  OpenDbIndex out;
  out.dir_ = dir;
  // The catalog's own parts, without the OpenDB parts a build read in: the listings depend on
  // the snapshot and the curated parts alone (cacheKey).
  Catalog all;
  for (const Part* p : catalog.parts())
    if (p->tier != Tier::OpenDb) all.add(*p);
  OpenDbAudit audit = addOpenDb(all, dir, stop);
  if (stop && *stop) out.complete_ = false;
  // A file that is not there is an empty category, as the key says; one that is there and
  // cannot be read (permissions, a disk error) may be read next time.
  for (const OpenDbCategoryLoad& c : audit.categories) {
    std::error_code ec;
    if (!c.unreadable.empty() && fs::exists(c.file, ec)) out.complete_ = false;
  }
  for (const Part* p : all.parts()) {
    if (p->tier != Tier::OpenDb) continue;
    std::size_t colon = p->file.rfind(':');
    out.listings_.push_back(listingOf(*p));
    out.rows_.push_back({&describe(p->category),
                         static_cast<std::uint32_t>(std::stoul(p->file.substr(colon + 1)))});
  }
  out.aliases_ = all.aliases(); // the catalog's own parts name none
  return out;
}

std::string OpenDbIndex::serialize(const std::string& key) const {
  std::string out = std::string(kCacheMagic) + "\t" + key + "\n";
  for (std::size_t i = 0; i < listings_.size(); ++i) {
    const Listing& l = listings_[i];
    std::string numbers;
    for (const std::string& n : l.partNumbers)
      numbers += (numbers.empty() ? "" : std::string(1, kListSeparator)) + field(n);
    out += "P\t" + std::string(rows_[i].category->name) + "\t" + std::to_string(rows_[i].line) +
           "\t" + field(l.id) + "\t" + field(l.name) + "\t" + field(l.maker) + "\t" + numbers +
           "\n";
  }
  for (const auto& [alias, id] : aliases_)
    out += "A\t" + field(alias) + "\t" + field(id) + "\n";
  return out + "end\n";
}

std::optional<OpenDbIndex> OpenDbIndex::parse(const std::string& text, const std::string& key,
                                              const std::string& dir,
                                              const std::vector<std::string>* only) {
  OpenDbIndex out;
  out.dir_ = dir;
  // With `only`: the ids asked for and the parts their aliases name, as written in the file.
  // The aliases come last; each is found by its text before the listings are read.
  std::set<std::string, std::less<>> asked, wanted;
  if (only)
    for (const std::string& id : *only) {
      asked.insert(field(id));
      wanted.insert(field(id));
      const std::string alias = "\nA\t" + field(id) + "\t";
      if (std::size_t at = text.find(alias); at != std::string::npos) {
        const std::size_t from = at + alias.size();
        wanted.insert(text.substr(from, text.find('\n', from) - from));
      }
    }
  // A listing line's id: its fourth field.
  auto idOf = [](std::string_view line) {
    for (int tabs = 0; tabs < 3; ++tabs) {
      std::size_t t = line.find('\t');
      if (t == std::string_view::npos) return std::string_view();
      line.remove_prefix(t + 1);
    }
    return line.substr(0, line.find('\t'));
  };
  std::string_view rest = text;
  auto nextLine = [&]() -> std::optional<std::string_view> {
    std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) return std::nullopt; // cut short
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    return line;
  };
  std::optional<std::string_view> line = nextLine();
  if (!line || *line != std::string(kCacheMagic) + "\t" + key) return std::nullopt;
  std::map<std::string_view, const CategoryDescription*> named;
  for (const CategoryDescription* c : categories())
    if (c->openDbFile) named[c->name] = c;
  while ((line = nextLine())) {
    if (*line == "end") return rest.empty() ? std::optional(std::move(out)) : std::nullopt;
    if (only && line->substr(0, 2) == "P\t" && !wanted.count(idOf(*line))) continue;
    std::vector<std::string_view> f = split(*line, '\t');
    if (f[0] == "P" && f.size() == 7) {
      auto c = named.find(f[1]);
      unsigned long n = 0;
      for (char d : f[2]) {
        if (d < '0' || d > '9' || n > 100000000) return std::nullopt;
        n = n * 10 + static_cast<unsigned>(d - '0');
      }
      if (c == named.end() || n == 0 || f[3].empty()) return std::nullopt;
      std::optional<std::string> id = unfield(f[3]), name = unfield(f[4]), maker = unfield(f[5]);
      if (!id || !name || !maker) return std::nullopt;
      Listing l{std::move(*id),      std::move(*name), std::move(*maker), {},
                c->second->category, Tier::OpenDb};
      if (!f[6].empty())
        for (std::string_view number : split(f[6], kListSeparator)) {
          std::optional<std::string> pn = unfield(number);
          if (!pn) return std::nullopt;
          l.partNumbers.push_back(std::move(*pn));
        }
      out.listings_.push_back(std::move(l));
      out.rows_.push_back({c->second, static_cast<std::uint32_t>(n)});
    } else if (f[0] == "A" && f.size() == 3) {
      if (only && !asked.count(f[1])) continue;
      std::optional<std::string> alias = unfield(f[1]), id = unfield(f[2]);
      if (!alias || !id) return std::nullopt;
      out.aliases_[std::move(*alias)] = std::move(*id);
    } else {
      return std::nullopt;
    }
  }
  return std::nullopt; // no "end": cut short
}

std::optional<OpenDbIndex> OpenDbIndex::openCached(const Catalog& catalog, const std::string& dir,
                                                   const std::string& cacheDir,
                                                   const std::vector<std::string>* only) {
  if (cacheDir.empty()) return std::nullopt;
  const std::string key = cacheKey(catalog, dir);
  const std::string file = cacheDir + "/opendb-index-" + key + ".tsv";
  Result<std::string> text = readFileText(file, 64u << 20);
  if (!text) return std::nullopt;
  std::optional<OpenDbIndex> index = parse(*text, key, dir, only);
  if (!index) return std::nullopt;
  std::error_code ec; // used now: kept by the clean-up of lists nobody uses
  fs::last_write_time(file, fs::file_time_type::clock::now(), ec);
  index->cacheDir_ = cacheDir;
  return index;
}

OpenDbIndex OpenDbIndex::open(const Catalog& catalog, const std::string& dir,
                              const std::string& cacheDir, std::string* problem,
                              const std::function<void()>& making, const std::atomic<bool>* stop) {
  if (problem) problem->clear();
  if (std::optional<OpenDbIndex> cached = openCached(catalog, dir, cacheDir))
    return std::move(*cached);
  std::string key = cacheKey(catalog, dir);
  std::string file = cacheDir.empty() ? "" : cacheDir + "/opendb-index-" + key + ".tsv";
  if (making) making();
  OpenDbIndex index = make(catalog, dir, stop);
  index.cacheDir_ = cacheDir;
  // A file that could not be read (a disk error, permissions) is not remembered as empty.
  if (file.empty() || !index.complete_) return index;
  std::error_code ec;
  fs::create_directories(cacheDir, ec);
  if (Status written = writeFileAtomic(file, index.serialize(key)); !written) {
    if (problem)
      *problem = "could not keep the list of OpenDB parts (" + written.error().message() +
                 "): each start lists them again";
    return index;
  }
  // Lists not used for a week (each use renews its time): made for earlier snapshots or
  // programs.
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(cacheDir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if ((name.rfind("opendb-index-", 0) != 0 && name.rfind("opendb-rows-", 0) != 0) ||
        it->path() == file)
      continue;
    std::error_code age;
    fs::file_time_type used = fs::last_write_time(it->path(), age);
    if (!age && used < now && now - used > std::chrono::hours(24 * 7)) fs::remove(it->path(), age);
  }
  return index;
}

std::optional<std::size_t> OpenDbIndex::indexOf(const std::string& id) const {
  if (runs_.empty()) {
    for (std::size_t i = 0; i < listings_.size(); ++i)
      if (i == 0 || listings_[i].category != listings_[i - 1].category) runs_.push_back(i);
    runs_.push_back(listings_.size());
  }
  for (std::size_t r = 0; r + 1 < runs_.size(); ++r) {
    auto first = listings_.begin() + static_cast<std::ptrdiff_t>(runs_[r]);
    auto last = listings_.begin() + static_cast<std::ptrdiff_t>(runs_[r + 1]);
    auto it = std::lower_bound(first, last, id,
                               [](const Listing& l, const std::string& v) { return l.id < v; });
    if (it != last && it->id == id) return static_cast<std::size_t>(it - listings_.begin());
  }
  return std::nullopt;
}

std::optional<std::string> OpenDbIndex::resolve(const std::string& id) const {
  if (indexOf(id)) return id;
  if (auto a = aliases_.find(id); a != aliases_.end()) return a->second;
  return std::nullopt;
}

std::string OpenDbIndex::keptPath(const std::string& path) const {
  if (cacheDir_.empty()) return "";
  std::error_code ec;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(
                    fnv(kCacheMagic + fs::absolute(path, ec).string() + stamp(path))));
  return cacheDir_ + "/opendb-rows-" + hex + ".jsonl";
}

namespace {

// Where each line of `text` begins.
std::vector<std::uint64_t> lineStarts(const std::string& text) {
  std::vector<std::uint64_t> starts{0};
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
    if (at + 1 < text.size()) starts.push_back(at + 1);
  return starts;
}

// The line starts as the kept file holds them: one 8-byte offset a line, in this machine's
// byte order (starts that do not agree with the copy, as another machine's would not, are
// dropped and written again: keptLines).
std::string startsFile(const std::string& text) {
  const std::vector<std::uint64_t> starts = lineStarts(text);
  return std::string(reinterpret_cast<const char*>(starts.data()),
                     starts.size() * sizeof(std::uint64_t));
}

} // namespace

Result<std::string> OpenDbIndex::inflated(const std::string& path) const {
  std::error_code ec;
  const std::string kept = keptPath(path);
  if (!kept.empty())
    if (Result<std::string> text = readFileText(kept, 256u << 20)) {
      fs::last_write_time(kept, fs::file_time_type::clock::now(), ec); // used: kept a week more
      if (!fs::exists(kept + ".starts", ec))
        (void)writeFileAtomic(kept + ".starts", startsFile(*text));
      return text;
    }
  Result<std::string> text = inflateOpenDbFile(path);
  // Not kept is no loss: the next start inflates it again. The line starts go second: a copy
  // without them is read whole.
  if (text && !kept.empty() && writeFileAtomic(kept, *text))
    (void)writeFileAtomic(kept + ".starts", startsFile(*text));
  return text;
}

std::optional<std::map<std::uint32_t, std::string>>
OpenDbIndex::keptLines(const std::string& path, const std::vector<std::uint32_t>& lines) const {
  const std::string kept = keptPath(path);
  if (kept.empty()) return std::nullopt;
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(kept, ec);
  if (ec) return std::nullopt;
  Result<std::string> raw = readFileText(kept + ".starts", 64u << 20);
  if (!raw) return std::nullopt;
  // Line starts that do not agree with the copy are dropped: the copy is read whole, and the
  // starts written again from it (inflated()).
  auto distrust = [&]() -> std::optional<std::map<std::uint32_t, std::string>> {
    fs::remove(kept + ".starts", ec);
    return std::nullopt;
  };
  if (raw->empty() || raw->size() % sizeof(std::uint64_t) != 0) return distrust();
  std::vector<std::uint64_t> starts(raw->size() / sizeof(std::uint64_t));
  std::memcpy(starts.data(), raw->data(), raw->size());
  std::ifstream in(kept, std::ios::binary);
  if (!in) return std::nullopt;
  std::map<std::uint32_t, std::string> out;
  for (std::uint32_t line : lines) {
    if (line == 0 || line > starts.size()) return distrust();
    const std::uint64_t begin = starts[line - 1];
    const std::uint64_t end = line < starts.size() ? starts[line] : size;
    if (begin >= end || end > size) return distrust();
    std::string text(static_cast<std::size_t>(end - begin), '\0');
    if (!in.seekg(static_cast<std::streamoff>(begin)) ||
        !in.read(text.data(), static_cast<std::streamsize>(text.size())))
      return std::nullopt;
    // Each line but the last ends in its line break, and holds no other.
    if (line < starts.size() && text.back() != '\n') return distrust();
    if (text.back() == '\n') text.pop_back();
    if (text.empty() || text.find('\n') != std::string::npos) return distrust();
    out.emplace(line, std::move(text));
  }
  fs::last_write_time(kept, fs::file_time_type::clock::now(), ec); // used: kept a week more
  fs::last_write_time(kept + ".starts", fs::file_time_type::clock::now(), ec);
  return out;
}

std::vector<Error> OpenDbIndex::addTo(Catalog& catalog, const std::vector<std::string>& ids) const {
  std::vector<Error> errors;
  std::vector<std::pair<std::string, std::string>> aliases;
  // The rows to read: each part once. A file many are read from (--alternatives over every
  // card) is inflated once, whole; a few rows (a build's) are read alone from the kept copy.
  struct Wanted {
    std::string id;
    const Row* row;
    std::string path;
    std::optional<std::string_view> text; // none: the file has no such line
  };
  std::vector<Wanted> wanted;
  std::set<std::string> taken;
  std::map<std::string, std::vector<std::uint32_t>> linesOf; // by file
  for (const std::string& id : ids) {
    if (catalog.find(id)) continue;
    std::optional<std::string> to = resolve(id);
    if (!to) continue;
    if (*to != id) aliases.push_back({id, *to});
    std::optional<std::size_t> at = indexOf(*to);
    if (catalog.find(*to) || !at || !taken.insert(*to).second) continue;
    const Row& row = rows_[*at];
    std::string path = openDbFileOf(dir_, *row.category);
    linesOf[path].push_back(row.line);
    wanted.push_back({*to, &row, path, std::nullopt});
  }
  constexpr std::size_t kFewRows = 64;
  std::map<std::string, std::map<std::uint32_t, std::string>> alone; // lines read alone
  std::set<std::string> skipped; // files that could not be read, said once
  for (const auto& [path, lines] : linesOf) {
    if (files_.count(path)) continue;
    if (lines.size() <= kFewRows)
      if (auto some = keptLines(path, lines)) {
        alone.emplace(path, std::move(*some));
        continue;
      }
    if (auto bad = unreadable_.find(path); bad != unreadable_.end()) {
      errors.push_back(bad->second); // said once, not inflated again
      skipped.insert(path);
      continue;
    }
    Result<std::string> text = inflated(path);
    if (!text) {
      unreadable_.emplace(path, text.error());
      errors.push_back(text.error());
      skipped.insert(path);
      continue;
    }
    std::vector<std::uint64_t> starts = lineStarts(*text);
    files_.emplace(path, Inflated{std::move(*text), std::move(starts)});
  }
  std::vector<Wanted> readable;
  for (Wanted& w : wanted) {
    if (skipped.count(w.path)) continue;
    const std::uint32_t line = w.row->line;
    if (auto a = alone.find(w.path); a != alone.end()) {
      if (auto l = a->second.find(line); l != a->second.end()) w.text = l->second;
    } else {
      const Inflated& in = files_.at(w.path);
      if (line <= in.starts.size() && in.starts[line - 1] < in.text.size()) {
        const std::size_t begin = in.starts[line - 1];
        const std::size_t end = in.text.find('\n', begin);
        w.text = std::string_view(in.text).substr(
            begin, end == std::string::npos ? std::string::npos : end - begin);
      }
    }
    readable.push_back(std::move(w));
  }
  wanted = std::move(readable);
  // Reading a row is the slow part (about 60 us): over the cores, for the thousands of cards
  // --alternatives tries.
  std::vector<std::optional<Part>> read(wanted.size());
  std::vector<std::optional<Error>> failed(wanted.size());
  parallelFor(wanted.size(), [&](std::size_t i) {
    const Wanted& w = wanted[i];
    const std::uint32_t line = w.row->line;
    std::string where = w.path + ":" + std::to_string(line);
    if (!w.text) {
      failed[i] = Error{where, "", "the snapshot changed: no such line (run again)"};
      return;
    }
    auto made = readOpenDbLine(std::string(*w.text), w.path, line, *w.row->category);
    Part* p = std::get_if<Part>(&made);
    if (!p || p->id != w.id)
      failed[i] = Error{where, "", "the snapshot changed: the line is no longer " + w.id};
    else
      read[i] = std::move(*p);
  });
  std::vector<Part> add;
  add.reserve(wanted.size());
  for (std::size_t i = 0; i < wanted.size(); ++i)
    if (read[i])
      add.push_back(std::move(*read[i]));
    else
      errors.push_back(std::move(*failed[i]));
  for (Error& e : catalog.addAll(std::move(add)))
    errors.push_back(std::move(e));
  for (const auto& [alias, id] : aliases)
    catalog.addAlias(alias, id);
  return errors;
}

Listings allListings(const Catalog& catalog, const OpenDbIndex* index) {
  Listings out;
  out.own.reserve(catalog.size());
  for (const Part* p : catalog.parts())
    out.own.push_back(listingOf(*p));
  out.all.reserve(catalog.size() + (index ? index->size() : 0));
  for (const Listing& l : out.own)
    out.all.push_back(&l);
  if (index)
    for (const Listing& l : index->listings())
      if (!catalog.find(l.id)) out.all.push_back(&l);
  // Both runs are in order already (the catalog's parts, the index's listings).
  std::inplace_merge(out.all.begin(), out.all.begin() + static_cast<std::ptrdiff_t>(catalog.size()),
                     out.all.end(), [](const Listing* a, const Listing* b) {
                       return a->category != b->category ? a->category < b->category
                                                         : a->id < b->id;
                     });
  return out;
}

} // namespace rigfit
