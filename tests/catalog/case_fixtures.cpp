#include "catalog/case_fixtures.hpp"

#include <algorithm>

namespace rigfit::test {

using nlohmann::json;

json testCard(double length) {
  json j = {{"schema", 1},
            {"id", "test-card"},
            {"name", "test card"},
            {"category", "gpu"},
            {"sources", {{"test", "a test fixture of chosen dimensions"}}}};
  for (auto [k, v] : std::vector<std::pair<std::string, json>>{{"length_mm", length},
                                                               {"thickness_slots", 2},
                                                               {"bracket_slots", 1},
                                                               {"cooling", "blower"},
                                                               {"interface", "x16"}})
    j["figures"][k] = {{"value", v}, {"source", "test"}};
  return j;
}

json testCpu(const std::string& socket) {
  json j = partJson("amd-ryzen7-2700x");
  j["id"] = "test-cpu";
  setFigure(j, "socket", socket);
  return j;
}

json testCooler(const std::string& socket, double height) {
  json j = partJson("amd-wraith-prism");
  j["id"] = "test-cooler";
  setFigure(j, "sockets", json::array({socket}));
  setFigure(j, "height_mm", height);
  return j;
}

json testMemory(double height) {
  json j = partJson("gskill-trident-z-ddr4-3200-c14-8gb");
  j["id"] = "test-memory";
  setFigure(j, "height_mm", height);
  return j;
}

json testRadiator() {
  json j = partJson("nzxt-kraken-x53-rgb-radiator");
  j["id"] = "test-radiator";
  setFigure(j, "width_mm", 120);
  return j;
}

const Part* boardFor(const Part& chassis, std::string* slot) {
  const Part* best = nullptr;
  for (const Part* p : seedCatalog().parts()) {
    if (p->category != Category::Motherboard) continue;
    const auto& ff = chassis.chassis->formFactors;
    if (std::find(ff.begin(), ff.end(), p->board->formFactor) == ff.end()) continue;
    for (const Mount& m : p->mounts)
      if (m.kind == MountKind::PcieSlot && m.mechanical == 16 &&
          (!best || p->board->widthMm > best->board->widthMm)) {
        best = p;
        *slot = m.name;
        break;
      }
  }
  return best;
}

Build caseBuild(const Part& chassis, const Part& board, const std::string& slot,
                std::vector<Instance> more, Options options) {
  Build b{"limits of " + chassis.id,
          {{"case", chassis.id, "", "", std::move(options)},
           {"board", board.id, "case", "tray"},
           {"cpu", "test-cpu", "board", "CPU"},
           {"cooler", "test-cooler", "cpu", "cooler"},
           {"gpu", "test-card", "board", slot}}};
  for (Instance& i : more)
    b.instances.push_back(std::move(i));
  return b;
}

} // namespace rigfit::test
