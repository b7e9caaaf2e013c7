#pragma once
// Parts of chosen dimensions for measuring a case's limits, and the board a case is measured
// with.
#include "support/fixtures.hpp"

namespace rigfit::test {

nlohmann::json testCard(double length);                              // a 2-slot blower card
nlohmann::json testCpu(const std::string& socket);                   // a Ryzen 7 2700X renamed
nlohmann::json testCooler(const std::string& socket, double height); // a Wraith Prism resized
nlohmann::json testMemory(double height);                            // a DDR4 module resized
// A 2 x 120 mm radiator of 275 x 120 x 30 mm with 25 mm fans: a 240 radiator as wide as its
// fans, the kind a case's radiator limits are written for.
nlohmann::json testRadiator();

// The board the case takes with the most slot positions, and its first x16 slot.
const Part* boardFor(const Part& chassis, std::string* slot);

// A case with its board, a CPU, a cooler of `coolerHeight` and a card of `cardLength` in the
// board's first x16 slot, plus `more` (fans, radiators, memory); the case's options are `options`.
Build caseBuild(const Part& chassis, const Part& board, const std::string& slot,
                std::vector<Instance> more = {}, Options options = {});

} // namespace rigfit::test
