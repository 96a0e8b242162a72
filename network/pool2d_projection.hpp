#pragma once
// NIR SumPool2d / AvgPool2d over (C, H, W). Structural (no learned weights), so not
// counted as synaptic work, but event mode still scatters only non-zero inputs.
#include <array>

#include "network/projection.hpp"

namespace evsim {

struct Pool2dGeometry {
  int64_t channels = 0, in_h = 0, in_w = 0;
  std::array<int64_t, 2> kernel{1, 1}, stride{1, 1}, padding{0, 0};
  int64_t out_h() const { return (in_h + 2 * padding[0] - kernel[0]) / stride[0] + 1; }
  int64_t out_w() const { return (in_w + 2 * padding[1] - kernel[1]) / stride[1] + 1; }
};

class Pool2dProjection final : public Projection {
 public:
  // average = true divides by the full window (padding included, as PyTorch's default).
  Pool2dProjection(Pool2dGeometry g, bool average);
  int64_t in_size() const override { return g_.channels * g_.in_h * g_.in_w; }
  int64_t out_size() const override { return g_.channels * g_.out_h() * g_.out_w(); }
  void forward_dense(const Matrix& x, Matrix& y) const override;
  void deliver(uint32_t source, float value, float* y_col) const override;
  bool synaptic() const override { return false; }

 private:
  Pool2dGeometry g_;
  bool average_;
  float scale_;
};

}  // namespace evsim
