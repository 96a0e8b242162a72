#include "neurons/egru_cell.hpp"

#include "neurons/egru_update.hpp"

namespace evsim {

void EgruCell::step(const Matrix& a, const Matrix& h, Matrix& y) {
  const Eigen::Index H = hidden();
  y.resize(H, a.cols());
  for (Eigen::Index b = 0; b < a.cols(); ++b) {
    for (Eigen::Index i = 0; i < H; ++i) {
      const EgruUnit u = egru_update(a(i, b), h(i, b), a(H + i, b), h(H + i, b), a(2 * H + i, b), h(2 * H + i, b),
                                     c_(i, b), theta_[i]);
      y(i, b) = u.y;
      c_(i, b) = u.c;
    }
  }
}

}  // namespace evsim
