#include "bench/memory_bandwidth.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "core/timer.hpp"

namespace evsim {

double cpu_read_bandwidth(int threads) {
  constexpr size_t kWords = size_t(64) << 20;  // 256 MB of 32-bit words
  // Integer sums: associative, so the loop vectorizes (a float sum is one dependent add
  // after another and measured a quarter of the bandwidth).
  static std::vector<uint32_t> buffer(kWords, 1u);
  const int t = std::max(1, threads);
  double best = 1e30, sink = 0.0;
  for (int pass = 0; pass < 4; ++pass) {
    Stopwatch clock;
    uint32_t total = 0;
#ifdef _OPENMP
#pragma omp parallel for num_threads(t) reduction(+ : total) schedule(static)
#endif
    for (size_t i = 0; i < kWords; ++i) total += buffer[i];
    const double s = clock.seconds();
    sink += total;
    if (pass > 0) best = std::min(best, s);  // the first pass also faults the pages in
  }
  return sink > 0 ? static_cast<double>(kWords * sizeof(uint32_t)) / best : 0.0;
}

}  // namespace evsim
