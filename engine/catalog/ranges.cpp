#include "catalog/ranges.hpp"

#include "catalog/category.hpp"
#include "common/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>

namespace rigfit {
namespace {

// Fewer sourced values than this say little about the spread of a kind.
constexpr int kMinSpreadCount = 5;
// Half the width of an ATX PSU (150 mm, reference/dimensions.md).
constexpr double kAtxPsuHalfWidthMm = 75.0;

bool says(const std::string& text, const char* words) {
  return text.find(words) != std::string::npos;
}

// The catalog's sourced spread of a figure, widened to hold the estimate itself.
std::optional<FigureRange> spreadRange(const Part& part, const std::string& figure,
                                       const Catalog& catalog, const char* kind) {
  Catalog::Spread s = catalog.sourcedSpread(part.category, figure);
  if (s.count < kMinSpreadCount) return std::nullopt;
  double v = part.figures.at(figure).value;
  return FigureRange{std::min(s.lo, v), std::max(s.hi, v),
                     "the spread of the " + std::to_string(s.count) + " sourced " + kind +
                         " in the catalog, " + shortNumber(s.lo) + " to " + shortNumber(s.hi) +
                         " mm"};
}

// The number written just before `end` in `text` (digits, and a decimal part), or none.
std::optional<std::pair<double, std::size_t>> numberBefore(const std::string& text,
                                                           std::size_t end) {
  auto digit = [&](std::size_t i) { return std::isdigit(static_cast<unsigned char>(text[i])); };
  std::size_t b = end;
  while (b > 0 && digit(b - 1))
    --b;
  if (b == end) return std::nullopt;
  if (b >= 2 && text[b - 1] == '.' && digit(b - 2)) // the whole part of a decimal
    for (--b; b > 0 && digit(b - 1);)
      --b;
  return std::pair{std::strtod(text.c_str() + b, nullptr), b};
}

// The number written at `from` in `text` and where it ends, or none.
std::optional<std::pair<double, std::size_t>> numberAt(const std::string& text, std::size_t from) {
  const std::size_t e = decimalEnd(text, from);
  if (e == from) return std::nullopt;
  return std::pair{std::strtod(text.c_str() + from, nullptr), e};
}

// An estimate that states its own band: "about 15 to 20 mm" around its value.
std::optional<FigureRange> statedBand(const Figure& f) {
  const std::string& t = f.estimate;
  for (std::size_t at = t.find(" to "); at != std::string::npos; at = t.find(" to ", at + 1)) {
    auto a = numberBefore(t, at);
    auto b = numberAt(t, at + 4);
    if (!a || !b || t.compare(b->second, 3, " mm") != 0) continue;
    // strtod: a number too long for a double is infinite, not an exception.
    if (!std::isfinite(a->first) || !std::isfinite(b->first)) continue;
    if (a->first < b->first && a->first <= f.value && f.value <= b->first)
      return FigureRange{a->first, b->first,
                         "the estimate's own band, " +
                             t.substr(a->second, b->second + 3 - a->second)};
  }
  return std::nullopt;
}

} // namespace

namespace {

// A band kept within what the category allows for the figure (catalog/category.hpp): a part
// cannot be made outside it, so no value there can be tried.
std::optional<FigureRange> withinRule(const Part& part, const std::string& figure,
                                      std::optional<FigureRange> r) {
  if (!r) return r;
  for (const FigureRule& rule : describe(part.category).numbers)
    if (figure == rule.name) {
      r->lo = std::max(r->lo, rule.min);
      r->hi = std::min(r->hi, rule.max);
      r->unit = rule.unit;
    }
  if (!(r->lo < r->hi)) return std::nullopt;
  return r;
}

std::optional<FigureRange> bandOf(const Part& part, const std::string& figure,
                                  const Catalog& catalog);

} // namespace

std::optional<FigureRange> rangeOf(const Part& part, const std::string& figure,
                                   const Catalog& catalog) {
  return withinRule(part, figure, bandOf(part, figure, catalog));
}

namespace {

std::optional<FigureRange> bandOf(const Part& part, const std::string& figure,
                                  const Catalog& catalog) {
  auto it = part.figures.find(figure);
  if (it == part.figures.end() || part.texts.count(figure)) return std::nullopt;
  const Figure& f = it->second;
  if (f.lo && f.hi) {
    if (*f.lo == *f.hi) return std::nullopt;
    return FigureRange{*f.lo, *f.hi, f.rangeWhy};
  }
  if (!f.estimated()) return std::nullopt;
  const double v = f.value;
  switch (part.category) {
  case Category::Gpu:
    if (figure == "height_mm") return spreadRange(part, figure, catalog, "card heights");
    break;
  case Category::Memory:
    if (figure == "height_mm") return spreadRange(part, figure, catalog, "module heights");
    break;
  case Category::Case:
    if (figure == "board_top_mm" && says(f.estimate, "split evenly") &&
        part.figures.count("interior_height_mm")) {
      double H = part.figures.at("interior_height_mm").value;
      if (2 * v - H < v && v < H)
        return FigureRange{2 * v - H, H,
                           "where the board sits in the spare height is not published: from "
                           "its bottom edge on the PSU to its top edge at the roof"};
    }
    if (figure == "psu_centre_z_mm" && says(f.estimate, "centred between") &&
        v > kAtxPsuHalfWidthMm)
      return FigureRange{kAtxPsuHalfWidthMm, 2 * v - kAtxPsuHalfWidthMm,
                         "a 150 mm wide ATX PSU may stand anywhere from against the tray side "
                         "to against the side panel"};
    break;
  case Category::Cooler:
    // A tower whose maker gives no RAM clearance is taken to overhang from the lowest clearance
    // published for a tower (catalog/categories/cooler.cpp): its own is anywhere from there up to
    // the highest the catalog has sourced.
    if (figure == "ram_clearance_mm" && says(f.estimate, "not published: taken as")) {
      const Catalog::Spread s = catalog.sourcedSpread(Category::Cooler, figure);
      if (s.count > 0 && s.hi > v)
        return FigureRange{v, s.hi,
                           "towers' published RAM clearances: from " + shortNumber(v) +
                               " mm, the lowest found (Noctua NH-D15 G2, dual fan), to " +
                               shortNumber(s.hi) + " mm, the highest of the " +
                               std::to_string(s.count) + " sourced in the catalog"};
    }
    break;
  case Category::Motherboard:
    // Sockets vary between boards, but with their slots: a board keeps its socket's keep-out
    // clear of its own slots, so a band on the socket alone would move it onto slots that move
    // with it in truth. Until the two are estimated together, the socket has no band.
    if (figure == "socket_x_mm" || figure == "socket_y_mm") return std::nullopt;
    break;
  default:
    break;
  }
  return statedBand(f);
}

} // namespace

std::string whereToLookUp(Category category, const std::string& figure) {
  switch (category) {
  case Category::Gpu:
    return "the card maker's spec page (dimensions)";
  case Category::Case:
    return figure == "board_top_mm" || figure == "psu_centre_z_mm"
               ? "the case's manual (its layout drawing), or a review that measures it"
               : "the case maker's spec page";
  case Category::Motherboard:
    return "the board's manual (its layout drawing)";
  case Category::Memory:
    return "the memory maker's spec page (module height)";
  case Category::Cooler:
    return "the cooler maker's spec page (dimensions drawing)";
  default:
    return std::string("the ") + toString(category) + " maker's spec page";
  }
}

} // namespace rigfit
