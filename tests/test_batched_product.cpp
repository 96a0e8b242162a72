// The batched dense product (network/batched_product.hpp): every output is one fused
// multiply-add chain over the inputs in ascending order, starting from what y held, on any
// thread count: exactly the sums of event-by-event delivery (skipping an input whose value is
// zero adds a signed zero, which changes no sum), checked on random shapes that leave SIMD
// tails and partial sample groups.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "network/batched_product.hpp"
#include "network/dense_product.hpp"
#include "tests/cost_model_scope.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

// Event by event: each non-zero input, ascending, into each output by one fused multiply-add.
Matrix by_events(const Matrix& w, const Matrix& x, Matrix y) {
  for (int64_t b = 0; b < x.cols(); ++b)
    for (int64_t k = 0; k < x.rows(); ++k)
      if (x(k, b) != 0.0f)
        for (int64_t r = 0; r < w.rows(); ++r) y(r, b) = std::fma(w(r, k), x(k, b), y(r, b));
  return y;
}

TEST(BatchedProduct, EqualsEventByEventSumsOnAnyThreadCount) {
  const testing::CostModelScope regions(testing::free_regions_model());
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> n(0, 1);
  std::bernoulli_distribution fired(0.4);
  for (int trial = 0; trial < 12; ++trial) {
    // The first trials below 64 rows: the inputs read in place (batched_product.cpp); the rest
    // mostly transposed.
    const int64_t rows = std::uniform_int_distribution<int64_t>(1, trial < 3 ? 63 : 700)(rng);
    const int64_t cols = std::uniform_int_distribution<int64_t>(1, 300)(rng);
    const int64_t batch = std::uniform_int_distribution<int64_t>(2, 40)(rng);
    SCOPED_TRACE(std::to_string(rows) + " x " + std::to_string(cols) + ", batch " + std::to_string(batch));
    const Matrix w = Matrix::NullaryExpr(rows, cols, [&] { return n(rng); });
    const Matrix x = Matrix::NullaryExpr(cols, batch, [&] { return fired(rng) ? n(rng) : 0.0f; });
    const Matrix y0 = Matrix::NullaryExpr(rows, batch, [&] { return n(rng); });
    const Matrix want = by_events(w, x, y0);
    for (int t : {1, 2, 3, 7}) {
      Matrix y = y0;
      batched_product_add(w, x, y, t);
      EXPECT_TRUE(y == want) << t << " threads, max difference " << (y - want).cwiseAbs().maxCoeff();
    }
    Matrix fresh;
    dense_product(w, x, fresh, 2);  // dense mode from zero: the same chains
    EXPECT_TRUE(fresh == by_events(w, x, Matrix::Zero(rows, batch)));
  }
}

TEST(BatchedProduct, LargeEnoughToThreadStillEqualsOneThread) {
  const testing::CostModelScope regions(testing::free_regions_model());
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> n(0, 1);
  const Matrix w = Matrix::NullaryExpr(1029, 517, [&] { return n(rng); });
  const Matrix x = Matrix::NullaryExpr(517, 19, [&] { return n(rng); });
  Matrix one = Matrix::Zero(1029, 19);
  batched_product_add(w, x, one, 1);
  EXPECT_LT((one - w * x).cwiseAbs().maxCoeff(), 1e-3f * (1 + (w * x).cwiseAbs().maxCoeff()));
  for (int t : {2, 4, 16}) {
    Matrix y = Matrix::Zero(1029, 19);
    batched_product_add(w, x, y, t);
    EXPECT_TRUE(y == one) << t << " threads";
  }
}

}  // namespace
}  // namespace evsim
