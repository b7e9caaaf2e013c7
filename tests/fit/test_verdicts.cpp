// Verdicts a builder can bet money on (issue 10): no false failures where a figure is unknown,
// the figure that answers the builder's question, and no two findings that contradict each
// other. Each case names where its figures come from.
#include "assembly/build_json.hpp"
#include "catalog/part_json.hpp"
#include "fit/ranged.hpp"
#include "geometry/clearance.hpp"
#include "report/text.hpp"
#include "solve/solve.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <filesystem>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

bool hasFail(const FitResult& r) {
  return std::any_of(r.findings.begin(), r.findings.end(),
                     [](const Finding& f) { return f.severity == Severity::Fail; });
}

// An NR200 build: its SFX PSU sits on a bracket whose place is not published.
Build nr200(const std::string& psu) {
  return Build{"nr200",
               {{"case", "cooler-master-nr200"},
                {"board", "asus-rog-strix-b550-i-gaming", "case", "tray"},
                {"gpu1", "nvidia-rtx2060-fe", "board", "PCIEX16"},
                {"psu", psu, "case", "psu_bay"}}};
}

} // namespace

TEST_CASE("a tower without a published RAM clearance stands on a base under its overhang",
          "[fit][verdicts]") {
  // The NH-D15 (165 mm, OpenDB; 150 x 161 mm, a retailer's copy of Noctua's figures) over
  // Vengeance LPX (34 mm, OpenDB's rows of Corsair's figures) on the X470 board of the seed
  // build. Noctua publishes no RAM clearance that rigfit could read, so the overhang begins at
  // the estimated 32 mm: the module is 2 mm short of it there, and nothing collides with the x1
  // slot's connector beside the socket (before, the cooler was one block down to the board and
  // hit both).
  const Part& d15 = *seedCatalog().find("noctua-nh-d15");
  REQUIRE(d15.cooler->tower);
  const Solid* base = d15.solid("base");
  REQUIRE(base);
  CHECK(base->box.size().x == Approx(60.0));
  CHECK(d15.solid("body")->box.lo.z == Approx(32.0));
  const double moduleMm =
      seedCatalog().find("corsair-vengeance-lpx-8gb")->figures.at("height_mm").value;
  const Build b = swapped(scene("article-build"), "cooler", "noctua-nh-d15");
  FitResult r = checked(b, seedCatalog());
  CHECK(only(r, "collision").severity == Severity::Pass);
  Finding ram = only(r, "cooler-ram");
  CHECK(ram.severity == Severity::Fail);
  CHECK(*ram.measured == Approx(32 - moduleMm));
  // The verdict says what it rests on: the estimated clearance and the estimated base.
  CHECK_THAT(rigfit::test::joined(ram.estimates),
             Catch::Contains("cooler: ram_clearance_mm (not published"));
  // Over the bands it depends on that clearance: 32 mm is the least published for a tower, and
  // from the module's height up (less the touching tolerance) the module fits.
  FitResult banded = checkWithRanges(assembled(b, seedCatalog()), seedCatalog());
  CHECK(banded.verdict() == Verdict::Depends);
  const Finding& rb = only(banded, "cooler-ram");
  REQUIRE(rb.range);
  const Decider* clearance = nullptr;
  for (const Decider& d : rb.range->deciders)
    if (d.instance == "cooler" && d.figure == "ram_clearance_mm") clearance = &d;
  REQUIRE(clearance);
  CHECK(clearance->lo == Approx(32.0));
  REQUIRE(clearance->flip);
  CHECK(*clearance->flip == Approx(moduleMm - geo::kTouchToleranceMm).margin(2e-4));
  CHECK(clearance->beyond == Severity::Pass);
  // The flip lies on a value the lines print (33.99 mm, where the module touches within the
  // tolerance): that value is given to the side it is on, fitting, in both sentences.
  auto withClearance = [&](double v) {
    Build e = b;
    for (Instance& in : e.instances)
      if (in.id == "cooler") in.figures["ram_clearance_mm"] = v;
    return only(checked(e, seedCatalog()), "cooler-ram").severity;
  };
  REQUIRE(moduleMm == Approx(34.0));
  CHECK(withClearance(33.99) == Severity::Pass);
  CHECK(withClearance(33.98) == Severity::Fail);
  CHECK_THAT(rigfit::test::joined(rangeLines(rb)), Catch::Contains("fails up to 33.98 mm, passes "
                                                                   "above"));
  CHECK_THAT(decidingFigure(banded), Catch::Contains("at or above 33.99 mm this fits, below it "
                                                     "does not"));
  // The module's height is sourced (two figures of Corsair's): its band is "given", the
  // cooler's clearance "estimated", in the lines and in the JSON.
  const std::string lines = rigfit::test::joined(rangeLines(rb));
  // Both modules are one product: one figure, on both.
  CHECK_THAT(lines, Catch::Contains("ram1 and ram2 height_mm: given as 34.0 mm, could be 33.5 to "
                                    "34.0 mm") &&
                        Catch::Contains("cooler ram_clearance_mm: estimated 32.0 mm"));
  const nlohmann::json j = findingToJson(rb);
  int given = 0, estimated = 0;
  for (const nlohmann::json& d : j.at("range").at("deciding")) {
    CHECK(d.at("unit") == "mm");
    (d.at("estimated").get<bool>() ? estimated : given) += 1;
    CHECK(d.at("estimated").get<bool>() == (d.at("instance") == "cooler"));
  }
  CHECK(given >= 1);
  CHECK(estimated == 1);
  // Entering the maker's figure takes the band away, and the verdict with it.
  Build entered = b;
  for (Instance& in : entered.instances)
    if (in.id == "cooler") in.figures["ram_clearance_mm"] = moduleMm + 1;
  FitResult known = checkWithRanges(assembled(entered, seedCatalog()), seedCatalog());
  CHECK(known.verdict() == Verdict::Fits);
  const Finding& kr = only(known, "cooler-ram");
  CHECK(kr.severity == Severity::Pass);
  CHECK(*kr.measured == Approx(1.0));
  if (kr.range) // the module's own band may move it; the cooler's clearance no longer does
    for (const Decider& d : kr.range->deciders)
      CHECK(d.instance != "cooler");
  // Every tower in the catalog is modelled so, whether its maker gives the clearance or not.
  for (const Part* p : seedCatalog().parts())
    if (p->cooler && p->cooler->tower && p->solid("body")) {
      INFO(p->id);
      CHECK(p->solid("base"));
    }
}

TEST_CASE("a PSU whose place in the case is not modelled is checked by its figures",
          "[fit][verdicts]") {
  // The NR200 carries its SFX unit on a bracket whose place is not published: the PSU is not
  // placed, so nothing collides with it (before, it sat 100 mm behind the tray and every build
  // "did not fit" against the tray), and what needs its place says so.
  FitResult r = checked(nr200("corsair-sf600-2018"), seedCatalog());
  CHECK_FALSE(hasFail(r));
  CHECK(only(r, "collision").severity == Severity::Pass);
  CHECK(only(r, "bottom-card-psu").severity == Severity::NotChecked);
  CHECK(only(r, "psu-length").severity == Severity::NotChecked); // the NR200 publishes none
  CHECK_FALSE(assembled(nr200("corsair-sf600-2018"), seedCatalog()).items.back().placed);
  // The Node 304 puts an ATX unit behind its front panel and takes one up to 160 mm long
  // (Fractal's specifications, quoted by overclockers.com): the RM850x (2018, 160 mm, OpenDB)
  // fits exactly, the RM1000x (2021, 180 mm, OpenDB) is 20 mm too long.
  auto node304 = [](const std::string& psu) {
    return checked(Build{"node304",
                         {{"case", "fractal-node-304"},
                          {"board", "asus-rog-strix-b550-i-gaming", "case", "tray"},
                          {"psu", psu, "case", "psu_bay"}}},
                   seedCatalog());
  };
  Finding at = only(node304("corsair-rm850x-2018"), "psu-length");
  CHECK(at.severity == Severity::Pass);
  CHECK(*at.measured == Approx(0.0).margin(1e-9));
  Finding over = only(node304("corsair-rm1000x-2021"), "psu-length");
  CHECK(over.severity == Severity::Fail);
  CHECK(*over.measured == Approx(160 - 180.0));
  CHECK_THAT(over.message, Catch::Contains("not modelled"));
}

TEST_CASE("an unplaced PSU: its plugs' room, and the limits of the pieces left in",
          "[fit][verdicts]") {
  // The Node 304's 160 mm includes the modular plugs (overclockers.com): a 160 mm unit leaves
  // them no room, a warning that rests on the 30 mm rule of thumb, never a fail.
  auto node304 = [](const Catalog& cat, Options caseOptions = {}) {
    return checked(Build{"node304",
                         {{"case", "fractal-node-304", "", "", std::move(caseOptions)},
                          {"board", "asus-rog-strix-b550-i-gaming", "case", "tray"},
                          {"psu", "corsair-rm850x-2018", "case", "psu_bay"}}},
                   cat);
  };
  Finding plugs = only(node304(seedCatalog()), "psu-cables");
  CHECK(plugs.severity == Severity::Warn);
  CHECK_FALSE(plugs.hard);
  CHECK(*plugs.measured == Approx(-30.0));
  CHECK_THAT(rigfit::test::joined(plugs.estimates), Catch::Contains("rule of thumb"));
  // With 30 mm more room the plugs fit to the millimetre; 1 mm less and they warn.
  for (double limit : {190.0, 189.0}) {
    json roomy = partJson("fractal-node-304");
    setFigure(roomy, "max_psu_length_mm", limit);
    Finding f = only(node304(catalogWith({roomy})), "psu-cables");
    CHECK(f.severity == (limit == 190.0 ? Severity::Pass : Severity::Warn));
    CHECK(*f.measured == Approx(limit - 190.0).margin(1e-9));
  }
  // A piece the case ships with that shortens the PSU's room, as it does a card's: left in,
  // its limit is the one checked and the message says so; taken out, the case's own.
  json piece = partJson("fractal-node-304");
  piece["removables"][0]["limits"]["max_psu_length_mm"] = {{"value", 150},
                                                           {"estimate", "a test's own limit"}};
  Catalog withPiece = catalogWith({piece});
  Finding in = only(node304(withPiece), "psu-length");
  CHECK(in.severity == Severity::Fail);
  CHECK(*in.measured == Approx(150 - 160.0));
  CHECK_THAT(in.message, Catch::Contains("150.0 mm with the two HDD brackets over the card in"));
  CHECK_THAT(rigfit::test::joined(in.estimates), Catch::Contains("hdd_brackets max_psu_length_mm"));
  CHECK(findings(node304(withPiece), "psu-cables").empty()); // too long: no word on its plugs
  Finding out = only(node304(withPiece, {{"hdd_brackets_removed", 1.0}}), "psu-length");
  CHECK(out.severity == Severity::Pass);
  CHECK(*out.measured == Approx(0.0).margin(1e-9));
}

TEST_CASE("a part its mount does not take is a does-not-fit, with the reason", "[fit][verdicts]") {
  // An ATX PSU in the NR200's SFX/SFX-L bracket, and an ATX board on its Mini-ITX tray: both
  // are understood (exit 1 with the reason), not bad input.
  FitResult psu = checked(nr200("corsair-rm850x-2018"), seedCatalog());
  Finding m = only(psu, "mount");
  CHECK(m.severity == Severity::Fail);
  CHECK(m.parts == std::vector<std::string>{"psu"});
  CHECK_THAT(m.message, Catch::Contains("takes SFX, SFX-L, not ATX"));
  Build atxBoard{
      "atx in itx",
      {{"case", "cooler-master-nr200"}, {"board", "asus-prime-x470-pro", "case", "tray"}}};
  Finding b = only(checked(atxBoard, seedCatalog()), "mount");
  CHECK(b.severity == Severity::Fail);
  CHECK_THAT(b.message, Catch::Contains("not ATX"));
  // An SFX-L unit in a bay that lists only SFX does not fit either.
  json sfxOnly = partJson("cooler-master-nr200");
  setFigure(sfxOnly, "psu_form_factors", json::array({"SFX"}));
  Finding l = only(checked(nr200("silverstone-sx1000-lpt"), catalogWith({sfxOnly})), "mount");
  CHECK(l.severity == Severity::Fail);
  CHECK_THAT(l.message, Catch::Contains("takes SFX, not SFX-L"));
}

TEST_CASE("the NR200 takes SFX-L units", "[fit][verdicts]") {
  // OpenDB lists SFX and SFX-L for the NR200P V2, the same chassis family (the estimate in the
  // case file says so); the SilverStone SX1000-LPT is SFX-L (130 mm, OpenDB).
  FitResult r = checked(nr200("silverstone-sx1000-lpt"), seedCatalog());
  CHECK(only(r, "mount").severity == Severity::Pass);
  CHECK_FALSE(hasFail(r));
}

TEST_CASE("cooler over memory reports how far the overhang must rise", "[fit][verdicts]") {
  // A tower whose overhang reaches 2 mm over the module in DIMM_A2 (a 156 mm deep footprint;
  // 152 mm just reaches it, test_clearance_checks.cpp) from 30 mm, over a 40 mm module. The
  // two boxes separate with a 2 mm sideways move, but the builder's figure is the height: the
  // overhang must rise 10 mm, or the memory be 30 mm tall.
  json tower = partJson("amd-wraith-prism");
  setFigure(tower, "type", "tower");
  setFigure(tower, "height_mm", 158);
  setFigure(tower, "footprint_y_mm", 156);
  setFigure(tower, "ram_clearance_mm", 30);
  json ram = partJson("corsair-vengeance-lpx-8gb");
  setFigure(ram, "height_mm", 40);
  Finding f = only(checked(scene("article-build"), catalogWith({tower, ram})), "cooler-ram");
  CHECK(f.severity == Severity::Fail);
  CHECK(*f.measured == Approx(30 - 40.0));
  CHECK_THAT(f.message, Catch::Contains("10.0 mm short") &&
                            Catch::Contains("memory up to 30.0 mm tall fits under it"));
  // The Dark Rock Pro 4 over Trident Z (44 mm; be quiet!: 40 mm at the front, the fan raised
  // 6.8 mm at most): 4 mm short, and raising the fan 4 mm is within what be quiet! allows.
  Result<Build> trident = loadBuildFile(sourcePath("tests/realworld/drp4-trident-z.json"));
  REQUIRE(trident.ok());
  Finding raise = only(checked(*trident, seedCatalog()), "cooler-ram");
  CHECK(*raise.measured == Approx(40 - 44.0));
  CHECK_THAT(raise.message,
             Catch::Contains("front fan raised 4.0 mm") && Catch::Contains("allows up to 6.8 mm"));
  // A maker who allows less than needed is named as such.
  json drp = partJson("be-quiet-dark-rock-pro-4");
  setFigure(drp, "fan_raise_max_mm", 3);
  Finding tooLittle = only(checked(*trident, catalogWith({drp})), "cooler-ram");
  CHECK_THAT(tooLittle.message, Catch::Contains("allows only 3.0 mm"));
}

TEST_CASE("card length is the room to the nearest obstacle in front of the card",
          "[fit][verdicts]") {
  // The Focus 2 takes 405 mm cards with its front fans (pcper); a Galahad II 360 on the front
  // stands 55 mm deep with its fans (Lian Li), leaving 375 mm (test_case_configs.cpp). The ROG
  // Strix RTX 4090 is 357.6 mm (mmorpg): 17.4 mm to spare, not the 47.4 mm the limit leaves.
  Build b{"focus2 front 360",
          {{"case", "fractal-focus-2"},
           {"board", "asus-prime-x470-pro", "case", "tray"},
           {"gpu1", "asus-rog-strix-rtx4090-oc", "board", "PCIEX16_1"},
           {"rad", "lian-li-galahad-ii-lcd-360-radiator", "case", "FRONT_RAD"}}};
  Finding f = only(checked(b, seedCatalog()), "gpu-length");
  CHECK(f.severity == Severity::Pass);
  CHECK(*f.measured == Approx(375 - 357.6));
  CHECK(f.parts == std::vector<std::string>{"gpu1", "rad"});
  CHECK_THAT(f.message, Catch::Contains("rad (Lian Li Galahad II LCD 360"));
  // Without the radiator the published limit is the room again.
  CHECK(*only(checked(without(b, "rad"), seedCatalog()), "gpu-length").measured ==
        Approx(405 - 357.6));
}

TEST_CASE("a card's thickness in millimetres is its maker's figure", "[fit][verdicts]") {
  // ASUS gives the ROG Strix RTX 4090 as 70.1 mm thick and "3.5 slots" (mmorpg); 3.5 slots are
  // 71.12 mm. Three pitches below it a second card's back stands 60.96 mm away: they overlap by
  // 70.1 - 60.96 = 9.14 mm, not 10.16.
  Build b = with(swapped(scene("article-build"), "gpu1", "asus-rog-strix-rtx4090-oc"),
                 {"gpu2", "evga-rtx2060-xc", "board", "PCIEX16_2"});
  Finding gap = only(checked(b, seedCatalog()), "gpu-gap");
  CHECK(gap.severity == Severity::Fail);
  CHECK(*gap.measured == Approx(60.96 - 70.1));
  // A card needs one of the two figures, in range.
  json card = partJson("evga-rtx2060-xc");
  card["figures"].erase("thickness_slots");
  Result<Part> none = parsePart(card, "parts/gpu/x.json");
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().field == "/figures/thickness_slots");
  setFigure(card, "thickness_mm", 500);
  Result<Part> absurd = parsePart(card, "parts/gpu/x.json");
  REQUIRE_FALSE(absurd.ok());
  CHECK(absurd.error().field == "/figures/thickness_mm/value");
}

TEST_CASE("a case's PSU shroud is a solid the bottom card is measured against", "[fit][verdicts]") {
  // The 4000D Airflow has a PSU shroud (OpenDB); its height is not published, so it stands at
  // the lowest an 86 mm ATX PSU allows, 87 mm (an estimate the verdict names). A 2.75-slot card
  // in board position 7 hangs 32.6 mm below the board's bottom edge (estimated at 113.6 mm):
  // its cooler ends at 81.0 mm, 6.0 mm into the shroud. No PSU is in the build: the shroud
  // alone decides.
  Build b{"4000d bottom card",
          {{"case", "corsair-4000d-airflow"},
           {"board", "asus-prime-x470-pro", "case", "tray"},
           {"gpu1", "evga-rtx2060-xc", "board", "PCIEX16_3"}}};
  Finding f = only(checked(b, seedCatalog()), "bottom-card-shroud");
  CHECK(f.severity == Severity::Fail);
  CHECK(*f.measured == Approx(-6.0).margin(0.05));
  CHECK_THAT(rigfit::test::joined(f.estimates), Catch::Contains("case: psu_shroud_height_mm"));
  // In the first slot the card stays well above it.
  Finding high =
      only(checked(remounted(b, "gpu1", "PCIEX16_1"), seedCatalog()), "bottom-card-shroud");
  CHECK(high.severity == Severity::Pass);
}

TEST_CASE("no check output contradicts itself", "[fit][verdicts]") {
  // Over every scene and every real-world build: a pass never measures an overlap, a failing
  // clearance never measures room, the collision summary never denies an overlap a named check
  // reported, the keep-out summary never denies an intrusion, and a slot that does not fit never
  // shows a positive margin beside its verdict.
  std::vector<std::string> files;
  for (const char* dir : {"scenes", "tests/realworld"})
    for (const auto& e : std::filesystem::directory_iterator(sourcePath(dir)))
      if (e.path().extension() == ".json") files.push_back(e.path().string());
  REQUIRE(files.size() >= 14);
  // Two overlapping cards, which the gpu-gap check measures, with the collision summary after.
  Build overlapping = with(swapped(scene("article-build"), "gpu1", "asus-rog-strix-rtx4090-oc"),
                           {"gpu2", "evga-rtx2060-xc", "board", "PCIEX16_2"});
  std::vector<std::pair<std::string, Build>> builds{{"overlapping cards", overlapping}};
  for (const std::string& f : files) {
    Result<Build> b = loadBuildFile(f);
    REQUIRE(b.ok());
    builds.push_back({f, *b});
  }
  int overlapsSeen = 0, intrusionsSeen = 0, failedSlots = 0;
  for (const auto& [name, build] : builds) {
    INFO(name);
    const Catalog cat = catalogFor(build);
    FitResult r = checked(build, cat);
    bool overlap = false, intrusion = false;
    for (const Finding& f : r.findings) {
      INFO(f.check << ": " << f.message);
      if (f.unit != Unit::Mm || !f.measured || f.severity == Severity::NotChecked) continue;
      if (f.severity == Severity::Pass) CHECK(*f.measured >= -geo::kTouchToleranceMm);
      if (f.severity == Severity::Fail) CHECK(*f.measured < *f.required);
      overlap |= f.hard && f.severity == Severity::Fail && *f.measured < 0;
      intrusion |= !f.hard && *f.measured < -geo::kTouchToleranceMm && f.where;
    }
    overlapsSeen += overlap;
    intrusionsSeen += intrusion;
    for (const Finding& f : r.findings) {
      if (overlap) CHECK_THAT(f.message, !Catch::Contains("no two parts overlap"));
      if (intrusion) CHECK_THAT(f.message, !Catch::Contains("nothing intrudes"));
    }
    // Another of the build's first card, tried at every free slot.
    std::vector<int> cards;
    for (size_t i = 0; i < build.instances.size(); ++i)
      if (cat.find(build.instances[i].part)->gpu) cards.push_back(static_cast<int>(i));
    if (cards.empty()) continue;
    auto trials = solveAdd(build, cat, build.instances[cards.front()].part);
    REQUIRE(trials.ok());
    for (const Trial& t : *trials) {
      if (!t.compatible || t.fits) continue;
      ++failedSlots;
      INFO(t.mount << ": " << t.tightest);
      if (t.marginMm) CHECK(*t.marginMm < 0);
      CHECK_FALSE(t.tightest.empty());
    }
  }
  CHECK(overlapsSeen >= 2);
  CHECK(intrusionsSeen >= 1);
  CHECK(failedSlots >= 3);
}

TEST_CASE("a slot that does not fit for want of an opening shows no margin", "[fit][verdicts]") {
  // Two dual-slot blowers in positions 1 and 3 of the WS X299 SAGE in a 4000D (7 openings,
  // OpenDB): a third in position 7 clears everything by 40.6 mm but needs openings 7-8. Before,
  // solve printed "DOES NOT FIT   tightest margin 40.6 mm".
  Result<Build> sage = loadBuildFile(sourcePath("tests/realworld/sage-four-blowers-4000d.json"));
  REQUIRE(sage.ok());
  auto trials =
      solveAdd(without(without(*sage, "gpu4"), "gpu3"), seedCatalog(), "asus-turbo-rtx2080ti");
  REQUIRE(trials.ok());
  bool seen = false;
  for (const Trial& t : *trials)
    if (t.mount == "PCIEX16_7") {
      seen = true;
      CHECK_FALSE(t.fits);
      CHECK_FALSE(t.marginMm);
      CHECK(t.tightestCheck == "slot-openings");
    }
  CHECK(seen);
}

TEST_CASE("a build says what a working PC still lacks, and a case alone is nothing to check",
          "[fit][verdicts]") {
  // A case with nothing in it used to "fit" (nothing in it can fail): now it is not a build.
  Build empty{"empty", {{"case", "fractal-focus-g"}}};
  FitResult none = checked(empty, seedCatalog());
  CHECK(none.verdict() == Verdict::NothingToCheck);
  CHECK(none.missing == std::vector<std::string>{"a motherboard", "a CPU", "a CPU cooler", "memory",
                                                 "a drive", "a power supply"});
  CHECK_THAT(only(none, "parts").message, Catch::Contains("the case is empty"));
  // The bands' check keeps it (the verdict every front shows comes from there).
  Assembly emptyCase = assembled(empty, seedCatalog());
  CHECK(checkWithRanges(emptyCase, seedCatalog()).verdict() == Verdict::NothingToCheck);
  // One part in: what is placed is checked, and the verdict names what is still to add.
  Build board = with(empty, {"board", "asus-prime-x470-pro", "case", "tray"});
  FitResult some = checked(board, seedCatalog());
  CHECK(some.verdict() == Verdict::Fits);
  CHECK(some.missing.size() == 5);
  CHECK(only(some, "parts").severity == Severity::Info);
  // The article build without its cooler lacks exactly that.
  FitResult noCooler = checked(without(scene("article-build"), "cooler"), seedCatalog());
  CHECK(noCooler.missing == std::vector<std::string>{"a CPU cooler"});
  // A complete build has nothing to say here.
  FitResult whole = checked(scene("article-build"), seedCatalog());
  CHECK(whole.missing.empty());
  CHECK(findings(whole, "parts").empty());
  CHECK(whole.verdict() == Verdict::Fits);
}

TEST_CASE("a part's tightest margin is its least room to material", "[fit][verdicts]") {
  // The article's two cards: gpu1's least room is the 5.1 mm to gpu2 (test_article.cpp), not the
  // air its fans want (not material) nor the room it leaves in the case.
  Assembly a = assembled(scene("article-two-gpus"), seedCatalog());
  FitResult r = check(a);
  const Finding* gpu1 = r.tightestOf("gpu1");
  REQUIRE(gpu1);
  CHECK(gpu1->check == "gpu-gap");
  CHECK(*gpu1->measured == Approx(5.1).margin(0.05));
  for (const Finding& f : r.findings) // no finding naming gpu1 measures less room to material
    if (f.unit == Unit::Mm && f.hard && f.measured &&
        std::count(f.parts.begin(), f.parts.end(), "gpu1"))
      CHECK(*f.measured >= *gpu1->measured);
  // The bottom card hanging into the PSU: its overlap is its tightest, negative.
  FitResult bottom = check(assembled(scene("article-bottom-slot"), seedCatalog()));
  const Finding* gpu2 = bottom.tightestOf("gpu2");
  REQUIRE(gpu2);
  CHECK(*gpu2->measured < 0);
  CHECK(gpu2->severity == Severity::Fail);
  CHECK_FALSE(r.tightestOf("no-such-part"));
  // gpu2 cuts 1.9 mm into the header plugs' room (a keep-out: room for plugs, not material);
  // its least room to material is still the 5.1 mm gap.
  bool intoPlugs = false;
  for (const Finding& f : r.findings)
    intoPlugs = intoPlugs || (f.check == "bottom-card-headers" && *f.measured < 0 && !f.hard);
  CHECK(intoPlugs);
  const Finding* second = r.tightestOf("gpu2");
  REQUIRE(second);
  CHECK(second->check == "gpu-gap");
  CHECK(*second->measured == Approx(5.1).margin(0.05));
}
