#pragma once
// Fully connected projection (NIR Affine/Linear weights, EGRU W_ih / W_hh).
// Keeps the dense matrix for dense mode and its CSC form for event delivery.
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
  void forward_dense(const Matrix& x, Matrix& y) const override { y.noalias() = w_ * x; }
  void deliver(uint32_t source, float value, float* y_col) const override { csc_.axpy_column(source, value, y_col); }
  bool gathers() const override { return true; }
  uint64_t deliver_gathered(const GatheredInputs& in, Matrix& y) const override;
  const Matrix& weight() const { return w_; }
  GatherPath gather_path() const { return path_; }

 private:
  Matrix w_;
  CscMatrix csc_;
  GatherPath path_ = GatherPath::DenseColumns;
  BlockedCsc sparse_;  // only when path_ is SparseColumns
};

}  // namespace evsim
