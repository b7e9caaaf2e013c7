#pragma once
// The build as draw commands. One walk over the posed solids and the findings decides what a
// picture of the build shows (the case interior, each part's solids coloured by category and
// marked when a failing finding names the part, where two parts that must not meet share
// space, the measured clearances, the case's rear openings) and hands each to a sink, as
// Box2D's debug draw does. The OpenGL scene (fronts/render) and the report's SVG views
// (report/svg.cpp) are two sinks: each draws what its medium shows, neither walks the world.
#include "assembly/world.hpp"
#include "fit/finding.hpp"

#include <vector>

namespace rigfit::draw {

// The case's interior in the case frame: what the cameras and the SVG views frame.
geo::Aabb caseInterior(const Assembly& assembly);

// A solid to draw: a part's body, keep-out or airflow, or a limit the case publishes.
struct SolidDraw {
  const Placed& part;
  const WorldSolid& solid; // posed in the case frame
  bool failing;            // a failing finding names the part
};

// A place on a placed part where another part goes (a fan or radiator place on a case panel, a
// DIMM slot), posed in the case frame, and whether a part is on it (for a fan or radiator place,
// also on a place of the same panel that overlaps it: a radiator over the front fans' places).
struct MountDraw {
  const Placed& part;
  const Mount& mount;
  geo::Pose X_CM;
  bool taken;
};

// What a fan or radiator place covers on its panel, as half-sizes along the place's X and Y:
// the largest fan it takes, square; the longest radiator, as wide as its fans (a "280" is two
// 140 mm fans, a "360" three of 120 mm). Zero for any other mount.
glm::dvec2 placeFootprint(const Mount& m);

// A rear expansion opening of the case, beside the board's slots (1 is the top one).
struct Opening {
  int number;
  double centreY, topY, bottomY; // case frame; each spans one slot pitch
};

class Sink {
public:
  virtual ~Sink() = default;
  // The case interior, first.
  virtual void interior(const geo::Aabb& /*box*/) {}
  // The case's own pieces (its panels, tray, floor and PSU shroud), case frame; a picture of the
  // case draws them, no check reads them from here.
  virtual void casePiece(const SolidDraw& /*s*/) {}
  // Each placed part but the case, in build order, before any solid.
  virtual void part(const Placed& /*part*/, bool /*failing*/) {}
  // Each solid of the parts but the case's own, and the limits the case publishes, in build
  // order.
  virtual void solid(const SolidDraw& /*s*/) {}
  // Each mount of each placed part, in build order: what a picture shows of the places parts go.
  virtual void mount(const MountDraw& /*m*/) {}
  // Where two parts that must not meet share space (a failing overlap), case frame.
  virtual void overlap(const geo::Aabb& /*volume*/) {}
  // The case's rear openings, once there is a board to number them from.
  virtual void openings(const std::vector<Opening>& /*all*/) {}
  // A measured clearance a picture should show with its figure: every failure and warning
  // with a place, and the clearances a builder asks about (card gap and length, cooler height,
  // bottom card to PSU).
  virtual void dimension(const Finding& /*f*/) {}
  // Nothing more comes.
  virtual void end() {}
};

// Walks the assembly and its findings into `sink`, in the order the Sink's methods are listed.
void drawBuild(const Assembly& assembly, const std::vector<Finding>& findings, Sink& sink);

} // namespace rigfit::draw
