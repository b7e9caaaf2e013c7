// A graphics card: its length, height and thickness, its bracket, cooling, edge and power plugs.
#include "catalog/category.hpp"
#include "catalog/figure_reader.hpp"
#include "catalog/opendb_row.hpp"
#include "catalog/shape_kit.hpp"
#include "catalog/shapes.hpp"
#include "catalog/solid_names.hpp"
#include "catalog/standards.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace rigfit {
namespace {

using namespace json_read;
using namespace shape_kit;
using nlohmann::json;

// Space an 8-pin plug and its bend need above a card's top edge. ESTIMATE: the housing stands
// about 15 mm and a cable bends within about 20 mm more; not from a standard.
constexpr double kPowerPlugSpaceMm = 35.0;
// Length along the card's edge that one power plug needs: an 8-pin housing is about 21 mm
// long, and 24 mm leaves room to grip its latch. ESTIMATE.
constexpr double kPowerPlugRunMm = 24.0;
// Air an open-air cooler's fans need in front of them: one empty slot, the usual advice for
// open-air cards stacked in a tower (a rule of thumb, not a measurement).
constexpr double kFanIntakeMm = st::kSlotPitchMm;
// Default card height when a card's spec has none: the CEM full-height maximum (reference A5).
constexpr double kFullHeightCardMm = 111.15;

void read(FigureReader& r, const json&, Part& part) {
  GpuInfo g;
  g.lengthMm = r.number("length_mm");
  g.heightMm = r.optional("height_mm");
  // A maker's millimetres are the card's thickness; slots (whole or marketed halves) are only
  // the count that stands for it where no millimetres are published.
  if (!r.has("thickness_mm") && !r.has("thickness_slots"))
    fail("/figures/thickness_slots", "missing: give thickness_slots or thickness_mm");
  g.thicknessMm = r.has("thickness_mm") ? r.number("thickness_mm")
                                        : r.number("thickness_slots") * standard::kSlotPitchMm;
  g.bracketSlots = r.count("bracket_slots");
  std::string cooling = r.text("cooling");
  if (cooling != "open_air" && cooling != "blower")
    fail("/figures/cooling/value", "must be \"open_air\" or \"blower\"");
  g.blower = cooling == "blower";
  if (r.has("power_plugs")) {
    // An empty list is a card without plugs (slot power only); no figure is "unknown".
    const json& plugs = r.textValue("power_plugs");
    if (!plugs.is_array()) fail("/figures/power_plugs/value", "must be a list such as [\"8pin\"]");
    g.powerPlugs = plugs.get<std::vector<std::string>>();
    for (const auto& p : *g.powerPlugs)
      if (p != "6pin" && p != "8pin" && p != "12vhpwr")
        fail("/figures/power_plugs/value",
             "each plug must be 6pin, 8pin or 12vhpwr (got " + p + ")");
  }
  g.powerW = r.optional("power_w");
  std::string iface = r.text("interface");
  if (iface != "x16" && iface != "x8" && iface != "x4" && iface != "x1")
    fail("/figures/interface/value", "must be x1, x4, x8 or x16");
  g.edgeWidth = std::stoi(iface.substr(1));
  if (r.has("power_plug_from_end_mm") && r.number("power_plug_from_end_mm") > g.lengthMm)
    fail("/figures/power_plug_from_end_mm/value", "lies beyond the card's length");
  part.gpu = g;
  part.needs = MountKind::PcieSlot;
  part.fits = iface;
}

void shapes(Part& p) {
  const GpuInfo& g = *p.gpu;
  std::vector<std::string> est =
      plus(p.estimatedAmong({"length_mm",
                             p.figures.count("thickness_mm") ? "thickness_mm" : "thickness_slots",
                             "height_mm"}),
           {kCardBackEstimate});
  double height = g.heightMm.value_or(kFullHeightCardMm);
  if (!g.heightMm) est.push_back("height_mm (not in the spec: CEM full-height 111.15 mm used)");
  double top = st::kCardFingersAboveBoardMm + height;
  double back = -st::kCardBackSideMm, front = back + g.thicknessMm;
  add(p, solid::kBody, SolidRole::Body,
      box(back, front, 0, g.lengthMm, st::kPcieConnectorHeightMm, top), est);
  if (g.powerPlugs && !g.powerPlugs->empty() && p.figures.count("power_plug_from_end_mm")) {
    double at = g.lengthMm - fig(p, "power_plug_from_end_mm");
    double run = kPowerPlugRunMm * static_cast<double>(g.powerPlugs->size());
    add(p, solid::kPowerPlug, SolidRole::Keepout,
        box(0, st::kSlotPitchMm, std::max(0.0, at - run / 2), std::min(g.lengthMm, at + run / 2),
            top, top + kPowerPlugSpaceMm),
        plus(est, plus(p.estimatedAmong({"power_plug_from_end_mm"}),
                       {"power plug and bend space (35 mm, rule of thumb)"})),
        true);
  }
  if (!g.blower)
    add(p, solid::kFanIntake, SolidRole::Airflow,
        box(front, front + kFanIntakeMm, 0, g.lengthMm, st::kPcieConnectorHeightMm, top), est);
}

PowerUse power(const Part& p) {
  return {PowerUse::Kind::Figure, p.gpu->powerW, "power_w"};
}

// BuildCores OpenDB's GPU rows: length, slot width, bracket width, cooling, interface, TDP and
// power connectors. No height: the reader's CEM full-height default stands in, and says so.
bool fromOpenDb(const json& row, json& spec, std::string& why) {
  opendb::SpecWriter w(row, Category::Gpu);
  std::optional<double> length = opendb::positive(row, "length");
  if (!length) return why = "no length", false;
  w.sourced("length_mm", *length);
  std::optional<double> slots = opendb::positive(row, "total_slot_width");
  std::optional<double> bracket = opendb::positive(row, "case_expansion_slot_width");
  if (slots) {
    w.sourced("thickness_slots", *slots);
  } else if (bracket) {
    w.estimated("thickness_slots", *bracket,
                "the row gives no thickness: taken as wide as its bracket");
    slots = bracket;
  } else {
    return why = "no thickness (total_slot_width) and no bracket width", false;
  }
  if (bracket && *bracket == std::floor(*bracket))
    w.sourced("bracket_slots", *bracket);
  else
    w.estimated("bracket_slots", std::ceil(bracket.value_or(*slots)),
                bracket ? "the row's bracket width, rounded up to whole case openings"
                        : "the row gives no bracket width: the card's thickness, rounded up to "
                          "whole case openings");
  std::string cooling = opendb::text(row, "cooling").value_or("");
  if (cooling == "Blower") {
    w.sourced("cooling", "blower");
  } else if (cooling == "Passive") {
    w.estimated("cooling", "open_air",
                "a passive heatsink: given the room for air an open-air cooler needs");
    w.sourced("fans", 0);
  } else if (cooling.size() > 4 && std::isdigit(static_cast<unsigned char>(cooling[0])) &&
             cooling.find(" Fan") != std::string::npos) {
    w.sourced("cooling", "open_air");
    w.sourced("fans", cooling[0] - '0');
    if (int fans = cooling[0] - '0'; fans >= 1 && fans <= 3)
      w.drawnWith("meshes/gpu-shroud-" + std::to_string(fans) + "fan.gltf", true);
  } else {
    return why = cooling.empty() ? "no cooling"
                                 : "cooling \"" + cooling + "\": a card's radiator is not modelled",
           false;
  }
  std::string iface = opendb::text(row, "interface").value_or("");
  size_t x = iface.rfind('x');
  if (x == std::string::npos || x + 1 >= iface.size()) return why = "no interface", false;
  w.sourced("interface", iface.substr(x));
  if (std::optional<double> tdp = opendb::positive(row, "tdp")) w.sourced("power_w", *tdp);
  auto pc = row.find("power_connectors");
  if (pc != row.end() && pc->is_object()) {
    json plugs = json::array();
    auto add = [&](const char* key, const char* plug) {
      if (std::optional<double> n = opendb::positive(*pc, key))
        for (int k = 0; k < static_cast<int>(*n) && k < 8; ++k)
          plugs.push_back(plug);
    };
    add("pcie_12VHPWR", "12vhpwr");
    add("pcie_12V_2x6", "12vhpwr");
    add("pcie_8_pin", "8pin");
    add("pcie_6_pin", "6pin");
    // No plug on a card drawing more than the slot's 75 W is a gap in the row, not a card
    // without plugs: the plugs stay unknown.
    std::optional<double> tdp = opendb::positive(row, "tdp");
    if (!plugs.empty() || (tdp && *tdp <= 75)) w.sourced("power_plugs", plugs);
  }
  spec = std::move(w.spec());
  return true;
}

} // namespace

const CategoryDescription& gpuCategory() {
  static const CategoryDescription d{Category::Gpu,
                                     "gpu",
                                     1,
                                     {{"length_mm", 50, 600, "mm"},
                                      {"height_mm", 30, 200, "mm"},
                                      {"thickness_slots", 1, 5, "slots"},
                                      {"thickness_mm", 10, 110, "mm"},
                                      {"bracket_slots", 1, 5, "slots"},
                                      {"power_w", 1, 1000, "W"},
                                      {"fans", 0, 4, "fans"},
                                      {"power_plug_from_end_mm", 0, 600, "mm"}},
                                     {"cooling", "power_plugs", "interface"},
                                     read,
                                     shapes,
                                     power,
                                     {0x37, 0x47, 0x4f},
                                     {{"length_mm", "length (mm)"},
                                      {"thickness_slots", "cooler thickness (slots, e.g. 2.5)"},
                                      {"bracket_slots", "bracket (slots)"},
                                      {"cooling", "cooling", {"open_air", "blower"}},
                                      {"interface", "edge", {"x16", "x8", "x4", "x1"}},
                                      {"height_mm", "height (mm)", {}, false},
                                      {"power_w", "power (W)", {}, false}},
                                     "GPU",
                                     fromOpenDb,
                                     {MountKind::PcieSlot}};
  return d;
}

} // namespace rigfit
