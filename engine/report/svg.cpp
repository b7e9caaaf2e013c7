// Drawings of the build as SVG: orthographic views of the posed solids, the case openings
// against the slot pitch, and the clearances the checks measured.
#include "catalog/solid_names.hpp"
#include "draw/draw.hpp"
#include "draw/palette.hpp"
#include "geometry/clearance.hpp"
#include "report/report.hpp"
#include "report/text.hpp"

#include <algorithm>
#include <cmath>

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

void drawDimension(Canvas& c, const View& v, const Finding& f) {
  const geo::Aabb& b = *f.where;
  double d = *f.measured;
  std::string label = num(d, 1) + " mm";
  bool bad = f.severity == Severity::Fail;
  std::string colour = draw::hex(bad                            ? draw::palette::kFail
                                 : f.severity == Severity::Warn ? draw::palette::kWarn
                                                                : draw::palette::kMeasured);
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

// One view as a sink of the build's draw commands. SVG paints in order, so the solids are
// kept and painted far to near, then the openings and the dimensions over them.
class ViewSink : public draw::Sink {
public:
  ViewSink(const View& v, const geo::Aabb& interior) : v_(v), ext_(interior), c_(v, interior) {
    c_.title(std::string(v.title) + ": " + v.caption);
  }
  void interior(const geo::Aabb& box) override {
    c_.rect(box, "fill=\"" + draw::hex(draw::palette::kPaper) + "\" stroke=\"" +
                     draw::hex(draw::palette::kInk) + "\" stroke-width=\"2\"");
  }
  void solid(const draw::SolidDraw& s) override {
    solids_.push_back({&s.part, &s.solid, s.failing});
  }
  void openings(const std::vector<draw::Opening>& all) override { openings_ = all; }
  void dimension(const Finding& f) override { dimensions_.push_back(&f); }
  void end() override {
    std::stable_sort(solids_.begin(), solids_.end(), [&](const Kept& a, const Kept& b) {
      return a.solid->bounds.hi[v_.depth] < b.solid->bounds.hi[v_.depth];
    });
    for (const Kept& k : solids_)
      paint(k);
    paintOpenings();
    for (const Finding* f : dimensions_)
      drawDimension(c_, v_, *f);
  }
  std::string svg() const { return c_.svg(v_.title); }

private:
  struct Kept {
    const Placed* part;
    const WorldSolid* solid;
    bool failing;
  };

  void paint(const Kept& k) {
    const Solid& solid = *k.solid->solid;
    geo::Aabb b{glm::max(k.solid->bounds.lo, ext_.lo), glm::min(k.solid->bounds.hi, ext_.hi)};
    const std::string fail = draw::hex(draw::palette::kFail);
    switch (solid.role) {
    case SolidRole::Limit:
      // A published limit: a dashed line at its face, named. Limits run across x (GPU and PSU
      // length): seen in the views that run along it.
      if (v_.h != 0) return;
      c_.line(b.lo[v_.h], b.lo[v_.v], b.lo[v_.h], b.hi[v_.v],
              "stroke=\"" + fail + "\" stroke-dasharray=\"6 4\"");
      c_.text(b.lo[v_.h], b.hi[v_.v],
              solid.name == solid::kGpuLengthLimit ? "max GPU length" : "max PSU length",
              "fill=\"" + fail + "\" font-size=\"10\" dx=\"-80\" dy=\"14\"");
      return;
    case SolidRole::Body:
      c_.rect(b, "fill=\"" + draw::hex(draw::palette::category(k.part->part->category)) +
                     "\" fill-opacity=\"0.75\" stroke=\"" +
                     (k.failing ? fail : draw::hex(draw::palette::kOutline)) +
                     "\" stroke-width=\"1\"");
      return;
    case SolidRole::Keepout:
      c_.rect(b, "fill=\"none\" stroke=\"" + draw::hex(draw::palette::kWarn) +
                     "\" stroke-dasharray=\"4 3\"");
      return;
    case SolidRole::Airflow:
      c_.rect(b, "fill=\"" + draw::hex(draw::palette::kAirflow) +
                     "\" fill-opacity=\"0.18\" stroke=\"none\"");
      return;
    }
  }

  // The openings run down the rear wall: seen in the side and front views, numbered, a tick at
  // each one's top edge and one under the last.
  void paintOpenings() {
    if (v_.v != 1 || openings_.empty()) return;
    double at = ext_.lo[v_.h];
    const std::string ink = draw::hex(draw::palette::kInk);
    for (const draw::Opening& o : openings_) {
      c_.line(at, o.topY, at + 12, o.topY, "stroke=\"" + ink + "\" stroke-width=\"1\"");
      c_.text(at + 3, o.centreY - 3, std::to_string(o.number),
              "font-size=\"10\" fill=\"" + ink + "\"");
    }
    double last = openings_.back().bottomY;
    c_.line(at, last, at + 12, last, "stroke=\"" + ink + "\" stroke-width=\"1\"");
  }

  const View& v_;
  geo::Aabb ext_;
  Canvas c_;
  std::vector<Kept> solids_;
  std::vector<draw::Opening> openings_;
  std::vector<const Finding*> dimensions_;
};

} // namespace

std::vector<Drawing> drawingsOf(const Assembly& assembly, const std::vector<Finding>& findings) {
  geo::Aabb interior = draw::caseInterior(assembly);
  std::vector<Drawing> out;
  for (const View& v : kViews) {
    ViewSink sink(v, interior);
    draw::drawBuild(assembly, findings, sink);
    out.push_back({v.id, std::string(v.title) + " (" + v.caption + ")", sink.svg()});
  }
  return out;
}

} // namespace rigfit
