// Reading a case's places for fans, radiators and drives (which panel or bay takes what, and
// where), and the pieces a builder may take out.
#include "catalog/json_read.hpp"
#include "catalog/shapes.hpp"
#include "common/json_in.hpp"

#include <set>

namespace rigfit::json_read {
namespace {

// The span a place must leave inside the case for the largest thing it takes, along the panel
// and across it: a fan is square; a radiator class of n fans of 120 or 140 mm (240, 280, 360,
// 420...) is as long as its class and as wide as one fan.
struct Span {
  double along, across;
};
Span spanOf(int size, bool radiator) {
  if (!radiator || size <= 140) return {double(size), double(size)};
  return {double(size), size % 140 == 0 ? 140.0 : 120.0};
}

// A place's name, unique in its group, and its list of what it takes.
std::string placeName(const json& s, const std::string& path, std::set<std::string>& names) {
  std::string name = requireString(s, "name", path);
  if (!names.insert(name).second) fail(path + "/name", "\"" + name + "\" is used twice");
  return name;
}
const json& placeSizes(const json& s, const std::string& path, const std::string& like) {
  if (!s.contains("sizes") || !s["sizes"].is_array() || s["sizes"].empty())
    fail(path + "/sizes", "must list what it takes, like " + like);
  return s["sizes"];
}

void readPanelPlaces(const json& j, Part& part, const std::string& key, bool radiator,
                     std::vector<PanelPlace>& out, std::vector<std::string>& estimates) {
  SlotGroup g = readSlotGroup(j, key, part);
  if (!g.slots) return;
  estimates = g.estimates;
  double D = part.figures.at("interior_depth_mm").value;
  double H = part.figures.at("interior_height_mm").value;
  if (!part.chassis->sideKnown)
    fail("/" + key, "places need the side panel's position: give max_cpu_cooler_mm or "
                    "interior_width_mm");
  double Z = sidePanelZ(part);
  int smallest = radiator ? 120 : 40, largestAllowed = radiator ? 560 : 200;
  const char* what = radiator ? "radiator class" : "fan size";
  std::set<std::string> names;
  for (size_t i = 0; i < g.slots->size(); ++i) {
    const json& s = (*g.slots)[i];
    std::string path = "/" + key + "/slots/" + std::to_string(i);
    PanelPlace m;
    m.name = placeName(s, path, names);
    m.panel = requireString(s, "panel", path);
    bool upright = m.panel == "front" || m.panel == "rear";
    if (!upright && m.panel != "top" && m.panel != "bottom")
      fail(path + "/panel", "must be front, rear, top or bottom (got \"" + m.panel + "\")");
    const json& sizes =
        placeSizes(s, path, std::string(radiator ? "[240, 280, 360]" : "[120, 140]") + " (mm)");
    Span largest{0, 0};
    for (size_t k = 0; k < sizes.size(); ++k) {
      const json& v = sizes[k];
      Result<std::int64_t> size = wholeNumber(v, smallest, largestAllowed);
      if (!size)
        fail(path + "/sizes/" + std::to_string(k),
             std::string("a ") + what + " in mm " + size.error().reason);
      m.sizes.push_back(static_cast<int>(*size));
      Span sp = spanOf(m.sizes.back(), radiator);
      largest = {std::max(largest.along, sp.along), std::max(largest.across, sp.across)};
    }
    // The centre on the panel: height and depth into the case on the front or rear, front-to-back
    // and depth on the top or bottom. The largest thing it takes must fit inside the interior.
    const char* along = upright ? "y_mm" : "x_mm";
    double alongMax = upright ? H : D;
    if (alongMax < largest.along || Z < largest.across)
      fail(path + "/sizes", "a " + shortNumber(largest.along) + " mm " +
                                (radiator ? "radiator" : "fan") +
                                " does not fit inside the case (" + shortNumber(alongMax) + " x " +
                                shortNumber(Z) + " mm on this panel)");
    m.a = requireNumber(s, along, path, largest.along / 2, alongMax - largest.along / 2);
    m.b = requireNumber(s, "z_mm", path, largest.across / 2, Z - largest.across / 2);
    if (s.contains("inset_mm")) m.inset = requireNumber(s, "inset_mm", path, 0, 100);
    out.push_back(m);
  }
}

// "removables": pieces a builder may take out, each with the limits published while it is in.
void readRemovables(const json& j, Part& part) {
  if (!j.contains("removables")) return;
  const json& list = j["removables"];
  if (!list.is_array()) fail("/removables", "must be a list of pieces a builder may take out");
  CaseInfo& c = *part.chassis;
  for (size_t i = 0; i < list.size(); ++i) {
    const json& r = list[i];
    std::string path = "/removables/" + std::to_string(i);
    if (!r.is_object()) fail(path, "must be an object with name, what and limits");
    CaseRemovable x;
    x.name = requireString(r, "name", path);
    for (char ch : x.name)
      if (!(std::islower(static_cast<unsigned char>(ch)) || ch == '_'))
        fail(path + "/name", "may hold only a-z and '_' (got \"" + x.name + "\")");
    for (const CaseRemovable& o : c.removables)
      if (o.name == x.name) fail(path + "/name", "\"" + x.name + "\" is used twice");
    x.what = requireString(r, "what", path);
    if (!r.contains("limits") || !r["limits"].is_object() || r["limits"].empty())
      fail(path + "/limits", "must give the limits the case publishes with this piece in");
    for (auto it = r["limits"].begin(); it != r["limits"].end(); ++it) {
      std::string fpath = path + "/limits/" + it.key();
      bool gpu = it.key() == "max_gpu_length_mm";
      if (!gpu && it.key() != "max_psu_length_mm")
        fail(fpath, "is not a limit a piece sets (max_gpu_length_mm, max_psu_length_mm)");
      const json& f = it.value();
      if (!f.is_object()) fail(fpath, "must be an object with \"value\" and a source or estimate");
      std::string source, estimate;
      readProvenance(f, fpath, part, source, estimate);
      // With the piece in, the room is no larger than the case's own limit without it.
      const std::optional<double>& own = gpu ? c.maxGpuLengthMm : c.maxPsuLengthMm;
      double v = requireNumber(f, "value", fpath, 80, own.value_or(600));
      (gpu ? x.maxGpuLengthMm : x.maxPsuLengthMm) = v;
      if (!estimate.empty()) x.estimates.push_back(it.key());
    }
    c.removables.push_back(x);
  }
}

void readDriveBays(const json& j, Part& part) {
  CaseInfo& c = *part.chassis;
  SlotGroup g = readSlotGroup(j, "drive_bays", part);
  if (!g.slots) return;
  c.driveBayEstimates = g.estimates;
  double D = part.figures.at("interior_depth_mm").value;
  double H = part.figures.at("interior_height_mm").value;
  if (!c.sideKnown)
    fail("/drive_bays", "places need the side panel's position: give max_cpu_cooler_mm or "
                        "interior_width_mm");
  double Z = sidePanelZ(part);
  std::set<std::string> names;
  for (size_t i = 0; i < g.slots->size(); ++i) {
    const json& s = (*g.slots)[i];
    std::string path = "/drive_bays/slots/" + std::to_string(i);
    DriveBayPlace b;
    b.name = placeName(s, path, names);
    const json& sizes = placeSizes(s, path, "[\"3.5in\", \"2.5in\"]");
    for (size_t k = 0; k < sizes.size(); ++k) {
      const json& v = sizes[k];
      if (!v.is_string() || (v != "2.5in" && v != "3.5in"))
        fail(path + "/sizes/" + std::to_string(k), "must be \"2.5in\" or \"3.5in\"");
      b.sizes.push_back(v.get<std::string>());
    }
    // Behind the tray (z < 0) is where many cases put their 2.5" sleds.
    b.x = requireNumber(s, "x_mm", path, 0, D);
    b.y = requireNumber(s, "y_mm", path, 0, H);
    b.z = requireNumber(s, "z_mm", path, -Z, Z);
    c.driveBays.push_back(b);
  }
}

} // namespace

void readCasePlaces(const json& j, Part& part) {
  CaseInfo& c = *part.chassis;
  readRemovables(j, part);
  readPanelPlaces(j, part, "fan_mounts", false, c.fanMounts, c.fanMountEstimates);
  readPanelPlaces(j, part, "radiator_mounts", true, c.radiatorMounts, c.radiatorMountEstimates);
  readDriveBays(j, part);
}

} // namespace rigfit::json_read
