// Margins with their uncertainty (issue 14): every estimate with a band, each finding's measured
// value over the bands, three verdicts, and the value where a verdict flips, held against
// brute-force sweeps of the same builds.
#include "assembly/build_json.hpp"
#include "catalog/part_json.hpp"
#include "catalog/ranges.hpp"
#include "fit/ranged.hpp"
#include "report/format.hpp"
#include "report/text.hpp"
#include "support/fixtures.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>

using namespace rigfit;
using namespace rigfit::test;
using nlohmann::json;

namespace {

FitResult ranged(const Build& b, const Catalog& c = seedCatalog()) {
  return checkWithRanges(assembled(b, c), c);
}

// The build with every figure that has a band entered by the builder at its estimate.
Build allEntered(Build b, const Catalog& c) {
  for (const Band& band : bandsOf(assembled(b, c), c))
    for (Instance& in : b.instances)
      if (in.id == band.instance || std::count(band.alsoOn.begin(), band.alsoOn.end(), in.id))
        in.figures[band.figure] = band.value;
  return b;
}

// The finding of `check` naming every one of `parts`, in a result.
const Finding* findingOf(const FitResult& r, const std::string& check,
                         const std::vector<std::string>& parts) {
  for (const Finding& f : r.findings) {
    if (f.check != check) continue;
    bool all = true;
    for (const std::string& p : parts)
      all &= std::find(f.parts.begin(), f.parts.end(), p) != f.parts.end();
    if (all) return &f;
  }
  return nullptr;
}

// The build checked with one figure of one part set to `value`, as a builder would enter it.
FitResult enteredAt(Build b, const std::string& instance, const std::string& figure, double value,
                    const Catalog& c = seedCatalog()) {
  for (Instance& in : b.instances)
    if (in.id == instance) in.figures[figure] = value;
  return checked(b, c);
}

bool failsAt(const Build& b, const std::string& instance, const std::string& figure, double v,
             const std::string& check, const std::vector<std::string>& parts) {
  FitResult r = enteredAt(b, instance, figure, v);
  const Finding* f = findingOf(r, check, parts);
  return f && f->severity == Severity::Fail;
}

} // namespace

TEST_CASE("the catalog's kinds of estimate carry bands that say where they come from",
          "[fit][ranges]") {
  const Catalog& c = seedCatalog();
  // A card's height taken as the PCIe full-height maximum: the spread of the sourced heights.
  const Part& xc = *c.find("evga-rtx2060-xc");
  std::optional<FigureRange> h = rangeOf(xc, "height_mm", c);
  REQUIRE(h);
  Catalog::Spread s = c.sourcedSpread(Category::Gpu, "height_mm");
  CHECK(s.count >= 5);
  CHECK(h->lo == std::min(s.lo, xc.figures.at("height_mm").value));
  CHECK(h->hi == s.hi);
  CHECK_THAT(h->why, Catch::Contains("sourced card heights"));
  // A sourced figure has no band; nor has a socket placed by a generic figure (its slots move
  // with it in truth, so a band on it alone would invent collisions).
  CHECK_FALSE(rangeOf(xc, "length_mm", c));
  CHECK_FALSE(rangeOf(*c.find("asus-prime-x470-pro"), "socket_x_mm", c));
  // The Focus G's board height: anywhere in its spare height over an 86 mm PSU.
  const Part& focus = *c.find("fractal-focus-g");
  std::optional<FigureRange> top = rangeOf(focus, "board_top_mm", c);
  REQUIRE(top);
  CHECK(top->hi == Approx(focus.figures.at("interior_height_mm").value));
  CHECK(top->lo == Approx(86 + 304.8).margin(0.1));
  // A header plug "about 15 to 20 mm off the board": the estimate's own band.
  std::optional<FigureRange> plug =
      rangeOf(*c.find("asus-prime-x470-pro"), "header_plug_height_mm", c);
  REQUIRE(plug);
  CHECK(plug->lo == 15);
  CHECK(plug->hi == 20);
}

TEST_CASE("the catalog keeps each figure's sourced spread as parts are added", "[fit][ranges]") {
  const Catalog& seed = seedCatalog();
  // Over the seed catalog: what a walk over every part finds, for every figure of every part.
  for (const Part* p : seed.parts())
    for (const auto& [name, figure] : p->figures) {
      Catalog::Spread walked;
      for (const Part* q : seed.parts()) {
        auto it = q->figures.find(name);
        if (q->category != p->category || q->tier != Tier::Curated || it == q->figures.end() ||
            it->second.estimated() || q->texts.count(name))
          continue;
        walked.lo = walked.count ? std::min(walked.lo, it->second.value) : it->second.value;
        walked.hi = walked.count ? std::max(walked.hi, it->second.value) : it->second.value;
        ++walked.count;
      }
      const Catalog::Spread kept = seed.sourcedSpread(p->category, name);
      INFO(p->id << " " << name);
      CHECK(kept.count == walked.count);
      CHECK(kept.lo == walked.lo);
      CHECK(kept.hi == walked.hi);
    }
  // Parts added one by one and together: an estimate, and a part of the open database, do not
  // count; a sourced figure widens the spread.
  Catalog c;
  CHECK(c.sourcedSpread(Category::Gpu, "height_mm").count == 0);
  auto seedPart = [&](const std::string& id) { return *seed.find(id); };
  auto card = [&](const std::string& id, double height) {
    Part p = *seed.find("evga-rtx2060-xc");
    p.id = id;
    p.figures["height_mm"] = Figure{height, "maker", "", std::nullopt, std::nullopt, ""};
    return p;
  };
  REQUIRE(c.add(card("b", 100)));
  REQUIRE(c.add(seedPart("fractal-focus-g")));
  REQUIRE(c.add(card("a", 120)));
  // Each in its place as it is added: by category, then id ("a" before "b", added after it).
  std::vector<std::string> added;
  for (const Part* p : c.parts())
    added.push_back(p->id);
  CHECK(added == std::vector<std::string>{"fractal-focus-g", "a", "b"});
  Part guessed = card("c", 150);
  guessed.figures["height_mm"].estimate = "typical";
  Part open = card("d", 90);
  open.tier = Tier::OpenDb;
  std::vector<Part> more;
  more.push_back(guessed);
  more.push_back(open);
  more.push_back(card("e", 130));
  REQUIRE(c.addAll(std::move(more)).empty());
  const Catalog::Spread s = c.sourcedSpread(Category::Gpu, "height_mm");
  CHECK(s.count == 3);
  CHECK(s.lo == 100);
  CHECK(s.hi == 130);
  CHECK(c.sourcedSpread(Category::Case, "height_mm").count == 0);
  // Added one by one or all at once, the parts come in the same order: by category, then id.
  std::vector<Part> all;
  for (const Part* p : c.parts())
    all.push_back(*p);
  std::reverse(all.begin(), all.end());
  Catalog together;
  REQUIRE(together.addAll(std::move(all)).empty());
  std::vector<std::string> one, other;
  for (const Part* p : c.parts())
    one.push_back(p->id);
  for (const Part* p : together.parts())
    other.push_back(p->id);
  CHECK(one == std::vector<std::string>{"fractal-focus-g", "a", "b", "c", "d", "e"});
  CHECK(other == one);
}

TEST_CASE("an estimate's own band is read from its words", "[fit][ranges]") {
  const Catalog& c = seedCatalog();
  Part board = *c.find("asus-prime-x470-pro");
  auto bandOf = [&](double value, const std::string& words) {
    Figure& f = board.figures.at("header_plug_height_mm");
    f.value = value;
    f.estimate = words;
    return rangeOf(board, "header_plug_height_mm", c);
  };
  std::optional<FigureRange> dec = bandOf(17, "plugs stand 12.5 to 20.25 mm off the board");
  REQUIRE(dec);
  CHECK(dec->lo == 12.5);
  CHECK(dec->hi == 20.25);
  CHECK(dec->why == "the estimate's own band, 12.5 to 20.25 mm");
  // The first band that holds the value: "10 to 12 mm" does not, "15 to 20 mm" does.
  std::optional<FigureRange> second = bandOf(17, "not 10 to 12 mm as once thought but 15 to 20 mm");
  REQUIRE(second);
  CHECK(second->lo == 15);
  CHECK_FALSE(bandOf(21, "about 15 to 20 mm"));     // the value outside its own band
  CHECK_FALSE(bandOf(17, "about 15 to 20 cm"));     // not millimetres
  CHECK_FALSE(bandOf(17, "about 20 to 15 mm"));     // backwards
  CHECK_FALSE(bandOf(17, "from 15 to 20mm or so")); // the unit not set apart
  CHECK_FALSE(bandOf(17, "about fifteen to 20 mm"));
}

TEST_CASE("a part spec's own range is read, and a bad one named", "[fit][ranges]") {
  json j = partJson("evga-rtx2060-xc");
  j["figures"]["height_mm"]["range"] = {105, 120};
  j["figures"]["height_mm"]["range_why"] = "two reviews measured 105 and 120 mm";
  Result<Part> p = parsePart(j, "xc.json");
  REQUIRE(p);
  std::optional<FigureRange> r = rangeOf(*p, "height_mm", seedCatalog());
  REQUIRE(r);
  CHECK(r->lo == 105);
  CHECK(r->hi == 120);
  CHECK(r->why == "two reviews measured 105 and 120 mm");

  auto error = [&](json bad) {
    Result<Part> q = parsePart(bad, "xc.json");
    REQUIRE_FALSE(q);
    return q.error();
  };
  json out = j;
  out["figures"]["height_mm"]["range"] = {112, 120}; // does not hold 111.15
  CHECK(error(out).field == "/figures/height_mm/range");
  CHECK_THAT(error(out).reason, Catch::Contains("must hold the value"));
  json why = j;
  why["figures"]["height_mm"].erase("range_why");
  CHECK(error(why).field == "/figures/height_mm/range_why");
  json shape = j;
  shape["figures"]["height_mm"]["range"] = {105};
  CHECK(error(shape).field == "/figures/height_mm/range");
  json text = j;
  text["figures"]["interface"]["range"] = {1, 2};
  CHECK(error(text).field == "/figures/interface/range");
  json wild = j;
  wild["figures"]["height_mm"]["range"] = {10, 120}; // below the plausible 30 mm
  CHECK_THAT(error(wild).reason, Catch::Contains("must lie between"));
}

TEST_CASE("a build of sourced figures only has zero-width ranges and today's verdicts",
          "[fit][ranges]") {
  const Catalog& c = seedCatalog();
  for (const char* name :
       {"article-build", "article-two-gpus", "article-bottom-slot", "article-fans", "focus2-aio"}) {
    CAPTURE(name);
    Build b = allEntered(scene(name), c);
    CHECK(bandsOf(assembled(b, c), c).empty());
    FitResult plain = checked(b, c), withRanges = ranged(b, c);
    REQUIRE(plain.findings.size() == withRanges.findings.size());
    for (size_t i = 0; i < plain.findings.size(); ++i) {
      CHECK_FALSE(withRanges.findings[i].range);
      CHECK(withRanges.findings[i].severity == plain.findings[i].severity);
      CHECK(withRanges.findings[i].message == plain.findings[i].message);
    }
    CHECK(withRanges.verdict() == (plain.fits() ? Verdict::Fits : Verdict::DoesNotFit));
  }
}

TEST_CASE("a part placed twice has one band per figure, moving both", "[fit][ranges]") {
  // Two EVGA XCs: one product, so one true height, not two that could differ.
  const Catalog& c = seedCatalog();
  const Build b = scene("article-two-gpus");
  // The XC's bands on one figure, in a build assembled from a catalog.
  auto xcBands = [](const Build& build, const Catalog& from, const std::string& figure) {
    std::vector<Band> out;
    for (const Band& band : bandsOf(assembled(build, from), from))
      if (band.figure == figure && band.part == "evga-rtx2060-xc") out.push_back(band);
    return out;
  };
  auto heightBands = [&](const Build& build) { return xcBands(build, c, "height_mm"); };
  std::vector<Band> bands = heightBands(b);
  REQUIRE(bands.size() == 1);
  CHECK(bands[0].instance == "gpu1");
  CHECK(bands[0].alsoOn == std::vector<std::string>{"gpu2"});
  // Tried at the top of its band, both cards are that tall: each one's room to the side panel
  // shrinks by the same 38.15 mm.
  const FitResult r = ranged(b, c);
  for (const char* card : {"gpu1", "gpu2"}) {
    CAPTURE(card);
    const Finding* h = findingOf(r, "gpu-height", {card});
    REQUIRE(h);
    REQUIRE(h->range);
    REQUIRE(h->range->worst);
    CHECK(*h->range->worst == Approx(*h->measured - (bands[0].hi - bands[0].value)));
    REQUIRE(h->range->deciders.size() >= 1);
    const Decider& d = h->range->deciders.front();
    CHECK(d.instance == "gpu1");
    CHECK(d.alsoOn == std::vector<std::string>{"gpu2"});
    CHECK_THAT(rigfit::test::joined(rangeLines(*h)),
               Catch::Contains("gpu1 and gpu2 height_mm: estimated 111.2 mm"));
  }
  // Where that one figure decides the build, it is to be looked up once and entered on both.
  json tall = partJson("evga-rtx2060-xc");
  tall["figures"]["height_mm"]["range"] = {105, 170};
  tall["figures"]["height_mm"]["range_why"] = "test: as tall as 170 mm";
  const Catalog withTall = catalogWith({tall});
  const FitResult deciding = checkWithRanges(assembled(b, withTall), withTall);
  REQUIRE(deciding.verdict() == Verdict::Depends);
  CHECK_THAT(decidingFigure(deciding),
             Catch::Contains("The figure that decides it: height_mm of gpu1 and gpu2 "
                             "(evga-rtx2060-xc, one figure for all)") &&
                 Catch::Contains("{\"height_mm\": VALUE} on gpu1 and gpu2, on each."));
  // A height entered on one card makes it a part of its own: the other keeps the band, alone.
  Build entered = b;
  for (Instance& in : entered.instances)
    if (in.id == "gpu1") in.figures["height_mm"] = 111.15;
  bands = heightBands(entered);
  REQUIRE(bands.size() == 1);
  CHECK(bands[0].instance == "gpu2");
  CHECK(bands[0].alsoOn.empty());
  // Entered alike on both, as the decider asks, they are one product again: a second banded
  // figure of the card (its draw, given as a range) is one band on both.
  json drawn = partJson("evga-rtx2060-xc");
  drawn["figures"]["power_w"]["range"] = {150, 200};
  drawn["figures"]["power_w"]["range_why"] = "test: two published draws";
  const Catalog withDraw = catalogWith({drawn});
  auto drawBands = [&](const Build& build) { return xcBands(build, withDraw, "power_w"); };
  CHECK(drawBands(entered).size() == 2); // known differently: one band each
  Build both = entered;
  for (Instance& in : both.instances)
    if (in.id == "gpu2") in.figures["height_mm"] = 111.15;
  const std::vector<Band> tied = drawBands(both);
  REQUIRE(tied.size() == 1);
  CHECK(tied[0].instance == "gpu1");
  CHECK(tied[0].alsoOn == std::vector<std::string>{"gpu2"});
}

TEST_CASE("the ranges never change what is measured at the estimates", "[fit][ranges]") {
  for (const char* name :
       {"article-build", "article-two-gpus", "article-bottom-slot", "article-fans"}) {
    CAPTURE(name);
    Build b = scene(name);
    FitResult plain = checked(b, seedCatalog()), withRanges = ranged(b);
    for (const Finding& f : plain.findings) {
      CAPTURE(f.message);
      bool same = false;
      for (const Finding& g : withRanges.findings)
        same |= g.check == f.check && g.parts == f.parts && g.message == f.message &&
                g.severity == f.severity;
      CHECK(same);
    }
  }
}

TEST_CASE("a margin that holds over its whole band fits, its worst is at the band's end",
          "[fit][ranges]") {
  // The article card's height: estimated 111.15 mm (PCIe full height), could be up to the
  // tallest sourced card. The side panel is 50.4 mm from it: it still fits at the tallest.
  FitResult r = ranged(scene("article-build"));
  const Finding* h = findingOf(r, "gpu-height", {"gpu1"});
  REQUIRE(h);
  REQUIRE(h->range);
  REQUIRE(h->range->deciders.size() == 1);
  const Decider& d = h->range->deciders.front();
  CHECK(d.figure == "height_mm");
  CHECK(d.instance == "gpu1");
  // Linear in the height: the worst is the measured gap less the band above the estimate.
  REQUIRE(h->range->worst);
  REQUIRE(h->range->best);
  CHECK(*h->range->worst == Approx(*h->measured - (d.hi - d.value)).margin(1e-6));
  CHECK(*h->range->best == Approx(*h->measured + (d.value - d.lo)).margin(1e-6));
  CHECK(h->range->worstSeverity == Severity::Pass);
  CHECK_FALSE(d.flip);
  CHECK(r.verdict() == Verdict::Fits);
}

TEST_CASE("a margin whose band straddles the limit is 'depends', and the flip is exact",
          "[fit][ranges]") {
  // Five fans in the Focus G: where its board sits is not published. At the estimate the
  // memory clears the top fan; with the board at the roof it does not.
  Build b = scene("article-fans");
  FitResult r = ranged(b);
  CHECK(r.fits());
  CHECK(r.verdict() == Verdict::Depends);
  const Finding* f = findingOf(r, "collision", {"ram1", "fan4"});
  REQUIRE(f);
  REQUIRE(f->range);
  CHECK(f->severity == Severity::Pass);
  CHECK(f->range->worstSeverity == Severity::Fail);
  CHECK(f->range->bestSeverity == Severity::Pass);
  const Decider& d = f->range->deciders.front();
  CHECK(d.instance == "case");
  CHECK(d.figure == "board_top_mm");
  REQUIRE(d.flip);

  // Brute force: the lowest board height, in 0.002 mm steps from the estimate up, at which
  // that pair collides.
  double first = NAN;
  for (double v = d.value; v <= d.hi; v += 0.002)
    if (failsAt(b, "case", "board_top_mm", v, "collision", {"ram1", "fan4"})) {
      first = v;
      break;
    }
  REQUIRE_FALSE(std::isnan(first));
  CHECK(std::abs(*d.flip - first) <= 0.01);
  // At the limit it fits, just past it it does not: the builder's own figure decides.
  CHECK_FALSE(failsAt(b, "case", "board_top_mm", *d.flip - 0.01, "collision", {"ram1", "fan4"}));
  CHECK(failsAt(b, "case", "board_top_mm", *d.flip + 0.01, "collision", {"ram1", "fan4"}));
  // Entering the figure removes its band: no finding rests on it any more.
  Build entered = b;
  for (Instance& in : entered.instances)
    if (in.id == "case") in.figures["board_top_mm"] = *d.flip - 0.5;
  FitResult known = ranged(entered);
  for (const Finding& g : known.findings)
    if (g.range)
      for (const Decider& e : g.range->deciders)
        CHECK(e.figure != "board_top_mm");
}

TEST_CASE("the worst over a band is the true least, where the finding is not monotone",
          "[fit][ranges]") {
  // The seed board with its socket given a wide band (as a spec with two disagreeing sources
  // might): the Wraith Prism then slides along the board past the x1 slot, so the gap to it
  // closes, overlaps and opens again in the middle of the band.
  json board = partJson("asus-prime-x470-pro");
  board["figures"]["socket_x_mm"]["range"] = {80, 125};
  board["figures"]["socket_x_mm"]["range_why"] = "a test's wide band";
  Catalog c = catalogWith({board});
  Build b = scene("article-build");
  FitResult r = ranged(b, c);
  const Assembly a = assembled(b, c);
  std::vector<Band> bands = bandsOf(a, c);
  auto band = std::find_if(bands.begin(), bands.end(),
                           [](const Band& x) { return x.figure == "socket_x_mm"; });
  REQUIRE(band != bands.end());

  // Sweep the band finely; for every finding the socket moves, the least measured value seen.
  std::map<std::string, double> least;
  std::map<std::string, double> at;
  for (double v = band->lo; v <= band->hi + 1e-9; v += 0.05) {
    FigureTrial t{{"board", {{"socket_x_mm", v}}}};
    Result<Assembly> moved = assemble(b, c, "", &t);
    REQUIRE(moved);
    for (const Finding& f : check(*moved).findings) {
      if (!f.measured || f.unit != Unit::Mm) continue;
      std::string key = f.check + "|" + rigfit::test::joined(f.parts);
      if (!least.count(key) || *f.measured < least[key]) least[key] = *f.measured, at[key] = v;
    }
  }
  // The check's worst per check and parts (two parts may overlap at several solids: the
  // worst of them), against the sweep's least.
  std::map<std::string, double> worst;
  for (const Finding& f : r.findings) {
    if (!f.range || f.unit != Unit::Mm) continue;
    bool moves = false;
    for (const Decider& d : f.range->deciders)
      moves |= d.figure == "socket_x_mm";
    if (!moves) continue;
    std::string key = f.check + "|" + rigfit::test::joined(f.parts);
    REQUIRE(f.range->worst);
    worst[key] = worst.count(key) ? std::min(worst[key], *f.range->worst) : *f.range->worst;
  }
  int interior = 0;
  for (const auto& [key, w] : worst) {
    REQUIRE(least.count(key));
    CAPTURE(key, least[key], at[key], w);
    // Never better than the sweep saw, and no worse than the truth (within the sweep's step).
    CHECK(w <= least[key] + 1e-6);
    CHECK(w >= least[key] - 0.05);
    interior += at[key] > band->lo + 0.1 && at[key] < band->hi - 0.1;
  }
  CHECK(worst.size() >= 3);
  // The case this test is for: a least value strictly inside the band.
  CHECK(interior > 0);
}

TEST_CASE("does not fit even at the best case: the verdict is 'does not fit'", "[fit][ranges]") {
  // The bottom slot: the card's 2-slot bracket needs an eighth opening the Focus G does not
  // have, whatever the estimates are.
  FitResult r = ranged(scene("article-bottom-slot"));
  CHECK(r.verdict() == Verdict::DoesNotFit);
  const Finding* f = findingOf(r, "slot-openings", {"gpu2"});
  REQUIRE(f);
  CHECK(f->bestCase() == Severity::Fail);
}

TEST_CASE("a builder's own figure is read from the build, and a bad one named", "[fit][ranges]") {
  Build b = scene("article-build");
  for (Instance& in : b.instances)
    if (in.id == "gpu1") in.figures["height_mm"] = 126;
  Assembly a = assembled(b, seedCatalog());
  const Part& card = *a.items[*a.indexOf("gpu1")].part;
  CHECK(card.figures.at("height_mm").value == 126);
  CHECK(card.figures.at("height_mm").source == kBuilderSource);
  CHECK(card.id == "evga-rtx2060-xc");
  // The catalog's own part is unchanged.
  CHECK(seedCatalog().find("evga-rtx2060-xc")->figures.at("height_mm").value == Approx(111.15));

  for (Instance& in : b.instances)
    if (in.id == "gpu1") in.figures = {{"height_mm", 5}};
  Result<Assembly> bad = assemble(b, seedCatalog(), "b.json");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().file == "b.json");
  CHECK_THAT(bad.error().field, Catch::Contains("/figures/height_mm"));
  CHECK_THAT(bad.error().reason, Catch::Contains("must be between"));
  for (Instance& in : b.instances)
    if (in.id == "gpu1") in.figures = {{"wingspan_mm", 5}};
  bad = assemble(b, seedCatalog(), "b.json");
  REQUIRE_FALSE(bad);
  CHECK_THAT(bad.error().reason, Catch::Contains("is not a figure of a gpu"));
}

TEST_CASE("a band that only grows or only shrinks what it changes is told from one that moves it",
          "[fit][ranges][boundary]") {
  const Catalog& c = seedCatalog();
  Build b = scene("article-build");
  auto at = [&](FigureTrial t) {
    Result<Assembly> a = assemble(b, c, "", &t);
    REQUIRE(a);
    return std::make_shared<Assembly>(std::move(a).value());
  };
  auto modules = [](double h) {
    return FigureTrial{{"ram1", {{"height_mm", h}}}, {"ram2", {{"height_mm", h}}}};
  };
  const std::optional<int> grows = 1, shrinks = -1, same = 0, neither = std::nullopt;
  // Taller modules grow in place; read the other way, they shrink.
  auto short_ = at(modules(33.5)), tall = at(modules(34));
  CHECK(nestedAlong(short_->world(), tall->world()) == grows);
  CHECK(nestedAlong(tall->world(), short_->world()) == shrinks);
  CHECK(nestedAlong(tall->world(), tall->world()) == same); // nothing changes
  // A taller card carries the space for its power plug up on its top edge: that moves.
  auto low = at({{"gpu1", {{"height_mm", 111}}}}), high = at({{"gpu1", {{"height_mm", 149.3}}}});
  CHECK(nestedAlong(low->world(), high->world()) == neither);
  // The board moved down the case: its solids move, none inside itself at the other end.
  auto down = at({{"case", {{"board_top_mm", 390.8}}}}),
       up = at({{"case", {{"board_top_mm", 424}}}});
  CHECK(nestedAlong(down->world(), up->world()) == neither);
  // Lower header plugs alone: their space shrinks in place. With the modules shrinking too, all
  // one way; with the modules growing instead, two ways at once.
  FigureTrial lowPlugs = modules(34), bothShrink = modules(33.5), mixed = modules(34.5);
  lowPlugs["board"]["header_plug_height_mm"] = 15;
  bothShrink["board"]["header_plug_height_mm"] = 15;
  mixed["board"]["header_plug_height_mm"] = 15;
  CHECK(nestedAlong(tall->world(), at(lowPlugs)->world()) == shrinks);
  CHECK(nestedAlong(tall->world(), at(bothShrink)->world()) == shrinks);
  CHECK(nestedAlong(tall->world(), at(mixed)->world()) == neither);
  // A hair of growth is growth; the board moved by a hair is a move.
  CHECK(nestedAlong(tall->world(), at(modules(34.001))->world()) == grows);
  CHECK(nestedAlong(at({{"case", {{"board_top_mm", 407.4}}}})->world(),
                    at({{"case", {{"board_top_mm", 407.401}}}})->world()) == neither);
}

TEST_CASE("an overlap that opens and closes inside a band is found, where it is", "[fit][ranges]") {
  // The seed board's socket given a band from 40 to 240 mm from the rear edge (a test's band):
  // sliding the CPU across the board, its package passes over the memory modules between the
  // band's ends, middle and estimate, and clears them again.
  json board = partJson("asus-prime-x470-pro");
  board["figures"]["socket_y_mm"]["range"] = {40, 240};
  board["figures"]["socket_y_mm"]["range_why"] = "a test's wide band";
  Catalog c = catalogWith({board});
  Build b = scene("article-build");
  auto worldAt = [&](double v) {
    FigureTrial t{{"board", {{"socket_y_mm", v}}}};
    Result<Assembly> a = assemble(b, c, "", &t);
    REQUIRE(a);
    return std::make_shared<Assembly>(std::move(a).value());
  };
  auto lo = worldAt(40), hi = worldAt(240);
  // Brute force: where the package and ram1 collide, in 0.25 mm steps.
  double first = NAN, last = NAN;
  for (double v = 40; v <= 240; v += 0.25) {
    FitResult r = check(*worldAt(v));
    const Finding* f = findingOf(r, "collision", {"cpu", "ram1"});
    if (f && f->severity == Severity::Fail) {
      if (std::isnan(first)) first = v;
      last = v;
    }
  }
  REQUIRE_FALSE(std::isnan(first));
  CHECK(first > 40 + 1);
  CHECK(last < 240 - 1);
  bool found = false;
  for (const OverlapWindow& w : overlapWindows(lo->world(), hi->world())) {
    const World& W = lo->world();
    if (W.itemOf(W.solids[w.a]).id != "cpu" || W.itemOf(W.solids[w.b]).id != "ram1") continue;
    found = true;
    CHECK(40 + w.t0 * 200 == Approx(first).margin(0.26));
    CHECK(40 + w.t1 * 200 == Approx(last).margin(0.26));
  }
  CHECK(found);
  // The check with ranges finds it, though neither end, the middle nor the estimate shows it.
  FitResult r = ranged(b, c);
  const Finding* f = findingOf(r, "collision", {"cpu", "ram1"});
  REQUIRE(f);
  REQUIRE(f->range);
  CHECK(f->range->worstSeverity == Severity::Fail);
  // At the best values there is no overlap to measure: not found, not the worst again.
  CHECK_FALSE(f->range->best);
  // It fails only in a window of the band: both edges, as the sweep saw them.
  REQUIRE_FALSE(f->range->deciders.empty());
  const Decider& d = f->range->deciders.front();
  CHECK(d.figure == "socket_y_mm");
  REQUIRE(d.flip);
  REQUIRE(d.flipBack);
  CHECK(std::min(*d.flip, *d.flipBack) == Approx(first).margin(0.26));
  CHECK(std::max(*d.flip, *d.flipBack) == Approx(last).margin(0.26));
  CHECK(d.beyond == Severity::Fail);
  // Printed to 0.01 mm, rounded into the window: both values printed fail, the next out passes.
  const double in0 = std::ceil(std::min(*d.flip, *d.flipBack) * 100) / 100;
  const double in1 = std::floor(std::max(*d.flip, *d.flipBack) * 100) / 100;
  char between[64];
  std::snprintf(between, sizeof between, "fails between %.2f and %.2f mm, passes outside", in0,
                in1);
  CHECK_THAT(rigfit::test::joined(rangeLines(*f)), Catch::Contains(between));
  auto severityAt = [&](double v) {
    const FitResult at = check(*worldAt(v)); // held: findingOf points into it
    const Finding* g = findingOf(at, "collision", {"cpu", "ram1"});
    return g ? g->severity : Severity::Pass;
  };
  CHECK(severityAt(in0) == Severity::Fail);
  CHECK(severityAt(in1) == Severity::Fail);
  CHECK(severityAt(in0 - 0.01) == Severity::Pass);
  CHECK(severityAt(in1 + 0.01) == Severity::Pass);
}

TEST_CASE("the verdict says whether it depends on estimates or on sources that disagree",
          "[fit][ranges]") {
  // The article build with fans: the board's place, an estimate, decides it.
  const Build fans = scene("article-fans");
  CHECK_THAT(formatCheck(fans, ranged(fans), Format::Text),
             Catch::Contains("fits at the estimates, but depends on estimated figures (DEPENDS "
                             "below)"));
  // The XC's height given by two sources as 105 and 170 mm: past 161.6 mm the card meets the
  // side panel. The figure that flips it is sourced: the verdict says so, not "estimated".
  json card = partJson("evga-rtx2060-xc");
  card["sources"]["test"] = "test: two sources disagree, at 105 and 170 mm";
  card["figures"]["height_mm"] = {{"value", 111.15},
                                  {"source", "test"},
                                  {"range", {105, 170}},
                                  {"range_why", "test: two sources, 105 and 170 mm"}};
  const Catalog c = catalogWith({card});
  const Build b = scene("article-build");
  const FitResult r = checkWithRanges(assembled(b, c), c);
  REQUIRE(r.verdict() == Verdict::Depends);
  const Finding* height = findingOf(r, "gpu-height", {"gpu1"});
  REQUIRE(height);
  REQUIRE(height->dependsOnFail());
  REQUIRE(height->range->deciders.front().flip);
  CHECK_FALSE(height->range->deciders.front().estimated);
  const std::string text = formatCheck(b, r, Format::Text);
  // It fits at one source's figure, which is no estimate.
  CHECK_THAT(text, Catch::Contains("Verdict: fits at the figures taken, but depends on figures "
                                   "whose sources disagree (DEPENDS below)"));
  CHECK_THAT(text, !Catch::Contains("fits at the estimates"));
  // The same card in the build with fans: the board's place (estimated) decides one finding,
  // the card's height (sourced) another.
  const FitResult both = checkWithRanges(assembled(fans, c), c);
  CHECK_THAT(formatCheck(fans, both, Format::Text),
             Catch::Contains("fits at the figures taken, but depends on estimated figures and "
                             "figures whose sources disagree"));
}

TEST_CASE("a band on a figure the power check reads moves the power finding, to its flip",
          "[fit][ranges]") {
  // The trials run the checks of needs (power, memory, mounts) only where some band's ends move
  // them: a card whose draw is given as a range moves the power finding all through its band.
  json card = partJson("evga-rtx2060-xc");
  card["figures"]["power_w"]["range"] = {150, 600};
  card["figures"]["power_w"]["range_why"] = "test: a draw between two published figures";
  const Catalog c = catalogWith({card});
  const Build b = scene("article-build");
  const FitResult r = checkWithRanges(assembled(b, c), c);
  const Finding* power = findingOf(r, "power", {"gpu1"});
  REQUIRE(power);
  REQUIRE(power->range);
  REQUIRE(power->measured);
  // The draw moves with the card's: 440 W more at the top of its band.
  REQUIRE(power->range->worst);
  CHECK(*power->range->worst == Approx(*power->measured + 440));
  CHECK(power->range->worstSeverity == Severity::Warn); // past 80% of the 850 W unit
  REQUIRE(power->range->deciders.size() == 1);
  const Decider& d = power->range->deciders.front();
  CHECK(d.figure == "power_w");
  REQUIRE(d.flip);
  // The flip against the check itself, the card's draw entered either side of it.
  auto severityAt = [&](double w) {
    Build entered = b;
    for (Instance& in : entered.instances)
      if (in.id == "gpu1") in.figures["power_w"] = w;
    const FitResult at = checked(entered, c);
    const Finding* f = findingOf(at, "power", {"gpu1"});
    REQUIRE(f);
    return f->severity;
  };
  CHECK(severityAt(*d.flip - 0.01) == power->severity);
  CHECK(severityAt(*d.flip + 0.01) == d.beyond);
  CHECK(d.beyond != power->severity);
  // A draw is in watts, in its band and its flip as printed; a sourced one is "given".
  CHECK(d.unit == "W");
  const std::string lines = rigfit::test::joined(rangeLines(*power));
  CHECK_THAT(lines, Catch::Contains("gpu1 power_w: given as 160.0 W") &&
                        Catch::Contains(" W, could be 150.0 to 600.0 W (") &&
                        !Catch::Contains(" mm"));
}

TEST_CASE("a flip where a finding appears is exact, found from the values the search tried",
          "[fit][ranges]") {
  // Two cards in the Focus G: with the board low, the bottom card's fans breathe against the
  // PSU (a warning), and from some height up that finding is gone. Its flip is where it goes,
  // not on any straight line of it: the search brackets it and closes in.
  Build b = scene("article-two-gpus");
  FitResult r = ranged(b);
  const Finding* f = findingOf(r, "gpu-cooling", {"gpu2", "psu"});
  REQUIRE(f);
  REQUIRE(f->range);
  CHECK(f->range->worstSeverity == Severity::Warn);
  REQUIRE_FALSE(f->range->deciders.empty());
  const Decider& d = f->range->deciders.front();
  CHECK(d.figure == "board_top_mm");
  REQUIRE(d.flip);
  CHECK(d.beyond == Severity::Warn);
  auto severityAt = [&](double v) {
    const FitResult at = enteredAt(b, "case", "board_top_mm", v);
    const Finding* g = findingOf(at, "gpu-cooling", {"gpu2", "psu"});
    return g ? g->severity : Severity::Pass;
  };
  // Within the search's 0.0001 mm either side.
  CHECK(severityAt(*d.flip + 0.0002) == Severity::Pass);
  CHECK(severityAt(*d.flip - 0.0002) == Severity::Warn);
}

TEST_CASE("the trials' measures name each overlap as the full check does", "[fit][ranges]") {
  // The check with ranges tells findings apart across its trials by check, parts and, for an
  // overlap or an intrusion into a keep-out, its sentence: the measures-only check must write
  // those the same. Their summaries ("no two parts overlap") measure nothing and are known by
  // their check alone: a check of measures leaves out their words. The article build's board at
  // the bottom of its band (390.8 mm) brings the PSU into the header plugs' keep-out.
  FigureTrial low;
  low["case"]["board_top_mm"] = 390.8;
  int overlaps = 0;
  for (const char* name : {"article-build", "article-two-gpus", "article-bottom-slot",
                           "article-fans", "focus2-aio", "article-build at 390.8"}) {
    CAPTURE(name);
    const bool trial = std::string(name).find(" at ") != std::string::npos;
    Result<Assembly> made =
        assemble(scene(trial ? "article-build" : name), seedCatalog(), "", trial ? &low : nullptr);
    REQUIRE(made.ok());
    const Assembly& a = *made;
    const FitResult full = check(a);
    const FitResult measures = check(a, {}, CheckDetail::Measures);
    REQUIRE(full.findings.size() == measures.findings.size());
    for (std::size_t i = 0; i < full.findings.size(); ++i) {
      const Finding &f = full.findings[i], &m = measures.findings[i];
      CHECK(f.check == m.check);
      CHECK(f.parts == m.parts);
      CHECK(f.severity == m.severity);
      CHECK(f.measured == m.measured);
      if (f.check == "collision" || f.check == "keepout") {
        if (f.measured) {
          ++overlaps;
          CHECK(f.message == m.message);
        } else {
          CHECK(m.message.empty());
        }
      }
    }
    // A finding found away from the estimates is worded by its own check alone: that check's
    // findings as in full, every other as measures only, in the same order. Only a summary that
    // passes is left out: the overlaps' and the keep-outs' count the other checks' findings,
    // which their measures do not place (they measure nothing; the check with ranges never
    // words them).
    for (const char* id : {"collision", "keepout", "gpu-cooling", "slot-openings"}) {
      CAPTURE(id);
      const FitResult one = check(a, {}, CheckDetail::Full, CheckScope::All, id);
      REQUIRE(one.findings.size() == full.findings.size());
      for (std::size_t i = 0; i < full.findings.size(); ++i) {
        const Finding& f = one.findings[i];
        const Finding& as = f.check == id ? full.findings[i] : measures.findings[i];
        CHECK(f.check == as.check);
        CHECK(f.parts == as.parts);
        CHECK(f.severity == as.severity);
        CHECK(f.measured == as.measured);
        if (f.measured || f.severity != Severity::Pass) CHECK(f.message == as.message);
        CHECK(f.estimates == as.estimates);
      }
    }
  }
  CHECK(overlaps >= 1);
}

TEST_CASE("a tower's overhang or base over a module is marked the least of two pairs, and its "
          "least over a band is the sweep's",
          "[fit][ranges]") {
  // The Dark Rock Pro 4 over four Trident Z modules, its socket given a band across the board:
  // the overhang passes over the modules and off them, and its base nears the first one. The
  // finding's margin is the lesser of two pairs, so it is not convex along the band: refine
  // halves it wherever it is found, as the even sweep would (this build has no dip that the
  // straight-stretch rule alone would miss; the least is held against a sweep all the same).
  json board = partJson("asus-prime-x470-pro");
  board["figures"]["socket_y_mm"]["range"] = {60, 120};
  board["figures"]["socket_y_mm"]["range_why"] = "a test's wide band";
  const Catalog c = catalogWith({board});
  Result<Build> b = loadBuildFile(sourcePath("tests/realworld/drp4-trident-z.json"));
  REQUIRE(b);
  const FitResult plain = check(assembled(*b, c));
  const Finding* atEstimate = findingOf(plain, "cooler-ram", {"cooler"});
  REQUIRE(atEstimate);
  CHECK(atEstimate->leastOfSeveral);
  CHECK_FALSE(findingOf(plain, "gpu-height", {"gpu1"})->leastOfSeveral);

  // The least margin over the band against a 0.05 mm sweep, whichever module it is against.
  double least = INFINITY;
  for (double v = 60; v <= 120 + 1e-9; v += 0.05) {
    FigureTrial t{{"board", {{"socket_y_mm", v}}}};
    Result<Assembly> moved = assemble(*b, c, "", &t);
    REQUIRE(moved);
    for (const Finding& f : check(*moved).findings)
      if (f.check == "cooler-ram" && f.measured) least = std::min(least, *f.measured);
  }
  REQUIRE(std::isfinite(least));
  const FitResult r = checkWithRanges(assembled(*b, c), c);
  double worst = INFINITY;
  for (const Finding& f : r.findings)
    if (f.check == "cooler-ram" && f.range && f.range->worst)
      worst = std::min(worst, *f.range->worst);
  CAPTURE(least, worst);
  CHECK(worst <= least + 1e-6);
  CHECK(worst >= least - 0.05);
}
