// A CPU: its socket, package and TDP; it offers the cooler mount.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/shape_kit.hpp"

namespace rigfit {
namespace {

using namespace json_read;
using namespace shape_kit;
using nlohmann::json;

void read(FigureReader& r, const json&, Part& part) {
  CpuInfo c;
  c.socket = r.text("socket");
  c.tdpW = r.optional("tdp_w");
  c.integratedGraphics = r.flag("integrated_graphics");
  r.number("package_mm");
  r.number("package_height_mm");
  part.cpu = c;
  part.needs = MountKind::CpuSocket;
  part.fits = c.socket;
}

void shapes(Part& p) {
  double s = fig(p, "package_mm"), h = fig(p, "package_height_mm");
  add(p, "package", SolidRole::Body, box(-s / 2, s / 2, -s / 2, s / 2, 0, h),
      p.estimatedAmong({"package_mm", "package_height_mm"}));
  Mount m = makeMount("cooler", MountKind::CoolerMount, Pose{}, {p.cpu->socket}, {"package"});
  p.mounts.push_back(m);
}

PowerUse power(const Part& p) {
  return {PowerUse::Kind::Figure, p.cpu->tdpW, "tdp_w"};
}

} // namespace

const CategoryDescription& cpuCategory() {
  static const CategoryDescription d{
      Category::Cpu,
      "cpu",
      1,
      {{"tdp_w", 1, 500, "W"}, {"package_mm", 10, 100, "mm"}, {"package_height_mm", 1, 30, "mm"}},
      {"socket", "integrated_graphics"},
      read,
      shapes,
      power,
      {0x8d, 0x6e, 0x63},
      {}};
  return d;
}

} // namespace rigfit
