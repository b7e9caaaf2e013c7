#pragma once
// Work spread over the machine's cores: the same job for many independent items (every card
// of the catalog tried at a slot, every row of a snapshot file read).
#include <cstddef>
#include <functional>

namespace rigfit {

// Calls `body(i)` once for every i in [0, n), on up to the machine's cores (at most `most`
// threads, the calling one among them), in no particular order; returns when all are done.
// `body` must be safe to run for two different i at once. An exception `body` throws is
// thrown here, after every thread has stopped.
void parallelFor(std::size_t n, const std::function<void(std::size_t)>& body, unsigned most = 16);

} // namespace rigfit
