// Row slices (network/row_slices.hpp): the layout by hand, and delivery through them equal to
// event-by-event delivery bit for bit (signed zeros included) from outputs that already hold
// sums, at any activity, batch and thread count; the selector takes them where every column
// fires and the product is dear, and the pruned columns where one does.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

#include "core/cpu_cost_model.hpp"
#include "core/error.hpp"
#include "network/csc_matrix.hpp"
#include "network/matrix_projection.hpp"
#include "network/row_slices.hpp"
#include "tests/cost_model_scope.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

// Event by event from y0, sample-major, units ascending: how the queue hands them over.
Matrix per_event_from(const Matrix& w, const GatheredInputs& g, Matrix y) {
  const CscMatrix csc = CscMatrix::from_dense(w);
  for (int64_t b = 0; b < g.x.cols(); ++b)
    for (int64_t j = 0; j < g.x.rows(); ++j)
      if (g.x(j, b) != 0.0f) csc.axpy_column(j, g.x(j, b), y.col(b).data());
  return y;
}

bool same_bits(const Matrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() &&
         std::memcmp(a.data(), b.data(), sizeof(float) * static_cast<size_t>(a.size())) == 0;
}

// 18 x 5, w(r, j) = 1 + r + 10 j where (r + j) % 3 == 0: rows with r % 3 == 0 hold columns 0
// and 3, r % 3 == 1 column 2, r % 3 == 2 columns 1 and 4. The twelve rows of two non-zeros
// first, then those of one (row order among equals): a slice of two steps, then one of one.
TEST(RowSlices, LayOutRowsInSlicesOfSixteenLongestFirst) {
  Matrix w = Matrix::Zero(18, 5);
  for (int r = 0; r < 18; ++r)
    for (int j = 0; j < 5; ++j)
      if ((r + j) % 3 == 0) w(r, j) = static_cast<float>(1 + r + 10 * j);
  const RowSlices s = RowSlices::from_csc(CscMatrix::from_dense(w));
  EXPECT_EQ(s.slices(), 2);
  ASSERT_EQ(s.ptr.size(), 3u);
  EXPECT_EQ(s.ptr[1], 2u);
  EXPECT_EQ(s.ptr[2], 3u);
  EXPECT_EQ(s.entries(), 3u * 16);
  EXPECT_EQ(s.bytes(), 3u * 16 * 6 + 32 * 8);
  const std::vector<uint32_t> rows = {0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 1, 4, 7, 10, 13, 16};
  for (size_t p = 0; p < 32; ++p) {
    EXPECT_EQ(s.row[p], p < rows.size() ? rows[p] : 0u) << "lane " << p;
    EXPECT_EQ(s.len[p], p < 12 ? 2 : p < 18 ? 1 : 0) << "lane " << p;
  }
  auto at = [&](int step, int lane) { return std::make_pair(s.col[step * 16 + lane], s.val[step * 16 + lane]); };
  EXPECT_EQ(at(0, 0), std::make_pair(uint16_t{0}, 1.0f));  // row 0: columns 0, 3
  EXPECT_EQ(at(1, 0), std::make_pair(uint16_t{3}, 31.0f));
  EXPECT_EQ(at(0, 1), std::make_pair(uint16_t{1}, 13.0f));  // row 2: columns 1, 4
  EXPECT_EQ(at(1, 1), std::make_pair(uint16_t{4}, 43.0f));
  EXPECT_EQ(at(0, 12), std::make_pair(uint16_t{2}, 22.0f));  // row 1: column 2, then padding
  EXPECT_EQ(at(1, 12), std::make_pair(uint16_t{0}, 0.0f));
  EXPECT_EQ(at(2, 0), std::make_pair(uint16_t{2}, 34.0f));  // slice 1, row 13: column 2
  EXPECT_EQ(at(2, 1), std::make_pair(uint16_t{2}, 37.0f));  // row 16
  EXPECT_EQ(at(2, 2), std::make_pair(uint16_t{0}, 0.0f));   // no row
  EXPECT_THROW(RowSlices::from_csc(CscMatrix::from_dense(Matrix::Zero(2, 65537))), Error);
}

TEST(RowSlices, EqualPerEventDeliveryBitForBit) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 24; ++trial) {
    const int64_t rows = std::uniform_int_distribution<int64_t>(1, 700)(rng);
    const int64_t cols = std::uniform_int_distribution<int64_t>(1, 300)(rng);
    // Batches of one (a gather per step) and of several groups of 16 (the last one partial).
    const int64_t batch = trial % 6 == 1 ? 1 : std::uniform_int_distribution<int64_t>(2, trial % 2 ? 9 : 40)(rng);
    const double density = std::uniform_real_distribution<double>(0.02, 0.6)(rng);
    const double activity = trial % 4 == 0 ? 1.0 : std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    SCOPED_TRACE(std::to_string(rows) + " x " + std::to_string(cols) + ", batch " + std::to_string(batch) +
                 ", activity " + std::to_string(activity));
    const Matrix w = testing::random_matrix(rng, rows, cols, density);
    GatheredInputs g = testing::random_gathered(rng, cols, batch, activity, trial % 2);
    if (batch > 2) g.x.col(1).setZero();  // a sample without events among others
    if (trial % 3 == 0) list_sample_events(g);
    // Outputs that already hold sums, some of them signed zeros: a product added for an input
    // that did not fire would turn -0 into +0.
    Matrix y0 = Matrix::Zero(rows, batch);
    std::uniform_int_distribution<int> pick(0, 3);
    for (int64_t k = 0; k < y0.size(); ++k) {
      const int p = pick(rng);
      y0.data()[k] = p == 0 ? -0.0f : p == 1 ? 0.0f : std::uniform_real_distribution<float>(-2, 2)(rng);
    }
    const Matrix ref = per_event_from(w, g, y0);
    const RowSlices s = RowSlices::from_csc(CscMatrix::from_dense(w));
    for (int threads : {1, 2, 3}) {
      Matrix y = y0;
      EXPECT_EQ(gather_row_slices(s, g, y, threads), g.active.empty() ? 0 : s.bytes());
      EXPECT_TRUE(same_bits(y, ref)) << threads << " threads, listed " << !g.sample_events.empty()
                                     << ", max difference " << (y - ref).cwiseAbs().maxCoeff();
    }
  }
}

// A 15 %-density layer under a model whose product is dear: every column firing in one sample
// takes the row slices (they read each non-zero once, the pruned columns pay per pair), one
// column the pruned columns; both give dense mode's sums. Row slices are not built for short
// matrices or dense ones.
TEST(RowSlices, SelectorTakesThemWhereMostColumnsFire) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  CpuCostModel m = testing::dear_product_model();
  m.rows_entry_cached_ns = 0.3;
  m.sparse_nnz_cached_ns = m.sparse_nnz_memory_ns = 0.5;
  m.sparse_pair_ns = 5;
  m.dense_row_cached_ns = m.dense_row_memory_ns = 0.5;
  testing::CostModelScope scope(m);
  const int64_t rows = std::uniform_int_distribution<int64_t>(200, 600)(rng);
  const int64_t cols = std::uniform_int_distribution<int64_t>(100, 300)(rng);
  const Matrix w = testing::random_matrix(rng, rows, cols, 0.15);
  const MatrixProjection p(w);
  const GatheredInputs all = testing::random_gathered(rng, cols, 1, 1.0, false);
  EXPECT_EQ(p.choose_path(all).path, GatherPath::RowSlices);
  GatheredInputs one;
  one.x.setZero(cols, 1);
  one.x(0, 0) = 0.5f;
  one.active = {0};
  EXPECT_EQ(p.choose_path(one).path, GatherPath::SparseColumns);
  for (const GatheredInputs* g : std::initializer_list<const GatheredInputs*>{&all, &one}) {
    Matrix y = Matrix::Zero(rows, 1), ref = Matrix::Zero(rows, 1);
    p.deliver_gathered(*g, y, SumOrder::Reference);
    p.forward_dense(g->x, ref);
    EXPECT_TRUE(y == ref) << gather_path_name(p.choose_path(*g).path);
  }
  m.rows_entry_cached_ns = 3;  // dearer than the pruned columns' 0.5 a non-zero + 5 a column
  set_cpu_cost_model(m);
  EXPECT_EQ(p.choose_path(all).path, GatherPath::SparseColumns);
  m.rows_entry_cached_ns = 0;  // free, yet not built for a short matrix or a dense one
  set_cpu_cost_model(m);
  EXPECT_NE(MatrixProjection(testing::random_matrix(rng, 64, cols, 0.15)).choose_path(all).path, GatherPath::RowSlices);
  EXPECT_NE(MatrixProjection(testing::random_matrix(rng, rows, cols, 0.9)).choose_path(all).path,
            GatherPath::RowSlices);
}

}  // namespace
}  // namespace evsim
