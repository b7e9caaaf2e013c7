#include "assembly/build_json.hpp"

#include "common/file.hpp"
#include "common/json_in.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <set>

namespace rigfit {

using nlohmann::json;

Result<Build> parseBuild(const json& j, const std::string& file) {
  if (!j.is_object()) return Error{file, "", "a build must be a JSON object"};
  if (!j.contains("rigfit_build"))
    return Error{file, "/rigfit_build", "missing: is this a rigfit build file?"};
  Result<std::int64_t> format = wholeNumber(j["rigfit_build"], 1, kBuildFormatVersion);
  if (!format)
    return Error{file, "/rigfit_build",
                 format.error().reason + ": the build formats this rigfit reads"};
  const int version = static_cast<int>(*format);
  static const std::set<std::string> known = {"rigfit_build", "name", "parts", "notes"};
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!known.count(it.key())) return Error{file, "/" + it.key(), "is not a field of a build"};
  Build b;
  if (j.contains("notes")) b.notes = j["notes"].dump(); // kept, whatever it holds
  if (j.contains("name")) {
    if (!j["name"].is_string()) return Error{file, "/name", "must be a string"};
    b.name = j["name"].get<std::string>();
  }
  if (!j.contains("parts") || !j["parts"].is_array())
    return Error{file, "/parts", "missing: a list of the build's parts"};
  const json& parts = j["parts"];
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string path = "/parts/" + std::to_string(i);
    const json& p = parts[i];
    if (!p.is_object()) return Error{file, path, "must be an object with id, part and on"};
    for (auto it = p.begin(); it != p.end(); ++it)
      if (it.key() != "id" && it.key() != "part" && it.key() != "on" && it.key() != "options" &&
          it.key() != "figures")
        return Error{file, path + "/" + it.key(),
                     "is not a field of a build part (id, part, on, options, figures)"};
    Instance in;
    for (const char* key : {"id", "part"}) {
      if (!p.contains(key) || !p[key].is_string() || p[key].get<std::string>().empty())
        return Error{file, path + "/" + key, "missing or not a string"};
    }
    in.id = p["id"].get<std::string>();
    in.part = p["part"].get<std::string>();
    if (p.contains("on")) {
      if (!p["on"].is_string()) return Error{file, path + "/on", "must be \"instance/mount\""};
      std::string on = p["on"].get<std::string>();
      size_t slash = on.find('/');
      if (slash == std::string::npos || slash == 0 || slash + 1 == on.size())
        return Error{file, path + "/on",
                     "must be \"instance/mount\", like \"board/PCIEX16_1\" (got \"" + on + "\")"};
      in.parent = on.substr(0, slash);
      in.mount = on.substr(slash + 1);
    }
    if (p.contains("options")) {
      if (version < 2) return Error{file, path + "/options", "needs \"rigfit_build\": 2"};
      const json& o = p["options"];
      if (!o.is_object())
        return Error{file, path + "/options", "must be an object of named settings"};
      for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().is_number())
          return Error{file, path + "/options/" + it.key(), "must be a number"};
        in.options[it.key()] = it.value().get<double>();
      }
    }
    if (p.contains("figures")) {
      if (version < 3) return Error{file, path + "/figures", "needs \"rigfit_build\": 3"};
      const json& o = p["figures"];
      if (!o.is_object() || o.empty())
        return Error{file, path + "/figures",
                     "must be an object of figures you looked up, such as {\"height_mm\": 126}"};
      for (auto it = o.begin(); it != o.end(); ++it) {
        if (!it.value().is_number() || !std::isfinite(it.value().get<double>()))
          return Error{file, path + "/figures/" + it.key(), "must be a number"};
        in.figures[it.key()] = it.value().get<double>();
      }
    }
    b.instances.push_back(in);
  }
  return b;
}

Result<Build> loadBuildFile(const std::string& path) {
  Result<json> j = loadJsonFile(path);
  if (!j) return j.error();
  return parseBuild(*j, path);
}

json toJson(const Build& build) {
  json parts = json::array();
  int format = 2; // what builds were written as before format 3
  for (const Instance& in : build.instances) {
    json p = {{"id", in.id}, {"part", in.part}};
    if (!in.parent.empty()) p["on"] = in.parent + "/" + in.mount;
    if (!in.options.empty()) p["options"] = in.options;
    if (!in.figures.empty()) p["figures"] = in.figures;
    format = std::max(format, !in.figures.empty() ? 3 : !in.options.empty() ? 2 : 1);
    parts.push_back(p);
  }
  json out{{"rigfit_build", format}, {"name", build.name}, {"parts", parts}};
  if (!build.notes.empty()) out["notes"] = json::parse(build.notes);
  return out;
}

Status saveBuildFile(const Build& build, const std::string& path) {
  return writeFileAtomic(path, toJson(build).dump(2) + "\n");
}

Result<LoadedBuild> loadAndAssemble(const std::string& path, const Catalog& catalog) {
  Result<Build> b = loadBuildFile(path);
  if (!b) return b.error();
  Result<Assembly> a = assemble(*b, catalog, path);
  if (!a) return a.error();
  return LoadedBuild{std::move(b).value(), std::move(a).value()};
}

} // namespace rigfit
