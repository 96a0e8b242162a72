#pragma once
// Threads of the CPU backends (`--threads`; default: every core). Both modes use them: dense
// mode through row ranges of its products (network/dense_product.hpp), event mode through
// gathered delivery, each thread owning a range of output rows, so counts are identical and
// outputs bit-identical for any thread count.
#include <algorithm>
#include <cstdint>
#ifdef _OPENMP
#include <omp.h>
#endif

namespace evsim {

int cpu_threads();
void set_cpu_threads(int n);  // n >= 1 (Eigen itself stays on one thread)
// The count without `--threads`: OMP_NUM_THREADS where it names one (its first entry, as
// OpenMP reads it), as users of OpenMP programs expect; every core otherwise. Fork-join regions
// of microseconds wait for their slowest thread, so cores busy with other work cost more than
// they give: the p00 checkpoint's event-mode eval on this 2-core VM took 9.3 s idle, 35 s on both
// cores beside one busy process, 16 s on one (docs/measurements.md).
int default_cpu_threads(const char* omp_num_threads, unsigned cores);

// The products and gathered deliveries take their thread counts from the CPU cost model
// (core/cpu_cost_model.hpp: a parallel region's measured cost against the time it saves).

// f(c) for every c in [0, t), on t threads of a team whose size never changes from region to
// region (cpu_threads(), or t if more): the threads past t return at once. On the device host
// (16 KVM vCPUs, libgomp) a region cost 5 us while every region had the same team and a
// median 30-490 us (p90 650 us) when the size alternated between 16 and 4, the threads the
// smaller team did not use being put to sleep and woken again (docs/measurements.md): the
// default model's dense mode ran 2.5x slower on 16 threads than on one while its products
// forked 3 to 16 threads each. Nested in another region (a team of one), one thread runs all.
template <class F>
void on_threads(int t, F&& f) {
  if (t <= 1) {
    f(0);
    return;
  }
#ifdef _OPENMP
#pragma omp parallel num_threads(std::max(t, cpu_threads()))
  for (int c = omp_get_thread_num(); c < t; c += omp_get_num_threads()) f(c);
#else
  for (int c = 0; c < t; ++c) f(c);
#endif
}

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
  on_threads(t, [&](int c) { f(n * c / t, n * (c + 1) / t); });
}

}  // namespace evsim
