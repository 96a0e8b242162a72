// Daubechies filters from their definition: orthonormal (sum h^2 = 1, sum h = sqrt 2, even
// shifts orthogonal), N vanishing moments of the high-pass filter; the 2-D transform inverts
// itself on random images. (Equality with PyWavelets: tools/tests/test_wavelets.py.)
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/dwt2d.hpp"
#include "core/error.hpp"
#include "core/wavelet_filters.hpp"
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
