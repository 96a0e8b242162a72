// NeuronModel::describe() is what the CUDA chain engine re-implements: a stepper written
// here from the description alone must reproduce every neuron model's outputs and state
// bit for bit, on random parameters and inputs.
#include <gtest/gtest.h>

#include <random>

#include "network/graph.hpp"
#include "network/neuron_op.hpp"
#include "tests/random_models.hpp"

namespace evsim {
namespace {

float phi_of(ActivationFn f, float x) { return apply_activation(f, x); }

// One step of the described rule (same expression order as the C++ models: ISO C++, no
// FMA contraction), on state v (and i, i_inh for the synaptic currents; `left`: refractory
// steps to go). Two-current kinds read the inhibitory input n rows below the excitatory one.
void reference_step(const PointNeuron& d, const Matrix& x, Matrix& v, Matrix& i, Matrix& ii, Matrix& left,
                    Matrix& out) {
  const Eigen::Index n = v.rows();
  out.resize(n, x.cols());
  for (Eigen::Index b = 0; b < x.cols(); ++b)
    for (Eigen::Index u = 0; u < n; ++u) {
      const float xv = x(u, b), xi = x.rows() == 2 * n ? x(u + n, b) : 0.0f;
      float& vv = v(u, b);
      float y = 0.0f;
      const bool hold = d.refractory_steps.size() && left(u, b) > 0.0f;
      switch (d.kind) {
        case PointKind::Leaky:
          if (!hold) vv += d.a_mem[u] * (d.v_leak[u] - vv + d.r[u] * xv);
          break;
        case PointKind::Cuba:
          i(u, b) += d.a_syn[u] * (-i(u, b) + d.w_in[u] * xv);
          if (!hold) vv += d.a_mem[u] * (d.v_leak[u] - vv + d.r[u] * i(u, b));
          break;
        case PointKind::Integrator:
          if (!hold) vv += xv * d.gain[u];
          break;
        case PointKind::LeakyExact:
          if (!hold) {
            const float kicked = vv + d.r[u] * xv;
            vv = kicked - (kicked - d.v_leak[u]) * d.a_mem[u];
          }
          break;
        case PointKind::CubaExact: {
          const float kicked = i(u, b) + d.w_in[u] * xv;
          if (!hold) vv = vv - (vv - d.v_leak[u]) * d.a_mem[u] + d.r[u] * kicked;
          i(u, b) = kicked * d.a_syn[u];
          break;
        }
        case PointKind::Cuba2:
          i(u, b) += d.a_syn[u] * (-i(u, b) + d.w_in[u] * xv);
          ii(u, b) += d.a_syn_inh[u] * (-ii(u, b) + d.w_in[u] * xi);
          if (!hold) vv += d.a_mem[u] * (d.v_leak[u] - vv + d.r[u] * (i(u, b) + ii(u, b)));
          break;
        case PointKind::Cuba2Exact: {
          const float ke = i(u, b) + d.w_in[u] * xv, ki = ii(u, b) + d.w_in_inh[u] * xi;
          if (!hold) vv = vv - (vv - d.v_leak[u]) * d.a_mem[u] + d.r[u] * ke + d.r_inh[u] * ki;
          i(u, b) = ke * d.a_syn[u];
          ii(u, b) = ki * d.a_syn_inh[u];
          break;
        }
        case PointKind::Coba: {
          const float ge = i(u, b) + d.w_in[u] * xv, gi = ii(u, b) + d.w_in_inh[u] * xi;
          if (!hold) vv += d.a_mem[u] * ((d.v_leak[u] - vv) + ge * (d.e_exc[u] - vv) + gi * (d.e_inh[u] - vv));
          i(u, b) = ge * d.a_syn[u];
          ii(u, b) = gi * d.a_syn_inh[u];
          break;
        }
        case PointKind::Threshold:
          vv = xv;
          out(u, b) = xv > d.threshold[u] ? 1.0f : 0.0f;
          continue;
        case PointKind::Vsn: {
          const float phi = phi_of(d.activation, xv);
          for (int s = 0; s < d.spike_steps; ++s) {
            vv = d.beta[u] * vv + xv;
            if (vv > d.threshold[u]) {
              y += phi;
              vv = 0.0f;
            }
          }
          out(u, b) = d.spike_steps == 1 ? y : y * (1.0f / static_cast<float>(d.spike_steps));
          continue;
        }
      }
      if (!d.fires) {
        out(u, b) = vv;
      } else if (hold) {
        left(u, b) -= 1.0f;
        out(u, b) = 0.0f;
      } else {
        const bool spike = vv > d.v_threshold[u];
        out(u, b) = spike ? 1.0f : 0.0f;
        if (spike) {
          vv = d.v_reset[u];
          if (d.refractory_steps.size()) left(u, b) = d.refractory_steps[u];
        }
      }
    }
}

void expect_described_exactly(const ModelSpec& spec, std::mt19937_64& rng) {
  Graph g = build_graph(spec, 1e-3);
  int checked = 0;
  for (GraphNode& n : g.nodes) {
    auto* op = dynamic_cast<NeuronOp*>(n.op.get());
    if (!op) continue;
    SCOPED_TRACE(n.name);
    const PointNeuron d = op->model().describe();
    const int64_t units = n.size(), batch = 3;
    op->reset(batch);
    Matrix v = Matrix::Zero(units, batch), i = v, ii = v, left = v, want, got;
    if (d.v0.size()) v = d.v0.replicate(1, batch);
    if (d.i0.size()) i = d.i0.replicate(1, batch);
    if (d.i0_inh.size()) ii = d.i0_inh.replicate(1, batch);
    std::normal_distribution<float> normal(0.0f, 1.5f);
    for (int t = 0; t < 30; ++t) {
      Matrix x(op->model().input_size(), batch);
      for (float& e : x.reshaped()) e = normal(rng);
      op->compute(x, {}, got);
      reference_step(d, x, v, i, ii, left, want);
      ASSERT_EQ(got, want) << "step " << t;
      ASSERT_EQ(*op->state(), v) << "step " << t;
    }
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(PointNeuron, DescriptionsReproduceEveryNeuronModel) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  expect_described_exactly(testing::random_lif_net(rng, false, false), rng);
  expect_described_exactly(testing::random_lif_net(rng, true, false), rng);
  expect_described_exactly(testing::random_conv_net(rng), rng);  // IF neurons
  for (auto kind : {testing::EiKind::Cuba, testing::EiKind::CubaExact, testing::EiKind::Coba})
    expect_described_exactly(testing::random_ei_net(rng, kind), rng);
  for (int k = 0; k < 4; ++k) expect_described_exactly(testing::random_vsn_mlp(rng), rng);
}

}  // namespace
}  // namespace evsim
