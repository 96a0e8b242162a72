#pragma once
// Fully connected projection (NIR Affine/Linear weights, EGRU W_ih / W_hh).
// Keeps the dense matrix for dense mode and its CSC form for event delivery; event steps
// take the path the CPU cost model (core/cpu_cost_model.hpp) predicts cheapest. Built from
// sparse connectivity (a checkpoint's csr/csc weight group), it never forms the dense matrix
// for event mode (memory grows with the synapses, not rows x cols): events take the pruned
// columns, and dense mode forms the dense copy on first use, within the memory budget.
#include <mutex>

#include "core/cpu_cost_model.hpp"
#include "network/blocked_csc.hpp"
#include "network/csc_matrix.hpp"
#include "network/gathered_delivery.hpp"
#include "network/projection.hpp"
#include "network/row_slices.hpp"
#include "network/short_columns.hpp"

namespace evsim {

class MatrixProjection final : public Projection {
 public:
  explicit MatrixProjection(Matrix weight);
  explicit MatrixProjection(CscMatrix weight);
  int64_t in_size() const override { return csc_.cols; }
  int64_t out_size() const override { return csc_.rows; }
  void forward_dense(const Matrix& x, Matrix& y) const override;
  void deliver(uint32_t source, float value, float* y_col) const override { csc_.axpy_column(source, value, y_col); }
  bool gathers() const override { return true; }
  bool uses_sample_lists() const override { return short_matrix_; }  // short columns
  void prepare_event() const override { formats(); }
  uint64_t deliver_gathered(const GatheredInputs& in, Matrix& y, SumOrder order) const override;
  // Short matrices only (their paths: short columns or the product), batches of two or more;
  // the active columns taken as min(inputs, events); the threshold is the fewest events from
  // which every count up to all inputs of all samples predicts the product (checked at up to
  // 2^16 counts; between them a wrong guess costs time only).
  double product_from_events(int64_t batch, bool evicted) const override;
  bool product_predicted(int64_t batch, double events, bool evicted) const;
  uint64_t deliver_product(const Matrix& x, Matrix& y) const override;
  bool tallies_in_delivery() const override { return short_matrix_; }  // short columns
  uint64_t deliver_tallying(const Matrix& x, Matrix& y, ColumnTally& tally, double events, bool evicted) const override;
  const Matrix& weight() const { return dense(); }  // sparse-built: formed here (budget-checked)
  bool sparse_built() const { return sparse_built_; }
  const CscMatrix& csc() const { return csc_; }
  // The path a step with these inputs takes and its threads (every path gives the same sums,
  // in either sum order, on any number of threads); pruned columns and row slices only below
  // kSparseDensity.
  struct PathChoice {
    GatherPath path = GatherPath::DenseProduct;
    int threads = 1;
  };
  PathChoice choose_path(const GatheredInputs& in) const;
  static constexpr double kSparseDensity = 0.5;

 private:
  const Matrix& dense() const;
  void index_columns();
  // with_nnz: count the active columns' non-zeros (only the pruned path's cost needs them).
  // What every step of this matrix shares (sizes, caches, threads); shape_of adds the step's inputs.
  GatherShape matrix_shape(int64_t batch, bool evicted, const CpuCostModel& m) const;
  GatherShape shape_of(const GatheredInputs& in, const CpuCostModel& m, bool with_nnz) const;
  PathChoice choose_for(const GatherShape& s, const CpuCostModel& m) const;

  mutable Matrix w_;  // sparse-built: empty until dense() forms it
  mutable std::once_flag dense_once_;
  bool sparse_built_ = false;
  bool short_matrix_ = false;  // at most ShortColumns::kMaxRows rows, not sparse-built
  // The pruned format's rows per block, one block per thread of the count when the model was
  // loaded (as when the formats were built with it), whatever the count when they are built.
  int64_t block_rows_ = 1;
  CscMatrix csc_;
  // What only event delivery reads, built on first use (CpuEventBackend::prepare asks for it
  // before the first step): dense-mode runs never need them, and building them for the default
  // model's threshold search (42 dense-mode models) was a third of every command's start-up.
  struct EventFormats {
    BlockedCsc sparse;  // below kSparseDensity, and always when sparse-built
    // Below kSparseDensity, up to 65536 columns and 2^30 rows, taller than short columns; not when sparse-built
    // (those are the large networks, whose inputs are rarely mostly active: memory goes first).
    RowSlices rows;
    ShortColumns short_columns;  // short_matrix_
  };
  const EventFormats& formats() const;
  mutable EventFormats formats_;
  mutable std::once_flag formats_once_;
};

}  // namespace evsim
