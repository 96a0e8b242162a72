// Neurons with excitatory and inhibitory synaptic currents (neurons/two_current.hpp): each
// current alone is CubaLIF with its own time constant, COBA by hand, and the checkpoint rules.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.hpp"
#include "network/graph.hpp"
#include "neurons/two_current.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

Vector uniform(std::mt19937_64& rng, int64_t n, float lo, float hi) {
  std::uniform_real_distribution<float> u(lo, hi);
  Vector v(n);
  for (float& x : v) x = u(rng);
  return v;
}

struct Pair {
  TwoCurrentParams two;
  CubaParams exc, inh;  // CubaLIF with the excitatory / the inhibitory time constant
};

Pair random_pair(std::mt19937_64& rng, int64_t n) {
  Pair p;
  p.two.tau_syn = uniform(rng, n, 2e-3f, 1e-2f);
  p.two.tau_syn_inh = uniform(rng, n, 2e-3f, 1e-2f);
  p.two.tau_mem = uniform(rng, n, 5e-3f, 2e-2f);
  p.two.r = uniform(rng, n, 1.0f, 20.0f);
  p.two.v_leak = uniform(rng, n, -0.2f, 0.2f);
  p.two.w_in = uniform(rng, n, 0.5f, 2.0f);
  p.exc = {p.two.tau_syn, p.two.tau_mem, p.two.r, p.two.v_leak, p.two.w_in};
  p.inh = {p.two.tau_syn_inh, p.two.tau_mem, p.two.r, p.two.v_leak, p.two.w_in};
  return p;
}

// Drives `two` with x on its excitatory (inhibitory = false) or inhibitory rows and `one` with
// x; outputs and membranes must be identical at every step.
void expect_same(NeuronModel& two, NeuronModel& one, bool inhibitory, std::mt19937_64& rng) {
  const int64_t n = one.size(), batch = 2;
  two.reset(batch);
  one.reset(batch);
  std::normal_distribution<float> normal(0.3f, 1.0f);
  Matrix x(n, batch), x2 = Matrix::Zero(2 * n, batch), a, b;
  int spikes = 0;
  for (int t = 0; t < 200; ++t) {
    for (float& e : x.reshaped()) e = normal(rng);
    x2.middleRows(inhibitory ? n : 0, n) = x;
    two.step(x2, a);
    one.step(x, b);
    ASSERT_EQ(a, b) << "step " << t;
    ASSERT_EQ(two.state(), one.state()) << "step " << t;
    spikes += static_cast<int>(a.sum());
  }
  EXPECT_GT(spikes, 0) << "nothing fired: the comparison is empty";
}

TEST(TwoCurrents, EachCurrentAloneIsCubaLifWithItsTimeConstant) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const int64_t n = 37;
  for (const bool exact : {false, true})
    for (const bool inhibitory : {false, true}) {
      SCOPED_TRACE(std::string(exact ? "exact" : "euler") + (inhibitory ? " inhibitory" : " excitatory"));
      const Pair p = random_pair(rng, n);
      const FiringParams f{Vector::Constant(n, 0.5f), Vector::Zero(n), Vector::Constant(n, 2.0f)};
      const CubaParams& single = inhibitory ? p.inh : p.exc;
      if (exact) {
        CubaLif2Exact two(p.two, f, 1e-3);
        CubaLifExact one(single, f, 1e-3);
        expect_same(two, one, inhibitory, rng);
      } else {
        CubaLif2 two(p.two, f, 1e-3);
        CubaLif one(single, f, 1e-3);
        expect_same(two, one, inhibitory, rng);
      }
    }
}

// tau_mem 10 ms, tau_syn 5 ms, tau_syn_inh 10 ms, dt 1 ms, v_leak 0, e_exc 3, e_inh -1:
//   step 0, x_e = 10: g' = 0.2 * 10 = 2; v = 0.1 * (2 * 3) = 0.6; g = 2 * 0.8 = 1.6
//   step 1, x_i = 5:  g_inh' = 0.1 * 5 = 0.5; v = 0.6 + 0.1 * (-0.6 + 1.6 * 2.4 + 0.5 * -1.6) = 0.844
//                     g = 1.6 * 0.8 = 1.28; g_inh = 0.5 * 0.9 = 0.45
//   step 2, none:     v = 0.844 + 0.1 * (-0.844 + 1.28 * 2.156 + 0.45 * -1.844) = 0.9794...: > 0.95, spike
TEST(CobaLif, EulerStepsByHand) {
  TwoCurrentParams p;
  p.tau_syn = Vector::Constant(1, 5e-3f);
  p.tau_syn_inh = Vector::Constant(1, 1e-2f);
  p.tau_mem = Vector::Constant(1, 1e-2f);
  p.v_leak = Vector::Zero(1);
  p.e_exc = Vector::Constant(1, 3.0f);
  p.e_inh = Vector::Constant(1, -1.0f);
  CobaLif n(p, FiringParams{Vector::Constant(1, 0.95f), Vector::Constant(1, -0.5f), {}}, 1e-3);
  n.reset(1);
  Matrix x(2, 1), out;
  x << 10.0f, 0.0f;
  n.step(x, out);
  EXPECT_NEAR(n.state()(0, 0), 0.6f, 1e-6);
  EXPECT_NEAR(n.current()(0, 0), 1.6f, 1e-6);
  x << 0.0f, 5.0f;
  n.step(x, out);
  EXPECT_NEAR(n.state()(0, 0), 0.844f, 1e-6);
  EXPECT_NEAR(n.current_inh()(0, 0), 0.45f, 1e-6);
  EXPECT_EQ(out(0, 0), 0.0f);
  x << 0.0f, 0.0f;
  n.step(x, out);
  const double v2 = 0.844 + 0.1 * (-0.844 + 1.28 * 2.156 + 0.45 * -1.844);
  ASSERT_GT(v2, 0.95);
  EXPECT_EQ(out(0, 0), 1.0f);
  EXPECT_EQ(n.state()(0, 0), -0.5f);  // reset
  EXPECT_EQ(n.type(), "CobaLIF");
}

// A constant inhibitory drive: g_inh' settles where a step's jump replaces its decay
// (0.2 / 0.01 = 20 leak conductances), and v at the conductance-weighted mean of its
// potentials, v_leak g_l + g_inh e_inh over 1 + g_inh = -16 / 21, never below e_inh.
TEST(CobaLif, InhibitionSettlesAtTheConductanceWeightedPotential) {
  TwoCurrentParams p;
  p.tau_syn = p.tau_syn_inh = Vector::Constant(1, 1e-2f);
  p.tau_mem = Vector::Constant(1, 2e-2f);
  p.v_leak = Vector::Zero(1);
  p.e_exc = Vector::Constant(1, 1.0f);
  p.e_inh = Vector::Constant(1, -0.8f);
  CobaLif n(p, std::nullopt, 1e-4);
  n.reset(1);
  Matrix x(2, 1), out;
  x << 0.0f, 20.0f;  // a jump of x dt / tau_syn = 0.2 per step
  for (int t = 0; t < 20000; ++t) {
    n.step(x, out);
    ASSERT_GE(n.state()(0, 0), -0.8f) << "step " << t;
  }
  EXPECT_NEAR(n.state()(0, 0), -16.0 / 21.0, 1e-4);
}

ModelSpec one_cell(const std::string& type, int64_t inputs) {
  ModelSpec s;
  s.graph.add("in", "Input").params["shape"] = Array::ints({1}, {inputs});
  NodeSpec& c = s.graph.add("cell", type);
  for (const char* k : {"tau_syn", "tau_syn_inh", "tau_mem", "r", "v_threshold"})
    c.params[k] = Array::floats({1}, {0.01f});
  for (const char* k : {"v_leak", "e_exc", "e_inh"}) c.params[k] = Array::floats({1}, {0.0f});
  if (type == "CobaLIF") c.params.erase("r");
  s.graph.add("out", "Output");
  s.graph.connect("in", "cell");
  s.graph.connect("cell", "out");
  return s;
}

void expect_refused(const ModelSpec& s, const std::string& key) {
  try {
    build_graph(s, 1e-3);
    ADD_FAILURE() << "accepted";
  } catch (const CheckpointError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("'cell'"), std::string::npos) << what;
    EXPECT_NE(what.find(key), std::string::npos) << what;
  }
}

TEST(TwoCurrents, CheckpointRules) {
  for (const char* type : {"CubaLIF", "CobaLIF"}) {
    SCOPED_TRACE(type);
    const Graph g = build_graph(one_cell(type, 8), 1e-3);  // 8 inputs: 4 units
    EXPECT_EQ(g.nodes[1].size(), 4);
    EXPECT_EQ(g.nodes[1].in_size(), 8);
    expect_refused(one_cell(type, 7), "2n inputs");
  }
  ModelSpec s = one_cell("CobaLIF", 2);
  s.graph.nodes[1].params["integrator"] = Array::text("exact");
  expect_refused(s, "forward Euler only");
  s = one_cell("CobaLIF", 2);
  s.graph.nodes[1].params["r"] = Array::floats({1}, {1.0f});
  expect_refused(s, "'r'");
  s = one_cell("CobaLIF", 2);
  s.graph.nodes[1].params["tau_syn_inh"] = Array::floats({1}, {-1.0f});
  expect_refused(s, "tau_syn_inh");
  s = one_cell("CubaLIF", 2);
  s.graph.nodes[1].params.erase("tau_syn_inh");
  s.graph.nodes[1].params["i0_inh"] = Array::floats({1}, {1.0f});
  expect_refused(s, "i0_inh");
}

}  // namespace
}  // namespace evsim
