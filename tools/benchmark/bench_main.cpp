// rigfit-bench: medians of repeated batches (the machines are shared and noisy), each figure
// printed with its target. Run through tools/bench.
#include "assembly/build_json.hpp"
#include "catalog/opendb_index.hpp"
#include "catalog/part_json.hpp"
#include "catalog/search.hpp"
#include "common/file.hpp"
#include "fit/fit.hpp"
#include "fit/probe.hpp"
#include "fit/ranged.hpp"
#include "geometry/clearance.hpp"
#include "partlist/import.hpp"
#include "renderer.hpp"
#include "report/report.hpp"
#include "session.hpp"
#include "solve/solve.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fcl/geometry/shape/box.h>
#include <fcl/narrowphase/collision_object.h>
#include <fcl/narrowphase/distance.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <glm/gtc/quaternion.hpp>
#include <nlohmann/json.hpp>
#include <random>
#include <spawn.h>
#include <sys/wait.h>
#include <vector>

using namespace rigfit;
using Clock = std::chrono::steady_clock;

extern char** environ;

namespace {

constexpr int kBatches = 15;

// Seconds per call: the median over batches of `perBatch` calls.
double medianSeconds(int perBatch, const std::function<void()>& op) {
  std::vector<double> t;
  op(); // warm caches and lazy statics
  for (int b = 0; b < kBatches; ++b) {
    auto t0 = Clock::now();
    for (int i = 0; i < perBatch; ++i)
      op();
    t.push_back(std::chrono::duration<double>(Clock::now() - t0).count() / perBatch);
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// Seconds per call for slow operations: the median of `runs` single calls, none discarded.
double medianSecondsOf(int runs, const std::function<void()>& op) {
  std::vector<double> t;
  for (int r = 0; r < runs; ++r) {
    auto t0 = Clock::now();
    op();
    t.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

void row(const char* what, double value, const char* unit, const char* target, bool met) {
  std::printf("  %-52s %12.3f %-6s %-22s %s\n", what, value, unit, target, met ? "met" : "NOT MET");
}

volatile double sink = 0; // keeps results alive so the optimiser cannot drop the work

struct BoxPair {
  geo::Box a, b;
};

fcl::Transform3d toFcl(const geo::Pose& p) {
  fcl::Transform3d t = fcl::Transform3d::Identity();
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c)
      t.linear()(r, c) = p.R[c][r];
  t.translation() = fcl::Vector3d(p.t.x, p.t.y, p.t.z);
  return t;
}

// Engine clearance against FCL's distance query on the same pairs; returns the ratio.
double compareWithFcl(const char* name, const std::vector<BoxPair>& pairs) {
  struct FclPair {
    fcl::CollisionObjectd a, b;
  };
  std::vector<FclPair> fp;
  for (const BoxPair& p : pairs) {
    auto ga = std::make_shared<fcl::Boxd>(p.a.half.x * 2, p.a.half.y * 2, p.a.half.z * 2);
    auto gb = std::make_shared<fcl::Boxd>(p.b.half.x * 2, p.b.half.y * 2, p.b.half.z * 2);
    fp.push_back(
        {fcl::CollisionObjectd(ga, toFcl(p.a.X_WB)), fcl::CollisionObjectd(gb, toFcl(p.b.X_WB))});
  }
  fcl::DistanceRequestd req;
  req.enable_signed_distance = true;
  // Agreement on the separated pairs: the comparison is between answers that match.
  double worst = 0;
  size_t apart = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    double ours = geo::clearanceDistance(pairs[i].a, pairs[i].b);
    fcl::DistanceResultd res;
    fcl::distance(&fp[i].a, &fp[i].b, req, res);
    if (ours > 1e-6) {
      ++apart;
      worst = std::max(worst, std::abs(ours - res.min_distance));
    }
  }
  double ourT = medianSeconds(20,
                              [&] {
                                for (const BoxPair& p : pairs)
                                  sink = sink + geo::clearanceDistance(p.a, p.b);
                              }) /
                static_cast<double>(pairs.size());
  double fclT = medianSeconds(20,
                              [&] {
                                for (FclPair& p : fp) {
                                  fcl::DistanceResultd res;
                                  fcl::distance(&p.a, &p.b, req, res);
                                  sink = sink + res.min_distance;
                                }
                              }) /
                static_cast<double>(pairs.size());
  std::printf("  %s: %zu pairs (%zu apart; largest disagreement with FCL there %.2g mm)\n", name,
              pairs.size(), apart, worst);
  row("    engine clearance per pair", ourT * 1e9, "ns", "", true);
  row("    FCL distance per pair", fclT * 1e9, "ns", "", true);
  double ratio = fclT / ourT;
  row("    FCL time / engine time", ratio, "x", ">= 5x", ratio >= 5.0);
  return ratio;
}

double processMedianMs(const std::vector<std::string>& argv, int runs,
                       const std::vector<std::string>& extraEnv = {}) {
  std::vector<double> t;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : extraEnv)
    envp.push_back(const_cast<char*>(e.c_str()));
  for (char** e = environ; *e; ++e)
    envp.push_back(*e);
  envp.push_back(nullptr);
  for (int i = 0; i < runs; ++i) {
    auto t0 = Clock::now();
    pid_t pid;
    if (posix_spawn(&pid, args[0], &fa, nullptr, args.data(), envp.data()) != 0) return -1;
    int status;
    waitpid(pid, &status, 0);
    t.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  posix_spawn_file_actions_destroy(&fa);
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// Listing the snapshot, searching it, reading parts from it and trying every card at a slot.
void openDbRows(const std::string& root, const Catalog& curated, const Build& article) {
  const std::string dir = root + "/parts/opendb";
  char cacheTemplate[] = "/tmp/rigfit-bench-cache.XXXXXX";
  const std::string cache = mkdtemp(cacheTemplate) ? cacheTemplate : "";
  double first = medianSecondsOf(
      3, [&] { sink = sink + static_cast<double>(OpenDbIndex::make(curated, dir).size()); });
  row("list every row without the cache (first use)", first * 1e3, "ms", "", true);
  OpenDbIndex index = OpenDbIndex::open(curated, dir, cache);
  double open = medianSeconds(
      5, [&] { sink = sink + static_cast<double>(OpenDbIndex::open(curated, dir, cache).size()); });
  row("read the listings from the cache", open * 1e3, "ms", "", true);
  double ready = medianSeconds(5, [&] {
    OpenDbIndex i = OpenDbIndex::open(curated, dir, cache);
    Listings all = allListings(curated, &i);
    PartSearch search(all.all);
    sink = sink + static_cast<double>(search.size());
  });
  row("every part searchable (read, list, index the names)", ready * 1e3, "ms",
      "< 60 ms (issue 13)", ready < 0.060);
  Listings all = allListings(curated, &index);
  PartSearch search(all.all);
  std::printf("    (%zu parts: %zu curated, %zu from OpenDB)\n", all.all.size(), curated.size(),
              index.size());
  // A builder typing "strix 4090": one search a keystroke.
  const std::string typed = "strix 4090";
  double perKey = medianSeconds(20,
                                [&] {
                                  for (size_t n = 1; n <= typed.size(); ++n)
                                    sink = sink + static_cast<double>(
                                                      search.find(typed.substr(0, n), 200).size());
                                }) /
                  static_cast<double>(typed.size());
  row("a search as you type (\"strix 4090\", per keystroke)", perKey * 1e3, "ms",
      "< 2 ms (issue 13)", perKey < 0.002);

  // --alternatives board/PCIEX16_1: every card of the catalog, read from its row, tried there.
  std::vector<std::string> cards;
  for (const Listing& l : index.listings())
    if (l.category == Category::Gpu) cards.push_back(l.id);
  Catalog withCards = curated;
  double read = medianSecondsOf(3, [&] {
    Catalog c = curated;
    index.addTo(c, cards);
    sink = sink + static_cast<double>(c.size());
  });
  index.addTo(withCards, cards);
  row("read every card from its row", read * 1e3, "ms", "", true);
  std::size_t tried = 0;
  double alternatives = medianSecondsOf(3, [&] {
    auto trials = solveAlternatives(article, withCards, "board/PCIEX16_1");
    tried = trials ? trials->size() : 0;
  });
  row("try every card at the article's first slot", alternatives * 1e3, "ms", "", true);
  row("--alternatives over every card for one slot (both)", (read + alternatives) * 1e3, "ms",
      "< 50 ms (issue 13)", read + alternatives < 0.050);
  std::printf("    (%zu cards tried)\n", tried);
  double proc = processMedianMs(
      {RIGFIT_BINARY, "check", root + "/docs/examples/lancool-strix-4090.json"}, 11);
  row("`rigfit check` of a build of OpenDB parts (a process)", proc, "ms", "", proc >= 0);
  std::filesystem::remove_all(cache);
}

// A PCPartPicker list of 12 lines imported and checked (issue 15): in the engine, as the
// viewer's File > Import does it with the catalog listed and the matcher made, and as the two
// commands a builder runs.
void partLists(const std::string& root, const Catalog& curated) {
  const std::string dir = root + "/parts/opendb";
  const std::string listFile = root + "/tests/partlist/lists/market/build8.md";
  Result<std::string> text = readFileText(listFile);
  if (!text) {
    std::printf("  %s\n", text.error().message().c_str());
    return;
  }
  char cacheTemplate[] = "/tmp/rigfit-bench-lists.XXXXXX";
  const std::string cache = mkdtemp(cacheTemplate) ? cacheTemplate : "";
  (void)OpenDbIndex::open(curated, dir, cache); // listed once, as a first start does
  double matcherMs = 0;
  {
    OpenDbIndex index = OpenDbIndex::open(curated, dir, cache);
    Listings all = allListings(curated, &index);
    matcherMs = medianSecondsOf(5,
                                [&] {
                                  ListMatcher m(all.all);
                                  sink = sink + 1;
                                }) *
                1e3;
  }
  row("the part-list matcher over every listing (once a session)", matcherMs, "ms", "", true);
  // The first import of a session reads the snapshot's files it needs (from the kept copies);
  // later ones find them read. Each run with an index and catalog of its own, made untimed.
  std::vector<double> first, again;
  size_t lines = 0, placed = 0;
  for (int r = 0; r < 7; ++r) {
    OpenDbIndex index = OpenDbIndex::open(curated, dir, cache);
    Listings all = allListings(curated, &index);
    ListMatcher matcher(all.all);
    for (std::vector<double>* into : {&first, &again}) {
      Catalog catalog = curated;
      auto t0 = Clock::now();
      Result<PartList> list = parsePartList(*text, listFile);
      Result<ImportedList> imported =
          list ? importPartList(*list, "bench", catalog, &index, matcher) : list.error();
      if (!imported) return;
      Result<Assembly> a = assemble(imported->build, catalog);
      if (!a) return;
      FitResult fit = checkWithRanges(*a, catalog);
      into->push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      sink = sink + static_cast<double>(fit.findings.size());
      lines = imported->lines.size(), placed = imported->build.instances.size();
    }
  }
  std::sort(first.begin(), first.end());
  std::sort(again.begin(), again.end());
  const double firstMs = first[first.size() / 2], againMs = again[again.size() / 2];
  row("import and check a 12-line list (first of a session)", firstMs, "ms", "< 100 ms (issue 15)",
      firstMs < 100);
  row("import and check it again (its rows read)", againMs, "ms", "< 100 ms (issue 15)",
      againMs < 100);
  std::printf("    (%s: %zu lines, %zu parts placed; read, matched, placed, checked with ranges)\n",
              "tests/partlist/lists/market/build8.md", lines, placed);
  const std::string out = cache + "/imported.json";
  const std::vector<std::string> env = {"RIGFIT_CACHE_DIR=" + cache};
  double importProc = processMedianMs(
      {RIGFIT_BINARY, "import", listFile, "-o", out, "--parts", root + "/parts"}, 7, env);
  double checkProc =
      processMedianMs({RIGFIT_BINARY, "check", out, "--parts", root + "/parts"}, 7, env);
  row("`rigfit import` of it (a process)", importProc, "ms", "", importProc >= 0);
  row("then `rigfit check` of the build (a process)", checkProc, "ms", "", checkProc >= 0);
  row("both commands", importProc + checkProc, "ms", "< 100 ms (issue 15)",
      importProc + checkProc < 100);
  std::filesystem::remove_all(cache);
}

} // namespace

int main() {
  const std::string root = RIGFIT_SOURCE_DIR;
  std::printf("rigfit-bench: medians of %d batches, one thread\n\n", kBatches);

  Result<Catalog> catalog = Catalog::load(root + "/parts");
  if (!catalog) {
    std::fprintf(stderr, "rigfit-bench: %s\n", catalog.error().message().c_str());
    return 2;
  }
  Result<LoadedBuild> build = loadAndAssemble(root + "/scenes/article-build.json", *catalog);
  if (!build) {
    std::fprintf(stderr, "rigfit-bench: %s\n", build.error().message().c_str());
    return 2;
  }
  const Assembly& a = build->assembly;

  double load = medianSeconds(
      5, [&] { sink = sink + static_cast<double>(Catalog::load(root + "/parts")->size()); });
  row("load the catalog", load * 1e3, "ms", "< 50 ms (issue 5)", load < 0.050);
  std::printf("    (%zu part files)\n", catalog->size());

  double full =
      medianSeconds(2000, [&] { sink = sink + static_cast<double>(check(a).findings.size()); });
  row("full check of the article build", full * 1e6, "us", "< 50 us", full < 50e-6);
  {
    FitResult ranged;
    // The first check with ranges reads the moved parts from their specs; later ones find
    // them made (catalog/part_json.hpp: triedPart).
    auto t0 = std::chrono::steady_clock::now();
    ranged = checkWithRanges(a, *catalog);
    double cold = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double withRanges = medianSeconds(50, [&] {
      ranged = checkWithRanges(a, *catalog);
      sink = sink + static_cast<double>(ranged.findings.size());
    });
    row("full check with ranges, the article build (issue 14)", withRanges * 1e6, "us", "< 100 us",
        withRanges < 100e-6);
    std::printf(
        "    (%zu estimates with a band; the first check of the build, parts not yet made at "
        "the values tried: %.1f ms)\n",
        bandsOf(a, *catalog).size(), cold * 1e3);
  }
  // The posed solids are made once per assembly (Assembly::world), not by each check.
  double pose =
      medianSeconds(2000, [&] { sink = sink + static_cast<double>(makeWorld(a).solids.size()); });
  row("pose the article build's solids (once per assembly)", pose * 1e6, "us", "", true);

  double solve = medianSeconds(20, [&] {
    sink = sink + static_cast<double>(solveAdd(build->build, *catalog, "evga-rtx2060-xc")->size());
  });
  row("solve --add evga-rtx2060-xc over all PCIe slots", solve * 1e3, "ms", "", true);

  PlacementProbe probe(a);
  const Part& xc = *catalog->find("evga-rtx2060-xc");
  int board = a.indexOf("board").value();
  std::vector<const Mount*> slots;
  for (const Mount& m : a.items[board].part->mounts)
    // Only slots the card fits mechanically: an x1 slot answers "incompatible" at once and
    // would flatter the rate.
    if (m.kind == MountKind::PcieSlot && m.mechanical >= 16 && !a.occupant(board, m.name))
      slots.push_back(&m);
  double per = medianSeconds(20000,
                             [&] {
                               for (const Mount* m : slots)
                                 sink = sink + probe.probe(xc, board, *m).marginMm;
                             }) /
               static_cast<double>(slots.size());
  row("placement checks per second (one part at one mount)", 1.0 / per, "/s", ">= 200000 /s",
      1.0 / per >= 200000);
  std::printf("    (the XC probed at the %zu free x16 slots against %zu solids)\n", slots.size(),
              a.world().solids.size());

  double proc = processMedianMs({RIGFIT_BINARY, "check", root + "/scenes/article-build.json"}, 21);
  row("`rigfit check` as a whole process", proc, "ms", "< 50 ms (issue 13)",
      proc >= 0 && proc < 50);

  // A 100-part build: no catalog case has a hundred mounts, so a test board (the seed board with
  // 92 M.2 slots in a grid) carries 92 drives beside the seed build's 8 other parts.
  {
    std::ifstream file(root + "/parts/motherboard/asus-prime-x470-pro.json");
    nlohmann::json testBoard = nlohmann::json::parse(file);
    testBoard["id"] = "bench-board-92-m2";
    auto& m2 = testBoard["m2_slots"]["slots"];
    m2 = nlohmann::json::array();
    for (int k = 0; k < 92; ++k)
      m2.push_back({{"name", "M2_" + std::to_string(k)},
                    {"key", "M"},
                    {"max_length_mm", 80},
                    {"lanes", 4},
                    {"gen", 3},
                    {"via", "chipset"},
                    {"x_mm", 5 + 25 * (k % 12)},
                    {"y_mm", 4 + 20 * (k / 12)}});
    Catalog big = *Catalog::load(root + "/parts");
    (void)big.add(*parsePart(testBoard, "synthetic"));
    Build b = build->build;
    for (Instance& inst : b.instances)
      if (inst.id == "board") inst.part = "bench-board-92-m2";
    std::erase_if(b.instances, [](const Instance& i) { return i.id == "ssd"; });
    for (int k = 0; k < 92; ++k)
      b.instances.push_back(
          {"ssd" + std::to_string(k), "samsung-970-evo-1tb", "board", "M2_" + std::to_string(k)});
    Result<Assembly> ba = assemble(b, big);
    if (!ba) {
      std::fprintf(stderr, "rigfit-bench: %s\n", ba.error().message().c_str());
      return 2;
    }
    size_t findings = 0;
    std::string out = "/tmp/rigfit-bench-report.html";
    double rep = medianSeconds(3, [&] {
      Report r = makeReport(b, *ba, big, {});
      findings = r.findings.size();
      (void)writeFileAtomic(out, toHtml(r));
    });
    char what[96];
    std::snprintf(what, sizeof what, "HTML report of a %zu-part build", b.instances.size());
    row(what, rep * 1e3, "ms", "< 1000 ms (issue 4)", rep < 1.0);
    std::printf(
        "    (synthetic board; %zu findings, drawings and the slot-by-slot answer included)\n",
        findings);
  }

  // A hostile build: 3,000 drives stacked in one place, every pair overlapping (4.5 million
  // overlaps). Before the broad phase and the cap on listed findings it took 29-46 s and 4-5 GB.
  {
    std::ifstream file(root + "/parts/case/fractal-focus-g-mini.json");
    nlohmann::json stacked = nlohmann::json::parse(file);
    stacked["id"] = "bench-stacked-case";
    auto& bays = stacked["drive_bays"]["slots"];
    bays = nlohmann::json::array();
    Build b{"3000 stacked drives", {{"case", "bench-stacked-case"}}};
    for (int k = 0; k < 3000; ++k) {
      std::string name = "HDD_" + std::to_string(k);
      bays.push_back(
          {{"name", name}, {"sizes", {"3.5in"}}, {"x_mm", 235}, {"y_mm", 0}, {"z_mm", 79}});
      b.instances.push_back({"d" + std::to_string(k), "wd-blue-wd10ealx", "case", name});
    }
    Catalog big = *Catalog::load(root + "/parts");
    (void)big.add(*parsePart(stacked, "synthetic"));
    Result<Assembly> sa = assemble(b, big);
    if (!sa) {
      std::fprintf(stderr, "rigfit-bench: %s\n", sa.error().message().c_str());
      return 2;
    }
    size_t findings = 0;
    double t = medianSeconds(1, [&] { findings = check(*sa).findings.size(); });
    row("check of 3,000 stacked drives (4.5 M overlaps)", t * 1e3, "ms", "< 2000 ms", t < 2.0);
    std::printf("    (%zu findings: 50 overlaps listed, the rest counted)\n", findings);
  }

  // The viewer's frame: the 3D view drawn at 1280x800 (offscreen, the same painter as the
  // window), and the live fit check a drag adds to each frame (snap: every free mount probed).
  if (auto gl = render::makeRenderer("gl")) {
    render::MeshLibrary meshes({RIGFIT_GENERATED_ASSETS});
    render::Scene scene = render::sceneOf(a, check(a).findings, &meshes);
    double frameMs =
        medianSeconds(5,
                      [&] {
                        sink =
                            sink + static_cast<double>(
                                       (*gl)->render(scene, render::View::Iso, 1280, 800)->rgba[0]);
                      }) *
        1e3;
    row("3D view of the article build at 1280x800 (llvmpipe)", frameMs, "ms", "< 16 ms (issue 3)",
        frameMs < 16);
    size_t triangles = 0;
    for (const render::DrawMesh& m : scene.meshes)
      triangles += m.mesh->triangles();
    std::printf(
        "    (offscreen render with read-back, %zu parts drawn from meshes, %zu triangles;\n"
        "     the window's frame with ImGui's panels is measured by the end-to-end test)\n",
        scene.meshes.size(), triangles);
    // Reading a card's and a PSU's mesh from disk, as the first frame that shows them does.
    const Part* card = a.items[static_cast<size_t>(a.indexOf("gpu1").value())].part;
    const Part* psu = a.items[static_cast<size_t>(a.indexOf("psu").value())].part;
    double loadMs = medianSeconds(5,
                                  [&] {
                                    render::MeshLibrary cold({RIGFIT_GENERATED_ASSETS});
                                    sink = sink + static_cast<double>(cold.of(*card)->triangles() +
                                                                      cold.of(*psu)->triangles());
                                  }) *
                    1e3;
    std::printf("  %-52s %12.3f ms     (no target: once per part, cached)\n",
                "loading the card's and the PSU's meshes (glTF + OBJ)", loadMs);
  } else {
    std::printf("  3D view: no OpenGL context here, not measured\n");
  }
  {
    auto session =
        viewer::Session::open(*Catalog::load(root + "/parts"), root + "/scenes/article-build.json");
    if (session) {
      auto project = [](const glm::dvec3& p) { return glm::vec2(p.x, p.y); };
      double snapUs =
          medianSeconds(200,
                        [&] {
                          auto s = (*session)->snap("evga-rtx2060-xc", project, {300, 200}, 90);
                          sink = sink + (s ? s->answer.marginMm : 0.0);
                        }) *
          1e6;
      row("live fit check per frame while dragging a card", snapUs, "us", "< 1000 us (issue 3)",
          snapUs < 1000);
    }
  }

  std::printf("\nthe open parts database (issue 13): %s\n", "BuildCores OpenDB, every row");
  openDbRows(root, *catalog, build->build);

  std::printf("\npart lists (issue 15): %s\n", "a PCPartPicker list imported and checked");
  partLists(root, *catalog);

  std::printf("\nbox clearance, engine against FCL %s (signed distance, default GJK solver)\n",
              "0.7");
  // The article build's own pairs of bodies: PC parts sit square, so these are aligned boxes.
  const World& w = a.world();
  std::vector<BoxPair> buildPairs;
  for (size_t i = 0; i < w.solids.size(); ++i)
    for (size_t j = i + 1; j < w.solids.size(); ++j)
      if (w.solids[i].item != w.solids[j].item)
        buildPairs.push_back({w.solids[i].box, w.solids[j].box});
  double r1 = compareWithFcl("the article build's solid pairs", buildPairs);
  // Rotated boxes, seeded: the general path (SAT, then GJK when apart).
  std::mt19937 rng(12345);
  std::normal_distribution<double> g(0.0, 1.0);
  std::uniform_real_distribution<double> size(5.0, 150.0), pos(-150.0, 150.0);
  auto randomBox = [&] {
    glm::dquat q = glm::normalize(glm::dquat(g(rng), g(rng), g(rng), g(rng)));
    return geo::Box{{geo::Mat3(glm::mat3_cast(q)), {pos(rng), pos(rng), pos(rng)}},
                    geo::Vec3(size(rng), size(rng), size(rng)) * 0.5};
  };
  std::vector<BoxPair> rotated;
  for (int i = 0; i < 2000; ++i)
    rotated.push_back({randomBox(), randomBox()});
  double r2 = compareWithFcl("seeded rotated box pairs", rotated);
  std::printf("\n%s\n", r1 >= 5.0 && full < 50e-6 && 1.0 / per >= 200000 && proc < 100
                            ? "all issue-2 targets met"
                            : "some targets NOT met (see above)");
  (void)r2;
  return 0;
}
