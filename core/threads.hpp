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

// The products and gathered deliveries take their thread counts from the CPU cost model
// (core/cpu_cost_model.hpp: a parallel region's measured cost against the time it saves).

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
