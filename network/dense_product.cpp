#include "network/dense_product.hpp"

#include <Eigen/Core>
#include <algorithm>

#include "core/cpu_cost_model.hpp"
#include "core/threads.hpp"
#include "network/batched_product.hpp"
#include "network/column_fma.hpp"

namespace evsim {
namespace {

// Eigen stays on one thread (core/threads.cpp says it too, but only once someone asks for the
// thread count): otherwise its blocking, and so the sums, follow omp_get_max_threads().
[[maybe_unused]] const bool eigen_on_one_thread = (Eigen::setNbThreads(1), true);

// y[r0, r1) += W[r0, r1), :] x, a few columns a pass. Eigen's GEMV was replaced: on the
// device host's 16 Xeon threads (hidden 4096, a GRU step's two 12288 x 4096 products) it ran
// 1.6-2.4 ms against 1.25-1.30 ms for this loop at four columns a pass (micro-benchmark,
// docs/measurements.md). Eight columns a pass where a thread's outputs stay in L1, else four
// (on a Zen 4 core: 2 threads of 6144 rows 0.95 vs 1.35 ms; one thread of 12288 rows 11.0 vs
// 9.7 ms); the sums are the same either way.
void add_product_rows(const Matrix& w, const float* x, float* y, int64_t r0, int64_t r1) {
  const int64_t rows = w.rows(), cols = w.cols();
  const int64_t per_pass = r1 - r0 <= 4096 ? kMaxColumnsPerPass : 4;
  const float* col[kMaxColumnsPerPass];
  for (int64_t j = 0; j < cols; j += per_pass) {
    const int n = static_cast<int>(std::min(per_pass, cols - j));
    for (int g = 0; g < n; ++g) col[g] = w.data() + (j + g) * rows;
    add_columns(y, col, x + j, n, r0, r1);
  }
}

// Ranges of whole cache lines of outputs (16 floats), one per thread.
void add_product(const Matrix& w, const Matrix& x, Matrix& y, int threads) {
  const int64_t rows = w.rows();
  const int t = product_threads(cpu_cost_model(), rows, w.cols(), 1, threads);
  if (t == 1) return add_product_rows(w, x.data(), y.data(), 0, rows);
  const int64_t chunk = ((rows + t - 1) / t + 15) / 16 * 16;
  on_threads(t, [&](int c) {
    const int64_t r0 = std::min(rows, c * chunk), r1 = std::min(rows, r0 + chunk);
    if (r0 < r1) add_product_rows(w, x.data(), y.data(), r0, r1);
  });
}

}  // namespace

void dense_product(const Matrix& w, const Matrix& x, Matrix& y, int threads) {
  y.setZero(w.rows(), x.cols());
  dense_product_add(w, x, y, threads);
}

void dense_product_add(const Matrix& w, const Matrix& x, Matrix& y, int threads) {
  if (x.cols() > 1) return batched_product_add(w, x, y, threads);
  add_product(w, x, y, threads);
}

}  // namespace evsim
