#include "neurons/egru_cell.hpp"

#include <cmath>

namespace evsim {
namespace {
inline float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }
}  // namespace

void EgruCell::step(const Matrix& a, const Matrix& h, Matrix& y) {
  const Eigen::Index H = hidden();
  y.resize(H, a.cols());
  for (Eigen::Index b = 0; b < a.cols(); ++b) {
    for (Eigen::Index i = 0; i < H; ++i) {
      const float r = sigmoid(a(i, b) + h(i, b));
      const float z = sigmoid(a(H + i, b) + h(H + i, b));
      const float n = std::tanh(a(2 * H + i, b) + r * h(2 * H + i, b));
      const float c_hat = z * c_(i, b) + (1.0f - z) * n;
      const bool fire = c_hat > theta_[i];
      y(i, b) = fire ? c_hat : 0.0f;
      c_(i, b) = fire ? c_hat - theta_[i] : c_hat;
    }
  }
}

}  // namespace evsim
