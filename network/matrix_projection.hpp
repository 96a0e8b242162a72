#pragma once
// Fully connected projection (NIR Affine/Linear weights, EGRU W_ih / W_hh).
// Keeps the dense matrix for dense mode and its CSC form for event delivery; event steps
// take the path the CPU cost model (core/cpu_cost_model.hpp) predicts cheapest.
#include "network/blocked_csc.hpp"
#include "network/csc_matrix.hpp"
#include "network/gathered_delivery.hpp"
#include "network/projection.hpp"

namespace evsim {

class MatrixProjection final : public Projection {
 public:
  explicit MatrixProjection(Matrix weight);
  int64_t in_size() const override { return w_.cols(); }
  int64_t out_size() const override { return w_.rows(); }
  void forward_dense(const Matrix& x, Matrix& y) const override;
  void deliver(uint32_t source, float value, float* y_col) const override { csc_.axpy_column(source, value, y_col); }
  bool gathers() const override { return true; }
  uint64_t deliver_gathered(const GatheredInputs& in, Matrix& y, SumOrder order) const override;
  const Matrix& weight() const { return w_; }
  // The path a step with these inputs takes: the reference order never takes the dense
  // product (Eigen adds in its own order), and pruned columns only below kSparseDensity.
  GatherPath choose_path(const GatheredInputs& in, SumOrder order) const;
  static constexpr double kSparseDensity = 0.5;

 private:
  Matrix w_;
  CscMatrix csc_;
  BlockedCsc sparse_;  // only below kSparseDensity
};

}  // namespace evsim
