// Daubechies filters from their definition: orthonormal (sum h^2 = 1, sum h = sqrt 2, even
// shifts orthogonal), N vanishing moments of the high-pass filter; the 2-D transform inverts
// itself on random images. (Equality with PyWavelets: tools/tests/test_wavelets.py.)
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

#include "core/dwt2d.hpp"
#include "core/error.hpp"
#include "core/wavelet_filters.hpp"
#include "network/wavelet_conv_op.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

TEST(WaveletFilters, OrthonormalWithVanishingMoments) {
  for (int n = 1; n <= 10; ++n) {
    const WaveletFilters f = daubechies(n);
    ASSERT_EQ(f.length(), 2 * n);
    double sum = 0;
    for (double v : f.rec_lo) sum += v;
    EXPECT_NEAR(sum, std::sqrt(2.0), 1e-12) << f.name;
    for (int64_t shift = 0; shift < f.length(); shift += 2) {
      double dot = 0;
      for (int64_t k = 0; k + shift < f.length(); ++k)
        dot += f.rec_lo[static_cast<size_t>(k)] * f.rec_lo[static_cast<size_t>(k + shift)];
      EXPECT_NEAR(dot, shift == 0 ? 1.0 : 0.0, 1e-10) << f.name << " shift " << shift;
    }
    for (int m = 0; m < n; ++m) {
      double moment = 0;
      for (int64_t k = 0; k < f.length(); ++k) moment += std::pow(double(k), m) * f.rec_hi[static_cast<size_t>(k)];
      EXPECT_NEAR(moment, 0.0, 1e-7 * std::pow(double(f.length()), m)) << f.name << " moment " << m;
    }
  }
  EXPECT_THROW(wavelet_filters("db0"), UsageError);
  EXPECT_THROW(wavelet_filters("coif1"), UsageError);
}

TEST(Dwt2d, InvertsItselfOnRandomImages) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> n(0, 1);
  for (int trial = 0; trial < 6; ++trial) {
    const int64_t rows = std::uniform_int_distribution<int64_t>(4, 60)(rng);
    const int64_t cols = std::uniform_int_distribution<int64_t>(4, 60)(rng);
    const int db = std::uniform_int_distribution<int>(1, 6)(rng);
    const int levels = std::uniform_int_distribution<int>(1, 4)(rng);
    SCOPED_TRACE(std::to_string(rows) + " x " + std::to_string(cols) + " db" + std::to_string(db) +
                 " J=" + std::to_string(levels));
    const Dwt2d dwt(daubechies(db), levels, rows, cols);
    std::vector<float> image(static_cast<size_t>(rows * cols)), back(image.size());
    for (float& v : image) v = n(rng);
    Wavelet2dCoeffs c;
    dwt.forward(image.data(), c);
    ASSERT_EQ(c.approx.size(), static_cast<size_t>(dwt.sizes().back().first * dwt.sizes().back().second));
    dwt.inverse(c, back.data());
    for (size_t k = 0; k < image.size(); ++k) EXPECT_NEAR(back[k], image[k], 1e-5f * float(levels)) << k;
  }
}

}  // namespace
}  // namespace evsim

namespace evsim {
namespace {

// WaveletConv2d (computed through the composite maps) against its definition: the level-by-level
// transform, per-coefficient mixing of the coarsest bands, finer details kept or zeroed.
TEST(WaveletConv, EqualsTheLevelByLevelDefinition) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> n(0, 1);
  for (bool keep : {true, false}) {
    WaveletConvParams p;
    p.wavelet = "db" + std::to_string(std::uniform_int_distribution<int>(1, 4)(rng));
    p.levels = std::uniform_int_distribution<int>(1, 3)(rng);
    p.in_channels = 3;
    p.out_channels = keep ? 3 : 2;
    p.rows = std::uniform_int_distribution<int64_t>(9, 30)(rng);
    p.cols = std::uniform_int_distribution<int64_t>(9, 30)(rng);
    p.keep_finer = keep;
    const Dwt2d dwt(wavelet_filters(p.wavelet), p.levels, p.rows, p.cols);
    const auto [h, w] = dwt.sizes().back();
    p.weight_approx.resize(static_cast<size_t>(3 * p.out_channels * h * w));
    p.weight_detail.resize(3 * p.weight_approx.size());
    for (float& v : p.weight_approx) v = n(rng);
    for (float& v : p.weight_detail) v = n(rng);
    SCOPED_TRACE(p.wavelet + " J=" + std::to_string(p.levels) + " " + std::to_string(p.rows) + " x " +
                 std::to_string(p.cols) + (keep ? " keep" : " zero"));
    const int64_t plane = p.rows * p.cols, band = h * w;
    Matrix x(3 * plane, 2), y;
    for (float* v = x.data(); v != x.data() + x.size(); ++v) *v = n(rng);
    WaveletConvOp op(p);
    op.compute(x, {}, y);
    for (int64_t b = 0; b < 2; ++b) {
      std::vector<Wavelet2dCoeffs> c(3);
      for (int64_t i = 0; i < 3; ++i) dwt.forward(x.col(b).data() + i * plane, c[static_cast<size_t>(i)]);
      for (int64_t o = 0; o < p.out_channels; ++o) {
        Wavelet2dCoeffs m = c[static_cast<size_t>(keep ? o : 0)];
        const size_t top = static_cast<size_t>(p.levels - 1);
        for (size_t l = 0; l < top; ++l)
          for (auto& d : m.detail[l])
            if (!keep) std::fill(d.begin(), d.end(), 0.0f);
        std::fill(m.approx.begin(), m.approx.end(), 0.0f);
        for (auto& d : m.detail[top]) std::fill(d.begin(), d.end(), 0.0f);
        for (int64_t i = 0; i < 3; ++i)
          for (int64_t q = 0; q < band; ++q) {
            const auto& ci = c[static_cast<size_t>(i)];
            m.approx[static_cast<size_t>(q)] +=
                ci.approx[static_cast<size_t>(q)] *
                p.weight_approx[static_cast<size_t>((i * p.out_channels + o) * band + q)];
            for (int k = 0; k < 3; ++k)
              m.detail[top][static_cast<size_t>(k)][static_cast<size_t>(q)] +=
                  ci.detail[top][static_cast<size_t>(k)][static_cast<size_t>(q)] *
                  p.weight_detail[static_cast<size_t>(((k * 3 + i) * p.out_channels + o) * band + q)];
          }
        std::vector<float> want(static_cast<size_t>(plane));
        dwt.inverse(m, want.data());
        float scale = 1e-3f;
        for (float v : want) scale = std::max(scale, std::abs(v));
        for (int64_t q = 0; q < plane; ++q)
          ASSERT_NEAR(y(o * plane + q, b), want[static_cast<size_t>(q)], 2e-5f * scale)
              << "channel " << o << " at " << q;
      }
    }
  }
}

}  // namespace
}  // namespace evsim
