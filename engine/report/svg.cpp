// Drawings of the build as SVG: orthographic views of the posed solids, the case openings
// against the slot pitch, and the clearances the checks measured.
#include "assembly/world.hpp"
#include "catalog/category.hpp"
#include "catalog/solid_names.hpp"
#include "catalog/standards.hpp"
#include "geometry/clearance.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rigfit {
namespace {

struct View {
  const char* id;
  const char* title;
  int h, v;   // case axes drawn across and up the page
  bool vDown; // true: case +v runs down the page
  bool hLeft; // true: case +h runs to the left (seen from the front, +Z is on the left)
  int depth;  // the axis toward the viewer: nearer solids are drawn last
  const char* caption;
};

constexpr View kViews[] = {
    {"side", "Side view, through the window", 0, 1, false, false, 2,
     "rear panel on the left, front on the right; case openings numbered on the rear wall"},
    {"front", "Front view", 2, 1, false, true, 0,
     "window side panel on the left, motherboard tray on the right"},
    {"top", "Top view", 0, 2, true, false, 1,
     "rear on the left; tray at the top, window side at the bottom"},
};

// A category's colour (catalog/category.hpp) as SVG writes it: "#2e7d32".
std::string fillOf(Category c) {
  const auto& rgb = describe(c).colour;
  char hex[8];
  std::snprintf(hex, sizeof hex, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return hex;
}

// Which findings get a dimension line: every problem, and the clearances the answer is about.
bool dimensioned(const Finding& f) {
  if (!f.where || !f.measured || f.unit != Unit::Mm) return false;
  if (f.severity == Severity::Fail || f.severity == Severity::Warn) return true;
  return f.check == "gpu-gap" || f.check == "gpu-length" || f.check == "cooler-height" ||
         f.check == "bottom-card-psu";
}

class Canvas {
public:
  Canvas(const View& v, geo::Aabb extent) : v_(v), ext_(extent) {
    double w = ext_.hi[v.h] - ext_.lo[v.h], h = ext_.hi[v.v] - ext_.lo[v.v];
    scale_ = std::min(kMaxWidth / w, kMaxHeight / h); // one scale for both axes: true shapes
    width_ = w * scale_;
    height_ = h * scale_;
  }
  double X(double caseH) const {
    double t = (caseH - ext_.lo[v_.h]) * scale_;
    return kMargin + (v_.hLeft ? width_ - t : t);
  }
  double Y(double caseV) const {
    double t = (caseV - ext_.lo[v_.v]) * scale_;
    return kMargin + (v_.vDown ? t : height_ - t);
  }
  void rect(const geo::Aabb& b, const std::string& style) {
    double x0 = X(b.lo[v_.h]), x1 = X(b.hi[v_.h]), y0 = Y(b.lo[v_.v]), y1 = Y(b.hi[v_.v]);
    out_ += "<rect x=\"" + f(std::min(x0, x1)) + "\" y=\"" + f(std::min(y0, y1)) + "\" width=\"" +
            f(std::abs(x1 - x0)) + "\" height=\"" + f(std::abs(y1 - y0)) + "\" " + style + "/>\n";
  }
  void line(double h0, double v0, double h1, double v1, const std::string& style) {
    out_ += "<line x1=\"" + f(X(h0)) + "\" y1=\"" + f(Y(v0)) + "\" x2=\"" + f(X(h1)) + "\" y2=\"" +
            f(Y(v1)) + "\" " + style + "/>\n";
  }
  void text(double h, double v, const std::string& s, const std::string& style) {
    out_ += "<text x=\"" + f(X(h)) + "\" y=\"" + f(Y(v)) + "\" " + style + ">" + escapeXml(s) +
            "</text>\n";
  }
  // A dimension's value: moved down a line at a time until it clears the labels already placed,
  // so two clearances measured at one spot stay readable.
  void label(double h, double v, const std::string& s, const std::string& style) {
    double x = X(h) + 4, y = Y(v) - 4, w = 7.0 * static_cast<double>(s.size()), lineH = 14;
    for (int tries = 0; tries < 6; ++tries) {
      bool clear = std::none_of(placed_.begin(), placed_.end(), [&](const geo::Aabb& b) {
        return x < b.hi.x && x + w > b.lo.x && y - lineH < b.hi.y && y > b.lo.y;
      });
      if (clear) break;
      y += lineH;
    }
    placed_.push_back({{x, y - lineH, 0}, {x + w, y, 0}});
    out_ += "<text x=\"" + f(x) + "\" y=\"" + f(y) + "\" " + style +
            " paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\">" + escapeXml(s) +
            "</text>\n";
  }
  void title(const std::string& s) { out_ += "<title>" + escapeXml(s) + "</title>\n"; }
  std::string svg(const std::string& label) const {
    double w = width_ + 2 * kMargin, h = height_ + 2 * kMargin;
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"drawing\" width=\"" + f(w) +
           "\" height=\"" + f(h) + "\" viewBox=\"0 0 " + f(w) + " " + f(h) +
           "\" role=\"img\" aria-label=\"" + escapeXml(label) +
           "\" font-family=\"sans-serif\" font-size=\"12\">\n" + out_ + "</svg>";
  }

private:
  static constexpr double kMaxWidth = 760, kMaxHeight = 520, kMargin = 24;
  static std::string f(double v) { return num(v, 1); }
  const View& v_;
  geo::Aabb ext_;
  double scale_ = 1, width_ = 0, height_ = 0;
  std::string out_;
  std::vector<geo::Aabb> placed_; // label boxes in page pixels (z unused)
};

void drawOpenings(Canvas& c, const View& v, const World& w, const geo::Aabb& ext) {
  if (v.v != 1) return; // openings run down the rear wall: seen in the side and front views
  std::vector<int> boards = w.itemsOf(Category::Motherboard);
  if (boards.empty()) return;
  const Placed& board = w.item(boards.front());
  int openings = w.item(w.caseItem()).part->chassis->openings;
  double top = board.X_CP.t.y, pitch = standard::kSlotPitchMm;
  double at = v.h == 0 ? ext.lo[0] : ext.lo[v.h];
  for (int k = 1; k <= openings; ++k) {
    double centre = top - (standard::kSlot1FromTopMm + (k - 1) * pitch);
    // Each opening spans one pitch; a tick at its top edge, its number beside it.
    c.line(at, centre + pitch / 2, at + 12, centre + pitch / 2,
           "stroke=\"#000\" stroke-width=\"1\"");
    c.text(at + 3, centre - 3, std::to_string(k), "font-size=\"10\" fill=\"#000\"");
  }
  double last = top - (standard::kSlot1FromTopMm + (openings - 0.5) * pitch);
  c.line(at, last, at + 12, last, "stroke=\"#000\" stroke-width=\"1\"");
}

void drawDimension(Canvas& c, const View& v, const Finding& f) {
  const geo::Aabb& b = *f.where;
  double d = *f.measured;
  std::string label = num(d, 1) + " mm";
  bool bad = f.severity == Severity::Fail;
  std::string colour = bad ? "#c62828" : f.severity == Severity::Warn ? "#ef6c00" : "#1565c0";
  if (d < -geo::kTouchToleranceMm) {
    // An overlap: shade where the two parts share space.
    c.rect(b, "fill=\"" + colour + "\" fill-opacity=\"0.45\" stroke=\"" + colour + "\"");
    c.label(b.hi[v.h], b.hi[v.v], label, "fill=\"" + colour + "\" font-weight=\"bold\"");
    return;
  }
  // A gap: a line across it along the axis it was measured on, if this view shows that axis.
  geo::Vec3 size = b.size();
  int axis = size.x >= size.y && size.x >= size.z ? 0 : size.y >= size.z ? 1 : 2;
  if (axis != v.h && axis != v.v) return;
  double ch = 0.5 * (b.lo[v.h] + b.hi[v.h]), cv = 0.5 * (b.lo[v.v] + b.hi[v.v]);
  std::string stroke = "stroke=\"" + colour + "\" stroke-width=\"1.5\"";
  if (axis == v.h)
    c.line(b.lo[v.h], cv, b.hi[v.h], cv, stroke);
  else
    c.line(ch, b.lo[v.v], ch, b.hi[v.v], stroke);
  c.label(ch, cv, label, "fill=\"" + colour + "\" font-weight=\"bold\"");
}

} // namespace

std::vector<Drawing> drawBuild(const Assembly& assembly, const FitResult& result) {
  World w = makeWorld(assembly);
  const Part& chassis = *assembly.items.front().part;
  geo::Aabb ext{{0, 0, 0},
                {chassis.figures.at("interior_depth_mm").value,
                 chassis.figures.at("interior_height_mm").value, chassis.chassis->sidePanelZ}};
  std::vector<std::string> failing;
  for (const Finding& f : result.findings)
    if (f.severity == Severity::Fail) failing.insert(failing.end(), f.parts.begin(), f.parts.end());
  std::vector<Drawing> out;
  for (const View& v : kViews) {
    Canvas c(v, ext);
    c.title(std::string(v.title) + ": " + v.caption);
    c.rect(ext, "fill=\"#fafafa\" stroke=\"#000\" stroke-width=\"2\"");
    std::vector<const WorldSolid*> order;
    for (const WorldSolid& s : w.solids)
      if (w.itemOf(s).part->category != Category::Case || s.solid->role == SolidRole::Limit)
        order.push_back(&s);
    std::stable_sort(order.begin(), order.end(), [&](const WorldSolid* a, const WorldSolid* b) {
      return a->bounds.hi[v.depth] < b->bounds.hi[v.depth];
    });
    for (const WorldSolid* s : order) {
      const Placed& p = w.itemOf(*s);
      geo::Aabb b{glm::max(s->bounds.lo, ext.lo), glm::min(s->bounds.hi, ext.hi)};
      if (s->solid->role == SolidRole::Limit) {
        // A published limit: a dashed line at its face, named.
        double at = b.lo[v.h];
        if (v.h != 0) continue; // limits run across x (GPU and PSU length)
        c.line(at, b.lo[v.v], at, b.hi[v.v], "stroke=\"#c62828\" stroke-dasharray=\"6 4\"");
        c.text(at, b.hi[v.v],
               s->solid->name == solid::kGpuLengthLimit ? "max GPU length" : "max PSU length",
               "fill=\"#c62828\" font-size=\"10\" dx=\"-80\" dy=\"14\"");
        continue;
      }
      bool bad = std::find(failing.begin(), failing.end(), p.id) != failing.end();
      std::string stroke = bad ? "#c62828" : "#212121";
      switch (s->solid->role) {
      case SolidRole::Body:
        c.rect(b, "fill=\"" + fillOf(p.part->category) + "\" fill-opacity=\"0.75\" stroke=\"" +
                      stroke + "\" stroke-width=\"1\"");
        break;
      case SolidRole::Keepout:
        c.rect(b, "fill=\"none\" stroke=\"#ef6c00\" stroke-dasharray=\"4 3\"");
        break;
      case SolidRole::Airflow:
        c.rect(b, "fill=\"#4fc3f7\" fill-opacity=\"0.18\" stroke=\"none\"");
        break;
      case SolidRole::Limit:
        break;
      }
    }
    drawOpenings(c, v, w, ext);
    for (const Finding& f : result.findings)
      if (dimensioned(f)) drawDimension(c, v, f);
    out.push_back({v.id, std::string(v.title) + " (" + v.caption + ")", c.svg(v.title)});
  }
  return out;
}

} // namespace rigfit
