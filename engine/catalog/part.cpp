#include "catalog/part.hpp"

namespace rigfit {

const char* toString(MountKind k) {
  switch (k) {
  case MountKind::Tray:
    return "motherboard_tray";
  case MountKind::PcieSlot:
    return "pcie_slot";
  case MountKind::DimmSlot:
    return "dimm_slot";
  case MountKind::CpuSocket:
    return "cpu_socket";
  case MountKind::CoolerMount:
    return "cooler_mount";
  case MountKind::M2Slot:
    return "m2_slot";
  case MountKind::PsuBay:
    return "psu_bay";
  case MountKind::FanMount:
    return "fan_mount";
  case MountKind::RadiatorMount:
    return "radiator_mount";
  case MountKind::DriveBay:
    return "drive_bay";
  }
  return "?";
}

MountWords wordsFor(MountKind k) {
  switch (k) {
  case MountKind::Tray:
    return {"a", "motherboard tray", "a case"};
  case MountKind::PcieSlot:
    return {"a", "PCIe slot", "a motherboard"};
  case MountKind::DimmSlot:
    return {"a", "memory slot", "a motherboard"};
  case MountKind::CpuSocket:
    return {"a", "CPU socket", "a motherboard"};
  case MountKind::CoolerMount:
    return {"a", "cooler place on a CPU", "a CPU"};
  case MountKind::M2Slot:
    return {"an", "M.2 slot", "a motherboard with one"};
  case MountKind::PsuBay:
    return {"a", "PSU bay", "a case with one"};
  case MountKind::FanMount:
    return {"a", "fan place", "a case or a cooler with one"};
  case MountKind::RadiatorMount:
    return {"a", "radiator place", "a case with one"};
  case MountKind::DriveBay:
    return {"a", "drive bay", "a case with one"};
  }
  return {"a", "mount", "a part with one"};
}

const Mount* Part::mount(const std::string& mountName) const {
  for (const Mount& m : mounts)
    if (m.name == mountName) return &m;
  return nullptr;
}

const PartOption* Part::option(const std::string& optionName) const {
  for (const PartOption& o : options)
    if (o.name == optionName) return &o;
  return nullptr;
}

const Solid* Part::solid(const std::string& solidName) const {
  for (const Solid& s : solids)
    if (s.name == solidName) return &s;
  return nullptr;
}

std::vector<std::string> Part::estimatedAmong(std::initializer_list<const char*> names) const {
  std::vector<std::string> out;
  for (const char* n : names) {
    auto it = figures.find(n);
    if (it != figures.end() && it->second.estimated()) out.push_back(n);
  }
  return out;
}

std::optional<geo::Aabb> bodyBounds(const std::vector<Solid>& solids) {
  std::optional<geo::Aabb> b;
  for (const Solid& s : solids)
    if (s.role == SolidRole::Body) b = b ? b->unite(s.box) : s.box;
  return b;
}

} // namespace rigfit
