// The Darcy data generator: the field's transform is the orthonormal inverse DCT (against a
// direct cosine sum), its mode scales are the covariance's (by hand), the solver's solution
// satisfies the discrete PDE (the stencil written out again here), and generation is
// deterministic for a seed on any thread count. Bad options fail with one-line errors; the
// solves run at once fit the memory budget.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "data/cosine_field.hpp"
#include "data/darcy_data.hpp"
#include "data/darcy_solver.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

constexpr double kPi = std::numbers::pi;

TEST(CosineField, TransformIsTheOrthonormalInverseDct) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> n(0, 1);
  for (int64_t s : {5, 8}) {
    const CosineFieldSampler field(s);
    std::vector<double> modes(static_cast<size_t>(s * s)), out;
    for (double& m : modes) m = n(rng);
    field.from_modes(modes, out);
    auto w = [&](int64_t k) { return k == 0 ? std::sqrt(1.0 / double(s)) : std::sqrt(2.0 / double(s)); };
    for (int64_t i = 0; i < s; ++i)
      for (int64_t j = 0; j < s; ++j) {
        double sum = 0;
        for (int64_t k = 0; k < s; ++k)
          for (int64_t l = 0; l < s; ++l)
            sum += modes[static_cast<size_t>(k * s + l)] * w(k) * w(l) *
                   std::cos(kPi * double(k) * (double(i) + 0.5) / double(s)) *
                   std::cos(kPi * double(l) * (double(j) + 0.5) / double(s));
        EXPECT_NEAR(out[static_cast<size_t>(i * s + j)], sum, 1e-12) << "size " << s << " at " << i << ", " << j;
      }
  }
}

TEST(CosineField, ModeScalesFollowTheCovariance) {
  const CosineFieldSampler field(16, CosineFieldOptions{2.0, 3.0});
  EXPECT_EQ(field.mode_scale(0, 0), 0.0);  // mean zero
  // s tau^(alpha - 1) (pi^2 (k^2 + l^2) + tau^2)^(-alpha / 2), alpha 2, tau 3:
  EXPECT_NEAR(field.mode_scale(1, 0), 16 * 3 / (kPi * kPi + 9), 1e-12);
  EXPECT_NEAR(field.mode_scale(2, 3), 16 * 3 / (13 * kPi * kPi + 9), 1e-12);
}

// The residual of the five-point scheme, written out independently of the solver.
double max_residual(const std::vector<double>& a, const std::vector<double>& u, int64_t s) {
  const double h2 = 1.0 / double((s - 1) * (s - 1));
  auto A = [&](int64_t i, int64_t j) { return a[static_cast<size_t>(i * s + j)]; };
  auto U = [&](int64_t i, int64_t j) { return u[static_cast<size_t>(i * s + j)]; };
  double worst = 0;
  for (int64_t i = 1; i + 1 < s; ++i)
    for (int64_t j = 1; j + 1 < s; ++j) {
      const double flux = (A(i, j) + A(i + 1, j)) / 2 * (U(i, j) - U(i + 1, j)) +
                          (A(i, j) + A(i - 1, j)) / 2 * (U(i, j) - U(i - 1, j)) +
                          (A(i, j) + A(i, j + 1)) / 2 * (U(i, j) - U(i, j + 1)) +
                          (A(i, j) + A(i, j - 1)) / 2 * (U(i, j) - U(i, j - 1));
      worst = std::max(worst, std::abs(flux / h2 - 1.0));
    }
  return worst;
}

TEST(DarcySolver, SolutionSatisfiesTheDiscretePde) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const int64_t s = std::uniform_int_distribution<int64_t>(5, 40)(rng);
  std::vector<double> a(static_cast<size_t>(s * s));
  for (double& v : a) v = std::bernoulli_distribution(0.5)(rng) ? 12.0 : 3.0;
  const std::vector<double> u = solve_darcy(a, s);
  EXPECT_LT(max_residual(a, u, s), 1e-9) << "grid " << s;
  for (int64_t k = 0; k < s; ++k) {  // the boundary is zero, the inside positive (f = 1 > 0)
    EXPECT_EQ(u[static_cast<size_t>(k)], 0.0);
    EXPECT_EQ(u[static_cast<size_t>((s - 1) * s + k)], 0.0);
    EXPECT_EQ(u[static_cast<size_t>(k * s)], 0.0);
    EXPECT_EQ(u[static_cast<size_t>(k * s + s - 1)], 0.0);
  }
  EXPECT_GT(u[static_cast<size_t>((s / 2) * s + s / 2)], 0.0);
  // A constant coefficient c: the solution of the constant-1 problem divided by c.
  const std::vector<double> one = solve_darcy(std::vector<double>(a.size(), 1.0), s);
  const std::vector<double> four = solve_darcy(std::vector<double>(a.size(), 4.0), s);
  for (size_t k = 0; k < one.size(); ++k) EXPECT_NEAR(four[k], one[k] / 4, 1e-12);
  EXPECT_THROW(solve_darcy(std::vector<double>(a.size(), 0.0), s), UsageError);
}

TEST(DarcyData, DeterministicForASeedOnAnyThreadCount) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  DarcyOptions o;
  o.samples = 5;
  o.resolution = 9;
  o.solve_resolution = 17;
  o.seed = seed;
  o.threads = 1;
  const DarcySet one = generate_darcy(o);
  o.threads = 3;
  const DarcySet three = generate_darcy(o);
  EXPECT_EQ(one.coeff, three.coeff);
  EXPECT_EQ(one.sol, three.sol);
  for (float v : one.coeff) EXPECT_TRUE(v == 12.0f || v == 3.0f);
  o.seed = seed + 1;
  EXPECT_NE(generate_darcy(o).coeff, one.coeff);
  // Samples differ from one another (each draws from its own generator).
  EXPECT_FALSE(std::equal(one.coeff.begin(), one.coeff.begin() + 81, one.coeff.begin() + 81));
}

TEST(DarcyData, BadOptionsAreUsageErrors) {
  DarcyOptions o;
  o.samples = 1;
  o.resolution = 85;
  o.solve_resolution = 100;  // 99 is no multiple of 84
  EXPECT_THROW(generate_darcy(o), UsageError);
  o.solve_resolution = 43;  // below R
  EXPECT_THROW(generate_darcy(o), UsageError);
  o.solve_resolution = 0;
  o.samples = 0;
  EXPECT_THROW(generate_darcy(o), UsageError);
}

// The solves run at once are as many as fit the budget beside the stored fields (the header's
// model of a solve's memory, written out again here), never more than asked, and none is an error.
TEST(DarcyData, SolvesAtOnceFitTheMemoryBudget) {
  struct Restore {
    uint64_t saved = memory_budget();
    ~Restore() { set_memory_budget(saved); }
  } restore;
  DarcyOptions o;
  o.samples = 10;
  o.resolution = 65;
  o.threads = 8;
  const double nodes = 65.0 * 65.0, stored = 8.0 * 10 * nodes, solve = 48.0 * std::log2(nodes) * nodes;
  set_memory_budget(static_cast<uint64_t>(stored + 3.5 * solve));
  EXPECT_EQ(darcy_threads(o), 3);
  set_memory_budget(static_cast<uint64_t>(stored + 100 * solve));
  EXPECT_EQ(darcy_threads(o), 8);
  set_memory_budget(static_cast<uint64_t>(stored + 0.5 * solve));
  EXPECT_THROW(darcy_threads(o), Error);
  EXPECT_THROW(generate_darcy(o), Error);
  set_memory_budget(static_cast<uint64_t>(0.9 * stored));
  EXPECT_THROW(darcy_threads(o), Error);
}

}  // namespace
}  // namespace evsim
