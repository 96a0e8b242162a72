#include "neurons/egru_cell.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"
#include "core/threads.hpp"
#include "neurons/egru_update.hpp"
#include "neurons/vector_math.hpp"

namespace evsim {

// Units are independent: threads take ranges of (sample, unit) pairs once a step has enough of
// them (the update costs ~50-100 ns per unit; at hidden 4096 it was most of an event step).
constexpr int64_t kUnitsPerThread = 1024;

template <bool kBias>
void EgruCell::run(const Matrix& a, const float* b_ih, const Matrix& h, const float* b_hh, Matrix& y) {
  const Eigen::Index H = hidden();
  y.resize(H, a.cols());
  parallel_ranges(H * a.cols(), kUnitsPerThread, [&](int64_t k0, int64_t k1) {
    for (int64_t k = k0; k < k1;) {  // the range cut into one contiguous run of units per sample
      const Eigen::Index b = k / H, i0 = k % H, i1 = std::min<int64_t>(H, i0 + (k1 - k));
      const float *ab = a.col(b).data(), *hb = h.col(b).data(), *th = theta_.data();
      float *yb = y.col(b).data(), *cb = c_.col(b).data();
#pragma omp simd
      for (Eigen::Index i = i0; i < i1; ++i) {
        float g[6] = {ab[i], hb[i], ab[H + i], hb[H + i], ab[2 * H + i], hb[2 * H + i]};
        if constexpr (kBias) {
          g[0] += b_ih[i], g[1] += b_hh[i], g[2] += b_ih[H + i], g[3] += b_hh[H + i];
          g[4] += b_ih[2 * H + i], g[5] += b_hh[2 * H + i];
        }
        const EgruUnit u = egru_update(g[0], g[1], g[2], g[3], g[4], g[5], cb[i], th[i]);
        yb[i] = u.y;
        cb[i] = u.c;
      }
      k += i1 - i0;
    }
  });
}

void EgruCell::set_threshold(const Vector& theta) {
  if (theta.size() != theta_.size())
    throw Error("EGRU threshold: expected " + std::to_string(theta_.size()) + " values, got " +
                std::to_string(theta.size()));
  theta_ = theta;
}

void EgruCell::step(const Matrix& a, const Matrix& h, Matrix& y) { run<false>(a, nullptr, h, nullptr, y); }

void EgruCell::step(const Matrix& a_in, const Vector& b_ih, const Matrix& h_in, const Vector& b_hh, Matrix& y) {
  run<true>(a_in, b_ih.data(), h_in, b_hh.data(), y);
}

}  // namespace evsim
