#pragma once
// The names of the solids the shapes make and the checks, drawings and viewer look up: written
// once, so a check cannot look for a solid by a name no shape gives.
namespace rigfit::solid {

// Any part
inline constexpr const char* kBody = "body";
// A case
inline constexpr const char* kTray = "tray";
inline constexpr const char* kFloor = "floor";
inline constexpr const char* kTopPanel = "top_panel";
inline constexpr const char* kRearPanel = "rear_panel";
inline constexpr const char* kFrontPanel = "front_panel";
inline constexpr const char* kSidePanel = "side_panel";
inline constexpr const char* kPsuShroud = "psu_shroud";
inline constexpr const char* kGpuLengthLimit = "gpu_length_limit";
inline constexpr const char* kPsuBayEnd = "psu_bay_end";
// A motherboard
inline constexpr const char* kPcb = "pcb";
inline constexpr const char* kBottomHeaderPlugs = "bottom_header_plugs";
// A graphics card
inline constexpr const char* kPowerPlug = "power_plug";
inline constexpr const char* kFanIntake = "fan_intake";
// A tower cooler: the column under its overhang (the overhang is its body)
inline constexpr const char* kBase = "base";
// A PSU
inline constexpr const char* kCableSpace = "cable_space";

} // namespace rigfit::solid
