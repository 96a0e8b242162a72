#include "network/matrix_projection.hpp"

namespace evsim {

MatrixProjection::MatrixProjection(Matrix weight) : w_(std::move(weight)), csc_(CscMatrix::from_dense(w_)) {
  weight_count_ = static_cast<uint64_t>(w_.size());
  nnz_ = csc_.nnz();
  dense_macs_ = weight_count_;
  fanout_.resize(static_cast<size_t>(w_.cols()));
  for (Eigen::Index j = 0; j < w_.cols(); ++j) fanout_[static_cast<size_t>(j)] = csc_.col_nnz(j);
}

}  // namespace evsim
