// The check with ranges against brute force, on every scene and real-world build: each band swept
// alone, evenly, as a builder would enter the figure and check again. Whatever the search skips
// (the middle of a band where nothing moved at its ends, the halving between values on one
// line), the sweep tries.
#include "assembly/build_json.hpp"
#include "fit/ranged.hpp"
#include "support/fixtures.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>

using namespace rigfit;
using namespace rigfit::test;

namespace {

// Smaller is worse, whichever way the finding's bound points.
double slackOf(const Finding& f, double measured) {
  return f.bound == Bound::AtLeast ? measured : -measured;
}

// The worst slack the check with ranges gives a finding: over its band where it has one, else
// as measured; none where it measures nothing at its worst.
std::optional<double> worstSlack(const Finding& f) {
  if (f.range) {
    if (!f.range->worst) return std::nullopt;
    return slackOf(f, *f.range->worst);
  }
  if (!f.measured) return std::nullopt;
  return slackOf(f, *f.measured);
}

// The build with a figure entered, as a builder would, on an instance and on the same part's
// other instances, which one band moves together.
Build entered(Build b, const std::string& instance, const std::vector<std::string>& alsoOn,
              const std::string& figure, double value) {
  for (Instance& in : b.instances)
    if (in.id == instance || std::count(alsoOn.begin(), alsoOn.end(), in.id))
      in.figures[figure] = value;
  return b;
}

std::string keyOf(const Finding& f) {
  return f.check + "|" + joined(f.parts);
}

struct Swept {
  std::string name;
  Build build;
};

std::vector<Swept> everyBuild() {
  std::vector<Swept> out;
  for (const char* dir : {"scenes", "tests/realworld"})
    for (const auto& e : std::filesystem::directory_iterator(sourcePath(dir))) {
      if (e.path().extension() != ".json") continue;
      Result<Build> b = loadBuildFile(e.path().string());
      REQUIRE(b.ok());
      out.push_back({std::string(dir) + "/" + e.path().filename().string(), *b});
    }
  std::sort(out.begin(), out.end(), [](const Swept& a, const Swept& b) { return a.name < b.name; });
  return out;
}

// The scenes with every curated cooler in the cooler's place and every curated card in each
// card's: towers over the modules, long and thick cards against the PSU and the side panel.
std::vector<Swept> swappedBuilds() {
  std::vector<Swept> out;
  const Catalog& c = seedCatalog();
  for (const char* name :
       {"article-build", "article-two-gpus", "article-bottom-slot", "article-fans", "focus2-aio"}) {
    const Build base = scene(name);
    for (const Instance& in : base.instances) {
      const Part* was = c.find(in.part);
      if (!was || (was->category != Category::Cooler && was->category != Category::Gpu)) continue;
      for (const Part* p : c.parts()) {
        if (p->category != was->category || p->tier != Tier::Curated || p == was) continue;
        Build b = swapped(base, in.id, p->id);
        if (!assemble(b, c)) continue; // it does not go on that mount (an all-in-one's pump)
        out.push_back({std::string(name) + ": " + in.id + " = " + p->id, b});
      }
    }
  }
  return out;
}

// What the sweeps compared, to show that enough was.
struct Counts {
  int bands = 0;       // bands swept
  int comparisons = 0; // findings seen in a sweep and held against what was said
  int constant = 0;    // of them, findings said to hold over every band, held to their reading
};

// Each band of the build swept alone at `steps` + 1 values, the figure entered as a builder
// would: what the check with ranges said about each finding holds at every value.
void sweepAgainstRanges(const Swept& s, int steps, Counts& n) {
  CAPTURE(s.name);
  const Catalog c = catalogFor(s.build);
  const Assembly nominal = assembled(s.build, c);
  const FitResult r = checkWithRanges(nominal, c);
  std::map<std::string, std::vector<const Finding*>> said;
  for (const Finding& f : r.findings)
    said[keyOf(f)].push_back(&f);

  for (const Band& band : bandsOf(nominal, c)) {
    CAPTURE(band.instance, band.figure, band.lo, band.hi);
    ++n.bands;
    for (int k = 0; k <= steps; ++k) {
      const double x = band.lo + (band.hi - band.lo) * k / steps;
      CAPTURE(x);
      Result<Assembly> a =
          assemble(entered(s.build, band.instance, band.alsoOn, band.figure, x), c);
      if (!a) continue; // the parts cannot be made there: the check with ranges skips it too
      const FitResult at = check(*a);
      std::map<std::string, std::vector<const Finding*>> seen;
      for (const Finding& g : at.findings)
        seen[keyOf(g)].push_back(&g);
      for (const auto& [key, gs] : seen) {
        CAPTURE(key);
        Severity worstSeen = Severity::NotChecked;
        for (const Finding* g : gs)
          worstSeen = std::min(worstSeen, g->severity);
        auto it = said.find(key);
        if (it == said.end()) {
          // Found only inside a band, and never said: only a pass may be left unsaid.
          CHECK(worstSeen >= Severity::Pass);
          continue;
        }
        const std::vector<const Finding*>& fs = it->second;
        ++n.comparisons;
        // The check with ranges says a worst at least as bad as anything the sweep sees.
        Severity worstSaid = Severity::NotChecked;
        for (const Finding* f : fs)
          worstSaid = std::min(worstSaid, f->worstCase());
        CHECK(worstSaid <= worstSeen);
        // And a worst margin no better than the least the sweep measures.
        std::optional<double> leastSaid, leastSeen;
        for (const Finding* f : fs)
          if (std::optional<double> w = worstSlack(*f); w && f->unit == Unit::Mm)
            leastSaid = leastSaid ? std::min(*leastSaid, *w) : *w;
        for (const Finding* g : gs)
          if (g->measured && g->unit == Unit::Mm) {
            const double sl = slackOf(*g, *g->measured);
            leastSeen = leastSeen ? std::min(*leastSeen, sl) : sl;
          }
        if (leastSaid && leastSeen) CHECK(*leastSaid <= *leastSeen + 1e-6);
        // One finding said to hold over every band (no range) reads the same everywhere.
        if (fs.size() == 1 && gs.size() == 1 && !fs[0]->range) {
          ++n.constant;
          CHECK(gs[0]->severity == fs[0]->severity);
          CHECK(gs[0]->measured.has_value() == fs[0]->measured.has_value());
          if (gs[0]->measured && fs[0]->measured)
            CHECK(*gs[0]->measured == Approx(*fs[0]->measured).margin(1e-6));
        }
      }
    }
  }
}

// Each flip of the build, its two printed values entered as the builder would: the
// estimate's verdict at the one printed on its side, the other verdict at the other; for a
// window, its two printed edges and the values next out. How many flips were held so.
int printedFlipsHold(const Swept& s, const Catalog* own = nullptr, int* windows = nullptr) {
  int flips = 0;
  CAPTURE(s.name);
  const Catalog c = own ? *own : catalogFor(s.build);
  const FitResult r = checkWithRanges(assembled(s.build, c), c);
  std::map<std::string, int> sameKey;
  for (const Finding& f : r.findings)
    ++sameKey[keyOf(f)];
  for (const Finding& f : r.findings) {
    if (!f.range || sameKey[keyOf(f)] != 1) continue;
    for (const Decider& d : f.range->deciders) {
      if (!d.flip) continue;
      CAPTURE(keyOf(f), d.instance, d.figure, *d.flip);
      auto severityAt = [&](double v) {
        const Build b = entered(s.build, d.instance, d.alsoOn, d.figure, v);
        Severity worst = Severity::Pass; // not found: nothing measured, a pass
        for (const Finding& g : checked(b, c).findings)
          if (keyOf(g) == keyOf(f)) worst = std::min(worst, g.severity);
        return worst;
      };
      const Severity atEstimate = f.severity == Severity::NotChecked ? Severity::Pass : f.severity;
      ++flips;
      if (d.flipBack) {
        // A window, printed rounded into it: its edges give the window's verdict, the values
        // next out (inside the band) the estimate's.
        CAPTURE(*d.flipBack);
        const double in0 = std::ceil(std::min(*d.flip, *d.flipBack) * 100) / 100;
        const double in1 = std::floor(std::max(*d.flip, *d.flipBack) * 100) / 100;
        if (in0 >= in1) continue; // too narrow for 0.01: printed finer
        if (windows) ++*windows;
        CHECK(severityAt(in0) == d.beyond);
        CHECK(severityAt(in1) == d.beyond);
        if (in0 - 0.01 >= d.lo) CHECK(severityAt(in0 - 0.01) == atEstimate);
        if (in1 + 0.01 <= d.hi) CHECK(severityAt(in1 + 0.01) == atEstimate);
        continue;
      }
      // The estimate's verdict up to the printed value, the other from the other one on.
      const bool otherAbove = *d.flip > d.value;
      const double kept = (otherAbove ? std::floor(*d.flip * 100) : std::ceil(*d.flip * 100)) / 100;
      const double other =
          (otherAbove ? std::ceil(*d.flip * 100) : std::floor(*d.flip * 100)) / 100;
      CHECK(severityAt(kept) == atEstimate);
      CHECK(severityAt(other) == d.beyond);
    }
  }
  return flips;
}

// Every build of a set swept so, at `steps` + 1 values a band.
Counts sweepEach(const std::vector<Swept>& builds, int steps) {
  Counts n;
  for (const Swept& s : builds)
    sweepAgainstRanges(s, steps, n);
  return n;
}

} // namespace

TEST_CASE("a sweep of every band finds nothing the check with ranges did not say",
          "[fit][ranges][sweep]") {
  const std::vector<Swept> builds = everyBuild();
  REQUIRE(builds.size() >= 15);
  const Counts n = sweepEach(builds, 60);
  // Enough was compared that a miss would show: every build's bands, each at 61 values.
  CHECK(n.bands >= 30);
  CHECK(n.comparisons > 10000);
  CHECK(n.constant > 5000);
}

TEST_CASE("a sweep of every band holds with each cooler and card of the catalog swapped in",
          "[fit][ranges][sweep]") {
  const std::vector<Swept> builds = swappedBuilds();
  REQUIRE(builds.size() >= 250);
  const Counts n = sweepEach(builds, 40);
  CHECK(n.bands >= 1000);
  CHECK(n.comparisons > 1000000);
}

TEST_CASE("every flip printed to 0.01 keeps the verdict each side is printed with",
          "[fit][ranges][sweep][boundary]") {
  // The lines print a flip rounded toward the estimate's side ("passes down to 409.15 mm"), the
  // deciding figure toward the other ("at or above 33.99 mm this fits"). Each printed value,
  // entered as the builder would, must give the verdict it is printed with: a flip found within
  // its tolerance of such a value lies on one side of it only.
  int flips = 0;
  for (const Swept& s : everyBuild())
    flips += printedFlipsHold(s);
  CHECK(flips >= 15);
  int swappedFlips = 0;
  for (const Swept& s : swappedBuilds())
    swappedFlips += printedFlipsHold(s);
  CHECK(swappedFlips >= 500);
  // No build above has a window where the verdict differs; the seed board's socket given wide
  // test bands has two (the CPU crossing the modules, the cooler sliding past the x1 slot).
  nlohmann::json board = partJson("asus-prime-x470-pro");
  board["figures"]["socket_y_mm"]["range"] = {40, 240};
  board["figures"]["socket_y_mm"]["range_why"] = "a test's wide band";
  board["figures"]["socket_x_mm"]["range"] = {80, 125};
  board["figures"]["socket_x_mm"]["range_why"] = "a test's wide band";
  const Catalog wide = catalogWith({board});
  int windows = 0;
  printedFlipsHold({"article-build, socket bands", scene("article-build")}, &wide, &windows);
  CHECK(windows >= 1);
}
