#include "catalog/part_json.hpp"

#include "catalog/json_read.hpp"
#include "catalog/shapes.hpp"
#include "catalog/standards.hpp"
#include "common/json_in.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

namespace rigfit {
namespace {

using nlohmann::json;
using namespace json_read;

// Plausible range of each numeric figure: a value outside it is a typo or a unit mix-up.
struct FigureRule {
  const char* name;
  double min, max;
  const char* unit;
};

// The figures each category may carry; "text" figures are strings or arrays of strings.
struct CategoryFigures {
  Category category;
  std::vector<FigureRule> numbers;
  std::vector<const char*> texts;
};

const std::vector<CategoryFigures>& figureTable() {
  static const std::vector<CategoryFigures> table = {
      {Category::Case,
       {{"expansion_slots", 1, 12, "openings"},
        {"max_gpu_length_mm", 100, 600, "mm"},
        {"max_cpu_cooler_mm", 20, 250, "mm"},
        {"max_psu_length_mm", 80, 400, "mm"},
        {"interior_depth_mm", 150, 1000, "mm"},
        {"interior_height_mm", 150, 1000, "mm"},
        {"interior_width_mm", 50, 600, "mm"},
        {"board_top_mm", 150, 1000, "mm"},
        {"psu_centre_z_mm", -200, 400, "mm"},
        {"fans_w", 0, 200, "W"},
        {"external_depth_mm", 150, 1000, "mm"},
        {"external_width_mm", 50, 600, "mm"},
        {"external_height_mm", 150, 1000, "mm"},
        {"drive_bays_3_5in", 0, 20, "bays"},
        {"drive_bays_2_5in", 0, 20, "bays"},
        {"psu_shroud_height_mm", 20, 300, "mm"},
        {"psu_shroud_depth_mm", 50, 1000, "mm"}},
       {"form_factors", "psu_form_factors", "psu_shroud"}},
      {Category::Motherboard,
       {{"memory_max_gb", 1, 4096, "GB"},
        {"power_w", 1, 300, "W"},
        {"socket_x_mm", 0, 330, "mm"},
        {"socket_y_mm", 0, 330, "mm"},
        {"header_band_mm", 0, 60, "mm"},
        {"header_plug_height_mm", 0, 60, "mm"}},
       {"form_factor", "socket", "memory_type"}},
      {Category::Gpu,
       {{"length_mm", 50, 600, "mm"},
        {"height_mm", 30, 200, "mm"},
        {"thickness_slots", 1, 5, "slots"},
        {"thickness_mm", 10, 110, "mm"},
        {"bracket_slots", 1, 5, "slots"},
        {"power_w", 1, 1000, "W"},
        {"fans", 0, 4, "fans"},
        {"power_plug_from_end_mm", 0, 600, "mm"}},
       {"cooling", "power_plugs", "interface"}},
      {Category::Cpu,
       {{"tdp_w", 1, 500, "W"}, {"package_mm", 10, 100, "mm"}, {"package_height_mm", 1, 30, "mm"}},
       {"socket", "integrated_graphics"}},
      {Category::Cooler,
       {{"height_mm", 20, 250, "mm"},
        {"footprint_x_mm", 30, 250, "mm"},
        {"footprint_y_mm", 30, 250, "mm"},
        {"ram_clearance_mm", 10, 120, "mm"},
        {"fan_raise_max_mm", 1, 60, "mm"}},
       {"sockets", "radiator", "type"}},
      {Category::Memory,
       {{"module_gb", 1, 256, "GB"},
        {"kit_modules", 1, 16, "modules"},
        {"height_mm", 20, 80, "mm"},
        {"length_mm", 100, 160, "mm"},
        {"thickness_mm", 1, 20, "mm"},
        {"power_w", 0.1, 30, "W"}},
       {"type", "kit"}},
      {Category::Psu,
       {{"watts", 100, 3000, "W"}, {"length_mm", 80, 300, "mm"}, {"pcie_8pin", 0, 16, "plugs"}},
       {"form_factor"}},
      {Category::Storage,
       {{"length_mm", 20, 200, "mm"},
        {"width_mm", 10, 120, "mm"},
        {"thickness_mm", 0.5, 45, "mm"},
        {"power_w", 0.1, 30, "W"}},
       {"form_factor", "key"}},
      {Category::Fan,
       {{"size_mm", 40, 200, "mm"}, {"thickness_mm", 5, 60, "mm"}, {"power_w", 0.1, 30, "W"}},
       {}},
      {Category::Radiator,
       {{"length_mm", 100, 600, "mm"},
        {"width_mm", 80, 200, "mm"},
        {"thickness_mm", 10, 100, "mm"},
        {"fan_size_mm", 80, 200, "mm"},
        {"fan_count", 1, 4, "fans"},
        {"fan_thickness_mm", 0, 60, "mm"},
        {"power_w", 0.1, 60, "W"}},
       {}},
  };
  return table;
}

const CategoryFigures& figuresOf(Category c) {
  for (const auto& cf : figureTable())
    if (cf.category == c) return cf;
  fail("/category", "no figure table for this category"); // unreachable for known categories
}

std::string joinText(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "yes" : "no";
  std::string out;
  for (const auto& e : v)
    out += (out.empty() ? "" : ", ") + e.get<std::string>();
  return out;
}

class Reader {
public:
  Reader(const json& j, Part& part) : j_(j), part_(part) {}

  void readFigures() {
    if (!j_.contains("figures")) fail("/figures", "missing");
    const json& figs = j_["figures"];
    if (!figs.is_object()) fail("/figures", "must be an object of named figures");
    const CategoryFigures& allowed = figuresOf(part_.category);
    for (auto it = figs.begin(); it != figs.end(); ++it) {
      std::string path = "/figures/" + it.key();
      const json& f = it.value();
      if (!f.is_object() || !f.contains("value"))
        fail(path, "must be an object with \"value\" and \"source\" or \"estimate\"");
      Figure fig;
      readProvenance(f, path, part_, fig.source, fig.estimate);
      const json& v = f["value"];
      const FigureRule* rule = nullptr;
      for (const auto& r : allowed.numbers)
        if (it.key() == r.name) rule = &r;
      bool isText = false;
      for (const char* t : allowed.texts)
        isText |= it.key() == t;
      if (rule) {
        if (!v.is_number()) fail(path + "/value", std::string("must be a number in ") + rule->unit);
        fig.value = v.get<double>();
        if (!(fig.value >= rule->min && fig.value <= rule->max))
          fail(path + "/value", "must be between " + shortNumber(rule->min) + " and " +
                                    shortNumber(rule->max) + " " + rule->unit + " (got " +
                                    shortNumber(fig.value) + ")");
      } else if (isText) {
        bool ok = v.is_string() || v.is_boolean() || v.is_array();
        if (v.is_array())
          for (const auto& e : v)
            ok &= e.is_string();
        if (!ok) fail(path + "/value", "must be a string, a yes/no or a list of strings");
        text_[it.key()] = v;
      } else {
        std::string known;
        for (const auto& r : allowed.numbers)
          known += std::string(known.empty() ? "" : ", ") + r.name;
        for (const char* t : allowed.texts)
          known += std::string(", ") + t;
        fail(path, std::string("is not a figure of a ") + toString(part_.category) +
                       " (known: " + known + ")");
      }
      part_.figures[it.key()] = fig;
    }
  }

  bool has(const std::string& name) const { return part_.figures.count(name) > 0; }

  double number(const std::string& name) const {
    if (!has(name) || text_.count(name))
      fail("/figures/" + name, "missing: required for a " + std::string(toString(part_.category)));
    return part_.figures.at(name).value;
  }
  std::optional<double> optional(const std::string& name) const {
    if (!has(name)) return std::nullopt;
    return part_.figures.at(name).value;
  }
  const json& textValue(const std::string& name) const {
    auto it = text_.find(name);
    if (it == text_.end())
      fail("/figures/" + name, "missing: required for a " + std::string(toString(part_.category)));
    return it->second;
  }
  std::string text(const std::string& name) const {
    const json& v = textValue(name);
    if (!v.is_string()) fail("/figures/" + name + "/value", "must be a string");
    return v.get<std::string>();
  }
  std::vector<std::string> list(const std::string& name) const {
    const json& v = textValue(name);
    if (!v.is_array() || v.empty()) fail("/figures/" + name + "/value", "must be a non-empty list");
    return v.get<std::vector<std::string>>();
  }
  std::optional<bool> flag(const std::string& name) const {
    auto it = text_.find(name);
    if (it == text_.end()) return std::nullopt;
    if (!it->second.is_boolean()) fail("/figures/" + name + "/value", "must be true or false");
    return it->second.get<bool>();
  }
  int count(const std::string& name) const {
    double v = number(name);
    if (v != static_cast<int>(v)) fail("/figures/" + name + "/value", "must be a whole number");
    return static_cast<int>(v);
  }

  void finishTexts() {
    for (const auto& [name, v] : text_)
      part_.figures[name].value = 0.0;
  }

  std::map<std::string, std::string> textForms() const {
    std::map<std::string, std::string> out;
    for (const auto& [name, v] : text_)
      out[name] = joinText(v);
    return out;
  }

private:
  const json& j_;
  Part& part_;
  std::map<std::string, json> text_;
};

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

Part parse(const json& j) {
  if (!j.is_object()) fail("", "a part spec must be a JSON object");
  if (!j.contains("schema")) fail("/schema", "missing (this reader knows schema 1)");
  if (Result<std::int64_t> schema = wholeNumber(j["schema"], 1, kPartSchemaVersion); !schema)
    fail("/schema", schema.error().reason + ": the part schemas this rigfit reads");
  static const std::set<std::string> known = {
      "schema",    "id",      "name",       "category",        "part_numbers",
      "sources",   "figures", "pcie_slots", "dimm_slots",      "m2_slots",
      "notes",     "mesh",    "fan_mounts", "radiator_mounts", "drive_bays",
      "removables"};
  for (auto it = j.begin(); it != j.end(); ++it)
    if (!known.count(it.key())) fail("/" + it.key(), "is not a field of a part spec");
  Part part;
  part.id = requireString(j, "id", "");
  for (char c : part.id)
    if (!(std::islower(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '-'))
      fail("/id", "may hold only a-z, 0-9 and '-' (got \"" + part.id + "\")");
  part.name = requireString(j, "name", "");
  auto cat = categoryFromString(requireString(j, "category", ""));
  if (!cat)
    fail("/category",
         "must be one of case, motherboard, gpu, cpu, cooler, memory, psu, storage, fan, "
         "radiator");
  part.category = *cat;
  if (!j.contains("sources") || !j["sources"].is_object())
    fail("/sources", "missing: an object naming each source by a short key");
  for (auto it = j["sources"].begin(); it != j["sources"].end(); ++it) {
    if (!it.value().is_string() || it.value().get<std::string>().size() < 8)
      fail("/sources/" + it.key(), "must cite where the figures come from");
    part.sources[it.key()] = it.value().get<std::string>();
  }
  Reader r(j, part);
  r.readFigures();
  if (j.contains("mesh")) {
    if (j["schema"].get<int>() < 2) fail("/mesh", "needs \"schema\": 2");
    readMesh(j["mesh"], part);
  }
  if (part.category == Category::Motherboard)
    readBoardSlots(j, part);
  else
    for (const char* g : {"pcie_slots", "dimm_slots", "m2_slots"})
      if (j.contains(g)) fail(std::string("/") + g, "only a motherboard has slots");
  for (const char* g : {"fan_mounts", "radiator_mounts", "drive_bays", "removables"}) {
    if (j.contains(g) && part.category != Category::Case)
      fail(std::string("/") + g, "only a case has places for fans, radiators, drives or "
                                 "pieces to take out");
    if (j.contains(g) && j["schema"].get<int>() < 2)
      fail(std::string("/") + g, "needs \"schema\": 2");
  }

  switch (part.category) {
  case Category::Case: {
    CaseInfo c;
    c.formFactors = r.list("form_factors");
    int positions = 0;
    for (const std::string& f : c.formFactors) {
      const standard::FormFactor* ff = standard::formFactor(f);
      if (!ff)
        fail("/figures/form_factors/value",
             "each must be ATX, microATX, Mini-ITX or E-ATX (got \"" + f + "\")");
      positions = std::max(positions, ff->slotPositions);
    }
    c.openings = r.count("expansion_slots");
    // Every slot of the largest board it takes needs an opening.
    if (c.openings < positions)
      fail("/figures/expansion_slots/value", std::to_string(c.openings) +
                                                 " openings cannot serve a board with " +
                                                 std::to_string(positions) + " slot positions");
    c.maxGpuLengthMm = r.optional("max_gpu_length_mm");
    c.maxCoolerMm = r.optional("max_cpu_cooler_mm");
    c.maxPsuLengthMm = r.optional("max_psu_length_mm");
    c.fansW = r.optional("fans_w");
    r.number("interior_depth_mm");
    r.number("interior_height_mm");
    r.number("board_top_mm");
    if (r.has("psu_centre_z_mm")) r.number("psu_centre_z_mm"); // absent: its place is unknown
    c.psuFormFactors = r.list("psu_form_factors");
    // A shroud over the PSU is a solid where its height and depth are given (or estimated).
    bool shroud = r.flag("psu_shroud").value_or(false);
    if (r.has("psu_shroud_height_mm") != r.has("psu_shroud_depth_mm"))
      fail("/figures/psu_shroud_height_mm",
           "give both psu_shroud_height_mm and psu_shroud_depth_mm, or neither");
    if (r.has("psu_shroud_height_mm") && !shroud)
      fail("/figures/psu_shroud_height_mm", "needs \"psu_shroud\": true");
    if (r.has("psu_shroud_height_mm") &&
        r.number("psu_shroud_height_mm") >= r.number("board_top_mm"))
      fail("/figures/psu_shroud_height_mm/value", "the shroud would stand above the board's top");
    if (r.has("drive_bays_3_5in")) r.count("drive_bays_3_5in");
    if (r.has("drive_bays_2_5in")) r.count("drive_bays_2_5in");
    if (!c.maxCoolerMm && !r.has("interior_width_mm"))
      fail("/figures/interior_width_mm",
           "missing: without max_cpu_cooler_mm the side panel's position needs it");
    if (r.number("board_top_mm") > r.number("interior_height_mm"))
      fail("/figures/board_top_mm/value", "the board's top edge is above the interior's top");
    part.chassis = c;
    readCasePlaces(j, part);
    break;
  }
  case Category::Motherboard: {
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
    break;
  }
  case Category::Gpu: {
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
      if (!plugs.is_array())
        fail("/figures/power_plugs/value", "must be a list such as [\"8pin\"]");
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
    break;
  }
  case Category::Cpu: {
    CpuInfo c;
    c.socket = r.text("socket");
    c.tdpW = r.optional("tdp_w");
    c.integratedGraphics = r.flag("integrated_graphics");
    r.number("package_mm");
    r.number("package_height_mm");
    part.cpu = c;
    part.needs = MountKind::CpuSocket;
    part.fits = c.socket;
    break;
  }
  case Category::Cooler: {
    CoolerInfo c;
    c.sockets = r.list("sockets");
    c.heightMm = r.optional("height_mm");
    if (r.has("footprint_x_mm") != r.has("footprint_y_mm"))
      fail("/figures/footprint_x_mm", "give both footprint_x_mm and footprint_y_mm, or neither");
    std::string type = r.has("type") ? r.text("type") : "";
    if (!type.empty() && type != "tower" && type != "top_flow" && type != "aio_pump")
      fail("/figures/type/value",
           "must be \"tower\", \"top_flow\" or \"aio_pump\" (got \"" + type + "\")");
    // A published RAM clearance is a tower's figure.
    c.tower = type == "tower" || (type.empty() && r.has("ram_clearance_mm"));
    if (r.has("ram_clearance_mm") && !c.tower)
      fail("/figures/ram_clearance_mm",
           "only a tower cooler has a RAM clearance (type is " + type + ")");
    if (r.has("fan_raise_max_mm") && !c.tower)
      fail("/figures/fan_raise_max_mm", "only a tower cooler's front fan can be raised over the "
                                        "memory (give \"type\": \"tower\")");
    if (r.has("radiator")) c.radiator = r.text("radiator");
    part.cooler = c;
    part.needs = MountKind::CoolerMount;
    break;
  }
  case Category::Memory: {
    MemoryInfo m;
    m.type = r.text("type");
    m.kit = r.text("kit");
    m.moduleGb = r.number("module_gb");
    m.kitModules = r.count("kit_modules");
    m.heightMm = r.optional("height_mm");
    m.powerW = r.optional("power_w");
    r.number("length_mm");
    r.number("thickness_mm");
    part.memory = m;
    part.needs = MountKind::DimmSlot;
    part.fits = m.type;
    break;
  }
  case Category::Psu: {
    PsuInfo p;
    p.formFactor = r.text("form_factor");
    if (p.formFactor != "ATX" && p.formFactor != "SFX" && p.formFactor != "SFX-L")
      fail("/figures/form_factor/value", "must be ATX, SFX or SFX-L");
    p.lengthMm = r.number("length_mm");
    p.watts = r.optional("watts");
    if (r.has("pcie_8pin")) p.pcie8pin = r.count("pcie_8pin");
    part.psu = p;
    part.needs = MountKind::PsuBay;
    part.fits = p.formFactor;
    break;
  }
  case Category::Fan: {
    if (j["schema"].get<int>() < 2) fail("/category", "a fan needs \"schema\": 2");
    FanInfo f;
    f.sizeMm = r.number("size_mm");
    f.thicknessMm = r.number("thickness_mm");
    f.powerW = r.optional("power_w");
    part.fan = f;
    part.needs = MountKind::FanMount;
    part.fits = shortNumber(f.sizeMm);
    break;
  }
  case Category::Radiator: {
    if (j["schema"].get<int>() < 2) fail("/category", "a radiator needs \"schema\": 2");
    RadiatorInfo x;
    x.lengthMm = r.number("length_mm");
    x.widthMm = r.number("width_mm");
    x.thicknessMm = r.number("thickness_mm");
    x.fanSizeMm = r.number("fan_size_mm");
    x.fanCount = r.count("fan_count");
    x.fanThicknessMm = r.number("fan_thickness_mm");
    x.powerW = r.optional("power_w");
    if (x.fanSizeMm * x.fanCount > x.lengthMm)
      fail("/figures/length_mm/value", std::to_string(x.fanCount) + " fans of " +
                                           shortNumber(x.fanSizeMm) + " mm do not fit along " +
                                           shortNumber(x.lengthMm) + " mm");
    part.radiator = x;
    part.needs = MountKind::RadiatorMount;
    part.fits = std::to_string(x.sizeClass());
    break;
  }
  case Category::Storage: {
    StorageInfo s;
    s.formFactor = r.text("form_factor");
    if (s.formFactor != "M.2" && s.formFactor != "2.5in" && s.formFactor != "3.5in")
      fail("/figures/form_factor/value",
           "must be M.2, 2.5in or 3.5in (got \"" + s.formFactor + "\")");
    s.lengthMm = r.number("length_mm");
    r.number("width_mm");
    r.number("thickness_mm");
    s.powerW = r.optional("power_w");
    if (s.formFactor == "M.2") {
      s.key = r.text("key");
      part.needs = MountKind::M2Slot;
      part.fits = s.key;
    } else {
      part.needs = MountKind::DriveBay;
      part.fits = s.formFactor;
    }
    part.storage = s;
    break;
  }
  }
  part.texts = r.textForms();
  r.finishTexts();
  buildShapes(part);
  return part;
}

} // namespace

Result<Part> parsePart(const json& j, const std::string& file) {
  try {
    Part p = parse(j);
    p.file = file;
    return p;
  } catch (const ParseError& e) {
    return Error{file, e.field, e.reason};
  } catch (const json::exception& e) {
    return Error{file, "", "unexpected JSON shape: " + withoutJsonPrefix(e.what())};
  }
}

Result<Part> loadPartFile(const std::string& path) {
  Result<json> j = loadJsonFile(path);
  if (!j) return j.error();
  return parsePart(*j, path);
}

} // namespace rigfit
