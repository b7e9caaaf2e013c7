// Reading a case's fan mounts: which panels take fans of which sizes, and where on the panel.
#include "catalog/json_read.hpp"
#include "catalog/shapes.hpp"

#include <set>

namespace rigfit::json_read {

void readCaseFanMounts(const json& j, Part& part) {
  SlotGroup g = readSlotGroup(j, "fan_mounts", part);
  if (!g.slots) return;
  CaseInfo& c = *part.chassis;
  c.fanMountEstimates = g.estimates;
  double D = part.figures.at("interior_depth_mm").value;
  double H = part.figures.at("interior_height_mm").value;
  double Z = sidePanelZ(part);
  std::set<std::string> names;
  for (size_t i = 0; i < g.slots->size(); ++i) {
    const json& s = (*g.slots)[i];
    std::string path = "/fan_mounts/slots/" + std::to_string(i);
    CaseFanMount m;
    m.name = requireString(s, "name", path);
    if (!names.insert(m.name).second) fail(path + "/name", "\"" + m.name + "\" is used twice");
    m.panel = requireString(s, "panel", path);
    bool upright = m.panel == "front" || m.panel == "rear";
    if (!upright && m.panel != "top" && m.panel != "bottom")
      fail(path + "/panel", "must be front, rear, top or bottom (got \"" + m.panel + "\")");
    if (!s.contains("sizes") || !s["sizes"].is_array() || s["sizes"].empty())
      fail(path + "/sizes", "must list the fan sizes it takes, in mm, like [120, 140]");
    int largest = 0;
    for (size_t k = 0; k < s["sizes"].size(); ++k) {
      const json& v = s["sizes"][k];
      if (!v.is_number_integer() || v.get<int>() < 40 || v.get<int>() > 200)
        fail(path + "/sizes/" + std::to_string(k), "must be a fan size from 40 to 200 mm");
      m.sizes.push_back(v.get<int>());
      largest = std::max(largest, v.get<int>());
    }
    // The centre on the panel: height and depth into the case on the front or rear, front-to-back
    // and depth on the top or bottom. The largest fan it takes must fit inside the interior.
    const char* along = upright ? "y_mm" : "x_mm";
    double alongMax = upright ? H : D;
    double half = largest / 2.0;
    if (alongMax < largest || Z < largest)
      fail(path + "/sizes", "a " + std::to_string(largest) +
                                " mm fan does not fit inside the case (" + fmt(upright ? H : D) +
                                " x " + fmt(Z) + " mm on this panel)");
    m.a = requireNumber(s, along, path, half, alongMax - half);
    m.b = requireNumber(s, "z_mm", path, half, Z - half);
    c.fanMounts.push_back(m);
  }
}

} // namespace rigfit::json_read
