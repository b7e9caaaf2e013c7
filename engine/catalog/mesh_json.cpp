// A part's "mesh": which file draws it, in which units and axes, and how it is fitted to the
// part's boxes. The file itself is read by the renderer; a spec that cannot be right is an error
// here, with the field that is wrong.
#include "catalog/json_read.hpp"

#include <array>
#include <filesystem>
#include <set>

namespace rigfit::json_read {
namespace {

double mmPerUnit(const std::string& units, const std::string& path) {
  if (units == "mm") return 1.0;
  if (units == "cm") return 10.0;
  if (units == "m") return 1000.0;
  if (units == "in") return 25.4;
  fail(path, "must be mm, cm, m or in (got \"" + units + "\")");
}

// "+x", "-z", ... into a unit vector of the part's frame.
geo::Vec3 axisOf(const json& v, const std::string& path) {
  static const std::array<const char*, 3> names = {"x", "y", "z"};
  std::string s = v.is_string() ? v.get<std::string>() : "";
  if (s.size() == 2 && (s[0] == '+' || s[0] == '-'))
    for (int i = 0; i < 3; ++i)
      if (s[1] == names[i][0]) {
        geo::Vec3 a(0.0);
        a[i] = s[0] == '+' ? 1.0 : -1.0;
        return a;
      }
  fail(path, "must be one of +x, -x, +y, -y, +z, -z");
}

} // namespace

void readMesh(const json& j, Part& part) {
  if (!j.is_object()) fail("/mesh", "must be an object with at least \"file\"");
  static const std::set<std::string> known = {"file", "units", "axes", "fit"};
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!known.count(it.key())) fail("/mesh/" + it.key(), "is not a field of a mesh");
  MeshRef m;
  m.file = requireString(j, "file", "/mesh");
  // A part file names a mesh beside it or in the asset folders, never elsewhere on the disk.
  std::filesystem::path f(m.file);
  bool leaves = f.is_absolute();
  for (const auto& piece : f)
    leaves |= piece == "..";
  if (leaves)
    fail("/mesh/file", "must be a path inside the part's folder or the asset folders (no "
                       "absolute path, no \"..\"; got \"" +
                           m.file + "\")");
  if (j.contains("units")) {
    if (!j["units"].is_string()) fail("/mesh/units", "must be mm, cm, m or in");
    m.mmPerUnit = mmPerUnit(j["units"].get<std::string>(), "/mesh/units");
  }
  if (j.contains("axes")) {
    const json& a = j["axes"];
    if (!a.is_array() || a.size() != 3)
      fail("/mesh/axes", "must list the part axis each mesh axis becomes, like [\"+y\", \"+z\", "
                         "\"+x\"]");
    for (int i = 0; i < 3; ++i)
      m.axes[i] = axisOf(a[static_cast<size_t>(i)], "/mesh/axes/" + std::to_string(i));
    double det = glm::determinant(m.axes);
    if (det == 0.0) fail("/mesh/axes", "names one part axis twice");
    if (det < 0.0) fail("/mesh/axes", "would mirror the mesh; swap the sign of one axis");
  }
  if (j.contains("fit")) {
    std::string fit = j["fit"].is_string() ? j["fit"].get<std::string>() : "";
    if (fit != "exact" && fit != "stretch") fail("/mesh/fit", "must be exact or stretch");
    m.stretch = fit == "stretch";
  }
  part.mesh = m;
}

} // namespace rigfit::json_read
