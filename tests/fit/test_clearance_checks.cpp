// Boundary cases of the named clearances: exactly at the limit fits, 1 mm over does not, and a
// missing figure says "not checked" instead of passing.
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

FitResult withFigure(const std::string& part, const std::string& figure, const json& value,
                     const Build& b = scene("article-build")) {
  json j = partJson(part);
  setFigure(j, figure, value);
  return checked(b, catalogWith({j}));
}

FitResult withoutFigure(const std::string& part, const std::string& figure,
                        const Build& b = scene("article-build")) {
  json j = partJson(part);
  j["figures"].erase(figure);
  return checked(b, catalogWith({j}));
}

} // namespace

TEST_CASE("GPU length against the case's published maximum", "[fit][boundary]") {
  // The Focus G takes 380 mm, measured from the slot plane where the card starts.
  Finding at = only(withFigure("evga-rtx2060-xc", "length_mm", 380), "gpu-length");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-9));
  Finding over = only(withFigure("evga-rtx2060-xc", "length_mm", 381), "gpu-length");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
  Finding none = only(withoutFigure("fractal-focus-g", "max_gpu_length_mm"), "gpu-length");
  CHECK(none.severity == Severity::NotChecked);
  // A published limit deeper than the interior (444 mm, estimated) leaves the front panel as
  // the limit: 444 - 189.89 = 254.11 mm.
  Finding deep = only(withFigure("fractal-focus-g", "max_gpu_length_mm", 500), "gpu-length");
  CHECK(*deep.measured == Approx(444 - 189.89));
  // The limit is a number, not material: a PSU reaching past it is no collision.
  FitResult shallow = withFigure("fractal-focus-g", "max_gpu_length_mm", 150);
  CHECK(only(shallow, "collision").severity == Severity::Pass);
  CHECK(only(shallow, "gpu-length").severity == Severity::Fail);
}

TEST_CASE("CPU cooler height against the side panel", "[fit][boundary]") {
  // The side panel stands at the case's published 165 mm above the board's surface.
  Finding at = only(withFigure("amd-wraith-prism", "height_mm", 165), "cooler-height");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-9));
  Finding over = only(withFigure("amd-wraith-prism", "height_mm", 166), "cooler-height");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
  CHECK(only(withoutFigure("amd-wraith-prism", "height_mm"), "cooler-height").severity ==
        Severity::NotChecked);
}

TEST_CASE("GPU height and its power plug against the side panel", "[fit][boundary]") {
  // Card top = 3.4 mm (fingers above the board) + height; the panel is 165 mm above the board,
  // so a 161.6 mm card touches it. The plug and bend add 35 mm: 126.6 mm just clears.
  Finding at = only(withFigure("evga-rtx2060-xc", "height_mm", 161.6), "gpu-height");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-9));
  Finding over = only(withFigure("evga-rtx2060-xc", "height_mm", 162.6), "gpu-height");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
  Finding plugAt = only(withFigure("evga-rtx2060-xc", "height_mm", 126.6), "gpu-power-plug");
  CHECK(plugAt.severity == Severity::Pass);
  CHECK(*plugAt.measured == Approx(0.0).margin(1e-9));
  // The plug space is a rule-of-thumb keep-out: intruding warns rather than fails.
  Finding plugOver = only(withFigure("evga-rtx2060-xc", "height_mm", 127.6), "gpu-power-plug");
  CHECK(plugOver.severity == Severity::Warn);
  CHECK(*plugOver.measured == Approx(-1.0));
  CHECK(only(withoutFigure("evga-rtx2060-xc", "height_mm"), "gpu-height").severity ==
        Severity::NotChecked);
  CHECK(
      only(withoutFigure("evga-rtx2060-xc", "power_plug_from_end_mm"), "gpu-power-plug").severity ==
      Severity::NotChecked);
}

TEST_CASE("PSU length against the bay", "[fit][boundary]") {
  json chassis = partJson("fractal-focus-g");
  setFigure(chassis, "max_psu_length_mm", 165); // the GameMax is 165 mm long
  FitResult at = checked(scene("article-build"), catalogWith({chassis}));
  CHECK(only(at, "psu-length").severity == Severity::Pass);
  CHECK(*only(at, "psu-length").measured == Approx(0.0).margin(1e-9));
  // Its 30 mm cable space then does not fit: a warning, not a failure.
  CHECK(only(at, "psu-cables").severity == Severity::Warn);
  CHECK(*only(at, "psu-cables").measured == Approx(-30.0));
  setFigure(chassis, "max_psu_length_mm", 164);
  FitResult over = checked(scene("article-build"), catalogWith({chassis}));
  CHECK(only(over, "psu-length").severity == Severity::Fail);
  CHECK(*only(over, "psu-length").measured == Approx(-1.0));
  // The Focus G's own spec has no PSU limit.
  CHECK(only(checked(scene("article-build"), seedCatalog()), "psu-length").severity ==
        Severity::NotChecked);
}

TEST_CASE("gap between adjacent cards", "[fit][boundary]") {
  // Cards in positions 2 and 5: 60.96 mm apart. A 3-slot cooler (60.96 mm) just touches the
  // next card's back; 1 mm thicker overlaps it by 1 mm.
  Build two = scene("article-two-gpus");
  Finding at = only(withFigure("evga-rtx2060-xc", "thickness_slots", 3.0, two), "gpu-gap");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-9));
  Finding over =
      only(withFigure("evga-rtx2060-xc", "thickness_slots", 61.96 / 20.32, two), "gpu-gap");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
}

TEST_CASE("the user's minimum clearance", "[fit][boundary]") {
  // The two-card build has a 5.08 mm gap: it passes a 5 mm minimum and warns under 6 mm.
  FitResult five = checked(scene("article-two-gpus"), seedCatalog(), FitSettings{5.0});
  CHECK(only(five, "gpu-gap").severity == Severity::Pass);
  FitResult six = checked(scene("article-two-gpus"), seedCatalog(), FitSettings{6.0});
  CHECK(only(six, "gpu-gap").severity == Severity::Warn);
  CHECK(*only(six, "gpu-gap").required == 6.0);
}

TEST_CASE("air in front of an open-air card's fans", "[fit][boundary]") {
  // Card 2 three pitches below: 60.96 - thickness of card 1. A 2-slot card leaves 20.32 mm,
  // the one free slot it wants; 1 mm thicker leaves 19.32 mm.
  Build two = scene("article-two-gpus");
  Finding at =
      only(withFigure("evga-rtx2060-xc", "thickness_slots", 2.0, two), "gpu-cooling", "gpu1");
  CHECK(at.severity == Severity::Pass);
  Finding over = only(withFigure("evga-rtx2060-xc", "thickness_slots", 41.64 / 20.32, two),
                      "gpu-cooling", "gpu1");
  CHECK(over.severity == Severity::Warn);
  CHECK(*over.measured == Approx(19.32));
  // A blower card exhausts through its bracket: no airflow space is asked of its neighbour.
  json blower = partJson("evga-rtx2060-xc");
  setFigure(blower, "cooling", "blower");
  FitResult r = checked(two, catalogWith({blower}));
  CHECK(only(r, "gpu-cooling", "gpu1").severity == Severity::Info);
}

TEST_CASE("cooler overhang against RAM and the top card", "[fit][boundary]") {
  // RAM in DIMM_A2 (y = 169.55, 7 mm thick) starts 166.05 mm from the rear edge; the socket
  // centre is at 90.05, so a 152 mm deep cooler reaches it exactly.
  Finding at = only(withFigure("amd-wraith-prism", "footprint_y_mm", 152), "cooler-ram");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-9));
  Finding over = only(withFigure("amd-wraith-prism", "footprint_y_mm", 154), "cooler-ram");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
  // The top card's back is at 182.58 - 2.67 = 179.91 mm from the board's top edge; the socket
  // centre at 100.05: a 159.72 mm tall footprint reaches it.
  Finding gpuAt = only(withFigure("amd-wraith-prism", "footprint_x_mm", 159.72), "cooler-gpu");
  CHECK(gpuAt.severity == Severity::Pass);
  CHECK(*gpuAt.measured == Approx(0.0).margin(1e-9));
  Finding gpuOver = only(withFigure("amd-wraith-prism", "footprint_x_mm", 161.72), "cooler-gpu");
  CHECK(gpuOver.severity == Severity::Fail);
  CHECK(*gpuOver.measured == Approx(-1.0));
  // RAM without a height has no solid: the overhang is not checked rather than passed.
  json ram = partJson("corsair-vengeance-lpx-8gb");
  ram["figures"].erase("height_mm");
  FitResult r = checked(scene("article-build"), catalogWith({ram}));
  CHECK(only(r, "cooler-ram").severity == Severity::NotChecked);
}

TEST_CASE("the bottom card against the PSU and the header plugs", "[fit][boundary]") {
  // A card in PCIEX16_3 (position 7): its cooler ends at y = 125.89 - thickness (see
  // test_article.cpp); the PSU's top is at y = 86, so 39.89 mm of thickness just touches it.
  Build low = with(without(scene("article-build"), "gpu1"),
                   {"gpu1", "evga-rtx2060-xc", "board", "PCIEX16_3"});
  Finding at =
      only(withFigure("evga-rtx2060-xc", "thickness_slots", 39.89 / 20.32, low), "bottom-card-psu");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-6));
  Finding over =
      only(withFigure("evga-rtx2060-xc", "thickness_slots", 40.89 / 20.32, low), "bottom-card-psu");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
  // A card in PCIEX16_2 (position 5) ends 240.87 mm + thickness below the top edge; the header
  // keep-out starts 10 mm inside the 304.8 mm edge: 53.93 mm of cooler reaches it.
  Build mid = with(without(scene("article-build"), "gpu1"),
                   {"gpu1", "evga-rtx2060-xc", "board", "PCIEX16_2"});
  Finding hAt = only(withFigure("evga-rtx2060-xc", "thickness_slots", 53.93 / 20.32, mid),
                     "bottom-card-headers");
  CHECK(hAt.severity == Severity::Pass);
  Finding hOver = only(withFigure("evga-rtx2060-xc", "thickness_slots", 54.93 / 20.32, mid),
                       "bottom-card-headers");
  CHECK(hOver.severity == Severity::Warn); // an estimated keep-out: a warning
  CHECK(*hOver.measured == Approx(-1.0));
  CHECK_FALSE(hOver.hard);
  // Without the board's header figures the check says so.
  CHECK(only(withoutFigure("asus-prime-x470-pro", "header_band_mm", mid), "bottom-card-headers")
            .severity == Severity::NotChecked);
}

TEST_CASE("collision between parts no named check covers", "[fit][boundary]") {
  // The M.2 drive sits under the top card, whose body starts 11.25 mm above the board (the
  // connector height): an 11.25 mm thick drive touches it, 12.25 mm overlaps by 1 mm.
  FitResult at = withFigure("samsung-970-evo-1tb", "thickness_mm", 11.25);
  CHECK(findings(at, "collision").size() == 1);
  CHECK(only(at, "collision").severity == Severity::Pass);
  FitResult over = withFigure("samsung-970-evo-1tb", "thickness_mm", 12.25);
  Finding f = only(over, "collision");
  CHECK(f.severity == Severity::Fail);
  CHECK(*f.measured == Approx(-1.0));
  CHECK(f.parts == std::vector<std::string>{"ssd", "gpu1"});
}

TEST_CASE("a tower cooler's overhang against tall memory", "[fit][boundary]") {
  // A tower over the DIMMs: footprint 152 mm deep reaches the moduleMm in DIMM_A2 (see the
  // footprint case above), and with a published RAM clearance only the fins overhang it. The
  // module (Vengeance LPX, 34 mm: OpenDB's rows of Corsair's figures) fits under a clearance
  // of its own height and not under 1 mm less.
  const double moduleMm =
      seedCatalog().find("corsair-vengeance-lpx-8gb")->figures.at("height_mm").value;
  nlohmann::json tower = partJson("amd-wraith-prism");
  setFigure(tower, "type", "tower");
  setFigure(tower, "height_mm", 158);
  setFigure(tower, "footprint_y_mm", 200);
  setFigure(tower, "ram_clearance_mm", moduleMm);
  Finding at = only(checked(scene("article-build"), catalogWith({tower})), "cooler-ram");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-9));
  setFigure(tower, "ram_clearance_mm", moduleMm - 1);
  Finding over = only(checked(scene("article-build"), catalogWith({tower})), "cooler-ram");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(-1.0));
  // A tower whose maker gives no RAM clearance overhangs from an estimated 32 mm: the module is
  // that much short of it, and the verdict names the estimate it rests on.
  tower["figures"].erase("ram_clearance_mm");
  Finding estimated = only(checked(scene("article-build"), catalogWith({tower})), "cooler-ram");
  CHECK(estimated.severity == Severity::Fail);
  CHECK(*estimated.measured == Approx(32 - moduleMm));
  CHECK_THAT(joined(estimated.estimates), Catch::Contains("ram_clearance_mm (not published"));
  // A cooler that is not a tower is a block down to the board: it cannot pass over RAM.
  setFigure(tower, "type", "top_flow");
  CHECK(only(checked(scene("article-build"), catalogWith({tower})), "cooler-ram").severity ==
        Severity::Fail);
}
