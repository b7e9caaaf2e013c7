// A motherboard: its form factor, socket and memory type, and the slots its layout places.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/shape_kit.hpp"
#include "catalog/shapes.hpp"
#include "catalog/solid_names.hpp"
#include "catalog/standards.hpp"

#include <cassert>

namespace rigfit {
namespace {

using namespace json_read;
using namespace shape_kit;
using nlohmann::json;

// Slots, sockets and drives must lie on the board: a position or coordinate outside the form
// factor is a typo.
void checkBoardLayout(const Part& part, const standard::FormFactor& ff, double socketX,
                      double socketY) {
  auto onBoard = [&](double x, double y, const std::string& path) {
    if (x > ff.widthMm || y > ff.depthMm)
      fail(path, "lies off a " + std::string(ff.name) + " board (" + shortNumber(ff.widthMm) +
                     " x " + shortNumber(ff.depthMm) + " mm)");
  };
  onBoard(socketX, socketY, "/figures/socket_x_mm");
  const BoardLayout& L = *part.boardLayout;
  for (size_t i = 0; i < L.pcie.size(); ++i)
    if (L.pcie[i].position > ff.slotPositions)
      fail("/pcie_slots/slots/" + std::to_string(i) + "/position",
           "position " + std::to_string(L.pcie[i].position) + " is beyond a " + ff.name +
               " board's " + std::to_string(ff.slotPositions) + " slot positions");
  for (size_t i = 0; i < L.dimms.size(); ++i)
    onBoard(L.dimmStartX, L.dimms[i].y, "/dimm_slots/slots/" + std::to_string(i) + "/y_mm");
  for (size_t i = 0; i < L.m2s.size(); ++i)
    onBoard(L.m2s[i].x, L.m2s[i].y, "/m2_slots/slots/" + std::to_string(i));
}

void read(FigureReader& r, const json&, Part& part) {
  BoardInfo b;
  b.formFactor = r.text("form_factor");
  const standard::FormFactor* ff = standard::formFactor(b.formFactor);
  if (!ff || b.formFactor == "E-ATX")
    fail("/figures/form_factor/value",
         "must be ATX, microATX or Mini-ITX (got \"" + b.formFactor + "\")");
  checkBoardLayout(part, *ff, r.number("socket_x_mm"), r.number("socket_y_mm"));
  b.socket = r.text("socket");
  b.memoryType = r.text("memory_type");
  b.memoryMaxGb = r.optional("memory_max_gb");
  b.powerW = r.optional("power_w");
  r.number("socket_x_mm");
  r.number("socket_y_mm");
  part.board = b;
  part.needs = MountKind::Tray;
  part.fits = b.formFactor;
}

void shapes(Part& p) {
  BoardInfo& b = *p.board;
  const standard::FormFactor* ff = standard::formFactor(b.formFactor);
  assert(ff && "the reader admits only known form factors");
  b.widthMm = ff->widthMm;
  b.depthMm = ff->depthMm;
  add(p, solid::kPcb, SolidRole::Body, box(0, b.widthMm, 0, b.depthMm, -st::kBoardThicknessMm, 0),
      {});
  const BoardLayout& L = *p.boardLayout;
  for (const auto& s : L.pcie) {
    double line = st::kSlot1FromTopMm + (s.position - 1) * st::kSlotPitchMm;
    int idx = s.mechanical >= 16 ? 3 : s.mechanical >= 8 ? 2 : s.mechanical >= 4 ? 1 : 0;
    double len = st::kPcieConnectorLengthMm[idx];
    auto est = plus(L.pcieEstimates, {kSlotLineEstimate});
    addDatum(p, "slot:" + s.name,
             box(line - st::kPcieConnectorWidthMm / 2, line + st::kPcieConnectorWidthMm / 2,
                 st::kPcieConnectorStartMm, st::kPcieConnectorStartMm + len, 0,
                 st::kPcieConnectorHeightMm),
             est);
    Mount m = makeMount(s.name, MountKind::PcieSlot, Pose::translation({line, 0, 0}),
                        {"x" + std::to_string(s.mechanical)}, {"slot:" + s.name});
    m.position = s.position;
    m.mechanical = s.mechanical;
    m.lanes = s.lanes;
    m.gen = s.gen;
    m.via = s.via;
    m.laneRules = s.laneRules;
    m.estimates = est;
    p.mounts.push_back(m);
  }
  for (const auto& d : L.dimms) {
    Mount m = makeMount(d.name, MountKind::DimmSlot, Pose::translation({L.dimmStartX, d.y, 0}),
                        {b.memoryType}, {});
    m.channel = d.channel;
    m.preferred = d.preferred;
    m.estimates = L.dimmEstimates;
    p.mounts.push_back(m);
  }
  for (const auto& s : L.m2s) {
    Mount m = makeMount(s.name, MountKind::M2Slot, Pose::translation({s.x, s.y, 0}), {s.key}, {});
    m.maxLengthMm = s.maxLength;
    m.lanes = s.lanes;
    m.gen = s.gen;
    m.via = s.via;
    m.estimates = L.m2Estimates;
    p.mounts.push_back(m);
  }
  Mount socket = makeMount("CPU", MountKind::CpuSocket,
                           Pose::translation({fig(p, "socket_x_mm"), fig(p, "socket_y_mm"), 0}),
                           {b.socket}, {});
  socket.estimates = p.estimatedAmong({"socket_x_mm", "socket_y_mm"});
  p.mounts.push_back(socket);
  if (p.figures.count("header_band_mm") && p.figures.count("header_plug_height_mm")) {
    // Front-panel, USB, fan and audio headers line the bottom edge; their plugs and the
    // cables that leave them downward need the band on both sides of the edge.
    double band = fig(p, "header_band_mm"), h = fig(p, "header_plug_height_mm");
    add(p, solid::kBottomHeaderPlugs, SolidRole::Keepout,
        box(b.widthMm - band, b.widthMm + band, 0, b.depthMm, 0, h),
        p.estimatedAmong({"header_band_mm", "header_plug_height_mm"}), true);
  }
}

PowerUse power(const Part& p) {
  return {PowerUse::Kind::Figure, p.board->powerW, "power_w"};
}

} // namespace

const CategoryDescription& motherboardCategory() {
  static const CategoryDescription d{Category::Motherboard,
                                     "motherboard",
                                     1,
                                     {{"memory_max_gb", 1, 4096, "GB"},
                                      {"power_w", 1, 300, "W"},
                                      {"socket_x_mm", 0, 330, "mm"},
                                      {"socket_y_mm", 0, 330, "mm"},
                                      {"header_band_mm", 0, 60, "mm"},
                                      {"header_plug_height_mm", 0, 60, "mm"}},
                                     {"form_factor", "socket", "memory_type"},
                                     read,
                                     shapes,
                                     power,
                                     {0x2e, 0x7d, 0x32},
                                     {}};
  return d;
}

} // namespace rigfit
