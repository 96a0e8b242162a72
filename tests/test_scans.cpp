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

// The column tally (events, effective ops, binary or not, the union masks) and the mask scan
// against plain loops: fan-outs near 2^32 (a sum past 32 bits), values of +-1 only or with one
// graded value, NaN among them, marks already set by an earlier column.
TEST(Scans, ColumnTallyAndMaskIndicesMatchAPlainLoop) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 200; ++trial) {
    const int64_t n = std::uniform_int_distribution<int64_t>(0, 300)(rng);
    const double p = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    const bool spikes = trial % 2 == 0;
    std::vector<float> x(static_cast<size_t>(n), 0.0f);
    std::vector<uint32_t> fanout(static_cast<size_t>(n));
    std::vector<uint16_t> seen(static_cast<size_t>((n + 15) / 16)), want_seen;
    for (int64_t i = 0; i < n; ++i) {
      const auto k = static_cast<size_t>(i);
      fanout[k] = trial % 3 == 0 ? 0xffffffffu - static_cast<uint32_t>(rng() % 7) : static_cast<uint32_t>(rng() % 1000);
      if (std::bernoulli_distribution(p)(rng)) x[k] = spikes ? (rng() % 2 ? 1.0f : -1.0f) : 0.5f + float(rng() % 9);
      if (std::bernoulli_distribution(0.1)(rng)) seen[k / 16] |= static_cast<uint16_t>(1u << (k % 16));
    }
    if (spikes && n > 0 && trial % 8 == 0) x[rng() % static_cast<size_t>(n)] = trial % 16 ? 0.25f : std::nanf("");
    uint64_t events = 0, pairs = 0;
    bool binary = true;
    want_seen = seen;
    for (size_t k = 0; k < x.size(); ++k)
      if (x[k] != 0.0f) {
        ++events;
        pairs += fanout[k];
        binary = binary && (x[k] == 1.0f || x[k] == -1.0f);
        want_seen[k / 16] |= static_cast<uint16_t>(1u << (k % 16));
      }
    const ColumnTally t = tally_column(x.data(), fanout.data(), n, seen.data());
    EXPECT_EQ(t.events, events) << "trial " << trial;
    EXPECT_EQ(t.pairs, pairs) << "trial " << trial;
    EXPECT_EQ(t.binary, binary) << "trial " << trial;
    EXPECT_EQ(seen, want_seen) << "trial " << trial;
    const ColumnTally unmarked = tally_column(x.data(), fanout.data(), n, nullptr);
    EXPECT_EQ(unmarked.pairs, pairs);
    std::vector<uint32_t> want, got(static_cast<size_t>(n));
    for (size_t k = 0; k < x.size(); ++k)
      if ((seen[k / 16] >> (k % 16)) & 1u) want.push_back(static_cast<uint32_t>(k));
    got.resize(mask_indices(seen.data(), n, got.data()));
    EXPECT_EQ(got, want) << "trial " << trial;
  }
}

}  // namespace
}  // namespace evsim
