#include "support/fixtures.hpp"

#include "assembly/build_json.hpp"
#include "catalog/opendb.hpp"
#include "catalog/part_json.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace rigfit::test {
namespace fs = std::filesystem;
using nlohmann::json;

std::string sourcePath(const std::string& rel) {
  return std::string(RIGFIT_SOURCE_DIR) + "/" + rel;
}

namespace {

std::map<std::string, json> seedJson() {
  std::map<std::string, json> out;
  for (const auto& e : fs::recursive_directory_iterator(sourcePath("parts"))) {
    if (e.path().extension() != ".json" || e.path().parent_path().filename() == "schema") continue;
    std::ifstream in(e.path());
    json j = json::parse(in);
    out[j["id"].get<std::string>()] = j;
  }
  return out;
}

} // namespace

json partJson(const std::string& id) {
  static const std::map<std::string, json> seed = seedJson();
  auto it = seed.find(id);
  REQUIRE(it != seed.end());
  return it->second;
}

void setFigure(json& part, const std::string& name, const json& value) {
  part["sources"]["test"] = "a test fixture that sets this figure";
  part["figures"][name] = {{"value", value}, {"source", "test"}};
}

Catalog catalogWith(const std::vector<json>& parts) {
  std::map<std::string, json> all = seedJson();
  for (const json& p : parts)
    all[p["id"].get<std::string>()] = p;
  Catalog c;
  for (const auto& [id, j] : all) {
    Result<Part> p = parsePart(j, "parts/" + id + ".json");
    INFO((p ? "" : p.error().message()));
    REQUIRE(p.ok());
    REQUIRE(c.add(std::move(p).value()).ok());
  }
  return c;
}

const Catalog& seedCatalog() {
  static const Catalog c = catalogWith();
  return c;
}

Catalog catalogFor(const Build& b) {
  Catalog c = seedCatalog();
  std::vector<std::string> ids;
  for (const Instance& in : b.instances)
    ids.push_back(in.part);
  REQUIRE(addOpenDbParts(c, sourcePath("parts/opendb"), ids).empty());
  return c;
}

Build scene(const std::string& name) {
  Result<Build> b = loadBuildFile(sourcePath("scenes/" + name + ".json"));
  REQUIRE(b.ok());
  return *b;
}

Build with(Build b, const Instance& added) {
  b.instances.push_back(added);
  return b;
}

Build without(Build b, const std::string& id) {
  std::erase_if(b.instances, [&](const Instance& i) { return i.id == id || i.parent == id; });
  return b;
}

Build remounted(Build b, const std::string& id, const std::string& mount) {
  for (Instance& i : b.instances)
    if (i.id == id) i.mount = mount;
  return b;
}

Build swapped(Build b, const std::string& id, const std::string& part) {
  for (Instance& i : b.instances)
    if (i.id == id) i.part = part;
  return b;
}

Build fiveFansNhD15() {
  return without(swapped(scene("article-fans"), "cooler", "noctua-nh-d15"), "fan3");
}

Assembly assembled(const Build& b, const Catalog& c) {
  Result<Assembly> a = assemble(b, c);
  INFO((a ? "" : a.error().message()));
  REQUIRE(a.ok());
  return *a;
}

FitResult checked(const Build& b, const Catalog& c, const FitSettings& s) {
  Assembly a = assembled(b, c);
  return check(a, s);
}

std::vector<Finding> findings(const FitResult& r, const std::string& check,
                              const std::string& part) {
  std::vector<Finding> out;
  for (const Finding& f : r.findings)
    if (f.check == check &&
        (part.empty() || std::find(f.parts.begin(), f.parts.end(), part) != f.parts.end()))
      out.push_back(f);
  return out;
}

Finding only(const FitResult& r, const std::string& check, const std::string& part) {
  std::vector<Finding> f = findings(r, check, part);
  INFO("check " << check << " part " << part);
  REQUIRE(f.size() == 1);
  return f.front();
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v)
    out += (out.empty() ? "" : "; ") + s;
  return out;
}

const Trial& at(const std::vector<Trial>& trials, const std::string& mount) {
  for (const Trial& t : trials)
    if (t.mount == mount) return t;
  FAIL("no trial at " << mount);
  return trials.front();
}

} // namespace rigfit::test
