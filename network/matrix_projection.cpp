#include "network/matrix_projection.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/memory_budget.hpp"
#include "core/threads.hpp"
#include "network/dense_product.hpp"

namespace evsim {
namespace {

// Row blocks of the sparse format: threads own blocks, so one per thread (the count set when the
// model is loaded), each at most the 16-bit offset limit. No smaller than 512 rows: more blocks
// on one thread cost a column pointer each per active column (blocks of 4096 rows, to keep a
// block of outputs in L1, measured 10-40 % slower on one thread).
int64_t block_rows_for(int64_t rows) {
  const int64_t per_thread = (rows + cpu_threads() - 1) / cpu_threads();
  return std::clamp<int64_t>(std::max<int64_t>(per_thread, 512), 1, 65536);
}

}  // namespace

MatrixProjection::MatrixProjection(Matrix weight)
    : w_(std::move(weight)),
      short_matrix_(w_.rows() > 0 && w_.rows() <= ShortColumns::kMaxRows),
      block_rows_(block_rows_for(w_.rows())),
      csc_(CscMatrix::from_dense(w_)) {
  index_columns();
  if (short_matrix_)
    require_memory(
        4.0 * ShortColumns::kMaxRows * static_cast<double>(w_.cols()),
        "the short columns of a " + std::to_string(w_.rows()) + " x " + std::to_string(w_.cols()) + " weight");
}

MatrixProjection::MatrixProjection(CscMatrix weight)
    : sparse_built_(true), block_rows_(block_rows_for(weight.rows)), csc_(std::move(weight)) {
  const double blocks = std::ceil(static_cast<double>(csc_.rows) / static_cast<double>(block_rows_));
  require_memory(
      8.0 * blocks * (static_cast<double>(csc_.cols) + 1) + 6.0 * static_cast<double>(csc_.nnz()) +
          4.0 * static_cast<double>(csc_.cols),
      "the column index of a " + std::to_string(csc_.rows) + " x " + std::to_string(csc_.cols) + " sparse weight");
  index_columns();
}

const MatrixProjection::EventFormats& MatrixProjection::formats() const {
  std::call_once(formats_once_, [this] {
    const bool pruned = sparse_built_ || density() < kSparseDensity;
    if (pruned) formats_.sparse = BlockedCsc::from_csc(csc_, block_rows_);
    if (pruned && !sparse_built_ && csc_.cols <= RowSlices::kMaxCols && csc_.rows <= RowSlices::kMaxRows &&
        csc_.rows > ShortColumns::kMaxRows)
      formats_.rows = RowSlices::from_csc(csc_);
    if (short_matrix_) formats_.short_columns = ShortColumns::from_dense(w_);
  });
  return formats_;
}

void MatrixProjection::index_columns() {
  weight_count_ = static_cast<uint64_t>(csc_.rows) * static_cast<uint64_t>(csc_.cols);
  nnz_ = csc_.nnz();
  dense_macs_ = weight_count_;
  fanout_.resize(static_cast<size_t>(csc_.cols));
  for (int64_t j = 0; j < csc_.cols; ++j) fanout_[static_cast<size_t>(j)] = csc_.col_nnz(j);
}

const Matrix& MatrixProjection::dense() const {
  if (sparse_built_)
    std::call_once(dense_once_,
                   [this] { w_ = csc_.to_dense("dense mode of a sparse weight (event mode never forms it)"); });
  return w_;
}

GatherShape MatrixProjection::matrix_shape(int64_t batch, bool evicted, const CpuCostModel& m) const {
  GatherShape s;
  s.rows = csc_.rows;
  s.cols = csc_.cols;
  s.batch = batch;
  s.cached = 4.0 * static_cast<double>(w_.size()) <= m.cache_bytes;
  s.sparse_cached = static_cast<double>(BlockedCsc::kBytesPerNnz * nnz_) <= m.cache_bytes;
  s.evicted = evicted;
  s.threads = cpu_threads();
  const RowSlices& rows = formats().rows;
  s.row_entries = static_cast<double>(rows.entries());
  s.rows_cached = static_cast<double>(rows.bytes()) <= m.cache_bytes;
  return s;
}

GatherShape MatrixProjection::shape_of(const GatheredInputs& in, const CpuCostModel& m, bool with_nnz) const {
  GatherShape s = matrix_shape(in.x.cols(), in.evicted, m);
  s.active = static_cast<double>(in.active.size());
  s.sparse_blocks = static_cast<int>(std::max<int64_t>(1, formats().sparse.blocks()));
  if (with_nnz)  // a loop over the active columns: a fifth of a 16-row readout's step
    for (const uint32_t j : in.active) s.active_nnz += fanout_[j];
  s.pairs = gathered_events(in);
  return s;
}

MatrixProjection::PathChoice MatrixProjection::choose_path(const GatheredInputs& in) const {
  const CpuCostModel& m = cpu_cost_model();
  // A short matrix takes short columns or the product: the other gathered paths cost more per
  // event than a short column's few multiply-adds (pair_ns, sparse_pair_ns > short_event_ns +
  // 4 short_vector_ns), so their shape need not be counted.
  return choose_for(shape_of(in, m, !short_matrix_ && (sparse_built_ || formats().sparse.rows > 0)), m);
}

MatrixProjection::PathChoice MatrixProjection::choose_for(const GatherShape& s, const CpuCostModel& m) const {
  const bool short_only = short_matrix_;
  if (sparse_built_) return {GatherPath::SparseColumns, path_threads(m, GatherPath::SparseColumns, s)};
  PathChoice gathered{GatherPath::DenseColumns, 0};
  double gathered_ns = 0;
  auto consider = [&](GatherPath p) {
    const ThreadPlan t = plan_path(m, p, s);
    if (gathered.threads == 0 || t.ns < gathered_ns) gathered = {p, t.threads}, gathered_ns = t.ns;
  };
  if (short_only) {
    consider(GatherPath::ShortColumns);
  } else {
    consider(GatherPath::DenseColumns);
    if (formats().sparse.rows > 0) consider(GatherPath::SparseColumns);
    if (!formats().rows.empty()) consider(GatherPath::RowSlices);
  }
  // Every path adds in the reference order (the products too: network/dense_product.hpp), so
  // the threads each can use may decide, in either order.
  const ThreadPlan product = plan_path(m, GatherPath::DenseProduct, s);
  const double gathering = s.batch > 1 ? static_cast<double>(s.cols * s.batch) * m.gather_input_ns : 0.0;
  return gathered_ns + gathering < kGatherMargin * product.ns ? gathered
                                                              : PathChoice{GatherPath::DenseProduct, product.threads};
}

bool MatrixProjection::product_predicted(int64_t batch, double events, bool evicted) const {
  if (!short_matrix_ || batch < 2) return false;
  const CpuCostModel& m = cpu_cost_model();
  GatherShape s = matrix_shape(batch, evicted, m);
  s.pairs = events;
  s.active = std::min(events, static_cast<double>(csc_.cols));
  return choose_for(s, m).path == GatherPath::DenseProduct;
}

double MatrixProjection::product_from_events(int64_t batch, bool evicted) const {
  // Not a bisection: short columns' predicted time can fall as events grow (a second thread
  // becomes worth its region), so the product may win in a window below the counts it wins
  // from for good. Down from every input of every sample, at most 2^16 counts checked.
  const auto most = static_cast<double>(csc_.cols * batch);
  const double stride = std::max(1.0, std::ceil(most / 65536));
  double from = std::numeric_limits<double>::infinity();
  for (double e = most; e >= 0 && product_predicted(batch, e, evicted); e -= stride) from = e;
  return from;
}

uint64_t MatrixProjection::deliver_product(const Matrix& x, Matrix& y) const {
  dense_product_add(dense(), x, y, cpu_threads());
  return dense_bytes();
}

uint64_t MatrixProjection::deliver_tallying(const Matrix& x, Matrix& y, ColumnTally& tally, double events,
                                            bool evicted) const {
  const CpuCostModel& m = cpu_cost_model();
  GatherShape s = matrix_shape(x.cols(), evicted, m);
  s.pairs = events >= 0 ? events : static_cast<double>(x.size());
  s.active = std::min(s.pairs, static_cast<double>(csc_.cols));
  return tally_short_columns(formats().short_columns, x, fanout_.data(), y,
                             plan_path(m, GatherPath::ShortColumns, s).threads, tally);
}

void MatrixProjection::forward_dense(const Matrix& x, Matrix& y) const { dense_product(dense(), x, y, cpu_threads()); }

uint64_t MatrixProjection::deliver_gathered(const GatheredInputs& in, Matrix& y, SumOrder /*order*/) const {
  const PathChoice c = choose_path(in);
  switch (c.path) {
    case GatherPath::DenseProduct:
      return deliver_product(in.x, y);  // plans the same threads as c's
    case GatherPath::SparseColumns:
      return gather_sparse_columns(formats().sparse, in, y, c.threads);
    case GatherPath::ShortColumns:
      return gather_short_columns(formats().short_columns, in, y, c.threads);
    case GatherPath::RowSlices:
      return gather_row_slices(formats().rows, in, y, c.threads);
    case GatherPath::DenseColumns:
      break;
  }
  return gather_dense_columns(w_, in, y, c.threads);
}

}  // namespace evsim
