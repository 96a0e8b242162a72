#include "network/node_params.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "neurons/cuba_lif.hpp"
#include "neurons/exact_integration.hpp"
#include "neurons/integrator.hpp"
#include "neurons/lif.hpp"
#include "neurons/threshold.hpp"
#include "neurons/two_current.hpp"
#include "neurons/vsn.hpp"

namespace evsim {

namespace {

void check_finite(const NodeReader& c, const std::string& key, const Vector& v) {
  if (!v.allFinite()) c.fail(key, "expected finite values");
}

// t_ref (seconds, scalar or per unit) as whole steps of dt, rounded.
Vector refractory_steps(const NodeReader& c, const Shape& s) {
  if (!c.has("t_ref")) return {};
  const Vector t = c.per_unit("t_ref", s);
  Vector steps(t.size());
  for (Eigen::Index k = 0; k < t.size(); ++k) {
    const double n = std::round(static_cast<double>(t[k]) / c.dt);
    if (!(n >= 0 && n < 1e9)) c.fail("t_ref", "expected refractory periods >= 0 s and below 1e9 steps");
    steps[k] = static_cast<float>(n);
  }
  return (steps.array() > 0).any() ? steps : Vector();
}

std::optional<FiringParams> firing(const NodeReader& c, const Shape& s) {
  return FiringParams{c.per_unit("v_threshold", s), c.per_unit("v_reset", s, 0.0f), refractory_steps(c, s)};
}

// v0 / i0 (evsim extensions): where a run starts; i0 only where there is a synaptic current.
InitialState initial_state(const NodeReader& c, const Shape& s, bool current) {
  InitialState s0;
  if (c.has("v0")) check_finite(c, "v0", s0.v0 = c.per_unit("v0", s));
  if (c.has("i0")) {
    if (!current) c.fail("i0", "only CubaLIF, CubaLI and CobaLIF have a synaptic current to start");
    check_finite(c, "i0", s0.i0 = c.per_unit("i0", s));
  }
  return s0;
}

void refuse_refractory(const NodeReader& c) {
  if (c.has("t_ref")) c.fail("t_ref", "a refractory period needs a firing neuron (LIF, CubaLIF, CobaLIF, IF)");
}

// `integrator` (evsim extension): forward Euler (NIR's reference, the default) or exact.
Integration integration(const NodeReader& c, bool leaky) {
  if (!c.has("integrator")) return Integration::Euler;
  if (!leaky) c.fail("integrator", "an integrator choice applies to LIF, LI, CubaLIF and CubaLI");
  try {
    return parse_integration(c.text("integrator"));
  } catch (const CheckpointError&) {
    throw;
  } catch (const Error& e) {
    c.fail("integrator", e.what());
  }
}

void check_positive(const NodeReader& c, const std::string& key, const Vector& v) {
  if ((v.array() <= 0.0f).any()) c.fail(key, "expected positive values");
}

// Two synaptic currents (neurons/two_current.hpp): the in-edges carry 2n values, excitatory
// then inhibitory; without a forward in-edge the parameters give n.
Shape two_current_shape(const NodeReader& c) {
  if (c.in_shape.empty()) return c.neuron_shape({"tau_mem", "tau_syn", "tau_syn_inh", "v_threshold", "v_leak"});
  const int64_t in = shape_size(c.in_shape);
  if (in % 2)
    c.fail("tau_syn_inh",
           "two synaptic currents take 2n inputs (excitatory, then inhibitory), but the in-edges carry " +
               shape_str(c.in_shape));
  return {in / 2};
}

std::unique_ptr<NeuronModel> read_two_current_model(const NodeReader& c, Shape& s) {
  const std::string& t = c.node.type;
  s = two_current_shape(c);
  TwoCurrentParams p;
  p.tau_syn = c.per_unit("tau_syn", s);
  p.tau_syn_inh = c.per_unit("tau_syn_inh", s);
  p.tau_mem = c.per_unit("tau_mem", s);
  p.v_leak = c.per_unit("v_leak", s);
  for (const char* key : {"tau_syn", "tau_syn_inh", "tau_mem"}) check_positive(c, key, c.per_unit(key, s));
  InitialState s0 = initial_state(c, s, true);
  if (c.has("i0_inh")) check_finite(c, "i0_inh", s0.i0_inh = c.per_unit("i0_inh", s));
  if (t == "CubaLI") refuse_refractory(c);
  auto f = t == "CubaLI" ? std::nullopt : firing(c, s);
  if (t == "CobaLIF") {
    for (const char* key : {"r", "w_in"})
      if (c.has(key)) c.fail(key, "CobaLIF has no r or w_in: its inputs are conductances in units of the leak");
    p.e_exc = c.per_unit("e_exc", s);
    p.e_inh = c.per_unit("e_inh", s);
    if (c.has("integrator") && c.text("integrator") != "euler")
      c.fail("integrator", "CobaLIF integrates by forward Euler only (no closed form; Brian2 chooses Euler too)");
    return std::make_unique<CobaLif>(p, std::move(f), c.dt, std::move(s0));
  }
  p.r = c.per_unit("r", s);
  p.w_in = c.per_unit("w_in", s, 1.0f);
  if (integration(c, true) == Integration::Exact)
    return std::make_unique<CubaLif2Exact>(p, std::move(f), c.dt, std::move(s0));
  return std::make_unique<CubaLif2>(p, std::move(f), c.dt, std::move(s0));
}

}  // namespace

CscMatrix read_sparse_weight(const NodeReader& c) {
  const std::string format = c.text("weight/format");
  if (format != "csr" && format != "csc") c.fail("weight/format", "expected 'csr' or 'csc', got '" + format + "'");
  const std::vector<int64_t> shape = c.ints("weight/shape");
  if (shape.size() != 2 || shape[0] < 1 || shape[1] < 1 || shape[0] > (int64_t{1} << 32) ||
      shape[1] > (int64_t{1} << 32))
    c.fail("weight/shape", "expected (out, in), each 1 to 2^32");
  const Array& data = c.get("weight/data");
  if (data.kind != Array::Kind::Float || data.rank() != 1) c.fail("weight/data", "expected 1-D float values");
  try {
    return CscMatrix::from_compressed(format == "csr", shape[0], shape[1], c.ints("weight/indptr"),
                                      c.ints("weight/indices"), data.f);
  } catch (const CheckpointError&) {
    throw;
  } catch (const Error& e) {
    c.fail("weight", e.what());
  }
}

// weight/delay (seconds per stored entry) as whole steps of dt: one matrix per distinct delay,
// built from the same compressed arrays with the other delays' values masked to zero.
std::vector<DelayGroup> read_delayed_weight(const NodeReader& c) {
  const Array& delay = c.get("weight/delay");
  const Array& data = c.get("weight/data");
  if (delay.kind != Array::Kind::Float || delay.rank() != 1 || delay.f.size() != data.f.size())
    c.fail("weight/delay",
           "expected one delay (seconds) per stored weight, " + std::to_string(data.f.size()) + " values");
  std::vector<int64_t> steps(delay.f.size());
  for (size_t k = 0; k < steps.size(); ++k) {
    const double n = std::round(static_cast<double>(delay.f[k]) / c.dt);
    if (!(n >= 0 && n <= kMaxDelaySteps))
      c.fail("weight/delay", "expected delays >= 0 s and at most " + std::to_string(kMaxDelaySteps) + " steps of dt");
    steps[k] = static_cast<int64_t>(n);
  }
  std::vector<int64_t> distinct = steps;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  // One pass splits the entries by delay (each part keeps the file's line order): the layout
  // was checked already (read_sparse_weight), and the work is O(synapses + delays x lines).
  const bool csr = c.text("weight/format") == "csr";
  const std::vector<int64_t> shape = c.ints("weight/shape"), indptr = c.ints("weight/indptr"),
                             indices = c.ints("weight/indices");
  struct Part {
    std::vector<int64_t> indptr{0}, indices;
    std::vector<float> data;
  };
  std::vector<Part> parts(distinct.size());
  const int64_t lines = csr ? shape.at(0) : shape.at(1);
  for (int64_t line = 0; line < lines; ++line) {
    for (auto k = static_cast<size_t>(indptr[static_cast<size_t>(line)]);
         k < static_cast<size_t>(indptr[static_cast<size_t>(line) + 1]); ++k) {
      Part& part =
          parts[static_cast<size_t>(std::lower_bound(distinct.begin(), distinct.end(), steps[k]) - distinct.begin())];
      part.indices.push_back(indices[k]);
      part.data.push_back(data.f[k]);
    }
    for (Part& part : parts) part.indptr.push_back(static_cast<int64_t>(part.indices.size()));
  }
  std::vector<DelayGroup> groups;
  for (size_t g = 0; g < parts.size(); ++g) {
    try {
      groups.push_back({distinct[g], CscMatrix::from_compressed(csr, shape.at(0), shape.at(1), parts[g].indptr,
                                                                parts[g].indices, parts[g].data)});
    } catch (const Error& e) {
      c.fail("weight", e.what());
    }
    parts[g] = Part{};  // its arrays are in the matrix now
  }
  return groups;
}

MatrixParams read_matrix_params(const NodeReader& c, bool affine) {
  MatrixParams p;
  if (c.has("weight/format")) {
    p.sparse = read_sparse_weight(c);  // checks the layout; the delay groups reuse its arrays
    if (c.has("weight/delay")) {
      p.delayed = read_delayed_weight(c);
      p.sparse.reset();
    }
  } else {
    p.weight = c.matrix("weight");
  }
  const int64_t rows = p.rows();
  c.require_in_size(p.cols(), "weight");
  if (affine) {
    const Array& b = c.get("bias");
    if (b.size() != rows) c.fail("bias", "expected shape (" + std::to_string(rows) + "), got " + shape_str(b.shape));
    p.bias = Eigen::Map<const Vector>(b.f.data(), rows);
  }
  return p;
}

Matrix MatrixParams::dense() const {
  if (!delayed.empty()) throw Error("a weight with per-synapse delays has no single dense matrix");
  return sparse ? sparse->to_dense("a sparse weight as dense") : weight;
}

EgruParams read_egru_params(const NodeReader& c) {
  Matrix w_ih = c.matrix("weight_ih"), w_hh = c.matrix("weight_hh");
  const int64_t h = w_hh.cols();
  if (w_hh.rows() != 3 * h) c.fail("weight_hh", "expected shape (3H, H), got " + shape_str(c.get("weight_hh").shape));
  if (w_ih.rows() != 3 * h)
    c.fail("weight_ih", "expected " + std::to_string(3 * h) + " rows (3H), got " + shape_str(c.get("weight_ih").shape));
  c.require_in_size(w_ih.cols(), "weight_ih");
  auto bias = [&](const char* key) {
    if (!c.has(key)) return Vector::Zero(3 * h).eval();
    const Array& b = c.get(key);
    if (b.size() != 3 * h) c.fail(key, "expected shape (" + std::to_string(3 * h) + "), got " + shape_str(b.shape));
    return Vector(Eigen::Map<const Vector>(b.f.data(), 3 * h));
  };
  Vector theta = c.per_unit("threshold", {h});
  return {std::move(w_ih), std::move(w_hh), bias("bias_ih"), bias("bias_hh"), std::move(theta)};
}

std::unique_ptr<NeuronModel> read_neuron_model(const NodeReader& c, Shape& s) {
  const std::string& t = c.node.type;
  if (t == "CobaLIF" || ((t == "CubaLIF" || t == "CubaLI") && c.has("tau_syn_inh")))
    return read_two_current_model(c, s);
  s = c.neuron_shape({"r", "tau", "tau_mem", "v_threshold", "threshold", "beta"});
  if (c.has("i0_inh")) c.fail("i0_inh", "only neurons with two synaptic currents (tau_syn_inh) have an i0_inh");
  std::unique_ptr<NeuronModel> m;
  if (t == "LIF" || t == "LI") {
    LeakyParams p{c.per_unit("tau", s), c.per_unit("r", s), c.per_unit("v_leak", s)};
    check_positive(c, "tau", p.tau);
    if (t == "LI") refuse_refractory(c);
    auto f = t == "LIF" ? firing(c, s) : std::nullopt;
    if (integration(c, true) == Integration::Exact)
      m = std::make_unique<LifExact>(p, std::move(f), c.dt, initial_state(c, s, false));
    else
      m = std::make_unique<Lif>(p, std::move(f), c.dt, initial_state(c, s, false));
  } else if (t == "CubaLIF" || t == "CubaLI") {
    CubaParams p{c.per_unit("tau_syn", s), c.per_unit("tau_mem", s), c.per_unit("r", s), c.per_unit("v_leak", s),
                 c.per_unit("w_in", s, 1.0f)};
    check_positive(c, "tau_syn", p.tau_syn);
    check_positive(c, "tau_mem", p.tau_mem);
    if (t == "CubaLI") refuse_refractory(c);
    auto f = t == "CubaLIF" ? firing(c, s) : std::nullopt;
    if (integration(c, true) == Integration::Exact)
      m = std::make_unique<CubaLifExact>(p, std::move(f), c.dt, initial_state(c, s, true));
    else
      m = std::make_unique<CubaLif>(p, std::move(f), c.dt, initial_state(c, s, true));
  } else if (t == "IF" || t == "I") {
    if (t == "I") refuse_refractory(c);
    integration(c, false);  // refused: Euler is already exact for an integrator
    m = std::make_unique<Integrator>(c.per_unit("r", s), t == "IF" ? firing(c, s) : std::nullopt, c.dt,
                                     initial_state(c, s, false));
  } else if (t == "Threshold") {
    m = std::make_unique<Threshold>(c.per_unit("threshold", s));
  } else {  // VSN
    ActivationFn phi = ActivationFn::Identity;
    if (c.has("activation")) {
      try {
        phi = parse_activation(c.text("activation"));
      } catch (const CheckpointError&) {
        throw;
      } catch (const Error& e) {
        c.fail("activation", e.what());
      }
    }
    const int64_t steps = c.scalar_int("spike_steps", 1);
    if (steps < 1) c.fail("spike_steps", "expected >= 1");
    m = std::make_unique<Vsn>(c.per_unit("beta", s, 1.0f), c.per_unit("threshold", s), phi, static_cast<int>(steps));
  }
  return m;
}

Matrix read_embedding_table(const NodeReader& c) {
  c.require_in_size(1, "weight");
  Matrix w = c.matrix("weight");  // V x E
  return w.transpose();
}

Vector read_scale(const NodeReader& c, Shape& s) {
  s = c.neuron_shape({"scale"});
  return c.per_unit("scale", s);
}

WaveletConvParams read_wavelet_conv_params(const NodeReader& c) {
  if (c.in_shape.size() != 3) c.fail("", "expected a (channels, rows, cols) input, got " + shape_str(c.in_shape));
  WaveletConvParams p;
  p.in_channels = c.in_shape[0];
  p.rows = c.in_shape[1];
  p.cols = c.in_shape[2];
  p.wavelet = c.text("wavelet");
  p.levels = static_cast<int>(c.scalar_int("levels", 1));
  if (p.levels < 1 || p.levels > 16) c.fail("levels", "expected 1 to 16 levels");
  const std::string finer = c.has("finer_details") ? c.text("finer_details") : "keep";
  if (finer != "keep" && finer != "zero") c.fail("finer_details", "expected 'keep' or 'zero', got '" + finer + "'");
  p.keep_finer = finer == "keep";
  std::vector<std::pair<int64_t, int64_t>> sizes;
  try {
    sizes = Dwt2d(wavelet_filters(p.wavelet), p.levels, p.rows, p.cols).sizes();
  } catch (const Error& e) {
    c.fail("wavelet", e.what());
  }
  const auto [h, w] = sizes.back();
  const Array& a = c.get("weight_approx");
  if (a.kind != Array::Kind::Float || a.rank() != 4 || a.shape[0] != p.in_channels || a.shape[2] != h ||
      a.shape[3] != w)
    c.fail("weight_approx", "expected float " + std::to_string(p.in_channels) + " x Cout x " + std::to_string(h) +
                                " x " + std::to_string(w) + " (the coarsest band of " + p.wavelet + " at " +
                                std::to_string(p.levels) + " levels), got " + shape_str(a.shape));
  p.out_channels = a.shape[1];
  const Array& d = c.get("weight_detail");
  const Shape want{3, p.in_channels, p.out_channels, h, w};
  if (d.kind != Array::Kind::Float || d.shape != want)
    c.fail("weight_detail", "expected float " + shape_str(want) + ", got " + shape_str(d.shape));
  if (p.keep_finer && p.levels > 1 && p.out_channels != p.in_channels)
    c.fail("finer_details", "'keep' needs as many output as input channels");
  p.weight_approx = a.f;
  p.weight_detail = d.f;
  return p;
}

}  // namespace evsim
