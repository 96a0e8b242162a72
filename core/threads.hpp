#pragma once
// Threads of the CPU backends (`--threads`; default: every core). Both modes use them: dense
// mode through row ranges of its products (network/dense_product.hpp), event mode through
// gathered delivery, each thread owning a range of output rows, so counts are identical and
// outputs bit-identical for any thread count.
#include <algorithm>
#include <cstdint>

namespace evsim {

int cpu_threads();
void set_cpu_threads(int n);  // n >= 1 (Eigen itself stays on one thread)

// Threads for a parallel loop of `work` units when each thread should get at least
// `per_thread` (1 .. threads): every thread a region wakes costs microseconds (libgomp wakes
// sleeping workers one after another), which on 16 cores made a small step 4x slower than on 8.
inline int threads_for_work(double work, double per_thread, int threads) {
  const double useful = work / per_thread;
  return useful < 2.0 ? 1 : static_cast<int>(std::min<double>(useful, std::max(1, threads)));
}

// Work per thread at least in event mode's gathered paths (network/gathered_delivery.cpp; the
// CPU cost model divides by the same thread counts): multiply-adds of dense columns, non-zeros
// of pruned columns. A non-zero costs about 3x a multiply-add on one core, but the pruned path
// scales worse (each thread reads a short piece of every active column; on the device host's
// 16 Xeon cores, hidden 4096, 10 % density and activity: 951 / 332 / 423 / 694 us on 1 / 4 / 8 /
// 16 threads), so both take the same threshold.
inline constexpr double kGatherParallelWork = 1 << 16;

// f(begin, end) over [0, n) in one contiguous range per thread, each of at least `min_range`
// items (a fork-join costs microseconds: small loops stay on the calling thread). For loops
// whose items are independent, so the result never depends on the thread count.
template <class F>
void parallel_ranges(int64_t n, int64_t min_range, F&& f) {
  const auto t = static_cast<int>(std::min<int64_t>(cpu_threads(), n / std::max<int64_t>(1, min_range)));
  if (t <= 1) {
    if (n > 0) f(int64_t{0}, n);
    return;
  }
#ifdef _OPENMP
#pragma omp parallel for num_threads(t) schedule(static)
#endif
  for (int c = 0; c < t; ++c) f(n * c / t, n * (c + 1) / t);
}

}  // namespace evsim
