#include "catalog/compat.hpp"

#include "common/text.hpp"

#include <algorithm>

namespace rigfit {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// "SFX, SFX-L", or "nothing" for a mount that lists none.
std::string listed(const std::vector<std::string>& v) {
  return v.empty() ? "nothing" : joined(v);
}

} // namespace

std::string wrongMountKind(const Part& child, const Mount& m) {
  if (!child.needs) return "a case does not mount in another part";
  if (*child.needs != m.kind)
    return std::string("a ") + toString(child.category) + " needs a " + toString(*child.needs) +
           ", and " + m.name + " is a " + toString(m.kind);
  return "";
}

std::string incompatibility(const Part& child, const Mount& m) {
  if (std::string why = wrongMountKind(child, m); !why.empty()) return why;
  switch (m.kind) {
  case MountKind::PcieSlot:
    if (child.gpu->edgeWidth > m.mechanical)
      return "the card's x" + std::to_string(child.gpu->edgeWidth) + " edge does not fit the x" +
             std::to_string(m.mechanical) + " slot " + m.name;
    return "";
  case MountKind::CoolerMount:
    if (!contains(child.cooler->sockets, m.accepts.front()))
      return "the cooler fits " + listed(child.cooler->sockets) + ", not " + m.accepts.front();
    return "";
  case MountKind::M2Slot:
    if (!contains(m.accepts, child.fits))
      return "the drive is " + child.fits + "-keyed and " + m.name + " is " + listed(m.accepts) +
             "-keyed";
    if (child.storage->lengthMm > m.maxLengthMm)
      return "the drive is " + std::to_string(static_cast<int>(child.storage->lengthMm)) +
             " mm long and " + m.name + " takes up to " +
             std::to_string(static_cast<int>(m.maxLengthMm)) + " mm";
    return "";
  default:
    if (!contains(m.accepts, child.fits))
      return m.name + " takes " + listed(m.accepts) + ", not " + child.fits;
    return "";
  }
}

} // namespace rigfit
