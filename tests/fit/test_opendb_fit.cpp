// OpenDB parts in builds: every case's published card length is reproduced as a boundary, and a
// build of OpenDB parts is checked end to end with the estimates it rests on listed.
#include "catalog/opendb.hpp"
#include "catalog/part_json.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <map>

using namespace rigfit;
using namespace rigfit::test;

namespace {

// A seed board for each form factor a case may take, and its first x16 slot.
const std::map<std::string, std::string> kBoardFor = {{"ATX", "asus-prime-x470-pro"},
                                                      {"E-ATX", "asus-prime-x470-pro"},
                                                      {"microATX", "msi-mag-b550m-mortar"},
                                                      {"Mini-ITX", "asus-rog-strix-b550-i-gaming"}};

std::string firstX16(const Part& board) {
  for (const Mount& m : board.mounts)
    if (m.kind == MountKind::PcieSlot && m.mechanical == 16) return m.name;
  return "";
}

// The seed EVGA card made `length` mm long.
Part cardOfLength(double length) {
  nlohmann::json j = partJson("evga-rtx2060-xc");
  j["id"] = "test-card-" + std::to_string(static_cast<long>(length * 100));
  setFigure(j, "length_mm", length);
  Result<Part> p = parsePart(j, "test");
  INFO((p ? "" : p.error().message()));
  REQUIRE(p);
  return *p;
}

} // namespace

TEST_CASE("opendb: every case's published card length fits at the limit and fails 1 mm over",
          "[fit][opendb][boundary]") {
  OpenDbCategoryLoad cases =
      loadOpenDbCategory(sourcePath("parts/opendb"), describe(Category::Case));
  Catalog c = seedCatalog();
  std::vector<Part> added;
  std::map<double, std::string> cards; // length -> the card of that length
  auto card = [&](double length) {
    if (!cards.count(length)) {
      Part p = cardOfLength(length);
      cards[length] = p.id;
      added.push_back(std::move(p));
    }
    return cards[length];
  };
  std::vector<std::pair<std::string, double>> limited; // case id, its limit
  for (const Part& p : cases.parts)
    if (p.chassis->maxGpuLengthMm) {
      double l = *p.chassis->maxGpuLengthMm;
      limited.push_back({p.id, l});
      card(l);
      // No card is longer than 600 mm (the reader's plausible range): a case that takes 600
      // is checked at its limit only.
      if (l + 1 <= 600) card(l + 1);
    }
  for (const Part& p : cases.parts)
    added.push_back(p);
  REQUIRE(c.addAll(std::move(added)).empty());
  REQUIRE(limited.size() > 3000);
  std::size_t checkedCases = 0;
  for (const auto& [caseId, limit] : limited) {
    const Part* chassis = c.find(caseId);
    const Part* board = c.find(kBoardFor.at(chassis->chassis->formFactors.front()));
    INFO(caseId << " takes cards up to " << limit << " mm; board " << board->id);
    for (bool over : {false, true}) {
      if (over && !cards.count(limit + 1)) continue;
      Build b("limit",
              {Instance("case", caseId), Instance("board", board->id, "case", "tray"),
               Instance("gpu1", cards.at(over ? limit + 1 : limit), "board", firstX16(*board))});
      Finding f = only(checked(b, c), "gpu-length", "gpu1");
      INFO((over ? "1 mm over" : "at the limit"));
      CHECK(*f.measured == Approx(over ? -1.0 : 0.0).margin(1e-6));
      CHECK((f.severity == Severity::Fail) == over);
    }
    ++checkedCases;
  }
  CHECK(checkedCases == limited.size());
}

TEST_CASE("opendb: a build of OpenDB parts is checked end to end, its estimates listed",
          "[fit][opendb]") {
  Catalog c = seedCatalog();
  const std::string meshify2c = "fractal-design-meshify-2-compact-atx-mid-tower-black-e68c8957";
  const std::string lancool =
      "lian-li-lancool-ii-mesh-atx-mid-tower-white-tempered-glass-side-panel-c31a4922";
  const std::string suprim = "msi-suprim-x-geforce-rtx-4090-24-gb-d745581d";
  const std::string d15s = "noctua-nh-d15s-air-160mm-82-52-cfm-f2a50dc3";
  const std::string lpx = "corsair-vengeance-lpx-ddr4-3200-cl16-16gb-2x8gb-e757213d";
  const std::string rm850x = "corsair-rm850x-black-850w-fully-modular-80-gold-c292ea59";
  REQUIRE(
      addOpenDbParts(c, sourcePath("parts/opendb"), {meshify2c, lancool, suprim, d15s, lpx, rm850x})
          .empty());
  auto build = [&](const std::string& chassis) {
    return Build(
        "opendb",
        {Instance("case", chassis), Instance("board", "asus-prime-x470-pro", "case", "tray"),
         Instance("cpu", "amd-ryzen7-2700x", "board", "CPU"),
         Instance("cooler", d15s, "cpu", "cooler"), Instance("ram1", lpx, "board", "DIMM_A2"),
         Instance("ram2", lpx, "board", "DIMM_B2"), Instance("gpu1", suprim, "board", "PCIEX16_1"),
         Instance("psu", rm850x, "case", "psu_bay")});
  };
  // The Meshify 2 Compact: 360 mm for a 336 mm card; its row gives no cooler limit or width.
  FitResult m = checked(build(meshify2c), c);
  Finding length = only(m, "gpu-length", "gpu1");
  CHECK(length.severity == Severity::Pass);
  CHECK(*length.measured == Approx(24));
  bool depthListed = false;
  for (const std::string& e : length.estimates)
    depthListed = depthListed || e.find("interior_depth_mm") != std::string::npos;
  CHECK_FALSE(depthListed); // the published limit decides, not the estimated interior
  Finding height = only(m, "cooler-height");
  CHECK(height.severity == Severity::NotChecked);
  CHECK(height.message.find("neither its CPU cooler limit nor its width") != std::string::npos);
  // Its PSU's place is not in the row: its form factor is checked, its length not measured.
  CHECK(only(m, "psu-length").severity == Severity::NotChecked);
  // The Lancool II Mesh publishes 176 mm for coolers: the 160 mm D15S has 16 mm.
  FitResult l = checked(build(lancool), c);
  Finding tower = only(l, "cooler-height");
  CHECK(tower.severity == Severity::Pass);
  CHECK(*tower.measured == Approx(16));
  // The cooler's footprint is an estimate from its fan; the checks that use it say so.
  Finding ram = only(l, "cooler-ram");
  CHECK(ram.severity == Severity::NotChecked); // the LPX row gives no height
  Finding slots = only(l, "slot-openings", "gpu1");
  CHECK(slots.severity == Severity::Pass);
}

TEST_CASE("opendb: a build of OpenDB parts only, its guessed board layout named in its verdicts",
          "[fit][opendb]") {
  Catalog c = seedCatalog();
  const std::vector<std::string> ids = {
      "lian-li-lancool-ii-mesh-atx-mid-tower-white-tempered-glass-side-panel-c31a4922",
      "asus-rog-strix-b650e-f-gaming-wifi-am5-ddr5-atx-1a2236a4",
      "amd-ryzen-7-7700x-60a8ba0d", // (the 7800X3D's row is named by a curated part now)
      "thermalright-phantom-spirit-120-se-air-154mm-black-silver-27cc18ba",
      "g-skill-flare-x5-black-ddr5-6000-cl30-32gb-2x16gb-45218af2",
      "msi-suprim-x-geforce-rtx-4090-24-gb-d745581d",
      "corsair-rm850x-black-850w-fully-modular-80-gold-c292ea59"};
  REQUIRE(addOpenDbParts(c, sourcePath("parts/opendb"), ids).empty());
  for (const std::string& id : ids) {
    INFO(id);
    REQUIRE(c.find(id));
    CHECK(c.find(id)->tier == Tier::OpenDb);
  }
  Build b(
      "opendb only",
      {Instance("case", ids[0]), Instance("board", ids[1], "case", "tray"),
       Instance("cpu", ids[2], "board", "CPU"), Instance("cooler", ids[3], "cpu", "cooler"),
       Instance("ram1", ids[4], "board", "DIMM_A2"), Instance("ram2", ids[4], "board", "DIMM_B2"),
       Instance("gpu1", ids[5], "board", "PCIEX16_1"), Instance("psu", ids[6], "case", "psu_bay")});
  FitResult r = checked(b, c);
  // Every part sits on a compatible mount; the Lancool's row names no PSU form factor, so the
  // PSU's is not checked, and says so.
  std::vector<Finding> mounts = findings(r, "mount");
  REQUIRE(mounts.size() == 2);
  Finding psuMount = only(r, "mount", "psu");
  CHECK(psuMount.severity == Severity::NotChecked);
  CHECK(psuMount.message.find("does not say which form factors it takes") != std::string::npos);
  CHECK(r.count(Severity::Fail) == 0);
  Finding length = only(r, "gpu-length", "gpu1");
  CHECK(length.severity == Severity::Pass);
  CHECK(*length.measured == Approx(384 - 336));
  Finding height = only(r, "cooler-height");
  CHECK(height.severity == Severity::Pass);
  CHECK(*height.measured == Approx(176 - 154));
  // Every verdict about the card in its slot rests on the guessed layout, and says so.
  for (const char* check : {"slot-openings", "pcie-lanes"}) {
    Finding f = only(r, check, "gpu1");
    INFO(check << ": " << f.message);
    bool guessed = false;
    for (const std::string& e : f.estimates)
      guessed = guessed || e.find("guessed from slot counts") != std::string::npos;
    CHECK(guessed);
  }
  // Each estimate a finding rests on is listed with the part it belongs to.
  for (const Finding& f : r.findings)
    for (const std::string& e : f.estimates)
      CHECK(e.find(": ") != std::string::npos);
}
