#pragma once
// WaveletConv2d (DESIGN.md section 7): per sample, a J-level 2-D DWT of every input channel,
// the coarsest approximation and the coarsest three detail bands mixed across channels by
// per-coefficient weights (out[o][p] = sum_i in[i][p] w[i][o][p]), the finer details kept
// (channel o's own) or zeroed, and the inverse DWT. None of it can skip work on zero inputs:
// a spike map's transform is dense, so both modes count and do all of it (dense_work()).
// Computed as in tools/evsim_tools/wno.py: the coarsest bands are C = D_r X D_c^T (the two axes'
// composite analysis maps), and since the transform inverts itself, replacing C by the mixed
// M(C) and keeping the finer details gives X + R_r (M(C) - C) R_c^T (R: synthesis from the
// coarsest bands alone); four small matrix products per channel instead of the level-by-level
// filter bank (6.2 -> 1 ms a layer of the shipped VS-WNO). The counts stay those of the
// transform as defined (Dwt2d's filter bank), which the tests check against it.
#include <string>
#include <vector>

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

// The composite maps the op computes with (row-major images as column-major W x H matrices),
// for backends that compute it elsewhere.
struct WaveletMaps {
  int64_t h = 0, w = 0;               // the coarsest level's rows, columns
  const Matrix *dc, *drt, *rc, *rrt;  // D_c (2w x W), D_r^T (H x 2h), R_c (W x 2w), R_r^T (2h x H)
};

class WaveletConvOp final : public Operator {
 public:
  explicit WaveletConvOp(WaveletConvParams p);
  std::string_view type() const override { return "WaveletConv2d"; }
  void compute(const Matrix& input, std::span<const Matrix> port_out, Matrix& out) override;
  DenseWork dense_work() const override;
  const WaveletConvParams& params() const { return p_; }
  WaveletMaps maps() const { return {h_, w_, &dc_, &drt_, &rc_, &rrt_}; }

 private:
  void mix_and_invert(const Matrix* ct, const float* x, int64_t k, float* out) const;
  WaveletConvParams p_;
  Dwt2d dwt_;                         // the transform as defined: its cost is what is counted
  int64_t h_ = 0, w_ = 0, band_ = 0;  // the coarsest level's rows, columns, h x w
  Matrix dc_, drt_, rc_, rrt_;        // D_c (2w x W), D_r^T (H x 2h), R_c (W x 2w), R_r^T (2h x H)
  std::vector<Matrix> ct_;            // this step's C^T (2w x 2h), per (sample, input channel)
};

}  // namespace evsim
