#include "catalog/part_json.hpp"

#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/json_read.hpp"
#include "catalog/shapes.hpp"
#include "common/json_in.hpp"

#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

namespace rigfit {
namespace {

using nlohmann::json;
using namespace json_read;

Part parse(const json& j) {
  if (!j.is_object()) fail("", "a part spec must be a JSON object");
  if (!j.contains("schema")) fail("/schema", "missing (this reader knows schema 1)");
  if (Result<std::int64_t> schema = wholeNumber(j["schema"], 1, kPartSchemaVersion); !schema)
    fail("/schema", schema.error().reason + ": the part schemas this rigfit reads");
  static const std::set<std::string> known = {
      "schema",     "id",        "name",       "category",        "part_numbers",
      "sources",    "figures",   "pcie_slots", "dimm_slots",      "m2_slots",
      "notes",      "mesh",      "fan_mounts", "radiator_mounts", "drive_bays",
      "removables", "opendb_id", "maker"};
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!known.count(it.key())) fail("/" + it.key(), "is not a field of a part spec");
  Part part;
  part.id = requireString(j, "id", "");
  for (char c : part.id)
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
      fail("/id", "may hold only a-z, 0-9 and '-' (got \"" + part.id + "\")");
  part.name = requireString(j, "name", "");
  if (j.contains("opendb_id")) {
    part.opendbId = requireString(j, "opendb_id", "");
    if (part.opendbId.size() != 36 || part.opendbId[8] != '-')
      fail("/opendb_id", "must be an OpenDB row's uuid, such as "
                         "\"00034350-61f0-4057-ad9d-9aaea84645d0\"");
  }
  if (j.contains("maker")) part.maker = requireString(j, "maker", "");
  if (j.contains("part_numbers")) {
    const json& numbers = j["part_numbers"];
    if (!numbers.is_array()) fail("/part_numbers", "must be a list of the maker's part numbers");
    for (size_t i = 0; i < numbers.size(); ++i) {
      if (!numbers[i].is_string())
        fail("/part_numbers/" + std::to_string(i), "must be a part number in quotes");
      part.partNumbers.push_back(numbers[i].get<std::string>());
    }
  }
  auto cat = categoryFromString(requireString(j, "category", ""));
  if (!cat) {
    std::vector<std::string> names;
    for (const CategoryDescription* d : categories())
      names.push_back(d->name);
    fail("/category", "must be one of " + joined(names));
  }
  part.category = *cat;
  if (!j.contains("sources") || !j["sources"].is_object())
    fail("/sources", "missing: an object naming each source by a short key");
  for (auto it = j["sources"].begin(); it != j["sources"].end(); ++it) {
    if (!it.value().is_string() || it.value().get<std::string>().size() < 8)
      fail("/sources/" + it.key(), "must cite where the figures come from");
    part.sources[it.key()] = it.value().get<std::string>();
  }
  FigureReader r(j, part);
  r.readFigures();
  if (j.contains("mesh")) {
    if (j["schema"].get<int>() < 2) fail("/mesh", "needs \"schema\": 2");
    readMesh(j["mesh"], part);
  }
  if (part.category == Category::Motherboard)
    readBoardSlots(j, part);
  else
    for (const char* g : {"pcie_slots", "dimm_slots", "m2_slots"})
      if (j.contains(g)) fail(std::string("/") + g, "only a motherboard has slots");
  for (const char* g : {"fan_mounts", "radiator_mounts", "drive_bays", "removables"}) {
    if (j.contains(g) && part.category != Category::Case)
      fail(std::string("/") + g, "only a case has places for fans, radiators, drives or "
                                 "pieces to take out");
    if (j.contains(g) && j["schema"].get<int>() < 2)
      fail(std::string("/") + g, "needs \"schema\": 2");
  }

  const CategoryDescription& category = describe(part.category);
  if (j["schema"].get<int>() < category.sinceSchema)
    fail("/category", std::string("a ") + category.name +
                          " needs \"schema\": " + std::to_string(category.sinceSchema));
  category.read(r, j, part);
  part.texts = r.textForms();
  r.finishTexts();
  buildShapes(part);
  return part;
}

} // namespace

Result<Part> parsePart(const json& j, const std::string& file) {
  try {
    Part p = parse(j);
    p.file = file;
    p.spec = std::make_shared<const json>(j);
    return p;
  } catch (const ParseError& e) {
    return Error{file, e.field, e.reason};
  } catch (const json::exception& e) {
    return Error{file, "", "unexpected JSON shape: " + withoutJsonPrefix(e.what())};
  }
}

Result<Part> withFigures(const Part& part, const std::map<std::string, double>& values,
                         FigureOrigin origin) {
  if (!part.spec) return Error{part.file, "", part.id + " has no spec to read again"};
  json j = *part.spec;
  for (const auto& [name, value] : values) {
    json& f = j["figures"][name];
    if (origin == FigureOrigin::Builder) {
      j["sources"][kBuilderSource] = "entered by the builder in the build file";
      f = json{{"value", value}, {"source", kBuilderSource}};
    } else {
      if (!f.is_object()) {
        // A figure its category's reader took where the spec gives none (a tower's RAM
        // clearance): tried as the estimate it is.
        auto taken = part.figures.find(name);
        if (taken == part.figures.end() || !taken->second.estimated())
          return Error{part.file, "/figures/" + name, "is not a figure of the part"};
        f = json{{"estimate", taken->second.estimate}};
      }
      f["value"] = value;
      f.erase("range"); // the value tried may be the band's end; the band is the caller's
      f.erase("range_why");
    }
  }
  Result<Part> p = parsePart(j, part.file);
  if (!p) return p.error();
  p->id = part.id; // folded OpenDB rows keep the id the catalog found them by
  p->tier = part.tier;
  return p;
}

Result<std::shared_ptr<const Part>> triedPart(const Part& part,
                                              const std::map<std::string, double>& values) {
  // Keyed by the spec (kept alive by the entry, so its address is not reused), the id the part
  // was found by, and the values.
  struct Entry {
    std::shared_ptr<const json> spec;
    std::shared_ptr<const Part> part;
  };
  static std::mutex mutex;
  static std::map<std::string, Entry> cache;
  constexpr std::size_t kMaxEntries = 4096;
  // The address and each value as their bytes (a value exactly, and nothing to format: the
  // check with ranges looks parts up here at every value it tries), each name ended by a NUL.
  auto bytes = [](std::string& to, const auto& v) {
    to.append(reinterpret_cast<const char*>(&v), sizeof v);
  };
  std::string key;
  key.reserve(sizeof(void*) + part.id.size() + 1 + values.size() * 32);
  bytes(key, static_cast<const void*>(part.spec.get()));
  (key += part.id) += '\0';
  for (const auto& [name, value] : values) {
    (key += name) += '\0';
    bytes(key, value);
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second.part;
  }
  Result<Part> made = withFigures(part, values, FigureOrigin::Trial);
  if (!made) return made.error();
  auto shared = std::make_shared<const Part>(std::move(made).value());
  std::lock_guard<std::mutex> lock(mutex);
  if (cache.size() >= kMaxEntries) cache.clear();
  cache[key] = {part.spec, shared};
  return shared;
}

Result<Part> loadPartFile(const std::string& path) {
  Result<json> j = loadJsonFile(path);
  if (!j) return j.error();
  return parsePart(*j, path);
}

} // namespace rigfit
