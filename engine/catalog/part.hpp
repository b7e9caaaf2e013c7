#pragma once
// A Part is rigid geometry from the catalog with the mounts it offers and the mount it needs;
// a Solid is a named box of that geometry with a role; a Figure is one sourced number.
#include "geometry/box.hpp"

#include <map>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <vector>

namespace rigfit {

enum class Category { Case, Motherboard, Gpu, Cpu, Cooler, Memory, Psu, Storage, Fan, Radiator };
enum class MountKind {
  Tray,
  PcieSlot,
  DimmSlot,
  CpuSocket,
  CoolerMount,
  M2Slot,
  PsuBay,
  FanMount,
  RadiatorMount,
  DriveBay
};

const char* toString(Category c);
const char* toString(MountKind k);
// A kind of mount in a builder's words, and what brings one into a build.
struct MountWords {
  const char* article; // "a", "an"
  const char* noun;    // "PCIe slot"
  const char* broughtBy;
};
MountWords wordsFor(MountKind k);
std::optional<Category> categoryFromString(const std::string& s);

// One number from a spec sheet, or an estimate that says how it was made. A figure may give the
// band its true value lies in ("range"): an estimate how far off it could be, or two sources
// that disagree; catalog/ranges.hpp adds the bands of the kinds of estimate the catalog makes.
struct Figure {
  double value = 0.0;
  std::string source;           // key into Part::sources, or "" when estimated
  std::string estimate;         // how the estimate was made, or "" when sourced
  std::optional<double> lo, hi; // the band, lo <= value <= hi, when the spec gives one
  std::string rangeWhy;         // where the band comes from
  bool estimated() const { return !estimate.empty(); }
  bool operator==(const Figure&) const = default;
};

enum class SolidRole {
  Body,    // material: two bodies of different parts must not overlap
  Limit,   // a published limit drawn as a surface (max GPU length, max PSU length): only the
           // check for that limit measures it, so nothing else "collides" with a number
  Keepout, // space that must stay free: intrusion is a fail, or a warn when `soft`
  Airflow, // space a fan breathes through: intrusion is a warn
};

struct Solid {
  std::string name; // e.g. "body", "power_plug", "side_panel"
  SolidRole role = SolidRole::Body;
  geo::Aabb box;     // in the part's frame
  bool soft = false; // a keep-out whose intrusion warns rather than fails
  // A mounting surface: parts rest against it by design (a card's bracket on the rear panel, a
  // PSU on the floor, a card passing just over its neighbours' slot connectors), so touching
  // it is no margin; overlapping it is still a collision.
  bool datum = false;
  std::vector<std::string> estimates; // names of estimated figures or standards it rests on
  std::optional<Category> limits = std::nullopt; // a Limit solid: what it limits (cards, PSUs)
  std::string condition; // a limit that holds in one configuration: "with the HDD brackets in"
};

// Electrical width a PCIe slot falls to when any of `populated` holds a card.
struct LaneRule {
  std::vector<std::string> populated;
  int lanes = 0;
};

// A typed place where a child part attaches.
struct Mount {
  std::string name; // unique within its part: "PCIEX16_1", "DIMM_A2", "tray"
  MountKind kind = MountKind::Tray;
  geo::Pose X_PM;                   // the child's frame in this part's frame
  std::vector<std::string> accepts; // form factors, socket, memory type, M.2 key
  std::vector<std::string> mates;   // this part's solids the child rests on (not collisions)
  // PCIe slots
  int position = 0; // board slot position, 1 nearest the CPU
  int mechanical = 0, lanes = 0, gen = 0;
  std::string via; // "cpu" or "chipset"
  std::vector<LaneRule> laneRules;
  // DIMM slots
  int channel = 0;        // 0 = A, 1 = B
  bool preferred = false; // one of the slots the manual names for a two-module kit
  // M.2 slots and PSU bays
  double maxLengthMm = 0.0;
  std::vector<std::string> estimates; // position or attributes that are estimates
  // Where the parent puts the child is not known (a case whose PSU place is not modelled): the
  // child is checked by its figures (length, form factor) and neither drawn nor measured.
  bool unplaced = false;
  // Its part does not say what it takes (a case that names no PSU form factor): anything of
  // its kind goes on, and the mount check says "not checked" instead of passing it.
  bool acceptsUnknown = false;
};

struct GpuInfo {
  double lengthMm = 0, thicknessMm = 0;
  std::optional<double> heightMm;
  int bracketSlots = 0, edgeWidth = 16;
  bool blower = false;
  std::optional<std::vector<std::string>>
      powerPlugs; // "8pin", "6pin", "12vhpwr"; unknown if absent
  std::optional<double> powerW;
};
// A place for a fan or a radiator on one of a case's panels, as read from the case's
// "fan_mounts" or "radiator_mounts" group.
struct PanelPlace {
  std::string name;       // "FRONT_1"
  std::string panel;      // front, rear, top, bottom
  std::vector<int> sizes; // what it takes, in mm: fan frames (120, 140) or radiator classes (360)
  double a = 0, b = 0;    // the centre on the panel: (y, z) on front or rear, (x, z) on top
                          // or bottom, case frame
  double inset = 0;       // how far inside the panel's inner face the place's face stands
};
// A place for a 2.5" or 3.5" drive, as read from the case's "drive_bays" group. The drive lies
// flat, its length front to back; (x, y, z) is its rear bottom edge's centre, case frame.
struct DriveBayPlace {
  std::string name;
  std::vector<std::string> sizes; // "2.5in", "3.5in"
  double x = 0, y = 0, z = 0;
};

// A piece of a case a builder may take out (drive brackets, a drive cage), with the limits the
// case publishes while it is in. The case's own limits are those with every such piece out.
struct CaseRemovable {
  std::string name; // "hdd_brackets"; its option is removedOption(name)
  std::string what; // "the two HDD brackets"
  std::optional<double> maxGpuLengthMm, maxPsuLengthMm;
  std::vector<std::string> estimates; // which of its limits are estimates
};

struct CaseInfo {
  std::vector<std::string> formFactors, psuFormFactors;
  int openings = 0;
  std::optional<double> maxGpuLengthMm, maxCoolerMm, maxPsuLengthMm;
  double sidePanelZ = 0; // inner face of the window side panel, case frame
  // False where the case publishes neither its cooler limit nor its width: the panel is drawn
  // at a width no check measures, and the checks against it say "not checked".
  bool sideKnown = true;
  std::optional<double> fansW; // included fans' draw
  std::vector<PanelPlace> fanMounts, radiatorMounts;
  std::vector<DriveBayPlace> driveBays;
  std::vector<CaseRemovable> removables;
  // what about each group of places is estimated
  std::vector<std::string> fanMountEstimates, radiatorMountEstimates, driveBayEstimates;
};
struct BoardInfo {
  std::string formFactor, socket, memoryType;
  double widthMm = 0, depthMm = 0;
  std::optional<double> memoryMaxGb, powerW;
};
struct CpuInfo {
  std::string socket;
  std::optional<double> tdpW;
  std::optional<bool> integratedGraphics;
};
struct CoolerInfo {
  std::vector<std::string> sockets;
  std::optional<double> heightMm;
  std::string radiator; // an all-in-one's radiator: its catalog id, or "" for an air cooler
  // A tower: fins and fans on heat pipes, overhanging the board from a height (its RAM
  // clearance) over a narrow base; otherwise one block from the board up (top-flow, pump).
  bool tower = false;
};
struct MemoryInfo {
  std::string type, kit;
  double moduleGb = 0;
  int kitModules = 1;
  std::optional<double> heightMm, powerW;
};
struct PsuInfo {
  std::string formFactor;
  double lengthMm = 0;
  std::optional<double> watts;
  std::optional<int> pcie8pin;
};
struct FanInfo {
  double sizeMm = 0, thicknessMm = 0; // square frame, and depth along the airflow
  std::optional<double> powerW;
  int packFans = 1; // the fans sold together as this part (a "3-Pack"); each placed is one
};
// A radiator of an all-in-one or custom loop with the fans that cool it, as mounted on a panel:
// its class is its fans' span (2 x 120 mm = "240").
struct RadiatorInfo {
  double lengthMm = 0, widthMm = 0, thicknessMm = 0;
  double fanSizeMm = 0, fanThicknessMm = 0;
  int fanCount = 0;
  std::optional<double> powerW; // its fans' draw (a pump is powered with the cooler)
  int sizeClass() const { return static_cast<int>(fanSizeMm) * fanCount; }
};
struct StorageInfo {
  std::string formFactor, key;
  double lengthMm = 0;
  std::optional<double> powerW;
};

// A setting a builder chooses per placed part (a tower cooler's front fan raised over tall
// memory), within the range the part's figures allow. It changes the part's solids.
struct PartOption {
  std::string name; // as in a build file's "options": "fan_raise_mm"
  std::string what; // for a builder: "front fan raised"
  double min = 0, max = 0;
  std::string unit = "mm";
  std::vector<std::string> estimates; // what the changed solids rest on
  bool toggle = false;                // 1 or 0 only: a case's piece taken out, or left in
  // Whether a build may set it to `value`: from min to max, and 1 or 0 for a toggle.
  bool allows(double value) const {
    return value >= min && value <= max && (!toggle || value == 0.0 || value == 1.0);
  }
};
using Options = std::map<std::string, double>; // option name -> value
// A tower cooler's front fan raised over tall memory, in mm (its part figure fan_raise_max_mm).
inline constexpr const char* kFanRaiseOption = "fan_raise_mm";
// A case's piece taken out (1) or left in (0, as the case ships): "hdd_brackets_removed".
inline std::string removedOption(const std::string& piece) {
  return piece + "_removed";
}

// How a part looks when a mesh shows it better than its boxes. Drawing only: every check
// measures the solids, so a mesh never changes a verdict.
struct MeshRef {
  std::string file;       // as written: relative to the part file's folder, else to the assets
  double mmPerUnit = 1.0; // "units": mm, cm, m or in
  // Column i is the part axis that mesh axis i becomes ("axes": ["+y", "+z", "+x"] for a glTF
  // card modelled Y-up with its length along X). Always a rotation, never a mirror image.
  glm::dmat3 axes{1.0};
  // "stretch": the mesh is scaled onto the bounds of the part's bodies (a generic look);
  // "exact" (default): its size is kept and must match those bounds.
  bool stretch = false;
};

// A board's slots as read from its spec, before they become mounts and solids.
struct BoardLayout {
  struct Pcie {
    std::string name, via;
    int position = 0, mechanical = 0, lanes = 0, gen = 0;
    std::vector<LaneRule> laneRules;
  };
  struct Dimm {
    std::string name;
    int channel = 0;
    double y = 0;
    bool preferred = false;
  };
  struct M2 {
    std::string name, key, via;
    double maxLength = 0, x = 0, y = 0;
    int lanes = 0, gen = 0;
  };
  std::vector<Pcie> pcie;
  std::vector<Dimm> dimms;
  std::vector<M2> m2s;
  double dimmStartX = 0;
  std::vector<std::string> pcieEstimates, dimmEstimates, m2Estimates;
};

// Where a part comes from: the hand-made catalog (parts/, a builder's own folders), or a row of
// the BuildCores OpenDB snapshot mapped by its category (catalog/opendb.hpp).
enum class Tier { Curated, OpenDb };

struct Part {
  std::string id, name, file;
  Category category = Category::Case;
  Tier tier = Tier::Curated;
  std::string opendbId; // the OpenDB row it is (or, curated, the row it is the same product as)
  std::string maker;    // where the spec gives it apart from the name (OpenDB rows do)
  std::vector<std::string> partNumbers; // the maker's, for finding the part
  std::optional<MountKind> needs;       // none for a case
  std::string fits;                     // what the mount must accept (form factor, socket, ...)
  std::map<std::string, std::string> sources;
  std::map<std::string, Figure> figures;
  std::vector<Solid> solids;
  std::vector<Mount> mounts;

  std::optional<GpuInfo> gpu;
  std::optional<CaseInfo> chassis;
  std::optional<BoardInfo> board;
  std::optional<CpuInfo> cpu;
  std::optional<CoolerInfo> cooler;
  std::optional<MemoryInfo> memory;
  std::optional<PsuInfo> psu;
  std::optional<StorageInfo> storage;
  std::optional<FanInfo> fan;
  std::optional<RadiatorInfo> radiator;
  std::optional<BoardLayout> boardLayout;
  std::map<std::string, std::string> texts; // text figures, as shown to a builder
  std::optional<MeshRef> mesh;
  std::vector<PartOption> options;
  // The spec it was read from, so that a copy with other figures can be made (catalog/
  // part_json.hpp: a builder's own figure, or an estimate tried at the ends of its band).
  std::shared_ptr<const nlohmann::json> spec;

  // Names of the given figures that are estimates, for a solid's or finding's record.
  std::vector<std::string> estimatedAmong(std::initializer_list<const char*> names) const;

  const Mount* mount(const std::string& mountName) const;
  const PartOption* option(const std::string& optionName) const;
  const Solid* solid(const std::string& solidName) const;
};

// The bounds of the bodies among `solids` (what a mesh is fitted to), in their frame; none
// when there is no body.
std::optional<geo::Aabb> bodyBounds(const std::vector<Solid>& solids);

} // namespace rigfit
