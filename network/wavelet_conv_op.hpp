#pragma once
// WaveletConv2d (DESIGN.md section 7): per sample, a J-level 2-D DWT of every input channel,
// the coarsest approximation and the coarsest three detail bands mixed across channels by
// per-coefficient weights (out[o][p] = sum_i in[i][p] w[i][o][p]), the finer details kept
// (channel o's own) or zeroed, and the inverse DWT. None of it can skip work on zero inputs:
// a spike map's transform is dense, so both modes count and do all of it (dense_work()).
#include <string>

#include "core/dwt2d.hpp"
#include "network/operator.hpp"

namespace evsim {

struct WaveletConvParams {
  std::string wavelet = "db4";
  int levels = 1;
  int64_t in_channels = 0, out_channels = 0, rows = 0, cols = 0;
  std::vector<float> weight_approx;  // Cin x Cout x h x w
  std::vector<float> weight_detail;  // 3 x Cin x Cout x h x w (bands H, V, D)
  bool keep_finer = true;
};

class WaveletConvOp final : public Operator {
 public:
  explicit WaveletConvOp(WaveletConvParams p);
  std::string_view type() const override { return "WaveletConv2d"; }
  void compute(const Matrix& input, std::span<const Matrix> port_out, Matrix& out) override;
  DenseWork dense_work() const override;

 private:
  void mix_and_invert(const Wavelet2dCoeffs* c, int64_t k, float* out) const;
  WaveletConvParams p_;
  Dwt2d dwt_;
  int64_t band_ = 0;                     // h x w of the coarsest level
  std::vector<Wavelet2dCoeffs> coeffs_;  // this step's, per (sample, input channel)
};

}  // namespace evsim
