// The one walk that every picture of a build comes from: what it hands a sink, in what order,
// and which parts it marks as failing.
#include "draw/draw.hpp"
#include "draw/palette.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>
#include <set>

using namespace rigfit;
using namespace rigfit::test;

namespace {

// Writes down every call, in order.
struct Recorder : draw::Sink {
  std::vector<std::string> calls;
  std::vector<std::string> parts, failingParts;
  std::vector<SolidRole> caseSolidRoles;
  std::set<std::string> failingSolids;
  size_t solids = 0, overlaps = 0, dimensions = 0, openingCount = 0;
  geo::Aabb interiorBox;

  void interior(const geo::Aabb& box) override { calls.push_back("interior"), interiorBox = box; }
  void part(const Placed& p, bool failing) override {
    calls.push_back("part");
    parts.push_back(p.id);
    if (failing) failingParts.push_back(p.id);
  }
  void solid(const draw::SolidDraw& s) override {
    calls.push_back("solid");
    ++solids;
    if (s.part.part->category == Category::Case) caseSolidRoles.push_back(s.solid.solid->role);
    if (s.failing) failingSolids.insert(s.part.id);
  }
  void overlap(const geo::Aabb&) override { calls.push_back("overlap"), ++overlaps; }
  void openings(const std::vector<draw::Opening>& all) override {
    calls.push_back("openings"), openingCount = all.size();
  }
  void dimension(const Finding&) override { calls.push_back("dimension"), ++dimensions; }
  void end() override { calls.push_back("end"); }
};

// The kinds of call in the order they first came, each run collapsed.
std::vector<std::string> runs(const std::vector<std::string>& calls) {
  std::vector<std::string> out;
  for (const std::string& c : calls)
    if (out.empty() || out.back() != c) out.push_back(c);
  return out;
}

} // namespace

TEST_CASE("draw: one walk hands a sink the interior, the parts, their solids, the overlaps, "
          "the openings and the dimensions, in that order",
          "[draw]") {
  // The article's bottom slot: the second XC hangs 15.99 mm into the PSU (test_article.cpp).
  Assembly a = assembled(scene("article-bottom-slot"), seedCatalog());
  FitResult r = check(a);
  Recorder rec;
  draw::drawBuild(a, r.findings, rec);
  CHECK(runs(rec.calls) == std::vector<std::string>{"interior", "part", "solid", "overlap",
                                                    "openings", "dimension", "end"});
  // The case is the interior: it is not a part, and of its solids only the limits it
  // publishes come.
  CHECK(rec.parts.size() == a.items.size() - 1);
  for (SolidRole role : rec.caseSolidRoles)
    CHECK(role == SolidRole::Limit);
  // The interior is the case's, in the case frame.
  const Part& chassis = *a.items.front().part;
  CHECK(rec.interiorBox.hi.x == chassis.figures.at("interior_depth_mm").value);
  CHECK(rec.interiorBox.hi.y == chassis.figures.at("interior_height_mm").value);
  // Failing parts are exactly those a failing finding names, and only their solids come marked.
  std::set<std::string> named;
  for (const Finding& f : r.findings)
    if (f.severity == Severity::Fail) named.insert(f.parts.begin(), f.parts.end());
  std::set<std::string> namedParts = named;
  namedParts.erase(a.items.front().id); // the case is not a part here
  REQUIRE_FALSE(namedParts.empty());
  CHECK(std::set<std::string>(rec.failingParts.begin(), rec.failingParts.end()) == namedParts);
  for (const std::string& id : rec.failingSolids)
    CHECK(named.count(id));
  CHECK(rec.overlaps >= 1);
  CHECK(rec.openingCount == static_cast<size_t>(chassis.chassis->openings));
  // A build that passes draws no overlap and marks nothing failing.
  Assembly ok = assembled(scene("article-build"), seedCatalog());
  Recorder fine;
  draw::drawBuild(ok, check(ok).findings, fine);
  CHECK(fine.overlaps == 0);
  CHECK(fine.failingParts.empty());
  CHECK(fine.dimensions >= 1); // the card's room and the cooler's height are dimensioned
}

TEST_CASE("draw: a case that publishes a card limit hands it to the sink", "[draw]") {
  // The H510 Flow publishes 360 mm for cards: a limit solid, drawn as a dashed line in SVG.
  Build b{"limit", {{"case", "nzxt-h510-flow"}}};
  Assembly a = assembled(b, seedCatalog());
  Recorder rec;
  draw::drawBuild(a, check(a).findings, rec);
  CHECK(rec.parts.empty());
  REQUIRE_FALSE(rec.caseSolidRoles.empty());
  for (SolidRole role : rec.caseSolidRoles)
    CHECK(role == SolidRole::Limit);
  CHECK(rec.openingCount == 0); // no board to number them from
}

TEST_CASE("draw: the palette's colours as CSS writes them", "[draw]") {
  CHECK(draw::hex(draw::palette::kFail) == "#c62828");
  CHECK(draw::hex(draw::palette::kInk) == "#000");
  CHECK(draw::hex({0xff, 0xff, 0xff}) == "#fff");
  CHECK(draw::hex({0xff, 0xfe, 0xff}) == "#fffeff");
  // Every category has a colour of its own.
  std::set<std::string> seen;
  for (const CategoryDescription* c : categories())
    seen.insert(draw::hex(draw::palette::category(c->category)));
  CHECK(seen.size() == categories().size());
}

TEST_CASE("draw: a shortage of watts or plugs is not painted on the parts, a clash is", "[draw]") {
  // The two-card article build with a PSU that has one 8-pin cable for two cards: a failure in
  // the panel, but nothing collides, so no part is drawn red (it would hide a real clash).
  nlohmann::json psu = partJson("gamemax-rgb-850");
  setFigure(psu, "pcie_8pin", 1);
  Catalog shortOfPlugs = catalogWith({psu});
  Assembly a = assembled(scene("article-two-gpus"), shortOfPlugs);
  FitResult r = check(a);
  REQUIRE(only(r, "power-plugs").severity == Severity::Fail);
  Recorder rec;
  draw::drawBuild(a, r.findings, rec);
  CHECK(rec.failingParts.empty());
  CHECK(rec.failingSolids.empty());
  // The same shortage with the second card hanging into the PSU: the clash's parts are red,
  // and only they.
  Assembly b = assembled(scene("article-bottom-slot"), shortOfPlugs);
  FitResult rb = check(b);
  REQUIRE(only(rb, "power-plugs").severity == Severity::Fail);
  std::set<std::string> clashing;
  for (const Finding& f : rb.findings)
    if (f.severity == Severity::Fail && f.unit == Unit::Mm)
      clashing.insert(f.parts.begin(), f.parts.end());
  clashing.erase(b.items.front().id);
  REQUIRE_FALSE(clashing.empty());
  Recorder both;
  draw::drawBuild(b, rb.findings, both);
  CHECK(std::set<std::string>(both.failingParts.begin(), both.failingParts.end()) == clashing);
  CHECK_FALSE(clashing.count("gpu1")); // the top card only lacks its plug: not red
}
