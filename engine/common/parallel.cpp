#include "common/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace rigfit {

void parallelFor(std::size_t n, const std::function<void(std::size_t)>& body, unsigned most) {
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  std::size_t threads = std::min<std::size_t>({n, cores, std::max(1u, most)});
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i)
      body(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failureLock;
  auto work = [&] {
    try {
      for (std::size_t i = next++; i < n; i = next++)
        body(i);
    } catch (...) {
      std::lock_guard<std::mutex> hold(failureLock);
      if (!failure) failure = std::current_exception();
      next = n; // the others stop at their next item
    }
  };
  std::vector<std::thread> helpers;
  try {
    for (std::size_t t = 1; t < threads; ++t)
      helpers.emplace_back(work);
  } catch (const std::system_error&) {
    // No more threads to be had: the ones started and this one do the work.
  }
  work();
  for (std::thread& h : helpers)
    h.join();
  if (failure) std::rethrow_exception(failure);
}

} // namespace rigfit
