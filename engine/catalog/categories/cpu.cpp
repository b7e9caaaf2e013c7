// A CPU: its socket, package and TDP; it offers the cooler mount.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/opendb_row.hpp"
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

// BuildCores OpenDB's CPU rows: socket, TDP and integrated graphics. The package's size is
// not in the row: an AM4 package's figures stand in for every socket, an estimate.
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Cpu);
  std::optional<std::string> socket = opendb::text(row, "socket");
  if (!socket) return why = "no socket", false;
  w.sourced("socket", opendb::socketName(*socket));
  const json& specs = opendb::object(row, "specifications");
  if (std::optional<double> tdp = opendb::positive(specs, "tdp")) w.sourced("tdp_w", *tdp);
  std::string graphics =
      opendb::text(opendb::object(specs, "integratedGraphics"), "model").value_or("");
  if (!graphics.empty()) w.sourced("integrated_graphics", graphics != "None");
  w.estimated("package_mm", 40,
              "an AM4 package and socket, about 40 x 40 mm (github:eclecticc/ParametricCase, "
              "marked 'not measured' there), for every socket: the row gives no package size");
  w.estimated("package_height_mm", 7.35,
              "an AM4 socket body with its package, 7.35 mm (github:eclecticc/ParametricCase, "
              "marked 'not measured' there), for every socket: the row gives no height");
  spec = std::move(w.spec());
  return true;
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
      {},
      "CPU",
      fromOpenDb,
      {MountKind::CpuSocket}};
  return d;
}

} // namespace rigfit
