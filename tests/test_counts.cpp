// Counters against numbers worked out by hand, and against counts recomputed in the test
// from the checkpoint's weights and the recorded activity.
#include <gtest/gtest.h>

#include <cmath>

#include "models/random_input.hpp"
#include "tests/cost_model_scope.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

ModelSpec tiny_linear() {
  ModelSpec s;
  s.graph.add("in", "Input").params["shape"] = Array::ints({1}, {2});
  s.graph.add("w", "Linear").params["weight"] = Array::floats({3, 2}, {1, 0, 0, 2, 3, 0});  // column nnz: 2, 1
  NodeSpec& li = s.graph.add("li", "LI");
  li.params["tau"] = Array::scalar(1e-2);
  li.params["r"] = Array::scalar(1.0);
  li.params["v_leak"] = Array::scalar(0.0);
  s.graph.add("out", "Output");
  s.graph.connect("in", "w");
  s.graph.connect("w", "li");
  s.graph.connect("li", "out");
  return s;
}

TEST(Counts, HandComputedBinaryInput) {
  Sequence x(3, 1, 2);
  x.data = {1, 1, 0, 1, 0, 0};
  for (Mode m : {Mode::Dense, Mode::Event}) {
    // A dear product: the selector would take it on so small a matrix.
    const testing::CostModelScope gathered(testing::dear_product_model());
    const RunResult r = testing::run_mode(tiny_linear(), m, x);
    const OpCounts& c = testing::layer(r, "w").counts;
    EXPECT_EQ(c.dense_macs, 18u);     // 3 x 2 weights x 3 steps
    EXPECT_EQ(c.effective_acs, 4u);   // (2 + 1) + 1
    EXPECT_EQ(c.effective_macs, 0u);  // input is binary
    EXPECT_EQ(c.events, 3u);          // non-zero inputs received
    EXPECT_DOUBLE_EQ(c.activity(), 0.5);
    // Dense: 6 floats x 3 steps. Event (density 50 %: gathered dense columns): 3 floats per
    // active input, inputs active 2 + 1 + 0.
    EXPECT_EQ(c.weight_bytes, m == Mode::Dense ? 72u : 36u);
    EXPECT_DOUBLE_EQ(testing::layer(r, "w").weight_density(), 0.5);
  }
}

TEST(Counts, HandComputedGradedInput) {
  Sequence x(2, 2, 2);
  x.data = {0.5f, 0, 0, -1, 0, 0, 0, 2};  // t0: b0 (0.5, 0), b1 (0, -1); t1: b0 (0, 0), b1 (0, 2)
  const RunResult r = testing::run_mode(tiny_linear(), Mode::Event, x);
  const OpCounts& c = testing::layer(r, "w").counts;
  EXPECT_EQ(c.effective_macs, 2u + 1u + 1u);  // step 0 graded (0.5): all its pairs are MACs
  EXPECT_EQ(c.effective_acs, 0u);
  EXPECT_EQ(c.dense_macs, 6u * 2u * 2u);
}

// Pairs (non-zero weight x non-zero input) of weight (row-major out x in) for input x.
uint64_t pairs(const Array& w, const Eigen::Ref<const Matrix>& x) {
  const int64_t rows = w.shape[0], cols = w.shape[1];
  uint64_t n = 0;
  for (Eigen::Index b = 0; b < x.cols(); ++b)
    for (int64_t j = 0; j < cols; ++j)
      if (x(j, b) != 0.0f)
        for (int64_t i = 0; i < rows; ++i) n += w.f[static_cast<size_t>(i * cols + j)] != 0.0f;
  return n;
}

TEST(Counts, EgruStackCountsMatchRecordedActivity) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_egru_stack(rng);
  const Sequence x = gaussian_input(12, 3, spec.graph.nodes[0].params.at("shape").i[0], rng());
  for (Mode m : {Mode::Dense, Mode::Event}) {
    const RunResult r = testing::run_mode(spec, m, x, true);
    Sequence below = x;  // input of the current layer
    for (const NodeRecording& rec : r.recording) {
      const NodeSpec& n = *spec.graph.find(rec.name);
      uint64_t expect = 0;
      Sequence y(rec.v.steps, rec.v.batch, rec.v.width);  // y from spikes (valued events)
      for (const Event& e : rec.spikes) y.step(e.step)(e.source, e.batch) = e.value;
      for (int64_t t = 0; t < x.steps; ++t) {
        expect += pairs(n.params.at("weight_ih"), below.step(t));
        if (t > 0) expect += pairs(n.params.at("weight_hh"), y.step(t - 1));
      }
      const LayerReport& l = testing::layer(r, rec.name);
      EXPECT_EQ(l.counts.effective_macs, expect) << rec.name << " mode " << mode_name(m);
      EXPECT_EQ(l.counts.events, rec.spikes.size());
      const auto h = static_cast<uint64_t>(rec.v.width);
      const auto in = static_cast<uint64_t>(below.width);
      EXPECT_EQ(l.counts.dense_macs, 3 * h * (in + h) * static_cast<uint64_t>(x.steps * x.batch));
      below = y;
    }
  }
}

TEST(Counts, SpikingNetCountsAreAcsFromRecordedSpikes) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_lif_net(rng, false, false);
  const int64_t n_in = spec.graph.nodes[0].params.at("shape").i[0];
  const Sequence x = spike_input(40, 2, n_in, rng(), 0.3);
  const RunResult r = testing::run_mode(spec, Mode::Event, x, true);
  Sequence s1(x.steps, x.batch, r.recording[0].v.width);
  for (const Event& e : r.recording[0].spikes) s1.step(e.step)(e.source, e.batch) = e.value;
  uint64_t fc1 = 0, fc2 = 0;
  for (int64_t t = 0; t < x.steps; ++t) {
    fc1 += pairs(spec.graph.find("fc1")->params.at("weight"), x.step(t));
    fc2 += pairs(spec.graph.find("fc2")->params.at("weight"), s1.step(t));
  }
  EXPECT_EQ(testing::layer(r, "fc1").counts.effective_acs, fc1);
  EXPECT_EQ(testing::layer(r, "fc2").counts.effective_acs, fc2);
  EXPECT_EQ(testing::layer(r, "fc1").counts.effective_macs, 0u);
}

}  // namespace
}  // namespace evsim

namespace evsim {
namespace {

// Cross-backend agreement (evsim compare): a moved event is a small relative count difference;
// a different shape is no agreement at all. One changed value of 100 moves the L2 error by
// its share, not by the value itself.
TEST(Counts, DiscrepancyAndL2ErrorBetweenBackends) {
  OpCounts a;
  a.dense_macs = 1000;
  a.unit_steps = 100;
  a.effective_macs = 400;
  a.events = 40;
  OpCounts b = a;
  EXPECT_EQ(count_discrepancy(a, b), 0.0);
  b.events = 41;
  b.effective_macs = 410;
  EXPECT_DOUBLE_EQ(count_discrepancy(a, b), 10.0 / 410.0);
  b.unit_steps = 101;
  EXPECT_TRUE(std::isinf(count_discrepancy(a, b)));
  Sequence x(1, 1, 100), y(1, 1, 100);
  for (int k = 0; k < 100; ++k) x.data[static_cast<size_t>(k)] = y.data[static_cast<size_t>(k)] = 1.0f;
  x.data[7] = 2.0f;  // ||x - y|| = 1, ||y|| = 10
  EXPECT_DOUBLE_EQ(relative_l2_error(x, y), 0.1);
  EXPECT_DOUBLE_EQ(max_relative_error(x, y), 1.0);
}

}  // namespace
}  // namespace evsim
