#include "models/snn_benchmark.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "models/weight_layout.hpp"
#include "network/delayed_projection.hpp"

namespace evsim {
namespace {

Array filled(int64_t n, double v) {
  return Array::floats({n}, std::vector<float>(static_cast<size_t>(n), static_cast<float>(v)));
}

// `k` distinct sources from [lo, hi), ascending (a csr row's columns).
void sample_row(std::mt19937_64& rng, int64_t lo, int64_t hi, int64_t k, std::vector<int64_t>& out) {
  std::vector<int64_t> pick;
  if (2 * k > hi - lo) {  // dense rows: a partial shuffle (rejection would repeat too often)
    std::vector<int64_t> all(static_cast<size_t>(hi - lo));
    std::iota(all.begin(), all.end(), lo);
    for (int64_t j = 0; j < k; ++j)
      std::swap(all[static_cast<size_t>(j)],
                all[static_cast<size_t>(std::uniform_int_distribution<int64_t>(j, hi - lo - 1)(rng))]);
    pick.assign(all.begin(), all.begin() + k);
    std::sort(pick.begin(), pick.end());
  }
  std::uniform_int_distribution<int64_t> any(lo, hi - 1);
  while (static_cast<int64_t>(pick.size()) < k) {
    pick.push_back(any(rng));
    if (static_cast<int64_t>(pick.size()) == k) {
      std::sort(pick.begin(), pick.end());
      pick.erase(std::unique(pick.begin(), pick.end()), pick.end());
    }
  }
  out.insert(out.end(), pick.begin(), pick.end());
}

}  // namespace

ModelSpec make_brunel(const BrunelConfig& c) {
  if (c.neurons < 10 || c.neurons > (int64_t{1} << 28)) throw UsageError("brunel: --neurons expected 10 to 2^28");
  if (!(c.epsilon > 0 && c.epsilon <= 1)) throw UsageError("brunel: --epsilon expected in (0, 1]");
  // Else the file is written and every later load refuses it (negative or infinite weights, rates,
  // delays): the loader's limits, checked where the user can still change the option.
  if (!(std::isfinite(c.g) && c.g >= 0)) throw UsageError("brunel: --g expected a finite value >= 0");
  if (!(c.dt > 0 && std::isfinite(c.dt))) throw UsageError("brunel: --dt expected a finite value > 0");
  if (!(c.delay_s >= 0 && c.delay_s <= double(kMaxDelaySteps) * c.dt))
    throw UsageError("brunel: --delay expected 0 to " + std::to_string(kMaxDelaySteps) + " steps of dt (s)");
  const double per_eta = c.theta_mv / (c.j_mv * c.tau_s) * c.dt;  // external spikes per step a unit of eta brings
  if (!(c.eta >= 0 && c.eta * per_eta <= 100)) {
    char limit[64];
    std::snprintf(limit, sizeof limit, "%.6g", 100.0 / per_eta);
    throw UsageError(std::string("brunel: --eta expected 0 to ") + limit +
                     " at this dt (the external drive is at most 100 spikes per step)");
  }
  const int64_t n = c.neurons, ne = n * 4 / 5, ni = n - ne;
  const auto ce = std::max<int64_t>(1, std::llround(c.epsilon * double(ne)));
  const auto ci = std::max<int64_t>(1, std::llround(c.epsilon * double(ni)));
  require_memory(16.0 * double(n) * double(ce + ci),
                 "the Brunel network's " + std::to_string(n * (ce + ci)) + " synapses");
  std::mt19937_64 rng(c.seed);
  const double x_per_mv = c.tau_s / c.dt;  // input x whose charge x dt jumps v by 1 mV (r = 1)
  std::vector<int64_t> indptr{0}, indices;
  std::vector<float> data;
  indices.reserve(static_cast<size_t>(n * (ce + ci)));
  for (int64_t post = 0; post < n; ++post) {
    sample_row(rng, 0, ne, ce, indices);
    sample_row(rng, ne, n, ci, indices);
    data.insert(data.end(), static_cast<size_t>(ce), static_cast<float>(c.j_mv * x_per_mv));
    data.insert(data.end(), static_cast<size_t>(ci), static_cast<float>(-c.g * c.j_mv * x_per_mv));
    indptr.push_back(static_cast<int64_t>(indices.size()));
  }
  const auto nnz = static_cast<int64_t>(indices.size());
  const double nu_thr = c.theta_mv / (c.j_mv * double(ce) * c.tau_s);  // Hz, per external synapse
  std::vector<float> v0(static_cast<size_t>(n));
  std::uniform_real_distribution<float> start(0.0f, static_cast<float>(c.theta_mv));
  for (float& v : v0) v = start(rng);

  ModelSpec s;
  s.meta.model = "snn";
  s.meta.dt = c.dt;
  GraphSpec& g = s.graph;
  g.add("input", "Input").params["shape"] = Array::ints({1}, {1});
  NodeSpec& ext = g.add("external", "PoissonSource");
  ext.params["rate"] = filled(n, c.eta * nu_thr * double(ce));
  ext.params["shape"] = Array::ints({1}, {n});
  NodeSpec& w_ext = g.add("w_ext", "Linear");  // one external unit per neuron, weight J
  std::vector<int64_t> diag(static_cast<size_t>(n)), diag_ptr(static_cast<size_t>(n) + 1);
  std::iota(diag.begin(), diag.end(), 0);
  std::iota(diag_ptr.begin(), diag_ptr.end(), 0);
  set_sparse_weight(w_ext, true, n, n, std::move(diag_ptr), std::move(diag), filled(n, c.j_mv * x_per_mv));
  NodeSpec& cell = g.add("cell", "LIF");
  cell.params["tau"] = filled(n, c.tau_s);
  cell.params["r"] = filled(n, 1.0);
  cell.params["v_leak"] = filled(n, 0.0);
  cell.params["v_threshold"] = filled(n, c.theta_mv);
  cell.params["v_reset"] = filled(n, c.reset_mv);
  cell.params["t_ref"] = filled(n, c.t_ref_s);
  cell.params["v0"] = Array::floats({n}, std::move(v0));
  cell.params["integrator"] = Array::text("exact");
  NodeSpec& rec = g.add("w_rec", "Linear");
  set_sparse_weight(rec, true, n, n, std::move(indptr), std::move(indices), Array::floats({nnz}, std::move(data)));
  rec.params["weight/delay"] = filled(nnz, c.delay_s);
  g.add("output", "Output");
  g.connect("external", "w_ext");
  g.connect("w_ext", "cell");
  g.connect("cell", "w_rec");
  g.connect("w_rec", "cell");
  g.connect("cell", "output");
  return s;
}

}  // namespace evsim

namespace evsim {
namespace {

// Each pair connected with probability p: the number of sources per target is binomial, the
// sources then drawn without repeats (Brian2's `connect(p=...)` in distribution).
struct EiSynapses {
  std::vector<int64_t> indptr{0}, indices;
  std::vector<float> data;
};

EiSynapses connect_ei(std::mt19937_64& rng, int64_t n, int64_t ne, double p, float x_exc, float x_inh) {
  EiSynapses s;
  std::binomial_distribution<int64_t> from_e(ne, p), from_i(n - ne, p);
  for (const bool inhibitory : {false, true})  // rows [0, n): excitatory targets; [n, 2n): inhibitory
    for (int64_t post = 0; post < n; ++post) {
      const int64_t k = inhibitory ? from_i(rng) : from_e(rng);
      sample_row(rng, inhibitory ? ne : 0, inhibitory ? n : ne, k, s.indices);
      s.data.insert(s.data.end(), static_cast<size_t>(k), inhibitory ? x_inh : x_exc);
      s.indptr.push_back(static_cast<int64_t>(s.indices.size()));
    }
  return s;
}

Array normal_vec(std::mt19937_64& rng, int64_t n, double mean, double sd) {
  std::normal_distribution<double> z(mean, sd);
  std::vector<float> v(static_cast<size_t>(n));
  for (float& x : v) x = static_cast<float>(z(rng));
  return Array::floats({n}, std::move(v));
}

}  // namespace

ModelSpec make_vogels_abbott(const VogelsAbbottConfig& c) {
  const char* name = c.conductance ? "coba" : "cuba";
  if (c.neurons < 10 || c.neurons > (int64_t{1} << 28))
    throw UsageError(std::string(name) + ": --neurons expected 10 to 2^28");
  const int64_t n = c.neurons, ne = n * 4 / 5;
  const double p = c.p > 0 ? c.p : std::min(1.0, 80.0 / double(n));
  if (!(p <= 1.0)) throw UsageError(std::string(name) + ": --epsilon expected in (0, 1]");
  require_memory(12.0 * double(n) * double(n) * p, "the " + std::string(name) + " network's synapses");
  const double tau_e = 5e-3, tau_i = 1e-2;
  std::mt19937_64 rng(c.seed);
  // A Brian2 jump w of a current or conductance is the input x = w tau_syn / dt.
  EiSynapses syn = c.conductance ? connect_ei(rng, n, ne, p, float(0.6 * tau_e / c.dt), float(6.7 * tau_i / c.dt))
                                 : connect_ei(rng, n, ne, p, float(1.62 * tau_e / c.dt), float(-9.0 * tau_i / c.dt));
  ModelSpec s;
  s.meta.model = "snn";
  s.meta.dt = c.dt;
  GraphSpec& g = s.graph;
  g.add("input", "Input").params["shape"] = Array::ints({1}, {1});
  NodeSpec& cell = g.add("cell", c.conductance ? "CobaLIF" : "CubaLIF");
  cell.params["tau_mem"] = filled(n, 0.02);
  cell.params["tau_syn"] = filled(n, tau_e);
  cell.params["tau_syn_inh"] = filled(n, tau_i);
  // Potentials in mV relative to the leak reversal potential (Brette's scripts do the same):
  // float32 resolves 4e-6 mV at -50 mV but 1e-7 near 0, and a chaotic net's spike trains then
  // follow Brian2's float64 ones several times longer.
  const double rest = c.conductance ? -60.0 : -49.0;
  cell.params["v_leak"] = filled(n, 0.0);
  cell.params["v_threshold"] = filled(n, -50.0 - rest);
  cell.params["v_reset"] = filled(n, -60.0 - rest);
  cell.params["t_ref"] = filled(n, 5e-3 - c.dt);
  if (c.conductance) {
    cell.params["e_exc"] = filled(n, 0.0 - rest);
    cell.params["e_inh"] = filled(n, -80.0 - rest);
    cell.params["v0"] = normal_vec(rng, n, -65.0 - rest, 5.0);
    cell.params["i0"] = normal_vec(rng, n, 4.0, 1.5);
    cell.params["i0_inh"] = normal_vec(rng, n, 20.0, 12.0);
  } else {
    cell.params["r"] = filled(n, 1.0);
    cell.params["integrator"] = Array::text("exact");
    std::vector<float> v0(static_cast<size_t>(n));
    std::uniform_real_distribution<float> start(static_cast<float>(-60.0 - rest), static_cast<float>(-50.0 - rest));
    for (float& v : v0) v = start(rng);
    cell.params["v0"] = Array::floats({n}, std::move(v0));
  }
  NodeSpec& rec = g.add("w_rec", "Linear");
  const auto nnz = static_cast<int64_t>(syn.indices.size());
  set_sparse_weight(rec, true, 2 * n, n, std::move(syn.indptr), std::move(syn.indices),
                    Array::floats({nnz}, std::move(syn.data)));
  g.add("output", "Output");
  g.connect("cell", "w_rec");
  g.connect("w_rec", "cell");
  g.connect("cell", "output");
  return s;
}

}  // namespace evsim
