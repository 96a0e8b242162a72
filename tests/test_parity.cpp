// Dense vs event mode on random models with fresh seeds (printed on failure), in the
// spirit of ggml's test-backend-ops: every model family, both modes, same outputs.
#include <gtest/gtest.h>

#include "models/random_input.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

void expect_parity(const ModelSpec& spec, const Sequence& x, double tolerance, double dt = 1e-3) {
  const RunResult d = testing::run_mode(spec, Mode::Dense, x, false, dt);
  const RunResult e = testing::run_mode(spec, Mode::Event, x, false, dt);
  EXPECT_LE(testing::rel_err(e.output, d.output), tolerance);
  ASSERT_EQ(d.layers.size(), e.layers.size());
  for (size_t k = 0; k < d.layers.size(); ++k) {
    SCOPED_TRACE(d.layers[k].name);
    EXPECT_EQ(d.layers[k].counts.dense_macs, e.layers[k].counts.dense_macs);
    EXPECT_EQ(d.layers[k].counts.effective_macs, e.layers[k].counts.effective_macs);
    EXPECT_EQ(d.layers[k].counts.effective_acs, e.layers[k].counts.effective_acs);
    EXPECT_EQ(d.layers[k].counts.events, e.layers[k].counts.events);
  }
}

class Parity : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    seed_ = testing::fresh_seed();
    rng_.seed(seed_);
  }
  std::string trace() const { return "seed=" + std::to_string(seed_) + " (EVSIM_TEST_SEED to replay)"; }
  uint64_t seed_ = 0;
  std::mt19937_64 rng_;
};

TEST_P(Parity, LifNetsAgreeExactly) {
  SCOPED_TRACE(trace());
  const bool cuba = GetParam() % 2, recurrent = GetParam() % 3 != 0;
  const ModelSpec spec = testing::random_lif_net(rng_, cuba, recurrent);
  const Sequence x = spike_input(50, 3, spec.graph.nodes[0].params.at("shape").i[0], rng_(), 0.4);
  expect_parity(spec, x, 0.0);  // dyadic weights x binary spikes: exact sums in both modes
}

// Two synaptic currents per neuron (CUBA Euler / exact, COBA): the recurrent E/I projection
// delivers the same sums in both modes.
TEST_P(Parity, ExcitatoryInhibitoryNetsAgreeExactly) {
  SCOPED_TRACE(trace());
  const auto kind = static_cast<testing::EiKind>(GetParam() % 3);
  const ModelSpec spec = testing::random_ei_net(rng_, kind);
  const Sequence x = spike_input(60, 3, spec.graph.nodes[0].params.at("shape").i[0], rng_(), 0.4);
  expect_parity(spec, x, 0.0);
  const RunResult r = testing::run_mode(spec, Mode::Event, x, false, 1e-3);
  uint64_t events = 0;
  for (const auto& l : r.layers) events += l.name == "ei" ? l.counts.events : 0;
  EXPECT_GT(events, 0u) << "the E/I population never fired: the comparison is empty";
}

TEST_P(Parity, ConvNetsAgreeExactly) {
  SCOPED_TRACE(trace());
  const ModelSpec spec = testing::random_conv_net(rng_);
  const auto& shape = spec.graph.nodes[0].params.at("shape").i;
  const Sequence x = spike_input(8, 2, shape[0] * shape[1] * shape[2], rng_(), 0.3);
  expect_parity(spec, x, 0.0, 1.0);
}

TEST_P(Parity, VsnMlpsAgree) {
  SCOPED_TRACE(trace());
  const ModelSpec spec = testing::random_vsn_mlp(rng_);
  const Sequence x = gaussian_input(10, 2, spec.graph.nodes[0].params.at("shape").i[0], rng_());
  expect_parity(spec, x, 1e-5);
}

TEST_P(Parity, EgruStacksAgree) {
  SCOPED_TRACE(trace());
  const ModelSpec spec = testing::random_egru_stack(rng_);
  const Sequence x = gaussian_input(10, 2, spec.graph.nodes[0].params.at("shape").i[0], rng_());
  expect_parity(spec, x, 1e-5);
}

// Neural operators: the pointwise convolutions take one sum order in both modes, so even with
// VSN thresholds in between the outputs agree bit for bit.
TEST_P(Parity, NeuralOperatorsAgreeExactly) {
  SCOPED_TRACE(trace());
  const ModelSpec spec = testing::random_wno(rng_, GetParam() % 2 == 1);
  const auto& shape = spec.graph.nodes[0].params.at("shape").i;
  const Sequence x = gaussian_input(2, 1 + GetParam() % 3, shape[0] * shape[1] * shape[2], rng_());
  expect_parity(spec, x, 0.0);
}

INSTANTIATE_TEST_SUITE_P(RandomModels, Parity, ::testing::Range(0, 6));

}  // namespace
}  // namespace evsim

namespace evsim {
namespace {

// A node nothing feeds (its shape from its parameters, as the fuzzer built one) gets zeros as
// input in both modes: a Scale of zeros is zeros (it used to see an empty matrix).
TEST(UnfedNodes, GetZerosInBothModes) {
  ModelSpec spec;
  GraphSpec& g = spec.graph;
  g.add("input", "Input").params["shape"] = Array::ints({1}, {2});
  g.add("v", "VSN").params["threshold"] = Array::floats({2}, {0.5f, 0.5f});
  g.add("s", "Scale").params["scale"] = Array::floats({2}, {2.0f, 3.0f});
  g.add("output", "Output");
  g.connect("input", "v");
  g.connect("s", "output");
  Sequence x(3, 2, 2);
  for (float& v : x.data) v = 1.0f;
  for (Mode mode : {Mode::Dense, Mode::Event}) {
    const RunResult r = testing::run_mode(spec, mode, x, false, 1e-3);
    ASSERT_EQ(r.output.data.size(), 3u * 2u * 2u) << mode_name(mode);
    for (float v : r.output.data) EXPECT_EQ(v, 0.0f) << mode_name(mode);
  }
}

}  // namespace
}  // namespace evsim
