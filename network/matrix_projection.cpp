#include "network/matrix_projection.hpp"

#include <algorithm>

#include "core/threads.hpp"

namespace evsim {
namespace {

// Below this weight density a column's non-zeros (6 bytes each, scattered stores) cost less
// than the whole column (4 bytes per row, one SIMD pass): measured with `evsim bench` on the
// development machine (docs/design-notes.md, "CPU gathered delivery").
constexpr double kSparseBelow = 0.35;

// Row blocks of the sparse format: at least 16 (threads own blocks), cache-line multiples.
int64_t block_rows_for(int64_t rows) { return std::clamp<int64_t>(rows, 1, 65536); }

}  // namespace

MatrixProjection::MatrixProjection(Matrix weight) : w_(std::move(weight)), csc_(CscMatrix::from_dense(w_)) {
  weight_count_ = static_cast<uint64_t>(w_.size());
  nnz_ = csc_.nnz();
  dense_macs_ = weight_count_;
  fanout_.resize(static_cast<size_t>(w_.cols()));
  for (Eigen::Index j = 0; j < w_.cols(); ++j) fanout_[static_cast<size_t>(j)] = csc_.col_nnz(j);
  if (density() < kSparseBelow) {
    path_ = GatherPath::SparseColumns;
    sparse_ = BlockedCsc::from_dense(w_, block_rows_for(w_.rows()));
  }
}

uint64_t MatrixProjection::deliver_gathered(const GatheredInputs& in, Matrix& y) const {
  return path_ == GatherPath::DenseColumns ? gather_dense_columns(w_, in, y, cpu_threads())
                                           : gather_sparse_columns(sparse_, in, y, cpu_threads());
}

}  // namespace evsim
