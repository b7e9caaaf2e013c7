#pragma once
// The placement probe: one part tried at one mount against the rest of the build, fast enough
// to run for every mount under the cursor while a part is dragged. It answers the geometric
// question only (bodies, hard keep-outs, case openings); `check` gives the full verdict.
#include "assembly/build.hpp"
#include "assembly/world.hpp"
#include "fit/finding.hpp"

namespace rigfit {

struct ProbeAnswer {
  bool compatible = false;
  bool fits = false;
  double marginMm = 0.0; // tightest clearance to any body or hard keep-out (negative: overlap)
  std::optional<int> blockingItem; // the item that sets the margin; none when nothing is near
  std::string blockingSolid;       // its solid's name
  bool openingsMissing = false;    // a card whose bracket needs openings the case lacks
  // The mount's place is not modelled (a case's PSU bracket): only the part's published limit
  // (a PSU's length) was measured, and marginMm is that or the horizon.
  bool unplaced = false;
  // Unplaced, and the case publishes no length limit for it: only its form factor was checked,
  // and marginMm (the horizon) measures nothing.
  bool formFactorOnly = false;
};

// The answer in a builder's words, with the margin of what decided it: "fits, 5.1 mm",
// "does not fit, -16.0 mm", "does not fit: needs another case opening" (no margin beside a
// verdict the margin did not decide).
std::string probeVerdict(const ProbeAnswer& a);

class PlacementProbe {
public:
  // Measures against `assembly` as it stands (its world); the assembly must outlive the probe
  // and not be assigned to while it lives (that drops the world the probe points into).
  explicit PlacementProbe(const Assembly& assembly);

  // Distances beyond `horizonMm` are not measured: the margin then reads as the horizon.
  ProbeAnswer probe(const Part& part, int parentItem, const Mount& mount,
                    double horizonMm = 100.0) const;

private:
  const Assembly& assembly_;
  std::vector<const WorldSolid*> obstacles_; // bodies and hard keep-outs, in assembly_.world()
};

} // namespace rigfit
