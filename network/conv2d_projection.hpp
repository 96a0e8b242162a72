#pragma once
// 2-D convolution (NIR Conv2d; Conv1d maps onto it with height 1). Activations are laid
// out (C, H, W) row-major per sample. Dense mode: im2col + GEMM per group. Event mode:
// a non-zero input pixel scatters through the non-zero taps of its input channel.
// Pointwise (1 x 1, stride 1, no padding, one group: the channel mixing of neural operators)
// is a matrix product per sample, Y^T (P x Cout) = X^T (P x Cin) W^T, and takes the batched
// product (network/batched_product.hpp) in dense mode; event mode gathers the step's events and
// takes either that product or a scatter of the active inputs, whichever the CPU cost model
// predicts cheaper. Each output is then one fused multiply-add chain over the input channels in
// ascending order on every path, so both modes give the same outputs bit for bit.
#include <array>

#include "network/projection.hpp"

namespace evsim {

struct Conv2dGeometry {
  int64_t in_channels = 0, in_h = 0, in_w = 0;
  int64_t out_channels = 0, kernel_h = 0, kernel_w = 0;
  std::array<int64_t, 2> stride{1, 1}, padding{0, 0}, dilation{1, 1};
  int64_t groups = 1;

  int64_t out_h() const { return (in_h + 2 * padding[0] - dilation[0] * (kernel_h - 1) - 1) / stride[0] + 1; }
  int64_t out_w() const { return (in_w + 2 * padding[1] - dilation[1] * (kernel_w - 1) - 1) / stride[1] + 1; }
  int64_t group_in() const { return in_channels / groups; }
  int64_t group_out() const { return out_channels / groups; }
};

class Conv2dProjection final : public Projection {
  struct Tap {
    int32_t out_channel;
    int16_t dy, dx;  // kernel offsets times dilation
    float w;
  };

 public:
  // weight: flat (Cout, Cin/groups, kh, kw) row-major.
  Conv2dProjection(Conv2dGeometry g, std::vector<float> weight);
  int64_t in_size() const override { return g_.in_channels * g_.in_h * g_.in_w; }
  int64_t out_size() const override { return g_.out_channels * g_.out_h() * g_.out_w(); }
  void forward_dense(const Matrix& x, Matrix& y) const override;
  void deliver(uint32_t source, float value, float* y_col) const override;
  uint64_t bytes_per_nnz() const override { return sizeof(Tap); }
  bool gathers() const override { return pointwise_; }
  uint64_t deliver_gathered(const GatheredInputs& in, Matrix& y, SumOrder order) const override;
  bool pointwise() const { return pointwise_; }
  const Conv2dGeometry& geometry() const { return g_; }
  const std::vector<float>& weight() const { return w_; }  // (Cout, Cin/groups, kh, kw) row-major

 private:
  // Output coordinate reached from input coordinate `in` through offset `d`, or -1.
  static int64_t target(int64_t in, int64_t d, int64_t pad, int64_t stride, int64_t limit);
  void count_fanout();
  void pointwise_product(const Matrix& x, Matrix& y) const;  // y += W x per sample
  void pointwise_scatter(const GatheredInputs& in, Matrix& y) const;

  Conv2dGeometry g_;
  std::vector<float> w_;
  std::vector<std::vector<Tap>> taps_;  // per input channel, non-zero weights only
  bool pointwise_ = false;
  Matrix wt_;  // pointwise: W^T (Cin x Cout), column-major
};

}  // namespace evsim
