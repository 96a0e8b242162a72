#pragma once
// Fully connected projection (NIR Affine/Linear weights, EGRU W_ih / W_hh).
// Keeps the dense matrix for dense mode and its CSC form for event delivery.
#include "network/csc_matrix.hpp"
#include "network/projection.hpp"

namespace evsim {

class MatrixProjection final : public Projection {
 public:
  explicit MatrixProjection(Matrix weight);
  int64_t in_size() const override { return w_.cols(); }
  int64_t out_size() const override { return w_.rows(); }
  void forward_dense(const Matrix& x, Matrix& y) const override { y.noalias() = w_ * x; }
  void deliver(uint32_t source, float value, float* y_col) const override { csc_.axpy_column(source, value, y_col); }
  const Matrix& weight() const { return w_; }

 private:
  Matrix w_;
  CscMatrix csc_;
};

}  // namespace evsim
