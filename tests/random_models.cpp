#include "tests/random_models.hpp"

#include <cmath>
#include <cstdlib>
#include <string>

#include "core/dwt2d.hpp"
#include "core/wavelet_filters.hpp"
#include "models/egru_stack.hpp"
#include "models/weight_layout.hpp"

namespace evsim::testing {

uint64_t fresh_seed() {
  if (const char* s = std::getenv("EVSIM_TEST_SEED")) return std::stoull(s);
  return std::random_device{}();
}

Array random_weight(std::mt19937_64& rng, int64_t rows, int64_t cols, double density, bool dyadic) {
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  std::bernoulli_distribution keep(density);
  std::uniform_int_distribution<int> k(-32, 32);
  std::vector<float> w(static_cast<size_t>(rows * cols));
  for (float& v : w) v = !keep(rng) ? 0.0f : dyadic ? static_cast<float>(k(rng)) / 64.0f : u(rng);
  return Array::floats({rows, cols}, std::move(w));
}

namespace {

Array vec(int64_t n, float value) { return Array::floats({n}, std::vector<float>(static_cast<size_t>(n), value)); }

Array uniform_vec(std::mt19937_64& rng, int64_t n, float lo, float hi) {
  std::uniform_real_distribution<float> u(lo, hi);
  std::vector<float> v(static_cast<size_t>(n));
  for (float& x : v) x = u(rng);
  return Array::floats({n}, std::move(v));
}

int64_t pick(std::mt19937_64& rng, int64_t lo, int64_t hi) {
  return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
}

}  // namespace

ModelSpec random_lif_net(std::mt19937_64& rng, bool cuba, bool recurrent, int64_t hidden) {
  ModelSpec s;
  GraphSpec& g = s.graph;
  const int64_t n_in = pick(rng, 3, 12), n_h = hidden > 0 ? hidden : pick(rng, 4, 24), n_out = pick(rng, 2, 6);
  const double density = std::uniform_real_distribution<double>(0.2, 1.0)(rng);
  g.add("input", "Input").params["shape"] = Array::ints({1}, {n_in});
  g.add("fc1", "Linear").params["weight"] = random_weight(rng, n_h, n_in, density, true);
  auto neuron = [&](const std::string& name, int64_t n) {
    NodeSpec& l = g.add(name, cuba ? "CubaLIF" : "LIF");
    if (cuba) {
      l.params["tau_syn"] = uniform_vec(rng, n, 2e-3f, 1e-2f);
      l.params["tau_mem"] = uniform_vec(rng, n, 5e-3f, 2e-2f);
      l.params["w_in"] = vec(n, 1.0f);
    } else {
      l.params["tau"] = uniform_vec(rng, n, 2e-3f, 2e-2f);
    }
    l.params["r"] = uniform_vec(rng, n, 5.0f, 30.0f);
    l.params["v_leak"] = vec(n, 0.0f);
    l.params["v_threshold"] = uniform_vec(rng, n, 0.5f, 1.5f);
    l.params["v_reset"] = vec(n, 0.0f);
    // Half the nets: refractory periods of 0-5 steps at dt 1 ms, and a random initial state.
    if (std::bernoulli_distribution(0.5)(rng)) l.params["integrator"] = Array::text("exact");
    if (std::bernoulli_distribution(0.5)(rng)) {
      l.params["t_ref"] = uniform_vec(rng, n, 0.0f, 5e-3f);
      l.params["v0"] = uniform_vec(rng, n, -0.25f, 0.5f);
      if (cuba) l.params["i0"] = uniform_vec(rng, n, 0.0f, 0.05f);
    }
  };
  neuron("lif1", n_h);
  g.add("fc2", "Affine").params["weight"] = random_weight(rng, n_out, n_h, density, true);
  g.nodes.back().params["bias"] = Array::floats({n_out}, std::vector<float>(static_cast<size_t>(n_out), 0.125f));
  neuron("lif2", n_out);
  g.add("output", "Output").params["shape"] = Array::ints({1}, {n_out});
  g.connect("input", "fc1");
  g.connect("fc1", "lif1");
  g.connect("lif1", "fc2");
  g.connect("fc2", "lif2");
  g.connect("lif2", "output");
  if (recurrent) {
    g.add("w_rec", "Linear").params["weight"] = random_weight(rng, n_h, n_h, density, true);
    g.connect("lif1", "w_rec");
    g.connect("w_rec", "lif1");
  }
  return s;
}

ModelSpec random_ei_net(std::mt19937_64& rng, EiKind kind) {
  ModelSpec s;
  GraphSpec& g = s.graph;
  const int64_t n_in = pick(rng, 3, 10), n = pick(rng, 4, 20), n_out = pick(rng, 2, 5);
  const double density = std::uniform_real_distribution<double>(0.3, 1.0)(rng);
  const bool coba = kind == EiKind::Coba;
  // Excitatory rows on top, inhibitory below; a conductance is positive, a current may be either,
  // except that the input's excitatory currents are positive too: with mixed signs about one net
  // in 150 never fired, and a silent net compares nothing.
  auto ei_weight = [&](int64_t cols, bool from_input) {
    Array w = random_weight(rng, 2 * n, cols, density, true);
    for (size_t i = 0; i < w.f.size(); ++i) {
      const bool excitatory_input = from_input && static_cast<int64_t>(i) < n * cols;
      float& v = w.f[i];
      v = coba ? 4.0f * std::abs(v) : excitatory_input ? std::abs(v) : v;  // x4: COBA fires
    }
    return w;
  };
  g.add("input", "Input").params["shape"] = Array::ints({1}, {n_in});
  g.add("fc1", "Linear").params["weight"] = ei_weight(n_in, true);
  NodeSpec& l = g.add("ei", coba ? "CobaLIF" : "CubaLIF");
  l.params["tau_syn"] = uniform_vec(rng, n, 2e-3f, 1e-2f);
  l.params["tau_syn_inh"] = uniform_vec(rng, n, 2e-3f, 1e-2f);
  l.params["tau_mem"] = uniform_vec(rng, n, 5e-3f, 2e-2f);
  l.params["v_threshold"] = uniform_vec(rng, n, 0.5f, 1.5f);
  l.params["v_reset"] = vec(n, 0.0f);
  if (coba) {
    l.params["v_leak"] = vec(n, 0.0f);
    l.params["e_exc"] = uniform_vec(rng, n, 3.0f, 6.0f);
    l.params["e_inh"] = uniform_vec(rng, n, -2.0f, -0.5f);
  } else {
    l.params["v_leak"] = uniform_vec(rng, n, -0.2f, 0.2f);
    l.params["r"] = uniform_vec(rng, n, 5.0f, 30.0f);
    if (kind == EiKind::CubaExact) l.params["integrator"] = Array::text("exact");
  }
  if (std::bernoulli_distribution(0.5)(rng)) {
    l.params["t_ref"] = uniform_vec(rng, n, 0.0f, 5e-3f);
    l.params["v0"] = uniform_vec(rng, n, -0.25f, 0.5f);
    l.params["i0"] = uniform_vec(rng, n, 0.0f, 0.05f);
    l.params["i0_inh"] = uniform_vec(rng, n, 0.0f, 0.05f);
  }
  g.add("w_rec", "Linear").params["weight"] = ei_weight(n, false);
  g.add("fc2", "Affine").params["weight"] = random_weight(rng, n_out, n, density, true);
  g.nodes.back().params["bias"] = vec(n_out, 0.125f);
  NodeSpec& out = g.add("lif_out", "LIF");
  out.params["tau"] = uniform_vec(rng, n_out, 2e-3f, 2e-2f);
  out.params["r"] = uniform_vec(rng, n_out, 5.0f, 30.0f);
  out.params["v_leak"] = vec(n_out, 0.0f);
  out.params["v_threshold"] = uniform_vec(rng, n_out, 0.5f, 1.5f);
  g.add("output", "Output");
  for (auto [a, b] : {std::pair{"input", "fc1"},
                      {"fc1", "ei"},
                      {"ei", "w_rec"},
                      {"w_rec", "ei"},
                      {"ei", "fc2"},
                      {"fc2", "lif_out"},
                      {"lif_out", "output"}})
    g.connect(a, b);
  return s;
}

ModelSpec random_delayed_net(std::mt19937_64& rng, DelayedNetOptions o) {
  const int64_t n_in = 6, n = pick(rng, 20, 60);
  std::vector<int64_t> indptr{0}, indices;
  std::vector<float> data, delay;
  std::uniform_int_distribution<int> one_in_8(0, 7), steps(0, 5), unit_steps(0, 4);
  for (int64_t r = 0; r < n; ++r) {
    for (int64_t c = 0; c < n; ++c)
      if (one_in_8(rng) == 0) {
        indices.push_back(c);
        data.push_back(one_in_8(rng) < 5 ? 0.5f : -0.75f);
        delay.push_back(o.flat ? 0.0f : static_cast<float>(steps(rng)) * 1e-3f);
      }
    indptr.push_back(static_cast<int64_t>(data.size()));
  }
  const Array fc = random_weight(rng, n, n_in, 1.0, true);
  std::vector<float> unit_delay(static_cast<size_t>(n_in));
  for (float& d : unit_delay) d = static_cast<float>(unit_steps(rng)) * 1e-3f;
  ModelSpec s;
  GraphSpec& g = s.graph;
  g.add("in", "Input").params["shape"] = Array::ints({1}, {n_in});
  std::string feed = "in";
  if (o.poisson) {
    NodeSpec& src = g.add("drive", "PoissonSource");
    src.params["rate"] = Array::scalar(300.0);
    src.params["shape"] = Array::ints({1}, {n_in});
    feed = "drive";
  }
  if (o.delay_node) {
    g.add("late", "Delay").params["delay"] = Array::floats({n_in}, std::move(unit_delay));
    g.connect(feed, "late");
    feed = "late";
  }
  g.add("fc", "Linear").params["weight"] = fc;
  NodeSpec& l = g.add("cell", "LIF");
  l.params["tau"] = vec(n, 0.004f);
  l.params["r"] = vec(n, 8.0f);
  l.params["v_leak"] = vec(n, 0.0f);
  l.params["v_threshold"] = vec(n, 1.0f);
  NodeSpec& rec = g.add("rec", "Linear");
  const auto nnz = static_cast<int64_t>(data.size());
  set_sparse_weight(rec, true, n, n, std::move(indptr), std::move(indices), Array::floats({nnz}, std::move(data)));
  rec.params["weight/delay"] = Array::floats({nnz}, std::move(delay));
  g.add("out", "Output");
  g.connect(feed, "fc");
  g.connect("fc", "cell");
  g.connect("cell", "rec");
  g.connect("rec", "cell");
  g.connect("cell", "out");
  return s;
}

ModelSpec random_conv_net(std::mt19937_64& rng) {
  ModelSpec s;
  GraphSpec& g = s.graph;
  const int64_t c_in = pick(rng, 1, 3), hw = pick(rng, 6, 12), c1 = pick(rng, 2, 6), k = pick(rng, 1, 3);
  const int64_t stride = pick(rng, 1, 2), pad = pick(rng, 0, 1);
  const int64_t groups = (c_in > 1 && c1 % c_in == 0 && pick(rng, 0, 1)) ? c_in : 1;
  g.add("input", "Input").params["shape"] = Array::ints({3}, {c_in, hw, hw});
  NodeSpec& conv = g.add("conv", "Conv2d");
  Array w = random_weight(rng, c1, c_in / groups * k * k, 0.7, true);
  w.shape = {c1, c_in / groups, k, k};
  conv.params["weight"] = w;
  conv.params["bias"] = vec(c1, 0.0f);
  conv.params["stride"] = Array::ints({2}, {stride, stride});
  conv.params["padding"] = Array::ints({2}, {pad, pad});
  conv.params["dilation"] = Array::ints({2}, {1, 1});
  conv.params["groups"] = Array::integer(groups);
  const int64_t oh = (hw + 2 * pad - k) / stride + 1;
  NodeSpec& if1 = g.add("if1", "IF");
  if1.params["r"] = Array::floats({1}, {1.0f});
  if1.params["v_threshold"] = Array::floats({1}, {0.5f});
  NodeSpec& pool = g.add("pool", "SumPool2d");
  pool.params["kernel_size"] = Array::ints({2}, {2, 2});
  pool.params["stride"] = Array::ints({2}, {2, 2});
  pool.params["padding"] = Array::ints({2}, {0, 0});
  const int64_t ph = (oh - 2) / 2 + 1;
  g.add("flat", "Flatten").params["start_dim"] = Array::integer(0);
  const int64_t n_out = pick(rng, 2, 5);
  NodeSpec& fc = g.add("fc", "Affine");
  fc.params["weight"] = random_weight(rng, n_out, c1 * ph * ph, 0.6, true);
  fc.params["bias"] = vec(n_out, 0.0f);
  NodeSpec& if2 = g.add("if2", "IF");
  if2.params["r"] = Array::floats({1}, {1.0f});
  if2.params["v_threshold"] = Array::floats({1}, {0.5f});
  g.add("output", "Output");
  for (auto [a, b] : {std::pair{"input", "conv"},
                      {"conv", "if1"},
                      {"if1", "pool"},
                      {"pool", "flat"},
                      {"flat", "fc"},
                      {"fc", "if2"},
                      {"if2", "output"}})
    g.connect(a, b);
  return s;
}

ModelSpec random_vsn_mlp(std::mt19937_64& rng) {
  ModelSpec s;
  GraphSpec& g = s.graph;
  const int64_t n_in = pick(rng, 3, 10), n_h = pick(rng, 4, 20), n_out = pick(rng, 2, 5);
  const char* acts[] = {"identity", "relu", "gelu", "tanh", "sigmoid", "mish"};
  g.add("input", "Input").params["shape"] = Array::ints({1}, {n_in});
  NodeSpec& fc1 = g.add("fc1", "Affine");
  fc1.params["weight"] = random_weight(rng, n_h, n_in, 0.6, false);
  fc1.params["bias"] = uniform_vec(rng, n_h, -0.2f, 0.2f);
  NodeSpec& v = g.add("vsn", "VSN");
  v.params["beta"] = uniform_vec(rng, n_h, 0.5f, 1.0f);
  v.params["threshold"] = uniform_vec(rng, n_h, 0.2f, 1.0f);
  v.params["activation"] = Array::text(acts[pick(rng, 0, 5)]);
  v.params["spike_steps"] = Array::integer(pick(rng, 1, 3));
  NodeSpec& fc2 = g.add("fc2", "Affine");
  fc2.params["weight"] = random_weight(rng, n_out, n_h, 0.6, false);
  fc2.params["bias"] = vec(n_out, 0.0f);
  g.add("output", "Output");
  for (auto [a, b] : {std::pair{"input", "fc1"}, {"fc1", "vsn"}, {"vsn", "fc2"}, {"fc2", "output"}}) g.connect(a, b);
  return s;
}

namespace {

NodeSpec& add_pointwise(GraphSpec& g, std::mt19937_64& rng, const std::string& name, int64_t cin, int64_t cout) {
  NodeSpec& c = g.add(name, "Conv2d");
  Array w = random_weight(rng, cout, cin, 0.8, false);
  w.shape = {cout, cin, 1, 1};
  c.params["weight"] = std::move(w);
  c.params["bias"] = uniform_vec(rng, cout, -0.2f, 0.2f);
  return c;
}

}  // namespace

ModelSpec random_wno(std::mt19937_64& rng, bool spiking) {
  ModelSpec s;
  GraphSpec& g = s.graph;
  const int64_t rows = pick(rng, 9, 24), cols = pick(rng, 9, 24), width = pick(rng, 2, 6), hidden = pick(rng, 3, 12);
  const int64_t pad = pick(rng, 0, 3), levels = pick(rng, 1, 2), plane = rows * cols;
  const std::string wavelet = "db" + std::to_string(pick(rng, 1, 3));
  g.add("input", "Input").params["shape"] = Array::ints({3}, {1, rows, cols});
  NodeSpec& xn = g.add("x_norm", "Normalize");
  xn.params["mean"] = uniform_vec(rng, plane, -0.5f, 0.5f);
  xn.params["std"] = uniform_vec(rng, plane, 0.5f, 2.0f);
  g.add("grid", "GridChannels");
  add_pointwise(g, rng, "lift", 3, width);
  g.add("pad", "Pad2d").params["padding"] = Array::ints({4}, {0, pad, 0, pad});
  g.connect("input", "x_norm");
  g.connect("x_norm", "grid");
  g.connect("grid", "lift");
  g.connect("lift", "pad");
  const auto [h, w] = Dwt2d(wavelet_filters(wavelet), static_cast<int>(levels), rows + pad, cols + pad).sizes().back();
  auto activation = [&](const std::string& name, int64_t channels) {
    if (!spiking) {
      g.add(name, "Activation").params["function"] = Array::text("gelu");
      return;
    }
    NodeSpec& v = g.add(name, "VSN");
    v.params["beta"] = uniform_vec(rng, channels, 0.5f, 1.0f);
    v.params["threshold"] = uniform_vec(rng, channels, 0.0f, 0.3f);
    v.params["activation"] = Array::text("gelu");
    v.params["spike_steps"] = Array::integer(1);
  };
  std::string prev = "pad";
  for (int k = 0; k < 2; ++k) {
    const std::string kn = "k" + std::to_string(k), wn = "w" + std::to_string(k), an = "act" + std::to_string(k);
    NodeSpec& wc = g.add(kn, "WaveletConv2d");
    wc.params["weight_approx"] =
        Array::floats({width, width, h, w}, random_weight(rng, width * width, h * w, 1.0, false).f);
    Array detail = random_weight(rng, 3 * width * width, h * w, 1.0, false);
    for (float& v : detail.f) v *= 0.5f;
    detail.shape = {3, width, width, h, w};
    wc.params["weight_detail"] = std::move(detail);
    wc.params["wavelet"] = Array::text(wavelet);
    wc.params["levels"] = Array::integer(levels);
    add_pointwise(g, rng, wn, width, width);
    activation(an, width);
    for (const std::string& src : {kn, wn}) g.connect(src, an);
    g.connect(prev, kn);
    g.connect(prev, wn);
    prev = an;
  }
  g.add("crop", "Crop2d").params["crop"] = Array::ints({4}, {0, pad, 0, pad});
  add_pointwise(g, rng, "fc1", width, hidden);
  activation("act_fc", hidden);
  add_pointwise(g, rng, "fc2", hidden, 1);
  NodeSpec& yn = g.add("y_norm", "Normalize");
  yn.params["mean"] = uniform_vec(rng, plane, -0.5f, 0.5f);
  yn.params["std"] = uniform_vec(rng, plane, 0.5f, 2.0f);
  yn.params["inverse"] = Array::integer(1);
  g.add("output", "Output");
  for (auto [a, b] : {std::pair<std::string, std::string>{prev, "crop"},
                      {"crop", "fc1"},
                      {"fc1", "act_fc"},
                      {"act_fc", "fc2"},
                      {"fc2", "y_norm"},
                      {"y_norm", "output"}})
    g.connect(a, b);
  return s;
}

ModelSpec random_egru_stack(std::mt19937_64& rng) {
  EgruStackConfig c;
  c.inputs = pick(rng, 3, 16);
  c.hidden = 4 * pick(rng, 2, 8);  // 3 x hidden a multiple of 4 (the GPU engine's 16-byte columns)
  c.layers = pick(rng, 1, 3);
  c.outputs = pick(rng, 2, 6);
  c.density = std::uniform_real_distribution<double>(0.15, 1.0)(rng);
  c.threshold = std::uniform_real_distribution<double>(0.1, 0.6)(rng);
  c.seed = rng();
  return make_egru_stack(c);
}

ModelSpec random_lm(std::mt19937_64& rng) {
  ModelSpec s;
  GraphSpec& g = s.graph;
  const int64_t vocab = pick(rng, 5, 40), emb = 4 * pick(rng, 1, 6), layers = pick(rng, 1, 2);
  g.add("input", "Input").params["shape"] = Array::ints({1}, {1});
  g.add("embedding", "Embedding").params["weight"] = random_weight(rng, vocab, emb, 1.0, false);
  std::string prev = "embedding";
  g.connect("input", "embedding");
  int64_t in = emb;
  for (int64_t l = 0; l < layers; ++l) {
    const int64_t h = 4 * pick(rng, 2, 8);
    std::string name = "egru";  // (operator+ on a literal trips GCC 12's -Wrestrict)
    name += std::to_string(l + 1);
    NodeSpec& e = g.add(name, "EGRU");
    const double density = std::uniform_real_distribution<double>(0.3, 1.0)(rng);
    e.params["weight_ih"] = random_weight(rng, 3 * h, in, density, false);
    e.params["weight_hh"] = random_weight(rng, 3 * h, h, density, false);
    e.params["bias_ih"] = uniform_vec(rng, 3 * h, -0.2f, 0.2f);
    e.params["bias_hh"] = uniform_vec(rng, 3 * h, -0.2f, 0.2f);
    e.params["threshold"] = uniform_vec(rng, h, 0.0f, 0.2f);
    g.connect(prev, name);
    prev = name;
    in = h;
  }
  NodeSpec& d = g.add("decoder", "Affine");
  d.params["weight"] = random_weight(rng, vocab, in, 1.0, false);
  d.params["bias"] = uniform_vec(rng, vocab, -0.5f, 0.5f);
  g.add("output", "Output").params["shape"] = Array::ints({1}, {vocab});
  g.connect(prev, "decoder");
  g.connect("decoder", "output");
  s.meta.model = "egru_lm";
  for (int64_t k = 0; k < vocab; ++k) {
    std::string w = "w";
    s.meta.vocab.push_back(w += std::to_string(k));
  }
  s.meta.vocab.back() = "<eos>";
  return s;
}

Matrix random_matrix(std::mt19937_64& rng, int64_t rows, int64_t cols, double density) {
  std::uniform_real_distribution<float> u(-1, 1);
  std::bernoulli_distribution keep(density);
  Matrix w(rows, cols);
  for (int64_t k = 0; k < w.size(); ++k) w.data()[k] = keep(rng) ? u(rng) : 0.0f;
  return w;
}

GatheredInputs random_gathered(std::mt19937_64& rng, int64_t in, int64_t batch, double activity, bool binary) {
  std::uniform_real_distribution<float> u(0.1f, 2.0f);
  std::bernoulli_distribution fire(activity);
  GatheredInputs g;
  g.x.setZero(in, batch);
  for (int64_t j = 0; j < in; ++j) {
    bool any = false;
    for (int64_t b = 0; b < batch; ++b)
      if (fire(rng)) {
        g.x(j, b) = binary ? 1.0f : u(rng);
        any = true;
      }
    if (any) g.active.push_back(static_cast<uint32_t>(j));
  }
  return g;
}

}  // namespace evsim::testing
