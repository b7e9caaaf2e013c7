// A motherboard: its form factor, socket and memory type, and the slots its layout places.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/json_read.hpp"
#include "catalog/opendb_row.hpp"
#include "catalog/shape_kit.hpp"
#include "catalog/shapes.hpp"
#include "catalog/solid_names.hpp"
#include "catalog/standards.hpp"

#include <algorithm>
#include <cassert>
#include <cstdlib>

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

// An OpenDB board's figures the row does not give, as the curated boards estimate them: the
// socket's centre (github:lixuefeng/pc-case-builder's generic ATX keep-out), the first DIMM
// 70 mm in front of it, DIMMs 9.5 mm apart from 20 mm below the top edge, and the header band.
constexpr double kSocketXMm = 100.05, kSocketYMm = 90.05;
constexpr double kFirstDimmYMm = 160.05, kDimmPitchMm = 9.5, kDimmStartXMm = 20.0;
// Two slots (Mini-ITX boards) begin 10 mm nearer the socket, as the catalog's Mini-ITX board.
constexpr double kFirstDimmOfTwoYMm = 150.05;
// Wide slots are put this many positions apart where the board has room: the spacing of the
// catalog's ATX boards' x16 slots (three positions on the X470-PRO and X570 boards).
constexpr int kWideSlotSpacing = 3;

// The PCIe slots of a row as counts ("2 x1, 1 x16 of gen 4"), laid out on the form factor's
// positions: wide slots (4 lanes or more, taken as x16 mechanical) from position 2 on ATX (1 on
// smaller boards), kWideSlotSpacing apart where there is room, then x1 slots in the free positions
// from the top. False when the counts need more positions than the board has.
bool guessSlots(const json& row, int positions, json& slots, std::string& why) {
  struct Count {
    int lanes, gen, quantity;
  };
  std::vector<Count> wide, narrow;
  auto list = row.find("pcie_slots");
  if (list == row.end() || !list->is_array()) return true; // no slots: none placed
  for (const json& s : *list) {
    if (!s.is_object()) continue;
    std::optional<double> lanes = opendb::positive(s, "lanes");
    std::optional<double> n = opendb::positive(s, "quantity");
    std::string gen = opendb::text(s, "gen").value_or("");
    if (!lanes || !n || *lanes > 16 || *n > 12) continue;
    int g = gen.empty() ? 3 : std::clamp(std::atoi(gen.c_str()), 1, 6);
    Count c{static_cast<int>(*lanes), g, static_cast<int>(*n)};
    (c.lanes >= 4 ? wide : narrow).push_back(c);
  }
  std::sort(wide.begin(), wide.end(), [](const Count& a, const Count& b) {
    return a.lanes != b.lanes ? a.lanes > b.lanes : a.gen > b.gen;
  });
  int nWide = 0, nNarrow = 0;
  for (const Count& c : wide)
    nWide += c.quantity;
  for (const Count& c : narrow)
    nNarrow += c.quantity;
  if (nWide + nNarrow > positions)
    return why = std::to_string(nWide + nNarrow) + " PCIe slots on a board of " +
                 std::to_string(positions) + " slot positions",
           false;
  // The first wide slot: position 2 on an ATX board (six of the catalog's eight consumer ATX
  // boards), 1 on the smaller ones or where the wide slots need every position.
  const int start = positions >= 7 && nWide <= positions - 1 ? 2 : 1;
  std::vector<bool> taken(static_cast<std::size_t>(positions) + 1, false);
  int k = 0;
  for (const Count& c : wide)
    for (int i = 0; i < c.quantity; ++i, ++k) {
      // Three positions apart, but never so low that the rest find no room below.
      int at = std::min(start + k * kWideSlotSpacing, positions - (nWide - 1 - k));
      while (at <= positions && taken[static_cast<std::size_t>(at)])
        ++at;
      if (at > positions) return why = "no free position for a wide slot", false;
      taken[static_cast<std::size_t>(at)] = true;
      slots.push_back({{"name", "PCIEX16_" + std::to_string(k + 1)},
                       {"position", at},
                       {"mechanical", 16},
                       {"lanes", c.lanes},
                       {"gen", c.gen},
                       {"via", k == 0 ? "cpu" : "chipset"}});
    }
  int j = 0, at = 1;
  for (const Count& c : narrow)
    for (int i = 0; i < c.quantity; ++i, ++j) {
      while (at <= positions && taken[static_cast<std::size_t>(at)])
        ++at;
      if (at > positions) return why = "no free position for an x1 slot", false;
      taken[static_cast<std::size_t>(at)] = true;
      slots.push_back({{"name", "PCIEX1_" + std::to_string(j + 1)},
                       {"position", at},
                       {"mechanical", 1},
                       {"lanes", 1},
                       {"gen", c.gen},
                       {"via", "chipset"}});
    }
  return true;
}

// BuildCores OpenDB's Motherboard rows: form factor, socket, memory type and slots, PCIe slots
// as counts. Where the slots, socket and DIMMs sit is not in the row: they are laid out as the
// catalog's boards are estimated, and every finding that rests on the slot layout says it was
// guessed from slot counts. M.2 sockets are left out (their places and lengths are unknown).
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Motherboard);
  std::string ff = opendb::boardFormFactor(opendb::text(row, "form_factor").value_or(""));
  const standard::FormFactor* form = standard::formFactor(ff);
  if (!form || ff == "E-ATX")
    return why = "form factor \"" + opendb::text(row, "form_factor").value_or("") +
                 "\" is not modelled (ATX, microATX, Mini-ITX)",
           false;
  w.sourced("form_factor", ff);
  std::optional<std::string> socket = opendb::text(row, "socket");
  if (!socket) return why = "no socket", false;
  w.sourced("socket", opendb::socketName(*socket));
  const json& memory = opendb::object(row, "memory");
  std::string type = opendb::text(memory, "ram_type").value_or("");
  if (type.size() != 4 || type.rfind("DDR", 0) != 0)
    return why = "memory type \"" + type + "\" is not a DDR generation", false;
  w.sourced("memory_type", type);
  if (std::optional<double> max = opendb::positive(memory, "max")) w.sourced("memory_max_gb", *max);
  const std::string layout = "the row gives no positions";
  w.estimated("socket_x_mm", kSocketXMm,
              "the catalog boards' estimate: centre of the 77.5 mm CPU keep-out that "
              "github:lixuefeng/pc-case-builder places 61.3 mm from the top edge (a generic ATX "
              "figure; sockets vary about 5 to 15 mm between boards); " +
                  layout);
  w.estimated("socket_y_mm", kSocketYMm,
              "the catalog boards' estimate: the same keep-out 51.3 mm from the rear edge; " +
                  layout);
  w.estimated("header_band_mm", 10,
              "front-panel, USB, fan and audio headers along the bottom edge: a 10 mm band on the "
              "board and 10 mm below it for the cables, as the catalog's boards; not measured");
  w.estimated("header_plug_height_mm", 20,
              "a header plug with its cable stands about 15 to 20 mm off the board; not measured");
  json slots = json::array();
  if (!guessSlots(row, form->slotPositions, slots, why)) return false;
  json& out = w.spec();
  if (!slots.empty())
    out["pcie_slots"] = {
        {"source", "opendb"},
        {"layout_estimate", std::string(json_read::kGuessedLayout) +
                                ": OpenDB counts the slots by lanes and generation but gives no "
                                "positions; wide slots (4 lanes or more, taken as x16 "
                                "mechanical) from position 2 on ATX boards (as six of the "
                                "catalog's eight consumer ATX boards) and 1 on smaller ones, "
                                "three positions apart where there is room, x1 slots in the free "
                                "positions from the top; the first "
                                "wide slot wired to the CPU, the rest to the chipset. Check the "
                                "board's manual"},
        {"slots", slots}};
  std::optional<double> dimms = opendb::positive(memory, "slots");
  if (dimms && (*dimms == 2 || *dimms == 4)) {
    json list = json::array();
    const int n = static_cast<int>(*dimms);
    for (int i = 0; i < n; ++i) {
      int channel = n == 2 ? i : i / 2;
      bool preferred = n == 2 || i % 2 == 1;
      list.push_back({{"name", std::string("DIMM_") + char('A' + channel) +
                                   std::to_string(n == 2 ? 1 : i % 2 + 1)},
                      {"channel", channel},
                      {"y_mm", (n == 2 ? kFirstDimmOfTwoYMm : kFirstDimmYMm) + i * kDimmPitchMm},
                      {"preferred", preferred}});
    }
    out["dimm_slots"] = {
        {"source", "opendb"},
        {"layout_estimate",
         "the row counts " + std::to_string(n) +
             " slots but gives no positions: 9.5 mm apart (github:lixuefeng/pc-case-builder), "
             "the first about 60 mm (two slots) or 70 mm (four) in front of the socket centre, "
             "20 mm below the top edge, as the catalog's boards are estimated; for two modules the "
             "second slot of each "
             "channel, as makers' manuals usually recommend"},
        {"x_start_mm", kDimmStartXMm},
        {"slots", list}};
  }
  spec = std::move(out);
  return true;
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
                                     {},
                                     "Motherboard",
                                     fromOpenDb,
                                     {MountKind::Tray}};
  return d;
}

} // namespace rigfit
