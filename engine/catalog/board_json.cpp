// Reading a motherboard's slot groups: what the slots are, and where they sit.
#include "catalog/json_read.hpp"

#include <set>

namespace rigfit::json_read {

void readBoardSlots(const json& j, Part& part) {
  std::set<std::string> names;
  auto unique = [&](const std::string& name, const std::string& path) {
    if (!names.insert(name).second) fail(path + "/name", "\"" + name + "\" is used twice");
  };
  BoardLayout layout;
  SlotGroup pcie = readSlotGroup(j, "pcie_slots", part);
  if (pcie.slots) {
    std::set<int> positions;
    for (size_t i = 0; i < pcie.slots->size(); ++i) {
      const json& s = (*pcie.slots)[i];
      std::string path = "/pcie_slots/slots/" + std::to_string(i);
      BoardLayout::Pcie p;
      p.name = requireString(s, "name", path);
      unique(p.name, path);
      p.position = requireInt(s, "position", path, 1, 12);
      if (!positions.insert(p.position).second)
        fail(path + "/position", "position " + std::to_string(p.position) + " holds two slots");
      p.mechanical = requireInt(s, "mechanical", path, 1, 16);
      p.lanes = requireInt(s, "lanes", path, 1, 16);
      if (p.lanes > p.mechanical) fail(path + "/lanes", "cannot exceed the mechanical width");
      p.gen = requireInt(s, "gen", path, 1, 6);
      p.via = requireString(s, "via", path);
      if (p.via != "cpu" && p.via != "chipset")
        fail(path + "/via", "must be \"cpu\" or \"chipset\"");
      if (s.contains("lanes_when")) {
        if (!s["lanes_when"].is_array())
          fail(path + "/lanes_when", "must be a list of {populated, lanes} rules");
        for (size_t k = 0; k < s["lanes_when"].size(); ++k) {
          const json& r = s["lanes_when"][k];
          std::string rpath = path + "/lanes_when/" + std::to_string(k);
          LaneRule rule;
          if (!r.is_object() || !r.contains("populated") || !r["populated"].is_array())
            fail(rpath + "/populated", "must be a list of slot names");
          for (const json& name : r["populated"]) {
            if (!name.is_string()) fail(rpath + "/populated", "must be a list of slot names");
            rule.populated.push_back(name.get<std::string>());
          }
          rule.lanes = requireInt(r, "lanes", rpath, 1, 16);
          p.laneRules.push_back(rule);
        }
      }
      layout.pcie.push_back(p);
    }
    layout.pcieEstimates = pcie.estimates;
  }
  SlotGroup dimm = readSlotGroup(j, "dimm_slots", part);
  if (dimm.slots) {
    const json& g = j["dimm_slots"];
    layout.dimmStartX = requireNumber(g, "x_start_mm", "/dimm_slots", 0, 330);
    for (size_t i = 0; i < dimm.slots->size(); ++i) {
      const json& s = (*dimm.slots)[i];
      std::string path = "/dimm_slots/slots/" + std::to_string(i);
      BoardLayout::Dimm d;
      d.name = requireString(s, "name", path);
      unique(d.name, path);
      d.channel = requireInt(s, "channel", path, 0, 7);
      d.y = requireNumber(s, "y_mm", path, 0, 330);
      if (s.contains("preferred") && !s["preferred"].is_boolean())
        fail(path + "/preferred", "must be true or false");
      d.preferred = s.value("preferred", false);
      layout.dimms.push_back(d);
    }
    layout.dimmEstimates = dimm.estimates;
  }
  SlotGroup m2 = readSlotGroup(j, "m2_slots", part);
  if (m2.slots) {
    for (size_t i = 0; i < m2.slots->size(); ++i) {
      const json& s = (*m2.slots)[i];
      std::string path = "/m2_slots/slots/" + std::to_string(i);
      BoardLayout::M2 m;
      m.name = requireString(s, "name", path);
      unique(m.name, path);
      m.key = requireString(s, "key", path);
      m.maxLength = requireNumber(s, "max_length_mm", path, 30, 110);
      m.lanes = requireInt(s, "lanes", path, 1, 16);
      m.gen = requireInt(s, "gen", path, 1, 6);
      m.via = requireString(s, "via", path);
      m.x = requireNumber(s, "x_mm", path, 0, 330);
      m.y = requireNumber(s, "y_mm", path, 0, 330);
      layout.m2s.push_back(m);
    }
    layout.m2Estimates = m2.estimates;
  }
  // Lane rules may only name slots of this board.
  for (size_t i = 0; i < layout.pcie.size(); ++i)
    for (const auto& rule : layout.pcie[i].laneRules)
      for (const auto& other : rule.populated)
        if (!names.count(other))
          fail("/pcie_slots/slots/" + std::to_string(i) + "/lanes_when",
               "names \"" + other + "\", which is not a slot of this board");
  part.boardLayout = layout;
}

} // namespace rigfit::json_read
