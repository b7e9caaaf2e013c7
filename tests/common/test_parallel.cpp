// Work over the cores: every item done once, and a failure reported, not lost.
#include "common/parallel.hpp"

#include <atomic>
#include <catch2/catch.hpp>
#include <stdexcept>
#include <vector>

using namespace rigfit;

TEST_CASE("parallelFor: every item once, whatever the number of threads", "[common]") {
  for (std::size_t n : {0u, 1u, 2u, 7u, 1000u})
    for (unsigned most : {1u, 2u, 16u}) {
      std::vector<std::atomic<int>> done(n);
      parallelFor(
          n, [&](std::size_t i) { ++done[i]; }, most);
      for (std::size_t i = 0; i < n; ++i)
        CHECK(done[i] == 1);
    }
}

TEST_CASE("parallelFor: an exception in one item is thrown once all threads stopped", "[common]") {
  std::atomic<int> ran{0};
  CHECK_THROWS_WITH(parallelFor(500,
                                [&](std::size_t i) {
                                  ++ran;
                                  if (i == 123) throw std::runtime_error("item 123");
                                }),
                    "item 123");
  CHECK(ran >= 1);
  CHECK(ran <= 500);
}
