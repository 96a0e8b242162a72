#include "network/matrix_projection.hpp"

#include <algorithm>

#include "core/threads.hpp"

namespace evsim {
namespace {

// The event-mode path per matrix, from what a column costs on each (ns per row, measured with
// `evsim bench --backend cpu` on the development machine, one thread): a dense column is one
// SIMD pass, limited by memory once the matrix does not fit the last-level cache; a sparse
// column is one scattered fused multiply-add per non-zero, limited by the scatter either way.
struct CpuColumnCosts {
  double dense_cached_ns = 0.06, dense_memory_ns = 0.18;  // per row of a column
  double sparse_cached_ns = 0.45, sparse_memory_ns = 0.68;  // per non-zero
  double dense_column_ns = 2.0, sparse_column_ns = 5.0;     // per column (loop, lookups)
  double cache_bytes = 32.0 * (1 << 20);
};

GatherPath choose_path(const Matrix& w, double density) {
  const CpuColumnCosts c;
  const bool cached = 4.0 * static_cast<double>(w.size()) <= c.cache_bytes;
  const auto rows = static_cast<double>(w.rows());
  const double dense = c.dense_column_ns + rows * (cached ? c.dense_cached_ns : c.dense_memory_ns);
  const double sparse = c.sparse_column_ns + rows * density * (cached ? c.sparse_cached_ns : c.sparse_memory_ns);
  return sparse < dense ? GatherPath::SparseColumns : GatherPath::DenseColumns;
}

// Row blocks of the sparse format: at least 16 (threads own blocks), cache-line multiples.
int64_t block_rows_for(int64_t rows) { return std::clamp<int64_t>(rows, 1, 65536); }

}  // namespace

MatrixProjection::MatrixProjection(Matrix weight) : w_(std::move(weight)), csc_(CscMatrix::from_dense(w_)) {
  weight_count_ = static_cast<uint64_t>(w_.size());
  nnz_ = csc_.nnz();
  dense_macs_ = weight_count_;
  fanout_.resize(static_cast<size_t>(w_.cols()));
  for (Eigen::Index j = 0; j < w_.cols(); ++j) fanout_[static_cast<size_t>(j)] = csc_.col_nnz(j);
  path_ = choose_path(w_, density());
  if (path_ == GatherPath::SparseColumns) {
    sparse_ = BlockedCsc::from_dense(w_, block_rows_for(w_.rows()));
  }
}

uint64_t MatrixProjection::deliver_gathered(const GatheredInputs& in, Matrix& y) const {
  return path_ == GatherPath::DenseColumns ? gather_dense_columns(w_, in, y, cpu_threads())
                                           : gather_sparse_columns(sparse_, in, y, cpu_threads());
}

}  // namespace evsim
