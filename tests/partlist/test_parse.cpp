// Reading a PCPartPicker part list in each form it travels in (issue 15), from lists written for
// these tests: the seed article's build, and broken ones.
#include "common/file.hpp"
#include "partlist/parse.hpp"
#include "support/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;
using namespace rigfit::test;

namespace {

Result<PartList> parseFile(const std::string& name) {
  std::string path = sourcePath("tests/partlist/lists/" + name);
  Result<std::string> text = readFileText(path);
  REQUIRE(text);
  return parsePartList(*text, name);
}

// The seed article's eight parts, in the list's order, as every form of it must give them.
void requireArticle(const PartList& list, bool links) {
  const std::vector<std::pair<std::string, std::string>> want = {
      {"CPU", "AMD Ryzen 7 2700X 3.7 GHz 8-Core Processor"},
      {"CPU Cooler", "AMD Wraith Prism RGB CPU Cooler"},
      {"Motherboard", "Asus PRIME X470-PRO ATX AM4 Motherboard"},
      {"Memory", "Corsair Vengeance LPX 16 GB (2 x 8 GB) DDR4-3000 CL15 Memory"},
      {"Storage", "Samsung 970 Evo 1 TB M.2-2280 NVME Solid State Drive"},
      {"Video Card", "EVGA GeForce RTX 2060 6 GB XC GAMING Video Card"},
      {"Case", "Fractal Design Focus G ATX Mid Tower Case"},
      {"Power Supply",
       "GameMax RGB Rainbow 850 W 80+ Bronze Certified Semi-modular ATX Power Supply"}};
  std::vector<const ListItem*> parts;
  for (const ListItem& it : list.items)
    if (it.category) parts.push_back(&it);
  REQUIRE(parts.size() == want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    CHECK(parts[i]->type == want[i].first);
    CHECK(parts[i]->name == want[i].second);
    CHECK(parts[i]->url.empty() != links);
  }
  CHECK(parts[0]->category == Category::Cpu);
  CHECK(parts[1]->category == Category::Cooler);
  CHECK(parts[5]->category == Category::Gpu);
  CHECK(parts[7]->category == Category::Psu);
  CHECK(list.unreadable.empty());
}

} // namespace

TEST_CASE("part lists: PCPartPicker's Markdown export, as written and as a forum re-pads it") {
  Result<PartList> md = parseFile("article.md");
  REQUIRE(md);
  CHECK(md->format == "markdown");
  requireArticle(*md, true);
  CHECK(md->items[5].url == "https://pcpartpicker.com/product/WbMwrH/"
                            "evga-geforce-rtx-2060-6-gb-xc-gaming-video-card-06g-p4-2063-kr");
  CHECK(md->items[5].price == "$349.99 @ B&H");
  CHECK(md->items[1].price == "-");
  REQUIRE(md->items.size() == 9); // and the monitor, which rigfit does not model
  CHECK(md->items[8].type == "Monitor");
  CHECK_FALSE(md->items[8].category);
  CHECK(md->items[8].line == 13);

  Result<PartList> forum = parseFile("article-forum.md");
  REQUIRE(forum);
  CHECK(forum->format == "markdown");
  requireArticle(*forum, true);
  CHECK(forum->items.size() == 8);
  CHECK(forum->items[0].line == 5);

  // Typed into a rich-text editor (Reddit's), every mark of the table comes back escaped.
  Result<PartList> escaped = parseFile("article-escaped.md");
  REQUIRE(escaped);
  requireArticle(*escaped, true);
  CHECK(escaped->items[5].url == md->items[5].url);
  CHECK(escaped->items[5].price == "$349.99 @ B&H");
}

TEST_CASE("part lists: a backslash keeps a mark in a cell, not a new cell") {
  Result<PartList> list = parsePartList("Type|Item|Price\n:--|:--|:--\n"
                                        "**Case** | Maker A\\|B Tower \\[White\\] | $1\n"
                                        "**CPU** | [AMD Ryzen 5 5600X](https://x.example/p) | $2\n",
                                        "escapes.md");
  REQUIRE(list);
  REQUIRE(list->items.size() == 2);
  CHECK(list->items[0].name == "Maker A|B Tower [White]");
  CHECK(list->items[0].price == "$1");
  CHECK(list->items[1].name == "AMD Ryzen 5 5600X");
  CHECK(list->items[1].url == "https://x.example/p");
}

TEST_CASE("part lists: the HTML export, inside a page") {
  Result<PartList> html = parseFile("article.html");
  REQUIRE(html);
  CHECK(html->format == "html");
  requireArticle(*html, true);
  CHECK(html->items[5].price == "$349.99 @ B&H"); // the entity decoded
  REQUIRE(html->items.size() == 9);
  CHECK(html->items[8].type == "Operating System");
  CHECK_FALSE(html->items[8].category);
}

TEST_CASE("part lists: the text export and a list page's text, with tabs or spaces, quoted") {
  Result<PartList> text = parseFile("article.txt");
  REQUIRE(text);
  CHECK(text->format == "text");
  requireArticle(*text, false);
  CHECK(text->items[0].price == "$159.99 @ Amazon");
  CHECK(text->items[1].price.empty());
  REQUIRE(text->items.size() == 9); // the keyboard; not the total, the notes or the list's link
  CHECK(text->items[8].type == "Keyboard");

  Result<PartList> page = parseFile("article-page.txt");
  REQUIRE(page);
  CHECK(page->format == "list page text");
  requireArticle(*page, false);
  CHECK(page->items[0].price == "$159.99");

  Result<PartList> spaces = parseFile("article-page-spaces.txt");
  REQUIRE(spaces);
  requireArticle(*spaces, false);
  CHECK(spaces->items[2].price == "$149.99"); // a bare price at the end is not the name's
}

TEST_CASE("part lists: broken ones are read as far as they go, or refused with why") {
  Result<PartList> cut = parseFile("truncated.md");
  REQUIRE(cut);
  REQUIRE(cut->items.size() == 3); // CPU, cooler, board; the memory's row is cut in its link
  REQUIRE(cut->unreadable.size() == 1);
  CHECK_THAT(cut->unreadable[0], Catch::Contains("line 8") && Catch::Contains("Memory") &&
                                     Catch::Contains("cut short"));

  Result<PartList> noTable = parseFile("no-table.html");
  REQUIRE_FALSE(noTable);
  CHECK_THAT(noTable.error().message(),
             Catch::Contains("no-table.html") && Catch::Contains("no part list"));

  Result<PartList> empty = parseFile("empty.txt");
  REQUIRE_FALSE(empty);
  CHECK_THAT(empty.error().message(), Catch::Contains("empty.txt") && Catch::Contains("empty"));

  Result<PartList> prose = parsePartList("I have a Ryzen and a 2060, will it fit?\n", "post.txt");
  REQUIRE_FALSE(prose);
  CHECK_THAT(prose.error().message(), Catch::Contains("no part list"));

  Result<PartList> monitor = parseFile("monitor-only.txt");
  REQUIRE(monitor); // read: the import says it holds nothing rigfit checks
  REQUIRE(monitor->items.size() == 1);
  CHECK_FALSE(monitor->items[0].category);
}

TEST_CASE("part lists: PCPartPicker's types, modelled or not") {
  bool known = false;
  CHECK(categoryOfListType("CPU Cooler", &known) == Category::Cooler);
  CHECK(known);
  CHECK(categoryOfListType("video card") == Category::Gpu);
  CHECK_FALSE(categoryOfListType("Monitor", &known));
  CHECK(known);
  CHECK_FALSE(categoryOfListType("Toaster", &known));
  CHECK_FALSE(known);
}
