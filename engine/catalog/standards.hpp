#pragma once
// Dimensions fixed by standards (ATX, PCI Express CEM), shared by every part of their kind.
// Each says where it comes from; those marked ESTIMATE are not confirmed by a published drawing
// and every solid built from them says so in its findings.
#include <string_view>

namespace rigfit::standard {

// ATX and microATX expansion slot pitch, 0.8 in (ATX spec; reference A3, confirmed).
constexpr double kSlotPitchMm = 20.32;

// Board outlines (reference A1, confirmed): width along the rear edge, depth toward the front.
constexpr double kAtxWidthMm = 304.8, kAtxDepthMm = 243.84;
constexpr double kMicroAtxWidthMm = 243.84, kMicroAtxDepthMm = 243.84;
constexpr double kMiniItxWidthMm = 170.18, kMiniItxDepthMm = 170.18;

// Board form factors: outline and the number of slot positions (reference A1, A3; E-ATX is a
// vendor convention, 305 x 330, unconfirmed).
struct FormFactor {
  const char* name;
  double widthMm, depthMm;
  int slotPositions;
};
inline constexpr FormFactor kFormFactors[] = {
    {"ATX", kAtxWidthMm, kAtxDepthMm, 7},
    {"microATX", kMicroAtxWidthMm, kMicroAtxDepthMm, 4},
    {"Mini-ITX", kMiniItxWidthMm, kMiniItxDepthMm, 1},
    {"E-ATX", 305.0, 330.0, 7},
};
inline const FormFactor* formFactor(std::string_view name) {
  for (const FormFactor& f : kFormFactors)
    if (name == f.name) return &f;
  return nullptr;
}

// Board thickness, 0.062 in (reference A4, the I/O aperture drawing assumes it; confirmed).
constexpr double kBoardThicknessMm = 1.57;

// Standoff height: the ATX bottom-side keep-out, 0.25 in (reference A2 notes). ESTIMATE.
constexpr double kStandoffMm = 6.35;

// Slot 1 centreline from the board's top edge (reference A3, derived from ParametricCase;
// another model puts it 1.57 mm lower). ESTIMATE, +-1.6 mm.
constexpr double kSlot1FromTopMm = 162.26;

// PCI Express card envelope (reference A5). The card's back side (secondary components,
// backplate) reaches this far above its slot line; its marketed thickness in slots, times the
// pitch, is the whole envelope from there. CEM secondary-side height from memory. ESTIMATE.
constexpr double kCardBackSideMm = 2.67;
// Bottom of the edge fingers above the board surface; card heights are measured from there
// (reference A5, derived from ParametricCase). ESTIMATE.
constexpr double kCardFingersAboveBoardMm = 3.4;
// x16 connector: 89 long, 7.5 wide, 11.25 tall, from 42.6 mm behind the rear edge
// (reference A3; length, width, height confirmed, position derived). The card's body beyond
// its own connector sits above connector height, so neighbouring connectors pass under it.
constexpr double kPcieConnectorHeightMm = 11.25;
constexpr double kPcieConnectorWidthMm = 7.5;
constexpr double kPcieConnectorStartMm = 42.6;
constexpr double kPcieConnectorLengthMm[] = {25.0, 39.0, 56.0, 89.0}; // x1, x4, x8, x16

// PSU outlines (reference A6, confirmed): width x height; lengths come from each unit.
constexpr double kAtxPsuWidthMm = 150.0, kAtxPsuHeightMm = 86.0;
// The ATX12V unit's depth (reference A6, which notes retail units commonly 140 to 220 mm deep).
constexpr double kAtxPsuLengthMm = 140.0;
constexpr double kSfxPsuWidthMm = 125.0, kSfxPsuHeightMm = 63.5;

} // namespace rigfit::standard
