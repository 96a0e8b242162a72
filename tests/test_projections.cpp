// Each projection's dense and event paths against a naive reference written here.
#include <gtest/gtest.h>

#include <random>

#include "network/conv2d_projection.hpp"
#include "network/matrix_projection.hpp"
#include "network/pool2d_projection.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

Matrix random_sparse_input(std::mt19937_64& rng, int64_t n, int64_t b, double rate) {
  std::bernoulli_distribution on(rate);
  std::normal_distribution<float> val(0.0f, 1.0f);
  Matrix x = Matrix::Zero(n, b);
  for (Eigen::Index k = 0; k < x.size(); ++k)
    if (on(rng)) x.data()[k] = val(rng);
  return x;
}

Matrix deliver_all(const Projection& p, const Matrix& x) {
  Matrix y = Matrix::Zero(p.out_size(), x.cols());
  for (Eigen::Index b = 0; b < x.cols(); ++b)
    for (Eigen::Index j = 0; j < x.rows(); ++j)
      if (x(j, b) != 0.0f) p.deliver(static_cast<uint32_t>(j), x(j, b), y.col(b).data());
  return y;
}

TEST(MatrixProjection, DenseAndEventMatchReferenceAndCountNonZeros) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const Array a = testing::random_weight(rng, 17, 23, 0.3, false);
  Matrix w(17, 23);
  for (int r = 0; r < 17; ++r)
    for (int c = 0; c < 23; ++c) w(r, c) = a.f[static_cast<size_t>(r * 23 + c)];
  MatrixProjection p(w);
  const Matrix x = random_sparse_input(rng, 23, 3, 0.4);
  Matrix ref = Matrix::Zero(17, 3);
  for (int b = 0; b < 3; ++b)
    for (int r = 0; r < 17; ++r)
      for (int c = 0; c < 23; ++c) ref(r, b) += w(r, c) * x(c, b);
  Matrix y;
  p.forward_dense(x, y);
  EXPECT_LT((y - ref).cwiseAbs().maxCoeff(), 1e-5f);
  EXPECT_LT((deliver_all(p, x) - ref).cwiseAbs().maxCoeff(), 1e-5f);
  uint64_t nnz = 0;
  for (int c = 0; c < 23; ++c) {
    uint32_t col = 0;
    for (int r = 0; r < 17; ++r) col += w(r, c) != 0.0f;
    EXPECT_EQ(p.fanout()[static_cast<size_t>(c)], col);
    nnz += col;
  }
  EXPECT_EQ(p.nnz(), nnz);
  EXPECT_EQ(p.dense_macs(), 17u * 23u);
}

struct ConvCase {
  int64_t cin, h, w, cout, kh, kw, stride, pad, dil, groups;
};

class Conv2dParity : public ::testing::TestWithParam<ConvCase> {};

TEST_P(Conv2dParity, DenseAndEventMatchDirectConvolution) {
  const ConvCase c = GetParam();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Conv2dGeometry g;
  g.in_channels = c.cin;
  g.in_h = c.h;
  g.in_w = c.w;
  g.out_channels = c.cout;
  g.kernel_h = c.kh;
  g.kernel_w = c.kw;
  g.stride = {c.stride, c.stride};
  g.padding = {c.pad, c.pad};
  g.dilation = {c.dil, c.dil};
  g.groups = c.groups;
  const int64_t cin_g = c.cin / c.groups, cout_g = c.cout / c.groups;
  Array wa = testing::random_weight(rng, c.cout, cin_g * c.kh * c.kw, 0.6, false);
  Conv2dProjection p(g, wa.f);
  const int64_t oh = g.out_h(), ow = g.out_w();
  const Matrix x = random_sparse_input(rng, c.cin * c.h * c.w, 2, 0.5);
  Matrix ref = Matrix::Zero(c.cout * oh * ow, 2);
  uint64_t in_bounds = 0;
  std::vector<uint32_t> fan(static_cast<size_t>(x.rows()), 0);
  for (int64_t co = 0; co < c.cout; ++co)
    for (int64_t oy = 0; oy < oh; ++oy)
      for (int64_t ox = 0; ox < ow; ++ox)
        for (int64_t ci = 0; ci < cin_g; ++ci)
          for (int64_t ky = 0; ky < c.kh; ++ky)
            for (int64_t kx = 0; kx < c.kw; ++kx) {
              const int64_t iy = oy * c.stride - c.pad + ky * c.dil, ix = ox * c.stride - c.pad + kx * c.dil;
              if (iy < 0 || iy >= c.h || ix < 0 || ix >= c.w) continue;
              const int64_t cin_abs = (co / cout_g) * cin_g + ci;
              const int64_t src = (cin_abs * c.h + iy) * c.w + ix;
              const float w = wa.f[static_cast<size_t>(((co * cin_g + ci) * c.kh + ky) * c.kw + kx)];
              ++in_bounds;
              if (w != 0.0f) ++fan[static_cast<size_t>(src)];
              for (int b = 0; b < 2; ++b) ref((co * oh + oy) * ow + ox, b) += w * x(src, b);
            }
  Matrix y;
  p.forward_dense(x, y);
  EXPECT_LT((y - ref).cwiseAbs().maxCoeff(), 1e-4f);
  EXPECT_LT((deliver_all(p, x) - ref).cwiseAbs().maxCoeff(), 1e-4f);
  EXPECT_EQ(p.dense_macs(), in_bounds);
  EXPECT_EQ(p.fanout(), fan);
}

INSTANTIATE_TEST_SUITE_P(Shapes, Conv2dParity,
                         ::testing::Values(ConvCase{2, 9, 9, 4, 3, 3, 1, 1, 1, 1},
                                           ConvCase{3, 11, 8, 6, 5, 3, 2, 2, 1, 1},
                                           ConvCase{4, 10, 10, 8, 3, 3, 1, 0, 2, 2},
                                           ConvCase{2, 34, 34, 16, 5, 5, 2, 1, 1, 1},
                                           ConvCase{4, 7, 7, 4, 1, 1, 1, 0, 1, 4}));

TEST(Pool2dProjection, SumAndAverageMatchDirectPooling) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (bool avg : {false, true}) {
    Pool2dGeometry g;
    g.channels = 3;
    g.in_h = 9;
    g.in_w = 7;
    g.kernel = {3, 2};
    g.stride = {2, 2};
    g.padding = {1, 0};
    Pool2dProjection p(g, avg);
    const Matrix x = random_sparse_input(rng, 3 * 9 * 7, 2, 0.5);
    const int64_t oh = g.out_h(), ow = g.out_w();
    Matrix ref = Matrix::Zero(3 * oh * ow, 2);
    for (int b = 0; b < 2; ++b)
      for (int64_t c = 0; c < 3; ++c)
        for (int64_t oy = 0; oy < oh; ++oy)
          for (int64_t ox = 0; ox < ow; ++ox)
            for (int64_t ky = 0; ky < 3; ++ky)
              for (int64_t kx = 0; kx < 2; ++kx) {
                const int64_t iy = oy * 2 - 1 + ky, ix = ox * 2 + kx;
                if (iy >= 0 && iy < 9 && ix >= 0 && ix < 7)
                  ref((c * oh + oy) * ow + ox, b) += x((c * 9 + iy) * 7 + ix, b) * (avg ? 1.0f / 6.0f : 1.0f);
              }
    Matrix y;
    p.forward_dense(x, y);
    EXPECT_LT((y - ref).cwiseAbs().maxCoeff(), 1e-5f);
    EXPECT_LT((deliver_all(p, x) - ref).cwiseAbs().maxCoeff(), 1e-5f);
    EXPECT_FALSE(p.synaptic());
  }
}

}  // namespace
}  // namespace evsim

#include "core/error.hpp"
#include "network/blocked_csc.hpp"

namespace evsim {
namespace {

// Every non-zero, column by column in ascending row, and nothing else: negative zeros are
// zeros; empty and full columns, no rows at all.
TEST(CscMatrix, FromDenseKeepsEveryNonZeroInColumnOrder) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (const double density : {0.0, 0.03, 0.5, 1.0}) {
    const int64_t rows = std::uniform_int_distribution<int64_t>(0, 70)(rng);
    const int64_t cols = std::uniform_int_distribution<int64_t>(1, 40)(rng);
    Matrix w = testing::random_matrix(rng, rows, cols, density);
    for (Eigen::Index k = 0; k < w.size(); k += 7)
      if (w.data()[k] == 0.0f) w.data()[k] = -0.0f;
    SCOPED_TRACE(std::to_string(rows) + " x " + std::to_string(cols) + ", density " + std::to_string(density));
    std::vector<uint64_t> ptr{0};
    std::vector<uint32_t> idx;
    std::vector<float> val;
    for (int64_t c = 0; c < cols; ++c) {
      for (int64_t r = 0; r < rows; ++r)
        if (w(r, c) != 0.0f) {
          idx.push_back(static_cast<uint32_t>(r));
          val.push_back(w(r, c));
        }
      ptr.push_back(idx.size());
    }
    const CscMatrix m = CscMatrix::from_dense(w);
    EXPECT_EQ(m.col_ptr, ptr);
    EXPECT_EQ(m.row_idx, idx);
    EXPECT_EQ(m.values, val);
  }
}

// scipy's compressed layouts, read without the dense matrix, give the dense matrix's CSC and
// blocked CSC exactly (zeros dropped, rows sorted); a sparse-built projection delivers like
// the dense-built one; inconsistent arrays are errors.
TEST(SparseWeights, CompressedLayoutsEqualTheDenseOnes) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const Matrix w = testing::random_matrix(rng, 37, 23, 0.2);
  std::vector<int64_t> rptr{0}, ridx, cptr{0}, cidx;
  std::vector<float> rval, cval;
  for (int64_t r = 0; r < w.rows(); ++r) {
    for (int64_t c = 0; c < w.cols(); ++c)
      if (w(r, c) != 0.0f || c == 3) {  // one explicit zero per row: dropped
        ridx.push_back(c);
        rval.push_back(w(r, c));
      }
    rptr.push_back(static_cast<int64_t>(ridx.size()));
  }
  for (int64_t c = 0; c < w.cols(); ++c) {
    for (int64_t r = w.rows() - 1; r >= 0; --r)  // rows unsorted within the column
      if (w(r, c) != 0.0f) {
        cidx.push_back(r);
        cval.push_back(w(r, c));
      }
    cptr.push_back(static_cast<int64_t>(cidx.size()));
  }
  const CscMatrix want = CscMatrix::from_dense(w);
  for (const CscMatrix& got : {CscMatrix::from_compressed(true, 37, 23, rptr, ridx, rval),
                               CscMatrix::from_compressed(false, 37, 23, cptr, cidx, cval)}) {
    EXPECT_EQ(got.col_ptr, want.col_ptr);
    EXPECT_EQ(got.row_idx, want.row_idx);
    EXPECT_EQ(got.values, want.values);
    const BlockedCsc a = BlockedCsc::from_csc(got, 16), b = BlockedCsc::from_dense(w, 16);
    EXPECT_EQ(a.ptr, b.ptr);
    EXPECT_EQ(a.off, b.off);
    EXPECT_EQ(a.val, b.val);
  }
  MatrixProjection sparse(CscMatrix::from_compressed(true, 37, 23, rptr, ridx, rval)), dense(w);
  EXPECT_EQ(sparse.nnz(), dense.nnz());
  EXPECT_EQ(sparse.weight(), w);  // dense mode's copy, formed on demand
  const GatheredInputs in = testing::random_gathered(rng, 23, 3, 0.3, false);
  Matrix ys = Matrix::Zero(37, 3), yd = Matrix::Zero(37, 3);
  sparse.deliver_gathered(in, ys, SumOrder::Reference);
  dense.deliver_gathered(in, yd, SumOrder::Reference);
  EXPECT_EQ(ys, yd);
  auto bad_ptr = rptr;
  bad_ptr[5] = bad_ptr[6] + 1;
  EXPECT_THROW(CscMatrix::from_compressed(true, 37, 23, bad_ptr, ridx, rval), Error);
  auto bad_idx = ridx;
  bad_idx[0] = 23;
  EXPECT_THROW(CscMatrix::from_compressed(true, 37, 23, rptr, bad_idx, rval), Error);
  EXPECT_THROW(CscMatrix::from_compressed(true, 2, 2, {0, 2, 2}, {1, 1}, {1.0f, 2.0f}), Error);  // stored twice
  EXPECT_THROW(CscMatrix::from_compressed(false, 2, 2, {0, 1}, {0}, {1.0f}), Error);             // indptr short
}

}  // namespace
}  // namespace evsim
