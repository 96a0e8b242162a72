#include "models/egru_stack.hpp"

#include <cmath>
#include <random>

#include "models/pruning.hpp"

namespace evsim {
namespace {

Array to_array(const Matrix& m) {
  std::vector<float> v(static_cast<size_t>(m.size()));
  for (Eigen::Index r = 0; r < m.rows(); ++r)
    for (Eigen::Index c = 0; c < m.cols(); ++c) v[static_cast<size_t>(r * m.cols() + c)] = m(r, c);
  return Array::floats({m.rows(), m.cols()}, std::move(v));
}

Array to_array(const Vector& v) { return Array::floats({v.size()}, std::vector<float>(v.begin(), v.end())); }

}  // namespace

ModelSpec make_egru_stack(const EgruStackConfig& cfg) {
  std::mt19937_64 rng(cfg.seed);
  const float bound = 1.0f / std::sqrt(static_cast<float>(cfg.hidden));
  std::uniform_real_distribution<float> uni(-bound, bound);
  auto random = [&](int64_t r, int64_t c) { return Matrix(Matrix::NullaryExpr(r, c, [&]() { return uni(rng); })); };
  auto random_vec = [&](int64_t n) { return Vector(Vector::NullaryExpr(n, [&]() { return uni(rng); })); };

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
    Matrix w_ih = random(3 * cfg.hidden, width), w_hh = random(3 * cfg.hidden, cfg.hidden);
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
  Matrix w = random(cfg.outputs, width);
  prune_columns(w, cfg.density);
  out.params["weight"] = to_array(w);
  out.params["bias"] = to_array(random_vec(cfg.outputs));
  g.connect(prev, "readout");
  g.add("output", "Output").params["shape"] = Array::ints({1}, {cfg.outputs});
  g.connect("readout", "output");
  return spec;
}

EgruStackConfig default_model_config() { return EgruStackConfig{}; }

}  // namespace evsim
