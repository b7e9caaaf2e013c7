// libFuzzer: any bytes as a build file, against the real catalog. A build that reads and
// assembles is checked, asked "will another card fit?", and written in every output format;
// none of it may crash, hang, leak or trip UBSan.
#include "assembly/build_json.hpp"
#include "common/json_in.hpp"
#include "fit/fit.hpp"
#include "report/format.hpp"
#include "report/report.hpp"
#include "solve/solve.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

const rigfit::Catalog& catalog() {
  static const rigfit::Catalog c = [] {
    auto loaded = rigfit::Catalog::load(std::string(RIGFIT_SOURCE_DIR) + "/parts");
    if (!loaded) std::abort(); // the harness cannot run without the catalog
    return std::move(loaded).value();
  }();
  return c;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace rigfit;
  std::string text(reinterpret_cast<const char*>(data), size);
  Result<nlohmann::json> j = parseJsonText(text, "fuzz.json");
  if (!j) return 0;
  Result<Build> b = parseBuild(*j, "fuzz.json");
  if (!b) return 0;
  (void)toJson(*b).dump(); // what a save would write
  Result<Assembly> a = assemble(*b, catalog(), "fuzz.json");
  if (!a) return 0;
  FitResult r = check(*a);
  for (Format f : {Format::Text, Format::Markdown, Format::Json})
    (void)formatCheck(*b, r, f);
  if (b->instances.size() <= 16) {
    auto trials = solveAdd(*b, catalog(), "evga-rtx2060-xc");
    if (trials) (void)formatTrials("fuzz", *trials, Format::Markdown);
  }
  Report rep = makeReport(*b, *a, catalog(), {});
  (void)toHtml(rep);
  (void)toMarkdown(rep);
  (void)toJson(rep).dump();
  return 0;
}
