// Parts > New part: a part described by its dimensions becomes a part spec, is checked like any
// part file, saved to the builder's folder, and snaps like any other.
#include "catalog/part_json.hpp"
#include "custom_part.hpp"
#include "session.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace rigfit;
using namespace rigfit::test;
namespace fs = std::filesystem;

namespace {

viewer::CustomPartForm measuredCard() {
  viewer::CustomPartForm f;
  f.category = Category::Gpu;
  f.name = "My Card (measured)";
  f.howMeasured = "measured on my own card with a steel rule";
  f.values = {{"length_mm", "285"},    {"thickness_slots", "2.5"}, {"bracket_slots", "2"},
              {"cooling", "open_air"}, {"interface", "x16"},       {"height_mm", ""}};
  return f;
}

} // namespace

TEST_CASE("a filled form is a part spec the catalog reads", "[viewer][custom-part]") {
  CHECK(viewer::idFromName("My Card (measured)") == "my-card-measured");
  CHECK(viewer::idFromName("  --  ").empty());
  Result<nlohmann::json> spec = viewer::specOf(measuredCard());
  REQUIRE(spec.ok());
  CHECK((*spec)["id"] == "my-card-measured");
  CHECK_FALSE((*spec)["figures"].contains("height_mm")); // left empty: left out
  Result<Part> p = parsePart(*spec, "my-parts/gpu/my-card-measured.json");
  REQUIRE(p.ok());
  CHECK(p->gpu->lengthMm == 285);
  CHECK(p->figures.at("length_mm").source == "me");
  // A cooler's sockets, typed as a list.
  viewer::CustomPartForm cooler;
  cooler.category = Category::Cooler;
  cooler.name = "My cooler";
  cooler.howMeasured = "from the box it came in";
  cooler.values = {{"sockets", "AM4, LGA1700"}, {"height_mm", "158"}};
  Result<nlohmann::json> c = viewer::specOf(cooler);
  REQUIRE(c.ok());
  CHECK((*c)["figures"]["sockets"]["value"] == nlohmann::json({"AM4", "LGA1700"}));
  CHECK(parsePart(*c, "x.json").ok());
  // A radiator (its fan size picked from a list is a number) and a 3.5 in drive.
  viewer::CustomPartForm rad;
  rad.category = Category::Radiator;
  rad.name = "My 240 radiator";
  rad.howMeasured = "measured with a steel rule";
  rad.values = {{"length_mm", "277"},   {"width_mm", "120"}, {"thickness_mm", "27"},
                {"fan_size_mm", "120"}, {"fan_count", "2"},  {"fan_thickness_mm", "25"}};
  Result<nlohmann::json> r = viewer::specOf(rad);
  REQUIRE(r.ok());
  CHECK((*r)["figures"]["fan_size_mm"]["value"] == 120);
  Result<Part> radiator = parsePart(*r, "x.json");
  REQUIRE(radiator.ok());
  CHECK(radiator->fits == "240");
  viewer::CustomPartForm drive;
  drive.category = Category::Storage;
  drive.name = "My old disk";
  drive.howMeasured = "from its label";
  drive.values = {{"form_factor", "3.5in"},
                  {"length_mm", "147"},
                  {"width_mm", "101.6"},
                  {"thickness_mm", "26.1"}};
  Result<nlohmann::json> d = viewer::specOf(drive);
  REQUIRE(d.ok());
  CHECK((*d)["figures"]["form_factor"]["value"] == "3.5in");
  Result<Part> disk = parsePart(*d, "x.json");
  REQUIRE(disk.ok());
  CHECK(disk->needs == MountKind::DriveBay);
}

TEST_CASE("a form with a figure missing or not a number says which",
          "[viewer][custom-part][bad-input]") {
  viewer::CustomPartForm f = measuredCard();
  f.values["length_mm"] = "";
  Result<nlohmann::json> missing = viewer::specOf(f);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().field == "length (mm)");
  f.values["length_mm"] = "28.5 cm";
  CHECK_THAT(viewer::specOf(f).error().reason, Catch::Contains("must be a number"));
  f = measuredCard();
  f.howMeasured = "me";
  CHECK(viewer::specOf(f).error().field == "how measured");
  f = measuredCard();
  f.name = "";
  CHECK(viewer::specOf(f).error().field == "name");
}

TEST_CASE("a new part is saved to the builder's folder and snaps like any other",
          "[viewer][custom-part]") {
  fs::path dir = fs::temp_directory_path() / ("rigfit-my-parts-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::path build =
      fs::temp_directory_path() / ("rigfit-custom-" + std::to_string(getpid()) + ".json");
  fs::copy_file(sourcePath("scenes/article-build.json"), build,
                fs::copy_options::overwrite_existing);
  auto s = viewer::Session::open(catalogWith(), build.string());
  REQUIRE(s.ok());
  Result<std::string> saved = (*s)->addCustomPart(*viewer::specOf(measuredCard()), dir.string());
  REQUIRE(saved.ok());
  CHECK(fs::path(*saved) == dir / "gpu" / "my-card-measured.json");
  CHECK(loadPartFile(*saved).ok()); // the file on disk reads back as a part
  auto slots = (*s)->candidates("my-card-measured");
  REQUIRE(slots.size() == 2); // the free x16 slots, as for any card
  // Under the XC in PCIEX16_2 it has the same 60.96 - 55.88 = 5.08 mm as any card there
  // (test_article.cpp); in PCIEX16_3 its 2-slot bracket needs an opening the case lacks.
  CHECK(slots[0].answer.fits);
  CHECK(slots[0].answer.marginMm == Approx(60.96 - 55.88));
  CHECK_FALSE(slots[1].answer.fits);
  // The same name again is refused, and the first file stays as it was.
  auto before = fs::last_write_time(*saved);
  Result<std::string> again = (*s)->addCustomPart(*viewer::specOf(measuredCard()), dir.string());
  REQUIRE_FALSE(again.ok());
  CHECK_THAT(again.error().reason, Catch::Contains("already a part"));
  CHECK(fs::last_write_time(*saved) == before);
  // A figure the reader rejects: nothing is written.
  viewer::CustomPartForm absurd = measuredCard();
  absurd.name = "Absurd card";
  absurd.values["length_mm"] = "2850";
  Result<std::string> bad = (*s)->addCustomPart(*viewer::specOf(absurd), dir.string());
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().field == "/figures/length_mm/value");
  CHECK_FALSE(fs::exists(dir / "gpu" / "absurd-card.json"));
  CHECK_FALSE((*s)->addCustomPart(*viewer::specOf(absurd), "").ok()); // no folder: said so
}
