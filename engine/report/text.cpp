#include "report/text.hpp"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>

namespace rigfit {

std::string escapeXml(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string escapeMarkdown(const std::string& s) {
  std::string out;
  for (char c : s) {
    // A line break of any kind would end the table row; other control characters are dropped.
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
      continue;
    }
    if (isControl(static_cast<unsigned char>(c))) continue;
    if (std::string("\\|*_`<>[]#").find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string base64(const std::string& bytes) {
  static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[(n >> 18) & 63];
    out += kDigits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
  }
  return out;
}

nlohmann::json roundedMm(double v) {
  return std::round(v * 1000.0) / 1000.0 + 0.0;
}

nlohmann::json findingToJson(const Finding& f) {
  using nlohmann::json;
  json j = {{"check", f.check},
            {"severity", toString(f.severity)},
            {"parts", f.parts},
            {"message", f.message},
            {"unit", toString(f.unit)},
            {"estimates", f.estimates},
            {"hard", f.hard},
            {"required_is", f.bound == Bound::AtLeast ? "at least" : "at most"}};
  j["measured"] = f.measured ? roundedMm(*f.measured) : json(nullptr);
  j["required"] = f.required ? roundedMm(*f.required) : json(nullptr);
  if (f.range) {
    json deciders = json::array();
    for (const Decider& d : f.range->deciders)
      deciders.push_back({{"instance", d.instance},
                          {"also_on", d.alsoOn},
                          {"part", d.part},
                          {"figure", d.figure},
                          {"unit", d.unit},
                          {"value", roundedMm(d.value)},
                          {"range", {roundedMm(d.lo), roundedMm(d.hi)}},
                          {"why", d.why},
                          {"estimated", d.estimated},
                          {"look_up", d.lookUp},
                          {"measured_at_worst", d.worst ? roundedMm(*d.worst) : json(nullptr)},
                          {"measured_at_best", d.best ? roundedMm(*d.best) : json(nullptr)},
                          {"flips_at", d.flip ? roundedMm(*d.flip) : json(nullptr)},
                          {"flips_back_at", d.flipBack ? roundedMm(*d.flipBack) : json(nullptr)},
                          {"beyond_severity", toString(d.beyond)}});
    j["range"] = {{"worst", f.range->worst ? roundedMm(*f.range->worst) : json(nullptr)},
                  {"best", f.range->best ? roundedMm(*f.range->best) : json(nullptr)},
                  {"worst_severity", toString(f.range->worstSeverity)},
                  {"best_severity", toString(f.range->bestSeverity)},
                  {"deciding", deciders}};
  }
  j["where"] = nullptr;
  if (f.where)
    j["where"] = {
        {"lo", {roundedMm(f.where->lo.x), roundedMm(f.where->lo.y), roundedMm(f.where->lo.z)}},
        {"hi", {roundedMm(f.where->hi.x), roundedMm(f.where->hi.y), roundedMm(f.where->hi.z)}}};
  return j;
}

namespace {

std::string severityWord(Severity s) {
  switch (s) {
  case Severity::Fail:
    return "fails";
  case Severity::Warn:
    return "warns";
  default:
    return "passes";
  }
}

} // namespace

namespace {

// A measured value at an extreme, or what its absence means.
std::string atExtreme(const std::optional<double>& v, Unit u) {
  return v ? quantity(*v, u) : std::string("not found");
}

// A decider's value as its band gives it: "estimated 32.0 mm", or "given as 34.0 mm" where it
// is sourced and its sources disagree.
std::string valueText(const Decider& d) {
  return (d.estimated ? "estimated " : "given as ") + num(d.value, 1) + " " + d.unit;
}

// A flip value rounded to 0.01 of its unit toward the side where the verdict at the estimate
// holds, so that the figure printed keeps that verdict.
std::string flipText(double flip, bool keptBelow, const std::string& unit) {
  double r = keptBelow ? std::floor(flip * 100) / 100 : std::ceil(flip * 100) / 100;
  return num(r, 2) + " " + unit;
}

// A window of the band where the verdict differs, "a and b" with both printed values inside it
// (rounded in, to 0.01 of the unit), so that each printed value gives the window's verdict and
// the next value out the other. One too narrow to hold two values 0.01 apart is printed to
// 0.001, then to 0.0001 (the flips' own precision).
std::string windowText(const Decider& d) {
  const double a = std::min(*d.flip, *d.flipBack), b = std::max(*d.flip, *d.flipBack);
  for (int digits : {2, 3, 4}) {
    const double scale = std::pow(10.0, digits);
    const double in0 = std::ceil(a * scale) / scale, in1 = std::floor(b * scale) / scale;
    if (in0 < in1 || digits == 4)
      return num(in0, digits) + " and " + num(std::max(in0, in1), digits) + " " + d.unit;
  }
  return ""; // not reached: the last precision always returns
}

} // namespace

std::vector<std::string> rangeLines(const Finding& f) {
  std::vector<std::string> out;
  if (!f.range) return out;
  const MarginRange& r = *f.range;
  std::string head = "over the estimates' bands: ";
  if (f.unit == Unit::Mm && f.measured)
    head += quantity(*f.measured, f.unit) + " at the estimates, " + atExtreme(r.worst, f.unit) +
            " at worst, " + atExtreme(r.best, f.unit) + " at best";
  else
    head += severityWord(f.severity) + " at the estimates, " + severityWord(r.worstSeverity) +
            " at worst, " + severityWord(r.bestSeverity) + " at best";
  if (r.depends()) head += ": it depends";
  out.push_back(head);
  for (const Decider& d : r.deciders) {
    std::string line = andList(d.instance, d.alsoOn) + " " + d.figure + ": " + valueText(d) +
                       ", could be " + num(d.lo, 1) + " to " + num(d.hi, 1) + " " + d.unit + " (" +
                       d.why + ")";
    if (d.flip && d.flipBack) {
      line += "; " + severityWord(d.beyond) + " between " + windowText(d) + ", " +
              severityWord(f.severity) + " outside";
    } else if (d.flip) {
      bool otherAbove = *d.flip > d.value; // the estimate's verdict holds below the flip
      line += "; " + severityWord(f.severity) + (otherAbove ? " up to " : " down to ") +
              flipText(*d.flip, otherAbove, d.unit) + ", " + severityWord(d.beyond) +
              (otherAbove ? " above" : " below");
    }
    out.push_back(line);
  }
  return out;
}

namespace {

// A figure that alone turns the finding from a fit into a failure, or back (not one that only
// moves it to a warning).
bool turnsFit(const Finding& f, const Decider& d) {
  return d.flip && (f.severity != Severity::Fail) == (d.beyond == Severity::Fail);
}

// Of the figures a "depends" verdict rests on (of the findings that fail only at some values,
// the figures that turn one alone; where none does, only several together, every figure that
// moves one): whether some are estimates, and whether some are sourced figures whose sources
// disagree.
struct RestsOn {
  bool estimated = false, disputed = false;
};
RestsOn restsOn(const FitResult& r) {
  RestsOn on;
  for (const Finding& f : r.findings) {
    if (!f.dependsOnFail()) continue;
    const auto& ds = f.range->deciders;
    const bool anyTurns =
        std::any_of(ds.begin(), ds.end(), [&](const Decider& d) { return turnsFit(f, d); });
    for (const Decider& d : ds)
      if (turnsFit(f, d) || !anyTurns) (d.estimated ? on.estimated : on.disputed) = true;
  }
  return on;
}

const char* inWords(RestsOn on) {
  if (on.disputed && !on.estimated) return "figures whose sources disagree";
  if (on.disputed) return "estimated figures and figures whose sources disagree";
  return "estimated figures";
}

} // namespace

std::string dependsOnText(const FitResult& r) {
  return inWords(restsOn(r));
}

std::string dependsVerdict(const FitResult& r) {
  const RestsOn on = restsOn(r);
  if (!r.fits()) return std::string("depends on ") + inWords(on);
  // A sourced figure that decides it is taken at one of its sources' values, not estimated.
  const char* at = on.disputed ? "fits at the figures taken" : "fits at the estimates";
  return std::string(at) + ", but depends on " + inWords(on);
}

namespace {

// A figure of one part, and what it decides: each finding it alone turns from a fit into a
// failure or back, with its decider there.
struct Deciding {
  std::vector<std::pair<const Finding*, const Decider*>> turns;
  // The figure, as the first finding it turns gives it.
  const Decider& figure() const { return *turns.front().second; }
};

// A part placed more than once (a kit's modules) has one figure for all its instances.
std::string whoseFigure(const Decider& d) {
  return d.alsoOn.empty() ? d.instance + "'s " + d.figure + " (" + d.part + ")"
                          : d.figure + " of " + andList(d.instance, d.alsoOn) + " (" + d.part +
                                ", one figure for all)";
}

// Which side of a lone flip fits: below it (a card no taller than...) or above.
bool fitsBelow(const Finding& f, const Decider& d) {
  return (f.severity != Severity::Fail) == (*d.flip > d.value);
}

// The side of a flip where findings fit, and the other: "at or below 126.61 mm, not above".
std::string sideText(double flip, bool below, const std::string& unit) {
  return std::string("at or ") + (below ? "below " : "above ") + flipText(flip, below, unit) +
         ", not " + (below ? "above" : "below");
}

// Where one finding fits as the figure moves: "at or below 126.61 mm", "outside 10.00 and
// 12.00 mm"; and where it does not.
std::string fitsWhere(const Finding& f, const Decider& d) {
  const bool fitsAtEstimate = f.severity != Severity::Fail;
  if (d.flipBack)
    return std::string(fitsAtEstimate ? "outside " : "between ") + windowText(d) + ", not " +
           (fitsAtEstimate ? "between" : "outside") + " them";
  return sideText(*d.flip, fitsBelow(f, d), d.unit);
}

std::string enterText(const Decider& d) {
  return "Enter it in the build as \"figures\": {\"" + d.figure + "\": VALUE} on " +
         andList(d.instance, d.alsoOn) + (d.alsoOn.empty() ? "." : ", on each.");
}

// The findings a figure turns, each as a lone flip the same way round (all fit below theirs, or
// all above): the tightest flip, which all of them keep to (a card that must be no taller than
// 126.61 mm for one finding and 130 mm for another fits up to 126.61 mm), and which way round;
// none where a finding fits only inside or outside a window, or the findings fit on different
// sides of their flips.
struct Common {
  double flip = 0;
  bool below = true;
};
std::optional<Common> common(const Deciding& g) {
  const auto& [f0, d0] = g.turns.front();
  if (d0->flipBack) return std::nullopt;
  Common c{*d0->flip, fitsBelow(*f0, *d0)};
  for (const auto& [f, d] : g.turns) {
    if (d->flipBack || fitsBelow(*f, *d) != c.below) return std::nullopt;
    c.flip = c.below ? std::min(c.flip, *d->flip) : std::max(c.flip, *d->flip);
  }
  return c;
}

// The checks of the findings a figure decides, each once, in order.
std::string checksOf(const Deciding& g) {
  std::vector<std::string> checks;
  for (const auto& [f, d] : g.turns)
    if (std::find(checks.begin(), checks.end(), f->check) == checks.end())
      checks.push_back(f->check);
  return joined(checks, ", ");
}

// Each finding a figure decides, with where it fits: "cooler-ram fits at or above 33.99 mm,
// not below; collision fits ...".
std::string eachWhere(const Deciding& g) {
  std::vector<std::string> rules;
  for (const auto& [f, d] : g.turns)
    rules.push_back(f->check + " fits " + fitsWhere(*f, *d));
  return joined(rules, "; ");
}

// One figure that decides every finding marked DEPENDS: where the build fits as it moves.
std::string oneFigure(const Deciding& g) {
  const Decider& d = g.figure();
  const std::string head = "The figure that decides it: " + whoseFigure(d) + ", " + valueText(d) +
                           ". Look it up in " + d.lookUp + ": ";
  const std::string tail = " (" + checksOf(g) + "). " + enterText(d);
  const auto& [f0, d0] = g.turns.front();
  if (g.turns.size() == 1 && d0->flipBack) {
    const bool fitsAtEstimate = f0->severity != Severity::Fail;
    return head + (fitsAtEstimate ? "between " : "outside ") + windowText(*d0) +
           " this does not fit, " + (fitsAtEstimate ? "outside" : "between") + " them it does" +
           tail;
  }
  if (const std::optional<Common> c = common(g))
    return head + "at or " + (c->below ? "below " : "above ") +
           flipText(c->flip, c->below, d.unit) + " this fits, " + (c->below ? "above" : "below") +
           " it does not" + tail;
  return head + "this fits where all of these hold: " + eachWhere(g) + ". " + enterText(d);
}

// A figure that turns some of the findings marked DEPENDS on its own, not all or not alone:
// where those fit as it moves, the others at their estimates.
std::string someFindings(const Deciding& g) {
  const Decider& d = g.figure();
  std::string out = "Look up " + whoseFigure(d) + ", " + valueText(d) + ", in " + d.lookUp + ": ";
  if (const std::optional<Common> c = common(g))
    return out + "the " + (g.turns.size() == 1 ? "finding" : "findings") + " it can turn (" +
           checksOf(g) + ") " + (g.turns.size() == 1 ? "fits " : "fit ") +
           sideText(c->flip, c->below, d.unit) + ".";
  return out + eachWhere(g) + ".";
}

} // namespace

std::string decidingFigure(const FitResult& r) {
  if (r.verdict() != Verdict::Depends) return "";
  // The findings marked DEPENDS, under each figure that alone turns them (a finding two figures
  // can each turn alone is under both: neither settles it), in the findings' order.
  std::vector<std::pair<std::string, Deciding>> figures; // by part instance and figure
  // Findings no one figure turns: a fit turns only with several at their worst together, a
  // failure only with several at their best.
  std::vector<std::string> together;
  bool togetherAllFit = true;
  for (const Finding& f : r.findings) {
    if (f.worstCase() != Severity::Fail || !f.range) continue;
    bool turned = false;
    for (const Decider& d : f.range->deciders) {
      if (!turnsFit(f, d)) continue;
      turned = true;
      const std::string key = d.instance + "\n" + d.figure;
      auto it = std::find_if(figures.begin(), figures.end(),
                             [&](const auto& kv) { return kv.first == key; });
      if (it == figures.end()) it = figures.insert(figures.end(), {key, Deciding{}});
      it->second.turns.push_back({&f, &d});
    }
    if (turned) continue;
    const bool fits = f.severity != Severity::Fail;
    togetherAllFit &= fits;
    together.push_back(f.check +
                       (fits ? " fails only with several estimates at their worst"
                             : " fits only with several estimates at their best") +
                       " together");
  }
  if (figures.empty())
    return togetherAllFit ? "No one figure decides it: the findings marked DEPENDS fail only with "
                            "several estimates at their worst together; look up those it lists."
                          : "No one figure decides it: " + joined(together, "; ") +
                                "; look up those it lists.";
  // One figure that turns every finding, and no finding another figure turns too.
  if (figures.size() == 1 && together.empty()) return oneFigure(figures.front().second);
  std::string out = "No one figure decides it: each figure named here can turn some of the "
                    "findings marked DEPENDS on its own, but none settles them all, so whether "
                    "the build fits is known only once all of them are looked up.";
  for (const auto& [key, g] : figures)
    out += " " + someFindings(g);
  if (!together.empty()) out += " " + joined(together, "; ") + "; look up those it lists.";
  return out + " Enter each in the build as \"figures\": {\"FIGURE\": VALUE} on its part.";
}

} // namespace rigfit
