#include "fit/ranged.hpp"

#include "catalog/ranges.hpp"
#include "common/text.hpp"
#include "fit/fit.hpp"
#include "geometry/clearance.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

namespace rigfit {
namespace {

// How finely the extremes and the flips are found, in the figure's unit (mm).
constexpr double kFlipTolerance = 1e-4;
constexpr double kLinearTolerance = 1e-6;
// Either side of where an overlap opens inside a band: the two values are less than
// kFlipTolerance apart.
constexpr double kEdgeStep = 0.4 * kFlipTolerance;
// Samples across a band where a finding is not linear in it, before the search narrows.
constexpr int kDenseSamples = 24;

// Signed so that smaller is worse, whichever way the finding's bound points; NaN when the
// finding measures nothing.
double slackOf(const Finding& f) {
  if (!f.measured) return NAN;
  return f.bound == Bound::AtLeast ? *f.measured : -*f.measured;
}
double measuredOf(const Finding& f, double slack) {
  return f.bound == Bound::AtLeast ? slack : -slack;
}

// A finding at one evaluation: its severity and slack (absent: a pass measuring nothing).
struct Obs {
  Severity severity = Severity::Pass;
  double slack = NAN;
  const Finding* finding = nullptr;
};
// Worse: a lower severity, or the same severity with less slack.
bool worse(const Obs& a, const Obs& b) {
  if (a.severity != b.severity) return a.severity < b.severity;
  if (std::isnan(a.slack) || std::isnan(b.slack)) return false;
  return a.slack < b.slack;
}
bool differs(const Obs& a, const Obs& b) {
  if (a.severity != b.severity || std::isnan(a.slack) != std::isnan(b.slack)) return true;
  return !std::isnan(a.slack) && std::abs(a.slack - b.slack) > kLinearTolerance;
}

// Appends `text` to `out` with every quantity in millimetres ("-12.5 mm") written as '#'.
void appendWithoutQuantities(std::string& out, const std::string& text) {
  std::size_t from = 0; // the first character not yet appended
  for (std::size_t i = 0; i < text.size();) {
    const char ch = text[i];
    if (ch != '-' && (ch < '0' || ch > '9')) {
      ++i;
      continue;
    }
    const std::size_t digits = i + (ch == '-' ? 1 : 0);
    const std::size_t end = decimalEnd(text, digits);
    if (end > digits && text.compare(end, 3, " mm") == 0) {
      out.append(text, from, i - from);
      out += '#';
      i = from = end + 3;
    } else {
      ++i;
    }
  }
  out.append(text, from, std::string::npos);
}

// A finding's identity across evaluations: its check, its parts, which of that kind it is,
// numbered the same in every trial. Two parts may overlap at several solids (a cooler over two
// slots of a board): those findings are told apart by their words, with the quantities they
// measure taken out (names keep their digits: slot:PCIEX16_1 and slot:PCIEX16_2 stay apart).
// Their summaries measure nothing: "no two parts overlap" (a pass, whose words a check of
// measures alone leaves out) and "and 12 more not listed" (a failure or a warning, whose count
// changes from trial to trial), each known by its check and which of the two it is.
class FindingIds {
public:
  std::vector<int> of(const std::vector<Finding>& findings) {
    std::vector<int> ids;
    ids.reserve(findings.size());
    // How many of each kind so far: the kinds known, and at most one new kind per finding.
    seen_.assign(kinds_.size() + findings.size(), 0);
    for (const Finding& f : findings) {
      kind_ = f.check;
      for (const std::string& p : f.parts)
        (kind_ += '|') += p;
      if (f.check == "collision" || f.check == "keepout") {
        if (f.measured)
          appendWithoutQuantities(kind_ += '|', f.message);
        else
          kind_ += f.severity == Severity::Pass ? "|none" : "|more not listed";
      }
      const auto [at, fresh] = kinds_.try_emplace(kind_, static_cast<int>(kinds_.size()));
      if (fresh) byKind_.emplace_back();
      const int kind = at->second;
      std::vector<int>& numbered = byKind_[kind]; // the ids of this kind's first, second, ...
      const int which = seen_[kind]++;
      if (which == static_cast<int>(numbered.size())) numbered.push_back(next_++);
      ids.push_back(numbered[which]);
    }
    return ids;
  }

private:
  std::string kind_;
  std::unordered_map<std::string, int> kinds_;
  std::vector<std::vector<int>> byKind_; // by kind, the ids given, in order
  std::vector<int> seen_;
  int next_ = 0;
};

// Every finding of one evaluation, by its number; a number past the end, or with no finding,
// is a finding not found there (a pass measuring nothing).
using Outcome = std::vector<Obs>;
Obs seenIn(const Outcome& out, int id) {
  return static_cast<std::size_t>(id) < out.size() ? out[id] : Obs{};
}

// Bands by index -> value, in the order of their indices, those at their estimates left out.
using Trial = std::vector<std::pair<int, double>>;
// The trial of band j alone at x.
Trial alone(const std::vector<Band>& bands, int j, double x) {
  return x == bands[j].value ? Trial{} : Trial{{j, x}};
}

// Assembles and checks the build with some estimates moved; each trial once. The build at
// the estimates is the one given, checked in full.
//
// The checks of what a build needs (CheckScope::Needs) read a length only to hold it against a
// limit (a drive against its slot's), so each is monotone in every length: one that is the same
// at both ends of a band on a length as at the estimates is the same all through it. (Other
// figures they compare for equality: the memory's capacities, to say whether its channels are
// balanced.) Once every band's ends have been tried with them and none moved them
// (steadyNeeds), a trial moving one band on a length alone runs the placement checks only, and
// takes those findings from the build as given.
class Evaluator {
public:
  Evaluator(const Assembly& nominal, const FitSettings& s, const std::vector<Band>& bands,
            const FitResult& base)
      : nominal_(nominal), settings_(s), bands_(bands) {
    Entry& e = cache_[Trial{}];
    e.assembly = &nominal;
    e.full = &base;
    record(e, base.findings);
    baseOutcome_ = &e.outcome;
    for (int id : ids_.of(check(nominal, s, CheckDetail::Measures, CheckScope::Needs).findings))
      markNeeds(id);
    e.needsRun = true;
  }

  // Bands by index -> value; null when the parts cannot be made at those values. With
  // `withNeeds`, every check runs whatever the ends of the bands showed.
  const Outcome* at(const Trial& key, bool withNeeds = false) {
    auto [it, fresh] = cache_.try_emplace(key);
    Entry& e = it->second;
    if (fresh) {
      FigureTrial trial;
      for (const auto& [j, v] : key) {
        trial[bands_[j].instance][bands_[j].figure] = v;
        for (const std::string& other : bands_[j].alsoOn)
          trial[other][bands_[j].figure] = v;
      }
      std::optional<Assembly> a = retried(nominal_, trial);
      if (!a) return nullptr;
      e.own = std::move(*a);
      e.assembly = &*e.own;
      e.placement = check(*e.assembly, settings_, CheckDetail::Measures, CheckScope::Placement);
      record(e, e.placement.findings);
    }
    if (!e.ok) return nullptr;
    if (!e.needsRun && (withNeeds || !steadyNeeds_ || !lengthsOnly(key))) {
      e.needs = check(*e.assembly, settings_, CheckDetail::Measures, CheckScope::Needs);
      for (int id : record(e, e.needs.findings))
        markNeeds(id);
      e.needsRun = true;
      if (e.placement.fits() && e.needs.fits()) fitsSomewhere = true;
    } else if (fresh) {
      for (int id : needs_) // as in the build as given
        place(e.outcome, id, seenIn(*baseOutcome_, id));
      if (e.placement.fits() && baseNeedsFit_) fitsSomewhere = true;
    }
    return &e.outcome;
  }
  bool fitsSomewhere = false; // some evaluation had no failure

  // After every band's ends were tried: whether the checks of needs came out as in the build
  // as given at all of them.
  void settleNeeds() {
    steadyNeeds_ = true;
    for (const auto& [key, e] : cache_)
      for (int id : needs_)
        if (!e.ok || differs(seenIn(e.outcome, id), seenIn(*baseOutcome_, id)))
          steadyNeeds_ = false;
  }

  // Finding `id` of an evaluation made before, checked again in full, with the estimates it
  // rests on, which the many trials leave out: the placement checks alone for one of theirs,
  // every check for the others (once per evaluation and scope). Where its check alone makes
  // findings of its kind (an overlap, a keep-out), only that check's findings are worded.
  const Finding& inFull(const Trial& values, int id) {
    Entry& e = cache_.at(values);
    const FitResult* full = e.full;
    if (!full) {
      const bool ofNeeds = std::find(needs_.begin(), needs_.end(), id) != needs_.end();
      const std::string& of = seenIn(e.outcome, id).finding->check;
      // "*": every check; "": every placement check; else the one check that makes `of`.
      const std::string key = ofNeeds ? "*" : madeByOneCheck(of) ? of : "";
      auto [at, fresh] = e.worded.try_emplace(key);
      if (fresh)
        at->second = check(*e.assembly, settings_, CheckDetail::Full,
                           ofNeeds ? CheckScope::All : CheckScope::Placement, key);
      full = &at->second;
    }
    std::vector<int> ids = ids_.of(full->findings);
    auto it = std::find(ids.begin(), ids.end(), id);
    return full->findings.at(static_cast<std::size_t>(it - ids.begin()));
  }

  // The world of an evaluation made before (null when it could not be made).
  const World* worldAt(const Trial& values) {
    if (!at(values)) return nullptr;
    return &cache_.at(values).assembly->world();
  }

private:
  struct Entry {
    bool ok = false;
    bool needsRun = false;              // the checks of needs ran on it
    const Assembly* assembly = nullptr; // `own`, or the build as given
    std::optional<Assembly> own;
    FitResult placement, needs;      // measures only
    const FitResult* full = nullptr; // checked in full, every check: the build as given
    // Checked again in full for a finding reported from it (inFull), by what was worded.
    std::map<std::string, FitResult> worded;
    Outcome outcome;
  };
  std::vector<int> record(Entry& e, const std::vector<Finding>& findings) {
    std::vector<int> ids = ids_.of(findings);
    if (!ids.empty()) {
      const int top = *std::max_element(ids.begin(), ids.end());
      if (static_cast<std::size_t>(top) >= e.outcome.size()) e.outcome.resize(top + 1);
    }
    for (std::size_t i = 0; i < ids.size(); ++i)
      place(e.outcome, ids[i], {findings[i].severity, slackOf(findings[i]), &findings[i]});
    e.ok = true;
    return ids;
  }
  static void place(Outcome& out, int id, const Obs& o) {
    if (static_cast<std::size_t>(id) >= out.size()) out.resize(id + 1);
    out[id] = o;
  }
  void markNeeds(int id) {
    if (std::find(needs_.begin(), needs_.end(), id) != needs_.end()) return;
    needs_.push_back(id);
    const Obs o = seenIn(*baseOutcome_, id);
    baseNeedsFit_ &= o.severity != Severity::Fail;
  }
  bool lengthsOnly(const Trial& t) const {
    return std::all_of(t.begin(), t.end(),
                       [&](const auto& jv) { return bands_[jv.first].unit == "mm"; });
  }
  const Assembly& nominal_;
  const FitSettings& settings_;
  const std::vector<Band>& bands_;
  FindingIds ids_;
  std::map<Trial, Entry> cache_;
  const Outcome* baseOutcome_ = nullptr;
  std::vector<int> needs_; // the findings of the checks of needs
  bool steadyNeeds_ = false;
  bool baseNeedsFit_ = true;
};

// What one band alone does to one finding.
struct PerBand {
  Obs worst, best;
  double argWorst = 0, argBest = 0;
  bool tried = false; // the band was tried alone with this finding followed
  bool moved = false;
};

// One finding over every evaluation.
struct Track {
  Obs base; // at the estimates (absent: a pass)
  Obs worst, best;
  Trial worstAt;              // the trial of the worst
  std::vector<PerBand> bands; // by band index
  bool followed = false;
};

class Search {
public:
  Search(Evaluator& ev, const std::vector<Band>& bands, double minClearance)
      : ev_(ev), bands_(bands), minClearance_(minClearance) {
    const Outcome& base = *ev_.at({});
    for (int id = 0; id < static_cast<int>(base.size()); ++id)
      if (base[id].finding) follow(id, base[id]);
  }

  // Every finding in the trial `values`.
  void observe(const Trial& values) { observe(values, -1, NAN); }
  // Every finding with band j alone at x.
  void observe(int j, double x) { observe(alone(bands_, j, x), j, x); }
  // Every finding in the trial `values`, band `single` moved alone to x when it is not -1.
  void observe(const Trial& values, int single, double x) {
    const Outcome* out = ev_.at(values, single < 0);
    if (!out) return;
    for (int id = 0; id < static_cast<int>(out->size()); ++id)
      if ((*out)[id].finding && !followed(id)) follow(id, Obs{}); // not found at the estimates
    if (single >= 0) tried[single].insert(x);
    for (int id : order) {
      Track& t = tracks[id];
      const Obs o = seenIn(*out, id);
      if (worse(o, t.worst)) {
        t.worst = o;
        t.worstAt = values;
      }
      if (worse(t.best, o)) t.best = o;
      if (single < 0) continue;
      if (t.bands.empty()) t.bands.resize(bands_.size());
      PerBand& p = t.bands[single];
      if (!p.tried) { // the band at its estimate is the base
        p.worst = p.best = t.base;
        p.argWorst = p.argBest = bands_[single].value;
        p.tried = true;
      }
      p.moved |= differs(o, t.base);
      if (worse(o, p.worst)) p.worst = o, p.argWorst = x;
      if (worse(p.best, o)) p.best = o, p.argBest = x;
    }
  }

  // One band alone at a value: its outcome, remembered by value (no key to format).
  const Outcome* single(int j, double x) {
    auto [it, fresh] = singles_.try_emplace({j, x}, nullptr);
    if (fresh) it->second = ev_.at(alone(bands_, j, x));
    return it->second;
  }

  double slackAt(int key, int j, double x) {
    const Outcome* out = single(j, x);
    return out ? seenIn(*out, key).slack : NAN;
  }
  // None when the build cannot be made at that value.
  std::optional<Severity> severityAt(int key, int j, double x) {
    const Outcome* out = single(j, x);
    if (!out) return std::nullopt;
    return seenIn(*out, key).severity;
  }

  // Band j at its ends and (but where it is shown not to be needed) its middle, inside every
  // window where two solids would overlap between them and either side of its edges; densely
  // where some finding is not linear in it, then the least slack of each such finding narrowed
  // by golden-section search between the values tried around it.
  void sweep(int j) {
    const Band& b = bands_[j];
    const double mid = (b.lo + b.hi) / 2;
    tried[j].insert(b.value);
    for (double x : {b.lo, b.hi})
      observe(j, x);
    const World* wl = ev_.worldAt(alone(bands_, j, b.lo));
    const World* wh = ev_.worldAt(alone(bands_, j, b.hi));
    // The middle tells a finding straight across the band from one that bends. Where nothing
    // moved at the band's ends and the band only grows the solids it changes (or only shrinks
    // them), every finding is the same all through it: a solid inside another is no nearer
    // anything, so each measure is monotone along the band. The world at the estimate, inside
    // the band, must lie the same way between the two. A band that changes no solid is tried
    // in its middle: what it moves is read from the figure itself (a capacity, compared for
    // equality, is not monotone).
    bool constant = false;
    if (wl && wh && nothingMoved(j)) {
      const std::optional<int> way = nestedAlong(*wl, *wh);
      const World* wv = ev_.worldAt({});
      constant = way && *way != 0 && wv &&
                 (b.value == b.lo || b.value == b.hi ||
                  (nestedAlong(*wl, *wv) == way && nestedAlong(*wv, *wh) == way));
    }
    if (!constant) observe(j, mid);
    // An overlap that opens and closes between the values tried so far: tried in its window.
    if (wl && wh)
      for (const OverlapWindow& w : overlapWindows(*wl, *wh)) {
        double x0 = b.lo + w.t0 * (b.hi - b.lo), x1 = b.lo + w.t1 * (b.hi - b.lo);
        auto first = tried[j].upper_bound(x0);
        if (first == tried[j].end() || *first >= x1) observe(j, (x0 + x1) / 2);
        // Where it opens or closes inside the band, a finding about the pair starts or stops
        // there: tried just either side, closer together than a flip is found, so the search
        // for the flip has it bracketed and nothing between needs halving.
        if (wl->mated(wl->solids[w.a], wl->solids[w.b])) continue;
        for (double x : {x0, x1})
          if (x - kEdgeStep > b.lo && x + kEdgeStep < b.hi)
            for (double side : {-kEdgeStep, kEdgeStep})
              observe(j, x + side);
      }
    std::vector<int> bent;
    for (int key : order) {
      double sl = slackAt(key, j, b.lo), sh = slackAt(key, j, b.hi);
      double sm = constant ? sl : slackAt(key, j, mid);
      double sv = tracks[key].base.slack;
      bool absentSomewhere = false, presentSomewhere = false;
      for (double x : tried[j]) {
        bool here = !std::isnan(slackAlone(key, j, x));
        absentSomewhere |= !here;
        presentSomewhere |= here;
      }
      if (absentSomewhere) {
        if (presentSomewhere) bent.push_back(key);
        continue;
      }
      auto line = [&](double x) { return sl + (sh - sl) * (x - b.lo) / (b.hi - b.lo); };
      if (std::abs(sm - line(mid)) > kLinearTolerance ||
          std::abs(sv - line(b.value)) > kLinearTolerance)
        bent.push_back(key);
      else
        markLinear(j, key);
    }
    if (bent.empty()) return;
    refine(j, bent);
    for (int key : bent)
      narrowLeast(key, j);
  }

  // Band j tried more finely where a finding not linear in it changes: a gap between two values
  // tried is halved, until it is no wider than the band over kDenseSamples, where the finding is
  // found at one end only (it appears or goes inside), or found at both with its slack not
  // straight across the gap (no three values in a row, the gap's two among them, on one line: a
  // kink inside). A gap where it is found at neither end is left: an overlap opening inside it
  // was tried in its window above; a finding of another kind that appears only inside such a
  // gap would be missed here, as it would between two of the dense samples. Three values on a
  // line mean a line between them where the margin is one pair's clearance (convex along the
  // band, the solids moving linearly); a finding that takes the least of several pairs
  // (Finding::leastOfSeveral: a tower's overhang or its base over a module) is halved wherever
  // it is found, as finely as the dense samples.
  void refine(int j, const std::vector<int>& bent) {
    const Band& b = bands_[j];
    const double finest = (b.hi - b.lo) / kDenseSamples * (1 + 1e-9);
    std::set<double> asked; // a value where the parts cannot be made is not tried again
    for (;;) {
      std::vector<double> xs(tried[j].begin(), tried[j].end());
      const std::size_t n = xs.size();
      std::set<double> next;
      for (int key : bent) {
        std::vector<double> ss;
        for (double x : xs)
          ss.push_back(slackAlone(key, j, x));
        // Values i, i+1, i+2 found, on one line.
        auto straight = [&](std::size_t i) {
          if (i + 2 >= n || std::isnan(ss[i]) || std::isnan(ss[i + 1]) || std::isnan(ss[i + 2]))
            return false;
          const double on = ss[i] + (ss[i + 2] - ss[i]) * (xs[i + 1] - xs[i]) / (xs[i + 2] - xs[i]);
          return std::abs(ss[i + 1] - on) <= kLinearTolerance;
        };
        const Track& t = tracks[key];
        const Finding* f = t.base.finding ? t.base.finding : t.worst.finding;
        const bool convex = !(f && f->leastOfSeveral);
        for (std::size_t i = 0; i + 1 < n; ++i) {
          const bool here = !std::isnan(ss[i]), there = !std::isnan(ss[i + 1]);
          if (xs[i + 1] - xs[i] <= finest || (!here && !there)) continue;
          if (convex && here && there && ((i > 0 && straight(i - 1)) || straight(i))) continue;
          const double mid = (xs[i] + xs[i + 1]) / 2;
          if (asked.insert(mid).second) next.insert(mid);
        }
      }
      if (next.empty()) return;
      for (double x : next)
        observe(j, x);
    }
  }

  // The slack of a finding with band j alone at x (NaN: not found there).
  double slackAlone(int key, int j, double x) {
    return x == bands_[j].value ? tracks[key].base.slack : slackAt(key, j, x);
  }

  // The least slack of a finding not linear in band j, near the least of the values tried. A
  // slack made of straight pieces has its least at an end or where two pieces meet: at an end
  // whose two neighbours are on one line with it, it is the end; inside, it is where the lines
  // through the two values tried either side meet, kept if the slack there is on both lines.
  // Otherwise golden-section search between the neighbours finds it.
  void narrowLeast(int key, int j) {
    std::vector<double> xs(tried[j].begin(), tried[j].end());
    std::vector<double> ss;
    for (double x : xs)
      ss.push_back(slackAlone(key, j, x));
    const std::size_t n = xs.size();
    std::size_t at = n;
    for (std::size_t i = 0; i < n; ++i)
      if (!std::isnan(ss[i]) && (at == n || ss[i] < ss[at])) at = i;
    if (at == n) return;
    // The line through values i and k, at x; NaN when either is not found.
    auto line = [&](std::size_t i, std::size_t k, double x) {
      return ss[i] + (ss[k] - ss[i]) * (x - xs[i]) / (xs[k] - xs[i]);
    };
    auto onLine = [&](double s, double on) { return std::abs(s - on) <= kLinearTolerance; };
    if (n >= 3 && at == 0 && onLine(ss[0], line(1, 2, xs[0]))) return;
    if (n >= 3 && at == n - 1 && onLine(ss[at], line(n - 3, n - 2, xs[at]))) return;
    // An end whose neighbour is found, but with no third value on their line: the value halfway
    // between them; the end is the least if the three lie on one line.
    if (n >= 2 && (at == 0 || at == n - 1)) {
      const std::size_t next = at == 0 ? 1 : n - 2;
      if (!std::isnan(ss[next])) {
        const double half = (xs[at] + xs[next]) / 2;
        observe(j, half);
        const double sh = slackAt(key, j, half);
        if (onLine(sh, (ss[at] + ss[next]) / 2) && ss[at] <= sh) return;
      }
    }
    // Level with a neighbour, and halfway between them too: the least is that level (a
    // finding that stops deepening, as an overlap does once one part is wholly past the other).
    for (std::size_t next : {at - 1, at + 1}) {
      if (next >= n || std::isnan(ss[next]) || !onLine(ss[next], ss[at])) continue;
      const double half = (xs[at] + xs[next]) / 2;
      observe(j, half);
      if (onLine(slackAt(key, j, half), ss[at])) return;
    }
    if (at >= 2 && at + 2 < n) {
      const double left = (ss[at - 1] - ss[at - 2]) / (xs[at - 1] - xs[at - 2]);
      const double right = (ss[at + 2] - ss[at + 1]) / (xs[at + 2] - xs[at + 1]);
      if (std::isfinite(left) && std::isfinite(right) && left != right) {
        // Where the two lines meet: the kink, if the least is one.
        double k =
            (ss[at + 1] - right * xs[at + 1] - ss[at - 1] + left * xs[at - 1]) / (left - right);
        if (k > xs[at - 1] && k < xs[at + 1]) {
          observe(j, k);
          double sk = slackAt(key, j, k);
          if (onLine(sk, line(at - 2, at - 1, k)) && onLine(sk, line(at + 1, at + 2, k)) &&
              sk <= ss[at] + kLinearTolerance)
            return;
        }
      }
    }
    double a = xs[at > 0 ? at - 1 : 0], c = xs[std::min(n - 1, at + 1)];
    // Not found there: no overlap, so no nearer than anywhere it is found.
    auto slack = [&](double x) {
      double v = slackAt(key, j, x);
      return std::isnan(v) ? INFINITY : v;
    };
    const double g = (std::sqrt(5.0) - 1) / 2;
    double x1 = c - g * (c - a), x2 = a + g * (c - a);
    double s1 = slack(x1), s2 = slack(x2);
    while (c - a > kFlipTolerance) {
      if (s1 < s2) {
        c = x2, x2 = x1, s2 = s1;
        x1 = c - g * (c - a), s1 = slack(x1);
      } else {
        a = x1, x1 = x2, s1 = s2;
        x2 = a + g * (c - a), s2 = slack(x2);
      }
    }
    observe(j, (a + c) / 2);
  }

  // Where the finding's verdict at `from` changes on the way to `to`, band j alone moving:
  // where it starts or stops failing when `failing` (the verdict that counts), else where its
  // severity changes at all. None when the build cannot be made at a value on the way.
  std::optional<double> flip(int key, int j, double from, double to, bool failing) {
    auto verdictAt = [&](double x) { return verdictOf(key, j, x, failing); };
    const std::optional<int> start = verdictAt(from);
    if (!start) return std::nullopt;
    // A finding linear in the band changes where its slack crosses a clearance threshold (an
    // overlap past the touching tolerance, or the builder's minimum): found by solving the
    // line, and kept if the verdicts just either side of it confirm it.
    std::vector<double> thresholds{-geo::kTouchToleranceMm};
    if (!failing) thresholds.push_back(minClearance_ - geo::kTouchToleranceMm);
    // Or where it crosses the finding's own limit (the free air a fan wants, a PSU's rating).
    const Track& t = tracks[key];
    if (const Finding* f = t.base.finding ? t.base.finding : t.worst.finding)
      if (f->required) {
        const double limit = f->bound == Bound::AtLeast ? *f->required : -*f->required;
        thresholds.insert(thresholds.end(), {limit - geo::kTouchToleranceMm, limit});
      }
    // The line through (x0, s0) and (x1, s1) where it crosses a threshold between p and q,
    // if the verdicts just either side of it confirm a change there: two values tried already,
    // one either side and no further apart than a flip is found to, or else two tried there.
    auto solve = [&](double x0, double s0, double x1, double s1, double p,
                     double q) -> std::optional<double> {
      if (std::isnan(s0) || std::isnan(s1) || s0 == s1) return std::nullopt;
      for (double threshold : thresholds) {
        double x = x0 + (threshold - s0) * (x1 - x0) / (s1 - s0);
        if (!((x - p) * (q - x) > 0)) continue;
        const double dir = q > p ? 1 : -1;
        const std::optional<double> a = beside(j, x, -dir), b = beside(j, x, dir);
        if (a && b && std::abs(*b - *a) <= kFlipTolerance) {
          std::optional<int> before = verdictAt(*a), after = verdictAt(*b);
          if (before && after && *before == *start && *after != *start) return x;
        }
        double step = dir * kFlipTolerance / 2;
        std::optional<int> before = verdictAt(x - step), after = verdictAt(x + step);
        if (before && after && *before == *start && *after != *start) return x;
      }
      return std::nullopt;
    };
    if (isLinear(j, key)) {
      if (auto x = solve(from, slackAt(key, j, from), to, slackAt(key, j, to), from, to)) return x;
    } else {
      // Not linear: the first change among the values tried on the way (the searches' too),
      // solved on the line through the two nearest values where the slack is known (on either
      // side when it is not found past the change), else searched between them.
      std::set<double> seen = tried[j];
      for (auto it = singles_.lower_bound({j, -INFINITY});
           it != singles_.end() && it->first.first == j; ++it)
        if (it->second) seen.insert(it->first.second);
      std::vector<double> path;
      for (double x : seen)
        if ((x - from) * (to - x) >= 0) path.push_back(x);
      if (to < from) std::reverse(path.begin(), path.end());
      for (std::size_t i = 1; i < path.size(); ++i) {
        std::optional<int> v = verdictAt(path[i]);
        if (!v) return std::nullopt;
        if (*v == *start) continue;
        const double p = path[i - 1], q = path[i];
        auto sl = [&](std::size_t k) { return slackAt(key, j, path[k]); };
        std::optional<double> x = solve(p, sl(i - 1), q, sl(i), p, q);
        if (!x && i >= 2) x = solve(path[i - 2], sl(i - 2), p, sl(i - 1), p, q);
        if (!x && i + 1 < path.size()) x = solve(q, sl(i), path[i + 1], sl(i + 1), p, q);
        if (x) return x;
        from = p, to = q;
        break;
      }
    }
    // Between `from` and `to`, whose verdicts differ: the line through their slacks is tried
    // just either side of where it crosses a threshold; a change there is the flip, else the
    // side tried closes the bracket in. Where the line gives nothing inside, or the last line
    // closed it by less than half, the bracket is halved instead, until it is kFlipTolerance.
    bool halve = false;
    while (std::abs(to - from) > kFlipTolerance) {
      const double width = std::abs(to - from);
      const double step = (to > from ? 1 : -1) * kFlipTolerance / 2;
      std::optional<double> cross;
      const double sf = slackAt(key, j, from), st = slackAt(key, j, to);
      if (!halve && !std::isnan(sf) && !std::isnan(st) && sf != st)
        for (double threshold : thresholds) {
          double x = from + (threshold - sf) * (to - from) / (st - sf);
          if ((x - step - from) * (to - x - step) > 0) {
            cross = x;
            break;
          }
        }
      if (cross) {
        std::optional<int> before = verdictAt(*cross - step), after = verdictAt(*cross + step);
        if (!before || !after) return std::nullopt;
        if (*before == *start && *after != *start) return cross;
        (*before != *start ? to : from) = *before != *start ? *cross - step : *cross + step;
      } else {
        double m = (from + to) / 2;
        std::optional<int> v = verdictAt(m);
        if (!v) return std::nullopt;
        (*v == *start ? from : to) = m;
      }
      halve = cross && std::abs(to - from) > width / 2;
    }
    return (from + to) / 2;
  }

  // A flip found from `from`, put on the right side of the value nearest it that the lines print
  // (to 0.01 of the unit): within kFlipTolerance of one, the flip may lie either side of it,
  // and printed rounded toward each verdict it would give that value to both. The verdict there
  // is tried, and the flip put just past the value, on the side that verdict says.
  double onGrid(int key, int j, double flip, double from, bool failing) {
    const double grid = std::round(flip * 100) / 100;
    const Band& b = bands_[j];
    if (std::abs(grid - flip) >= kFlipTolerance || grid <= b.lo || grid >= b.hi) return flip;
    const std::optional<int> start = verdictOf(key, j, from, failing);
    if (!start) return flip;
    // The values tried nearest the flip either side bracket it: a grid value outside the
    // bracket has the verdict of the end it lies beyond; inside it, it is tried.
    const double dir = flip > from ? 1 : -1;
    double at = grid; // the value whose verdict is the grid value's
    if (std::optional<double> v = beside(j, flip, -dir);
        v && (grid - *v) * dir <= 0 && verdictOf(key, j, *v, failing) == start)
      at = *v;
    else if (std::optional<double> w = beside(j, flip, dir);
             w && (grid - *w) * dir >= 0 && verdictOf(key, j, *w, failing) != start)
      at = *w;
    const std::optional<int> there = verdictOf(key, j, at, failing);
    if (!there) return flip;
    // Where the flip must lie from the grid value: past it when the value keeps the verdict at
    // `from`, short of it when not. Kept where it is if it lies there already.
    const double side = (*there == *start ? 1 : -1) * dir;
    if ((flip - grid) * side > 1e-9) return flip;
    return grid + side * kFlipTolerance / 10;
  }

  // The verdict that counts for a flip, band j alone at x: whether the finding fails when
  // `failing`, else its severity; none where the build cannot be made there.
  std::optional<int> verdictOf(int key, int j, double x, bool failing) {
    std::optional<Severity> sev = severityAt(key, j, x);
    if (!sev) return std::nullopt;
    return failing ? static_cast<int>(*sev == Severity::Fail) : static_cast<int>(*sev);
  }

  // The value nearest x on the side `dir` points to (+1 above, -1 below) that band j was
  // tried at alone, within kFlipTolerance of it; none if there is none so near.
  std::optional<double> beside(int j, double x, double dir) const {
    std::optional<double> out;
    auto consider = [&](double v) {
      if ((v - x) * dir > 0 && std::abs(v - x) <= kFlipTolerance &&
          (!out || std::abs(v - x) < std::abs(*out - x)))
        out = v;
    };
    if (auto t = tried.find(j); t != tried.end())
      for (auto it = t->second.lower_bound(x - kFlipTolerance);
           it != t->second.end() && *it <= x + kFlipTolerance; ++it)
        consider(*it);
    for (auto it = singles_.lower_bound({j, x - kFlipTolerance});
         it != singles_.end() && it->first.first == j && it->first.second <= x + kFlipTolerance;
         ++it)
      if (it->second) consider(it->first.second);
    return out;
  }

  std::vector<Track> tracks;             // by finding number (FindingIds)
  std::vector<int> order;                // the findings followed, as first found
  std::map<int, std::set<double>> tried; // the values each band was tried at alone
  std::vector<std::vector<bool>> linear; // by band, by finding: the findings linear in it

private:
  bool nothingMoved(int j) const {
    return std::none_of(order.begin(), order.end(), [&](int key) {
      const std::vector<PerBand>& of = tracks[key].bands;
      return static_cast<std::size_t>(j) < of.size() && of[j].moved;
    });
  }
  void markLinear(int j, int key) {
    if (linear.size() < bands_.size()) linear.resize(bands_.size());
    std::vector<bool>& of = linear[static_cast<std::size_t>(j)];
    if (of.size() <= static_cast<std::size_t>(key)) of.resize(key + 1);
    of[key] = true;
  }
  bool isLinear(int j, int key) const {
    if (static_cast<std::size_t>(j) >= linear.size()) return false;
    const std::vector<bool>& of = linear[static_cast<std::size_t>(j)];
    return static_cast<std::size_t>(key) < of.size() && of[key];
  }
  bool followed(int id) const {
    return static_cast<std::size_t>(id) < tracks.size() && tracks[id].followed;
  }
  void follow(int id, const Obs& base) {
    if (static_cast<std::size_t>(id) >= tracks.size()) tracks.resize(id + 1);
    tracks[id] = Track{base, base, base, {}, {}, true};
    order.push_back(id);
  }
  Evaluator& ev_;
  const std::vector<Band>& bands_;
  double minClearance_ = 0;
  std::map<std::pair<int, double>, const Outcome*> singles_;
};

std::string trialText(const Trial& at, const std::vector<Band>& bands) {
  std::map<std::string, std::string> named; // in the order of their names
  for (const auto& [j, v] : at)
    named[andList(bands[j].instance, bands[j].alsoOn) + " " + bands[j].figure] =
        num(v, 1) + " " + bands[j].unit;
  std::vector<std::string> parts;
  for (const auto& [what, value] : named)
    parts.push_back(what + " " + value);
  return joined(parts, ", ");
}

// Whether box `in` lies inside box `out`, turned alike.
bool inside(const geo::Box& in, const geo::Box& out) {
  if (in.X_WB.R != out.X_WB.R) return false;
  const geo::Vec3 shift = glm::transpose(out.X_WB.R) * (in.X_WB.t - out.X_WB.t);
  for (int k = 0; k < 3; ++k)
    if (std::abs(shift[k]) + in.half[k] > out.half[k] + kLinearTolerance) return false;
  return true;
}

} // namespace

std::optional<int> nestedAlong(const World& lo, const World& hi) {
  if (lo.solids.size() != hi.solids.size()) return std::nullopt;
  bool grows = false, shrinks = false;
  for (std::size_t i = 0; i < lo.solids.size(); ++i) {
    const WorldSolid &a = lo.solids[i], &b = hi.solids[i];
    if (a.solid->name != b.solid->name || a.item != b.item) return std::nullopt;
    if (a.box.X_WB.R == b.box.X_WB.R && a.box.X_WB.t == b.box.X_WB.t && a.box.half == b.box.half)
      continue;
    if (inside(a.box, b.box))
      grows = true;
    else if (inside(b.box, a.box))
      shrinks = true;
    else
      return std::nullopt;
  }
  if (grows && shrinks) return std::nullopt;
  return grows ? 1 : shrinks ? -1 : 0;
}

std::vector<OverlapWindow> overlapWindows(const World& lo, const World& hi) {
  std::vector<OverlapWindow> out;
  const std::size_t n = lo.solids.size();
  if (n != hi.solids.size()) return out;
  // Of each solid, once: whether it moves between the two worlds, and whether it is material
  // and the same solid in both (only those can open an overlap).
  std::vector<char> moves(n), material(n);
  for (std::size_t i = 0; i < n; ++i) {
    const WorldSolid &a = lo.solids[i], &b = hi.solids[i];
    moves[i] = a.bounds.lo != b.bounds.lo || a.bounds.hi != b.bounds.hi;
    material[i] = (a.solid->role == SolidRole::Body || a.solid->role == SolidRole::Keepout) &&
                  (a.solid == b.solid || a.solid->name == b.solid->name);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!material[i] || !moves[i]) continue;
    for (std::size_t k = 0; k < n; ++k) {
      if (k == i || (moves[k] && k < i) || !material[k]) continue;
      const WorldSolid &a0 = lo.solids[i], &b0 = lo.solids[k];
      if (a0.item == b0.item) continue;
      if (a0.solid->role != SolidRole::Body && b0.solid->role != SolidRole::Body) continue;
      // Overlap along an axis while (A.hi - B.lo) and (B.hi - A.lo) both exceed the touching
      // tolerance; each is linear in t: the t where all six hold is one interval.
      double t0 = 0, t1 = 1;
      const geo::Aabb &A0 = a0.bounds, &A1 = hi.solids[i].bounds, &B0 = b0.bounds,
                      &B1 = hi.solids[k].bounds;
      for (int axis = 0; axis < 3 && t0 < t1; ++axis)
        for (int side = 0; side < 2 && t0 < t1; ++side) {
          double f0 = side == 0 ? A0.hi[axis] - B0.lo[axis] : B0.hi[axis] - A0.lo[axis];
          double f1 = side == 0 ? A1.hi[axis] - B1.lo[axis] : B1.hi[axis] - A1.lo[axis];
          f0 -= geo::kTouchToleranceMm, f1 -= geo::kTouchToleranceMm; // f(t) > 0 needed
          if (f0 == f1) {
            if (f0 <= 0) t1 = t0; // never
            continue;
          }
          double t = f0 / (f0 - f1); // where f crosses zero
          if (f1 > f0)
            t0 = std::max(t0, t);
          else
            t1 = std::min(t1, t);
        }
      if (t0 < t1) out.push_back({i, k, t0, t1});
    }
  }
  return out;
}

std::vector<Band> bandsOfPart(const Part& part, const Catalog& catalog,
                              const std::string& instance) {
  std::vector<Band> out;
  for (const auto& [name, fig] : part.figures)
    if (std::optional<FigureRange> r = rangeOf(part, name, catalog))
      out.push_back({instance,
                     part.id,
                     name,
                     {},
                     fig.value,
                     r->lo,
                     r->hi,
                     r->why,
                     whereToLookUp(part.category, name),
                     r->unit,
                     fig.estimated()});
  return out;
}

namespace {

// One product known alike: the same part, or copies of it with the same figures entered (a
// builder who entered a module's height on both modules of a kit).
bool sameProduct(const Part& a, const Part& b) {
  return &a == &b || (a.id == b.id && a.figures == b.figures);
}

} // namespace

std::vector<Band> bandsOf(const Assembly& assembly, const Catalog& catalog) {
  std::vector<Band> out;
  std::vector<const Part*> of; // the part of each band
  for (const Placed& p : assembly.items) {
    auto first =
        std::find_if(of.begin(), of.end(), [&](const Part* q) { return sameProduct(*q, *p.part); });
    if (first != of.end()) { // another instance of a product already met: its bands move it too
      const Part* met = *first;
      for (std::size_t k = static_cast<std::size_t>(first - of.begin()); k < of.size(); ++k)
        if (of[k] == met) out[k].alsoOn.push_back(p.id);
      continue;
    }
    for (Band& b : bandsOfPart(*p.part, catalog, p.id)) {
      out.push_back(std::move(b));
      of.push_back(p.part);
    }
  }
  return out;
}

FitResult checkWithRanges(const Assembly& nominal, const Catalog& catalog,
                          const FitSettings& settings) {
  FitResult base = check(nominal, settings);
  const std::vector<Band> bands = bandsOf(nominal, catalog);
  if (bands.empty()) return base;
  Evaluator ev(nominal, settings, bands, base);
  Search search(ev, bands, settings.minClearanceMm);
  for (size_t j = 0; j < bands.size(); ++j) // every band's ends first, with every check
    for (double x : {bands[j].lo, bands[j].hi})
      search.observe(static_cast<int>(j), x);
  ev.settleNeeds();
  for (size_t j = 0; j < bands.size(); ++j)
    search.sweep(static_cast<int>(j));

  // A finding several bands move: all of them at their worst together, and at their best.
  for (int key : std::vector<int>(search.order)) {
    const Track& t = search.tracks[key];
    Trial worst, best;
    int moved = 0;
    for (std::size_t j = 0; j < t.bands.size(); ++j)
      if (const PerBand& p = t.bands[j]; p.moved) {
        const int band = static_cast<int>(j);
        ++moved;
        if (p.argWorst != bands[j].value) worst.push_back({band, p.argWorst});
        if (p.argBest != bands[j].value) best.push_back({band, p.argBest});
      }
    if (moved < 2) continue;
    search.observe(worst);
    search.observe(best);
  }

  FitResult out;
  out.missing = base.missing, out.nothingPlaced = base.nothingPlaced;
  for (int key : search.order) {
    Track& t = search.tracks[key];
    const bool inBase = t.base.finding != nullptr;
    std::vector<std::pair<int, const PerBand*>> moved;
    for (std::size_t j = 0; j < t.bands.size(); ++j)
      if (t.bands[j].moved) moved.push_back({static_cast<int>(j), &t.bands[j]});
    if (!inBase && !(t.worst.severity < Severity::Pass)) continue;
    // Moved out of the build as given: of its findings, only the limits and bounds are read
    // from here on (flip), which a move leaves as they were.
    Finding f =
        inBase ? std::move(
                     base.findings[static_cast<std::size_t>(t.base.finding - base.findings.data())])
               : ev.inFull(t.worstAt, key);
    if (moved.empty() && inBase) {
      out.findings.push_back(std::move(f));
      continue;
    }
    MarginRange r;
    r.worstSeverity = t.worst.severity;
    r.bestSeverity = t.best.severity;
    auto measured = [&](const Obs& o) -> std::optional<double> {
      if (std::isnan(o.slack)) return std::nullopt;
      return measuredOf(f, o.slack);
    };
    r.worst = measured(t.worst);
    r.best = measured(t.best);
    // Most decisive first: the worst severity, then the least slack (not found: last).
    auto slackKey = [](const Obs& o) { return std::isnan(o.slack) ? INFINITY : o.slack; };
    std::sort(moved.begin(), moved.end(), [&](const auto& a, const auto& b) {
      if (a.second->worst.severity != b.second->worst.severity)
        return a.second->worst.severity < b.second->worst.severity;
      return slackKey(a.second->worst) < slackKey(b.second->worst);
    });
    const bool failsHere = t.base.severity == Severity::Fail;
    for (const auto& [j, p] : moved) {
      const Band& b = bands[j];
      Decider d{b.instance,        b.part,       b.figure,     b.alsoOn,
                b.value,           b.lo,         b.hi,         b.why,
                b.lookUp,          b.unit,       b.estimated,  measured(p->worst),
                measured(p->best), std::nullopt, std::nullopt, Severity::Pass};
      // The side that changes the verdict that counts first (fit or fail), else any severity.
      double toward = b.value;
      bool failing = false;
      if (!failsHere && p->worst.severity == Severity::Fail)
        toward = p->argWorst, failing = true, d.beyond = Severity::Fail;
      else if (failsHere && p->best.severity != Severity::Fail)
        toward = p->argBest, failing = true, d.beyond = p->best.severity;
      else if (p->worst.severity < t.base.severity)
        toward = p->argWorst, d.beyond = p->worst.severity;
      else if (t.base.severity < p->best.severity)
        toward = p->argBest, d.beyond = p->best.severity;
      if (toward != b.value) {
        d.flip = search.flip(key, static_cast<int>(j), b.value, toward, failing);
        // What it is just past the flip: a severity between the estimate's and the worst (a
        // draw that passes between "oversized" and "near the limit") comes first. A value tried
        // just past it tells, if its verdict is not the estimate's: the bracket the flip was
        // found in may hold values other searches tried, on either side of it.
        const double dir = toward > b.value ? 1 : -1;
        if (d.flip) {
          std::optional<double> near = search.beside(static_cast<int>(j), *d.flip, dir);
          if (near && search.verdictOf(key, static_cast<int>(j), *near, failing) ==
                          search.verdictOf(key, static_cast<int>(j), b.value, failing))
            near.reset();
          const double past = near.value_or(*d.flip + dir * kFlipTolerance / 2);
          if (std::optional<Severity> s = search.severityAt(key, static_cast<int>(j), past))
            d.beyond = *s;
        }
        // Then put on the right side of a printed value it is within reach of (beyond is read
        // at the flip as found, which the values tried bracket).
        if (d.flip) d.flip = search.onGrid(key, static_cast<int>(j), *d.flip, b.value, failing);
        // A window: past `toward`, the band's far end gives the estimate's verdict again.
        const double end = toward > b.value ? b.hi : b.lo;
        if (d.flip && end != toward) {
          std::optional<Severity> atEnd = search.severityAt(key, static_cast<int>(j), end);
          bool same = atEnd && (failing ? (*atEnd == Severity::Fail) == failsHere
                                        : *atEnd == t.base.severity);
          if (same) d.flipBack = search.flip(key, static_cast<int>(j), end, toward, failing);
          if (d.flipBack)
            d.flipBack = search.onGrid(key, static_cast<int>(j), *d.flipBack, end, failing);
        }
      }
      r.deciders.push_back(std::move(d));
    }
    if (!inBase) {
      f.message = "at the estimates nothing is found, but with " + trialText(t.worstAt, bands) +
                  ": " + f.message;
      f.severity = Severity::Pass;
      f.measured.reset();
    }
    f.range = std::move(r);
    out.findings.push_back(std::move(f));
  }
  out.fitsSomewhere = base.fits() || ev.fitsSomewhere;
  // Worst first, as check() orders them; a finding that fails only at some values in the
  // bands comes after the failures and before the warnings.
  auto rank = [](const Finding& f) {
    if (f.severity == Severity::Fail) return 0;
    if (f.dependsOnFail()) return 1;
    return 2 + static_cast<int>(f.severity);
  };
  std::stable_sort(out.findings.begin(), out.findings.end(),
                   [&](const Finding& a, const Finding& b) { return rank(a) < rank(b); });
  return out;
}

} // namespace rigfit
