// Vectorised scans (core/nonzero.hpp, core/tensor.hpp) against plain loops.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

#include "core/nonzero.hpp"
#include "core/tensor.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

// The vectorised scans against a plain loop: random lengths (SIMD body and tail), activity
// from none to all, and the values a compare can get wrong (-0 is zero; NaN and Inf are not).
TEST(Scans, NonzeroIndicesAndAllFiniteMatchAPlainLoop) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const float odd[] = {-0.0f, std::nanf(""), INFINITY, -INFINITY, 1e-45f};
  for (int trial = 0; trial < 200; ++trial) {
    const int64_t n = std::uniform_int_distribution<int64_t>(0, 300)(rng);
    const double p = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    Matrix x = Matrix::Zero(std::max<int64_t>(n, 1), n > 0 ? 1 : 0);
    for (int64_t i = 0; i < n; ++i) {
      if (std::bernoulli_distribution(p)(rng)) x(i, 0) = std::normal_distribution<float>(0.0f, 1.0f)(rng);
      if (trial % 4 == 0 && std::bernoulli_distribution(0.05)(rng)) x(i, 0) = odd[rng() % 5];
    }
    std::vector<uint32_t> want, got(static_cast<size_t>(n));
    bool finite = true;
    for (int64_t i = 0; i < n; ++i) {
      if (x(i, 0) != 0.0f) want.push_back(static_cast<uint32_t>(i));
      finite = finite && std::isfinite(x(i, 0));
    }
    got.resize(nonzero_indices(x.data(), n, got.data()));
    EXPECT_EQ(got, want) << "n " << n << ", trial " << trial;
    EXPECT_EQ(all_finite(x), finite) << "n " << n << ", trial " << trial;
  }
}

}  // namespace
}  // namespace evsim
