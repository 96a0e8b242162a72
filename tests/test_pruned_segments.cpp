// DISTile's pruned-column layout (plain host code): widths by hand, and every weight back
// where it came from on random pruned matrices. The sparse delivery's row-block offsets by hand.
#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "backends/cuda/cost_model.hpp"
#include "backends/cuda/pruned_segments.hpp"
#include "backends/cuda/row_blocks.hpp"
#include "core/error.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

TEST(PrunedSegments, HandBuiltMatrix) {
  // 600 rows = row blocks [0, 512) and [512, 600); 2 columns.
  const int rows = 600, cols = 2;
  std::vector<float> w(static_cast<size_t>(rows) * cols, 0.0f);
  w[3] = 1.5f;           // column 0, row 3: block 0
  w[511] = -2.0f;        // column 0, row 511: block 0
  w[520] = 4.0f;         // column 0, row 520: block 1, row 8 within it
  w[rows + 599] = 7.0f;  // column 1, row 599: block 1, row 87
  const auto s = cuda::PrunedSegments::from_column_major(w.data(), rows, cols);
  ASSERT_EQ(s.width, 2);  // column 0's first segment
  ASSERT_EQ(s.val.size(), 2u * 2 * 2);
  const std::vector<float> val = {1.5f, -2.0f, 4.0f, 0.0f, 0.0f, 0.0f, 7.0f, 0.0f};
  const std::vector<uint16_t> row = {3, 511, 8, 0, 0, 0, 87, 0};
  EXPECT_EQ(s.val, val);
  EXPECT_EQ(s.row, row);
  EXPECT_EQ(cuda::PrunedSegments::width_of(w.data(), rows, cols), 2);
}

TEST(PrunedSegments, AllZeroMatrixKeepsOneEntry) {
  const std::vector<float> w(40, 0.0f);
  const auto s = cuda::PrunedSegments::from_column_major(w.data(), 8, 5);
  EXPECT_EQ(s.width, 0);
  EXPECT_EQ(s.val.size(), 1u);  // device buffers are never empty
}

TEST(PrunedSegments, RandomMatricesRoundTrip) {
  std::mt19937_64 rng(testing::fresh_seed());
  for (int trial = 0; trial < 5; ++trial) {
    const int rows = std::uniform_int_distribution<int>(1, 1500)(rng);
    const int cols = std::uniform_int_distribution<int>(1, 40)(rng);
    const double density = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    std::vector<float> w(static_cast<size_t>(rows) * cols);
    std::bernoulli_distribution keep(density);
    for (float& v : w) v = keep(rng) ? std::uniform_real_distribution<float>(0.1f, 1.0f)(rng) : 0.0f;
    const auto s = cuda::PrunedSegments::from_column_major(w.data(), rows, cols);
    const int nrb = cuda::row_blocks(rows);
    std::vector<float> back(w.size(), 0.0f);
    for (int c = 0; c < cols; ++c)
      for (int rb = 0; rb < nrb; ++rb)
        for (int e = 0; e < s.width; ++e) {
          const size_t at = (static_cast<size_t>(c) * nrb + rb) * s.width + e;
          const int r = rb * cuda::kDistileRowsPerBlock + s.row[at];
          if (s.val[at] == 0.0f) continue;  // padding
          ASSERT_LT(r, rows);
          back[static_cast<size_t>(c) * rows + r] += s.val[at];
        }
    EXPECT_EQ(back, w) << rows << " x " << cols;
  }
}

// 5 x 3: column 0 has rows 0, 3, 4 (values 1, 2, 3); column 1 none; column 2 rows 1, 2 (4, 5).
Matrix hand_built() {
  Matrix w = Matrix::Zero(5, 3);
  w(0, 0) = 1.0f;
  w(3, 0) = 2.0f;
  w(4, 0) = 3.0f;
  w(1, 2) = 4.0f;
  w(2, 2) = 5.0f;
  return w;
}

// hand_built() in blocks of 2 rows ([0, 2), [2, 4), [4, 5)). Per column: its first entry at or
// past rows 0, 2, 4 and 6 (the end).
TEST(RowBlockOffsets, HandBuiltMatrix) {
  const CscMatrix c = CscMatrix::from_dense(hand_built());
  const std::vector<uint32_t> want = {0, 1, 2, 3,   // column 0: entries 0..2 (rows 0 | 3 | 4)
                                      3, 3, 3, 3,   // column 1: empty
                                      3, 4, 5, 5};  // column 2: entries 3..4 (rows 1 | 2)
  EXPECT_EQ(cuda::row_block_offsets(c, 2, 1 << 20, "w"), want);
  // Over the table budget (12 entries = 48 bytes): a clear error naming the node.
  EXPECT_EQ(cuda::row_block_offsets(c, 2, 48, "w").size(), 12u);
  try {
    cuda::row_block_offsets(c, 2, 47, "node 'w'");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("node 'w'"), std::string::npos) << e.what();
  }
}

// hand_built() plus w(1, 0) = 6, by row, each row's entries in ascending column: row 0 (col 0),
// row 1 (cols 0 then 2: the CSC lists column 0 before column 2), row 2 (col 2), rows 3 and 4
// (col 0).
TEST(RowBlockOffsets, RowMajorEntriesKeepColumnOrder) {
  Matrix w = hand_built();
  w(1, 0) = 6.0f;
  const cuda::RowMajorEntries m = cuda::row_major_entries(CscMatrix::from_dense(w));
  EXPECT_EQ(m.row_ptr, (std::vector<uint32_t>{0, 1, 3, 4, 5, 6}));
  EXPECT_EQ(m.col_idx, (std::vector<uint32_t>{0, 0, 2, 2, 0, 0}));
  EXPECT_EQ(m.values, (std::vector<float>{1.0f, 6.0f, 4.0f, 5.0f, 2.0f, 3.0f}));
}

}  // namespace
}  // namespace evsim
