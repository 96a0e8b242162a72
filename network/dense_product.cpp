#include "network/dense_product.hpp"

#include <Eigen/Core>
#include <algorithm>

#include "core/threads.hpp"
#include "network/batched_product.hpp"

namespace evsim {
namespace {

// Eigen stays on one thread (core/threads.cpp says it too, but only once someone asks for the
// thread count): otherwise its blocking, and so the sums, follow omp_get_max_threads().
[[maybe_unused]] const bool eigen_on_one_thread = (Eigen::setNbThreads(1), true);

// Multiply-adds per thread at least (a fork-join costs microseconds).
constexpr double kParallelWork = 1 << 18;
constexpr int64_t kPanel = 48;

template <typename Op>
void by_rows(const Matrix& w, const Matrix& x, int threads, Op op) {
  const int64_t rows = w.rows();
  const double work = double(rows) * double(w.cols()) * double(x.cols());
  const int t = threads_for_work(work, kParallelWork, threads);
  if (t == 1) {
    op(0, rows);
    return;
  }
  // Multiples of Eigen's row panels (3 packets: 48 floats with AVX-512, 24 with AVX2): every
  // range then meets its rows in the panels a single call would, and the leftover rows of
  // the last panel in the same kernel, so each output sums in the same order.
  const int64_t chunk = ((rows + t - 1) / t + kPanel - 1) / kPanel * kPanel;
#ifdef _OPENMP
#pragma omp parallel for num_threads(t) schedule(static)
#endif
  for (int c = 0; c < t; ++c) {
    const int64_t r0 = std::min(rows, c * chunk);
    int64_t r1 = std::min(rows, r0 + chunk);
    if (rows - r1 < kPanel) r1 = rows;  // no short last range: one row would be a GEMV
    if (r0 < r1 && (c == 0 || rows - r0 >= kPanel)) op(r0, r1 - r0);
  }
}

}  // namespace

void dense_product(const Matrix& w, const Matrix& x, Matrix& y, int threads) {
  if (x.cols() > 1) {
    y.setZero(w.rows(), x.cols());
    batched_product_add(w, x, y, threads);
    return;
  }
  y.resize(w.rows(), x.cols());
  by_rows(w, x, threads, [&](int64_t r0, int64_t n) { y.middleRows(r0, n).noalias() = w.middleRows(r0, n) * x; });
}

void dense_product_add(const Matrix& w, const Matrix& x, Matrix& y, int threads) {
  if (x.cols() > 1) return batched_product_add(w, x, y, threads);
  by_rows(w, x, threads, [&](int64_t r0, int64_t n) { y.middleRows(r0, n).noalias() += w.middleRows(r0, n) * x; });
}

}  // namespace evsim
