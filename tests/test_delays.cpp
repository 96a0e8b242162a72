// Per-synapse delays (a sparse weight group's `delay`): outputs and counts against values
// worked out by hand, dense and event mode alike on random recurrent networks, and errors.
#include <gtest/gtest.h>

#include <random>

#include "backends/runner.hpp"
#include "core/error.hpp"
#include "models/random_input.hpp"
#include "models/weight_layout.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

// A csr weight group with one delay (seconds) per stored entry.
void sparse_delayed(NodeSpec& n, int64_t rows, int64_t cols, std::vector<int64_t> indptr, std::vector<int64_t> indices,
                    std::vector<float> data, std::vector<float> delay) {
  const auto nnz = static_cast<int64_t>(data.size());
  set_sparse_weight(n, true, rows, cols, std::move(indptr), std::move(indices), Array::floats({nnz}, std::move(data)));
  n.params["weight/delay"] = Array::floats({static_cast<int64_t>(delay.size())}, std::move(delay));
}

// in (3) -> W (2 x 3, delays in steps: w00 0, w02 3, w11 1, w12 0) -> out.
ModelSpec small_net(std::vector<float> delay_s) {
  ModelSpec s;
  s.graph.add("in", "Input").params["shape"] = Array::ints({1}, {3});
  sparse_delayed(s.graph.add("w", "Linear"), 2, 3, {0, 2, 4}, {0, 2, 1, 2}, {1.0f, 0.5f, 2.0f, 0.25f},
                 std::move(delay_s));
  s.graph.add("out", "Output");
  s.graph.connect("in", "w");
  s.graph.connect("w", "out");
  return s;
}

TEST(SynapticDelays, EachSynapseDeliversItsOwnStepsLater) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  const ModelSpec spec = small_net({0.0f, 3e-3f, 1e-3f, 0.0f});
  const int64_t steps = 12, batch = 2;
  const Sequence x = spike_input(steps, batch, 3, seed, 0.5);
  auto in = [&](int64_t t, int64_t b, int64_t j) { return t < 0 ? 0.0f : x.step(t)(j, b); };
  uint64_t acs = 0, events = 0;
  for (int64_t t = 0; t < steps; ++t)
    for (int64_t b = 0; b < batch; ++b) {
      for (int64_t j = 0; j < 3; ++j) events += in(t, b, j) != 0.0f;
      acs += (in(t, b, 0) != 0.0f) + (in(t - 3, b, 2) != 0.0f) + (in(t - 1, b, 1) != 0.0f) + (in(t, b, 2) != 0.0f);
    }
  for (Mode mode : {Mode::Dense, Mode::Event}) {
    SCOPED_TRACE(mode_name(mode));
    const RunResult r = testing::run_mode(spec, mode, x, false, 1e-3);
    for (int64_t t = 0; t < steps; ++t)
      for (int64_t b = 0; b < batch; ++b) {
        EXPECT_EQ(r.output.step(t)(0, b), 1.0f * in(t, b, 0) + 0.5f * in(t - 3, b, 2)) << "t " << t << " b " << b;
        EXPECT_EQ(r.output.step(t)(1, b), 2.0f * in(t - 1, b, 1) + 0.25f * in(t, b, 2)) << "t " << t << " b " << b;
      }
    EXPECT_EQ(r.layers.at(0).counts.effective_acs, acs);
    EXPECT_EQ(r.layers.at(0).counts.events, events);
    EXPECT_EQ(r.layers.at(0).counts.dense_macs, static_cast<uint64_t>(6 * steps * batch));
  }
}

// A Linear of `wide` inputs: input 7 reaches output 0 after `d` steps (weight 1.5), the last
// input reaches output 1 at once (weight 2).
ModelSpec long_delay_net(int64_t wide, int64_t d) {
  ModelSpec s;
  s.graph.add("in", "Input").params["shape"] = Array::ints({1}, {wide});
  sparse_delayed(s.graph.add("w", "Linear"), 2, wide, {0, 1, 2}, {7, wide - 1}, {1.5f, 2.0f},
                 {static_cast<float>(static_cast<double>(d) * 1e-4), 0.0f});
  s.graph.add("out", "Output");
  s.graph.connect("in", "w");
  s.graph.connect("w", "out");
  return s;
}

// The longest delay (100,000 steps): a port keeps the events of each step it may still deliver,
// not every input of each step (on 100,000 inputs that was 100,001 x 100,000 floats, 40 GB,
// allocated at the run's start); the event arrives exactly that many steps later.
TEST(SynapticDelays, LongDelaysKeepEventsNotInputs) {
  const int64_t d = 100000;
  {
    Graph g = build_graph(long_delay_net(100000, d), 1e-4);
    auto runner = make_runner("cpu", Mode::Event, g);
    runner->begin(1);
    Sequence x(2, 1, 100000);
    x.step(0)(7, 0) = x.step(0)(99999, 0) = 1.0f;
    EXPECT_EQ(runner->step(x).step(0)(1, 0), 2.0f);  // the undelayed synapse at once
  }
  Graph g = build_graph(long_delay_net(16, d), 1e-4);
  for (Mode mode : {Mode::Dense, Mode::Event}) {
    SCOPED_TRACE(mode_name(mode));
    auto runner = make_runner("cpu", mode, g);
    runner->begin(1);
    Sequence x(d + 2, 1, 16);
    x.step(0)(7, 0) = 1.0f;
    const Sequence y = runner->step(x);
    for (int64_t t = 0; t < d + 2; ++t) ASSERT_EQ(y.step(t)(0, 0), t == d ? 1.5f : 0.0f) << "t " << t;
    EXPECT_EQ(runner->finish().layers.at(0).counts.effective_acs, 1u);
  }
}

// A recurrent LIF network whose recurrent synapses have random delays of 0-5 steps: dense and
// event mode give the same spikes and counts (dyadic weights: exact sums in any order), and
// the delays matter (the same network without them spikes otherwise).
TEST(SynapticDelays, RecurrentNetsAgreeInBothModes) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed), same = rng;
  const ModelSpec delayed = testing::random_delayed_net(rng);
  const ModelSpec flat = testing::random_delayed_net(same, {.flat = true});
  const Sequence x = spike_input(60, 2, 6, rng(), 0.3);
  const RunResult d = testing::run_mode(delayed, Mode::Dense, x, false, 1e-3);
  const RunResult e = testing::run_mode(delayed, Mode::Event, x, false, 1e-3);
  EXPECT_TRUE(e.output.data == d.output.data);
  ASSERT_EQ(d.layers.size(), e.layers.size());
  for (size_t k = 0; k < d.layers.size(); ++k) {
    SCOPED_TRACE(d.layers[k].name);
    EXPECT_EQ(d.layers[k].counts.effective_acs, e.layers[k].counts.effective_acs);
    EXPECT_EQ(d.layers[k].counts.effective_macs, e.layers[k].counts.effective_macs);
    EXPECT_EQ(d.layers[k].counts.events, e.layers[k].counts.events);
  }
  double spikes = 0;
  for (float v : e.output.data) spikes += v;
  const std::vector<float>& delays = delayed.graph.find("rec")->params.at("weight/delay").f;
  if (spikes > 0 && std::any_of(delays.begin(), delays.end(), [](float v) { return v > 0; })) {
    const RunResult f = testing::run_mode(flat, Mode::Event, x, false, 1e-3);
    EXPECT_FALSE(f.output.data == e.output.data) << "the delays changed nothing";
  }
}

TEST(SynapticDelays, BadDelaysNameTheDataset) {
  for (const auto& d : {std::vector<float>{0.0f, -1e-3f, 0.0f, 0.0f}, std::vector<float>{0.0f, 0.0f, 0.0f},
                        std::vector<float>{0.0f, 1e3f, 0.0f, 0.0f}}) {
    try {
      build_graph(small_net(d), 1e-3);
      ADD_FAILURE() << "accepted";
    } catch (const CheckpointError& e) {
      EXPECT_NE(std::string(e.what()).find("weight/delay"), std::string::npos) << e.what();
    }
  }
  ModelSpec s = small_net({0.0f, 3e-3f, 1e-3f, 0.0f});
  EXPECT_THROW(store_weights_dense(s), CheckpointError);  // dense storage cannot keep them
}

}  // namespace
}  // namespace evsim
