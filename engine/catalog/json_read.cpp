#include "catalog/json_read.hpp"

#include "common/json_in.hpp"

namespace rigfit::json_read {

// Provenance: a figure or group is sourced by a key of "sources", or is an estimate that says
// how it was made. Exactly one of the two.
void readProvenance(const json& j, const std::string& path, const Part& part, std::string& source,
                    std::string& estimate) {
  bool hasSource = j.contains("source"), hasEstimate = j.contains("estimate");
  if (hasSource == hasEstimate)
    fail(path, hasSource ? "has both \"source\" and \"estimate\"; give one"
                         : "has no \"source\" or \"estimate\": every figure needs one");
  if (hasSource) {
    if (!j["source"].is_string()) fail(path + "/source", "must be a key of \"sources\"");
    source = j["source"].get<std::string>();
    if (!part.sources.count(source))
      fail(path + "/source", "\"" + source + "\" is not a key of \"sources\"");
  } else {
    if (!j["estimate"].is_string() || j["estimate"].get<std::string>().size() < 8)
      fail(path + "/estimate", "must say in words how the estimate was made");
    estimate = j["estimate"].get<std::string>();
  }
}

SlotGroup readSlotGroup(const json& j, const std::string& key, const Part& part) {
  SlotGroup g;
  std::string path = "/" + key;
  if (!j.contains(key)) return g;
  const json& grp = j[key];
  if (!grp.is_object() || !grp.contains("slots") || !grp["slots"].is_array())
    fail(path, "must be an object with a \"slots\" list");
  std::string source, estimate;
  readProvenance(grp, path, part, source, estimate);
  if (!estimate.empty()) g.estimates.push_back(key);
  json layout = json::object();
  if (grp.contains("layout_source")) layout["source"] = grp["layout_source"];
  if (grp.contains("layout_estimate")) layout["estimate"] = grp["layout_estimate"];
  std::string lsource, lestimate;
  readProvenance(layout, path + "/layout_source", part, lsource, lestimate);
  if (!lestimate.empty())
    g.estimates.push_back(key + " layout" +
                          (lestimate.rfind(kGuessedLayout, 0) == 0
                               ? std::string(" (") + kGuessedLayout + ")"
                               : std::string()));
  g.slots = &grp["slots"];
  return g;
}

std::string requireString(const json& j, const std::string& key, const std::string& path) {
  if (!j.contains(key)) fail(path + "/" + key, "missing");
  if (!j[key].is_string() || j[key].get<std::string>().empty())
    fail(path + "/" + key, "must be a non-empty string");
  return j[key].get<std::string>();
}

double requireNumber(const json& j, const std::string& key, const std::string& path, double min,
                     double max) {
  if (!j.contains(key)) fail(path + "/" + key, "missing");
  if (!j[key].is_number()) fail(path + "/" + key, "must be a number");
  double v = j[key].get<double>();
  if (!(v >= min && v <= max))
    fail(path + "/" + key, "must be between " + shortNumber(min) + " and " + shortNumber(max) +
                               " (got " + shortNumber(v) + ")");
  return v;
}

int requireInt(const json& j, const std::string& key, const std::string& path, int min, int max) {
  if (!j.contains(key)) fail(path + "/" + key, "missing");
  Result<std::int64_t> v = wholeNumber(j[key], min, max);
  if (!v) fail(path + "/" + key, v.error().reason);
  return static_cast<int>(*v);
}

} // namespace rigfit::json_read
