#include "neurons/egru_cell.hpp"

#include "core/threads.hpp"
#include "neurons/egru_update.hpp"

namespace evsim {

// Units are independent: threads take ranges of (sample, unit) pairs once a step has enough of
// them (the update costs ~50-100 ns per unit; at hidden 4096 it was most of an event step).
constexpr int64_t kUnitsPerThread = 1024;

void EgruCell::step(const Matrix& a, const Matrix& h, Matrix& y) {
  const Eigen::Index H = hidden();
  y.resize(H, a.cols());
  parallel_ranges(H * a.cols(), kUnitsPerThread, [&](int64_t k0, int64_t k1) {
    for (int64_t k = k0; k < k1; ++k) {
      const Eigen::Index b = k / H, i = k % H;
      const EgruUnit u = egru_update(a(i, b), h(i, b), a(H + i, b), h(H + i, b), a(2 * H + i, b), h(2 * H + i, b),
                                     c_(i, b), theta_[i]);
      y(i, b) = u.y;
      c_(i, b) = u.c;
    }
  });
}

}  // namespace evsim
