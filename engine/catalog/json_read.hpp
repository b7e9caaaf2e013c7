#pragma once
// Private to the catalog's readers: the error they throw inside, caught at their boundary and
// turned into an Error naming the file, and the small readers of required fields.
#include "catalog/part.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>
#include <string>

namespace rigfit::json_read {

using nlohmann::json;

struct ParseError {
  std::string field, reason;
};

[[noreturn]] inline void fail(std::string field, std::string reason) {
  throw ParseError{std::move(field), std::move(reason)};
}

void readProvenance(const json& j, const std::string& path, const Part& part, std::string& source,
                    std::string& estimate);
std::string requireString(const json& j, const std::string& key, const std::string& path);
double requireNumber(const json& j, const std::string& key, const std::string& path, double min,
                     double max);
int requireInt(const json& j, const std::string& key, const std::string& path, int min, int max);

// A group of mounts ("pcie_slots", "fan_mounts", ...): its facts come from "source"/"estimate",
// and where the mounts sit from "layout_source"/"layout_estimate". `slots` is null when the
// part has no such group.
struct SlotGroup {
  const json* slots = nullptr;
  std::vector<std::string> estimates; // what in this group is estimated
};
SlotGroup readSlotGroup(const json& j, const std::string& key, const Part& part);
// How a slot layout guessed from counts alone (an OpenDB board's) begins its layout_estimate;
// every finding that rests on such a layout then says "guessed from slot counts".
inline constexpr const char* kGuessedLayout = "guessed from slot counts";

// A case's "fan_mounts", "radiator_mounts" and "drive_bays" groups and its "removables", into
// part.chassis.
void readCasePlaces(const json& j, Part& part);

// A part's "mesh" object, into part.mesh.
void readMesh(const json& j, Part& part);

// A motherboard's "pcie_slots", "dimm_slots" and "m2_slots" groups, into part.boardLayout.
void readBoardSlots(const json& j, Part& part);

} // namespace rigfit::json_read
