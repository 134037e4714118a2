//===- ParallelForEach.h - a worker pool over an index range ----*- C++ -*-===//

#ifndef QOPT_SUPPORT_PARALLELFOREACH_H
#define QOPT_SUPPORT_PARALLELFOREACH_H

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace qopt {

/// The worker count for a `--jobs` value: 0 means every core.
inline unsigned resolveJobs(unsigned jobs) {
  return jobs ? jobs : std::max(1u, std::thread::hardware_concurrency());
}

/// Calls `body(state, index)` once for every index in [0, count) on `jobs`
/// threads (0: every core), handing out indices in order as threads free
/// up, and returns when all calls have. Each thread first makes its own
/// `state = makeState()` (such as an MLIRContext) and reuses it. `body` must
/// be safe to call concurrently.
template <typename MakeState, typename Body>
void parallelForEachWithState(size_t count, unsigned jobs, MakeState makeState,
                              Body body) {
  unsigned threads =
      std::min<size_t>(resolveJobs(jobs), std::max<size_t>(count, 1));
  std::atomic<size_t> next{0};
  auto worker = [&] {
    auto state = makeState();
    for (size_t index = next++; index < count; index = next++)
      body(state, index);
  };
  if (threads <= 1) {
    worker();
    return;
  }
  std::vector<std::thread> pool;
  for (unsigned i = 0; i < threads; ++i)
    pool.emplace_back(worker);
  for (std::thread &thread : pool)
    thread.join();
}

/// parallelForEachWithState without per-thread state: `body(index)`.
template <typename Body>
void parallelForEach(size_t count, unsigned jobs, Body body) {
  parallelForEachWithState(
      count, jobs, [] { return 0; }, [&](int, size_t index) { body(index); });
}

} // namespace qopt

#endif // QOPT_SUPPORT_PARALLELFOREACH_H
