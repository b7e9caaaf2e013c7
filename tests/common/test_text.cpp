// The nearest words to a typo: what "did you mean" offers.
#include "common/text.hpp"

#include <catch2/catch.hpp>

using namespace rigfit;

TEST_CASE("nearest words: a typo's nearest choices, nothing for nonsense", "[common]") {
  const std::vector<std::string> commands{"check", "solve", "report", "render", "parts", "view"};
  CHECK(nearestWords("chek", commands) == std::vector<std::string>{"check"});    // dropped
  CHECK(nearestWords("cehck", commands) == std::vector<std::string>{"check"});   // swapped
  CHECK(nearestWords("REPORT", commands) == std::vector<std::string>{"report"}); // case
  CHECK(nearestWords("rendr", commands) == std::vector<std::string>{"render"});
  CHECK(nearestWords("frobnicate", commands).empty());
  CHECK(nearestWords("x", commands).empty()); // one letter: nothing is a typo of it
  // Equally near: both, in the choices' order.
  CHECK(nearestWords("--max-lenght", {"--min-length", "--max-length", "--max-thickness"}) ==
        std::vector<std::string>{"--max-length"});
  CHECK(nearestWords("pats", {"parts", "paste"}) == std::vector<std::string>{"parts"});
  CHECK(nearestWords("rtx4090", {"rtx-4090", "rtx-4080", "gtx-1080"}) ==
        std::vector<std::string>{"rtx-4090"});
}

TEST_CASE("decimalEnd: where a number written in words ends", "[common]") {
  const std::string t = "gap 12.5 mm, 7. mm, x3 and 40";
  CHECK(decimalEnd(t, 4) == 8);               // "12.5"
  CHECK(decimalEnd(t, 13) == 14);             // "7." is 7: no digit after the point
  CHECK(decimalEnd(t, 0) == 0);               // no digit there
  CHECK(decimalEnd(t, 21) == 22);             // the 3 of "x3"
  CHECK(decimalEnd(t, 27) == t.size());       // at the end of the text
  CHECK(decimalEnd(t, t.size()) == t.size()); // past it: nothing
}
