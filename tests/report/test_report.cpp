// The fit report's content, and that nothing a part is named can inject markup.
#include "report/report.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

namespace {

Report reportOf(const Build& b, const Catalog& c, bool withSolve = false) {
  Assembly a = assembled(b, c);
  ReportOptions o;
  o.withSolve = withSolve;
  return makeReport(b, a, c, o);
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_CASE("the answer on top says where another card fits, and by how much", "[report]") {
  Report r = reportOf(scene("article-build"), seedCatalog());
  CHECK_THAT(r.answer, Catch::StartsWith("A second EVGA GeForce RTX 2060 XC GAMING (1 fan) fits in "
                                         "PCIEX16_2 with 5.1 mm to the cooler of gpu1"));
  CHECK_THAT(r.answer, Catch::Contains("fans then breathe through 5.1 mm"));
  Report two = reportOf(scene("article-two-gpus"), seedCatalog());
  CHECK_THAT(two.answer,
             Catch::StartsWith("Another EVGA GeForce RTX 2060 XC GAMING (1 fan) does not fit"));
  CHECK_THAT(two.answer, Catch::Contains("overlap by 15.2 mm")); // 40.64 - 55.88 in PCIEX16_3
  // A build that does not fit leads with its first problem.
  Report bad = reportOf(scene("article-bottom-slot"), seedCatalog());
  CHECK_FALSE(bad.fits);
  CHECK_THAT(bad.answer, Catch::StartsWith("This build does not fit: gpu2"));
  CHECK_THAT(bad.answer, Catch::Contains("1 more problem below"));
  // One that fails at the figures taken and fits at others says both, as its verdict does: the
  // NH-D15's overhang, at the RAM clearance taken for it, is 2 mm short of the module.
  Report depends = reportOf(fiveFansNhD15(), seedCatalog());
  CHECK_THAT(depends.answer, Catch::StartsWith("At the figures taken this build does not fit: "
                                               "cooler (Noctua NH-D15"));
  CHECK_THAT(depends.answer, Catch::EndsWith("At some values they could take, it fits: it depends "
                                             "on estimated figures; what to look up is named "
                                             "below."));
  CHECK_THAT(depends.deciding, Catch::StartsWith("No one figure decides it"));
}

TEST_CASE("HTML: one row per check, three drawings, sources, what was not checked", "[report]") {
  Report r = reportOf(scene("article-build"), seedCatalog(), true);
  std::string html = toHtml(r);
  CHECK(count(html, "<tr class=\"finding ") == r.findings.size());
  CHECK(count(html, "<svg ") == 3);
  CHECK(count(html, "<tr class=\"trial\">") == r.solve.size());
  CHECK(r.solve.size() == 5);
  CHECK_THAT(html, Catch::Contains("open-db/GPU/8d254602")); // the XC's length source
  REQUIRE(r.notChecked.size() == 1);
  CHECK_THAT(r.notChecked[0], Catch::Contains("no maximum PSU length"));
  CHECK_THAT(html, Catch::Contains("3D renders were skipped"));
  CHECK(html.find("<script") == std::string::npos); // self-contained, nothing to run
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));
}

TEST_CASE("names with markup, quotes and non-ASCII appear as text", "[report]") {
  nlohmann::json gpu = partJson("evga-rtx2060-xc");
  gpu["name"] = "Évga <script>alert(1)</script> \"Black\" & 'Co' | ½-slot";
  Catalog cat = catalogWith({gpu});
  Build b = scene("article-build");
  b.name = "Jürgen's <b>build</b> & co";
  Report r = reportOf(b, cat);
  std::string html = toHtml(r);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<b>build</b>") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("Évga &lt;script&gt;alert(1)&lt;/script&gt; &quot;Black&quot; "
                                   "&amp; &#39;Co&#39; | ½-slot"));
  CHECK_THAT(html, Catch::Contains("Jürgen&#39;s &lt;b&gt;build&lt;/b&gt; &amp; co"));
  std::string md = toMarkdown(r);
  CHECK_THAT(md,
             Catch::Contains("Évga \\<script\\>alert(1)\\</script\\> \"Black\" & 'Co' \\| ½-slot"));
  // JSON carries the name exactly, whatever it holds.
  nlohmann::json j = nlohmann::json::parse(toJson(r).dump());
  CHECK(j["parts"][7]["name"] == gpu["name"]);
  CHECK(j["build"] == b.name);
}

TEST_CASE("JSON: two reports of one build are byte-identical", "[report]") {
  Report a = reportOf(scene("article-two-gpus"), seedCatalog(), true);
  Report b = reportOf(scene("article-two-gpus"), seedCatalog(), true);
  CHECK(toJson(a).dump(2) == toJson(b).dump(2));
  nlohmann::json j = toJson(a);
  CHECK(j["rigfit_report"] == kReportJsonVersion);
  CHECK(j["findings"].size() == a.findings.size());
  CHECK(j["solve"]["trials"].size() == 4);
}
