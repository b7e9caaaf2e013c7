// libFuzzer: any bytes as a pasted part list. The reader gives a list or an Error saying what it
// expected; a list is matched against the curated catalog, placed into a build, checked, and
// written back as a part list. Nothing crashes, hangs or leaks on the way.
#include "catalog/catalog.hpp"
#include "fit/ranged.hpp"
#include "partlist/export.hpp"
#include "partlist/import.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace {

struct Setup {
  rigfit::Catalog catalog;
  rigfit::Listings listings;
  std::unique_ptr<rigfit::ListMatcher> matcher;
};

const Setup& setup() {
  static const Setup s = [] {
    Setup out;
    out.catalog = rigfit::Catalog::load(RIGFIT_SOURCE_DIR "/parts").value();
    out.listings = rigfit::allListings(out.catalog, nullptr);
    out.matcher = std::make_unique<rigfit::ListMatcher>(out.listings.all);
    return out;
  }();
  return s;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Setup& s = setup();
  std::string text(reinterpret_cast<const char*>(data), size);
  rigfit::Result<rigfit::PartList> list = rigfit::parsePartList(text, "fuzz.md");
  if (!list) return 0;
  rigfit::Catalog catalog = s.catalog;
  rigfit::Result<rigfit::ImportedList> imported =
      rigfit::importPartList(*list, "fuzz", catalog, nullptr, *s.matcher);
  if (!imported || imported->build.instances.empty()) return 0;
  rigfit::Result<rigfit::Assembly> a = rigfit::assemble(imported->build, catalog);
  if (!a) return 0;
  rigfit::Report r = rigfit::makeReport(imported->build, *a, catalog);
  (void)rigfit::partListMarkdown(r, catalog, "fuzz");
  return 0;
}
