#include "models/egru_stack.hpp"

#include <cmath>
#include <random>

#include "backends/cpu_dense_backend.hpp"
#include "core/memory_budget.hpp"
#include "models/pruning.hpp"
#include "models/random_input.hpp"
#include "network/egru_op.hpp"
#include "network/graph.hpp"
#include "network/simulator.hpp"

namespace evsim {
namespace {

Array to_array(const Matrix& m) {
  std::vector<float> v(static_cast<size_t>(m.size()));
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c) v[static_cast<size_t>(r * m.cols() + c)] = m(r, c);
  return Array::floats({m.rows(), m.cols()}, std::move(v));
}

Array to_array(const Vector& v) { return Array::floats({v.size()}, std::vector<float>(v.begin(), v.end())); }

constexpr double kEventGain = 2.5;

// Input -> EGRU number l + 1 of `spec` -> Output, the layer fed `width` inputs: what it sees
// while it is calibrated is what the layers below it emitted, which its thresholds cannot
// change.
ModelSpec single_layer(const ModelSpec& spec, int64_t l, int64_t width) {
  ModelSpec t;
  t.graph.add("input", "Input").params["shape"] = Array::ints({1}, {width});
  t.graph.nodes.push_back(spec.graph.nodes[static_cast<size_t>(l + 1)]);
  t.graph.add("output", "Output");
  t.graph.connect("input", t.graph.nodes[1].name);
  t.graph.connect(t.graph.nodes[1].name, "output");
  return t;
}

// Bisection on a per-layer factor applied to the jittered thresholds; layer by layer, since a
// layer's activity depends on the layers below it. Each layer is built once, alone, fed the
// recorded output of the layers below (calibrated before it), and only its thresholds change
// between runs: building and running the stack up to it per run was most of the default
// model's start-up.
void calibrate(ModelSpec& spec, const EgruStackConfig& cfg) {
  Sequence below = gaussian_input(32, 2, cfg.inputs, cfg.seed + 1);
  for (int64_t l = 0; l < cfg.layers; ++l) {
    ModelSpec part = single_layer(spec, l, below.width);
    Array& theta = part.graph.nodes[1].params["threshold"];
    Graph g = build_graph(part, 1e-4);
    auto& cell = dynamic_cast<EgruOp&>(*g.nodes[static_cast<size_t>(g.find(part.graph.nodes[1].name))].op);
    const std::vector<float> base = theta.f;
    double lo = 0.0, hi = 4.0;
    auto run = [&](double factor) {
      for (size_t k = 0; k < base.size(); ++k) theta.f[k] = static_cast<float>(factor) * base[k];
      cell.set_threshold(Eigen::Map<const Vector>(theta.f.data(), static_cast<Eigen::Index>(theta.f.size())));
      CpuDenseBackend backend;
      return Simulator(g, backend).run(below);
    };
    for (int it = 0; it < 14; ++it) {
      const double mid = 0.5 * (lo + hi);
      (run(mid).layers.back().counts.activity() > cfg.target_activity ? lo : hi) = mid;
    }
    below = run(0.5 * (lo + hi)).output;
    spec.graph.nodes[static_cast<size_t>(l + 1)].params["threshold"] = theta;
  }
}

}  // namespace

ModelSpec make_egru_stack(const EgruStackConfig& cfg) {
  // Each weight is drawn into a matrix and copied into the checkpoint's array: two floats.
  const double h = static_cast<double>(cfg.hidden),
               weights =
                   3 * h * (double(cfg.inputs) + h) + 6 * h * h * double(cfg.layers - 1) + double(cfg.outputs) * h;
  require_memory(8.0 * weights, "egru-stack: --hidden " + std::to_string(cfg.hidden) + " x --layers " +
                                    std::to_string(cfg.layers) + " (" + std::to_string(cfg.inputs) + " inputs, " +
                                    std::to_string(cfg.outputs) + " outputs)");
  std::mt19937_64 rng(cfg.seed);
  std::uniform_real_distribution<float> unit(-1.0f, 1.0f);
  // Uniform weights scaled so that a pre-activation has unit variance for unit-variance
  // inputs after pruning: bound = sqrt(3 / (density * fan_in)).
  // Event outputs y are sparse and below 1, so matrices fed by them get a larger gain.
  auto random = [&](int64_t r, int64_t c, double gain) {
    const auto bound = static_cast<float>(gain * std::sqrt(3.0 / (cfg.density * static_cast<double>(c))));
    return Matrix(Matrix::NullaryExpr(r, c, [&]() { return bound * unit(rng); }));
  };
  auto random_vec = [&](int64_t n) { return Vector(Vector::NullaryExpr(n, [&]() { return 0.1f * unit(rng); })); };

  ModelSpec spec;
  spec.meta.model = "egru_stack";
  spec.meta.pruning_method = "magnitude_per_column";
  spec.meta.pruning_level = 1.0 - cfg.density;
  GraphSpec& g = spec.graph;
  g.add("input", "Input").params["shape"] = Array::ints({1}, {cfg.inputs});
  std::string prev = "input";
  int64_t width = cfg.inputs;
  std::uniform_real_distribution<float> jitter(0.8f, 1.2f);
  for (int64_t l = 0; l < cfg.layers; ++l) {
    const std::string name = "egru" + std::to_string(l + 1);
    NodeSpec& n = g.add(name, "EGRU");
    Matrix w_ih = random(3 * cfg.hidden, width, l == 0 ? 1.0 : kEventGain);
    Matrix w_hh = random(3 * cfg.hidden, cfg.hidden, kEventGain);
    prune_columns(w_ih, cfg.density);
    prune_columns(w_hh, cfg.density);
    n.params["weight_ih"] = to_array(w_ih);
    n.params["weight_hh"] = to_array(w_hh);
    n.params["bias_ih"] = to_array(random_vec(3 * cfg.hidden));
    n.params["bias_hh"] = to_array(random_vec(3 * cfg.hidden));
    Vector theta = Vector::NullaryExpr(cfg.hidden, [&]() { return static_cast<float>(cfg.threshold) * jitter(rng); });
    n.params["threshold"] = to_array(theta);
    g.connect(prev, name);
    prev = name;
    width = cfg.hidden;
  }
  NodeSpec& out = g.add("readout", "Affine");
  Matrix w = random(cfg.outputs, width, kEventGain);
  prune_columns(w, cfg.density);
  out.params["weight"] = to_array(w);
  out.params["bias"] = to_array(random_vec(cfg.outputs));
  g.connect(prev, "readout");
  g.add("output", "Output").params["shape"] = Array::ints({1}, {cfg.outputs});
  g.connect("readout", "output");
  if (cfg.target_activity > 0) calibrate(spec, cfg);
  return spec;
}

EgruStackConfig default_model_config() {
  EgruStackConfig c;
  c.target_activity = 0.2;
  return c;
}

}  // namespace evsim
