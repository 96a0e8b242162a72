#include "models/snn_benchmark.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "core/error.hpp"
#include "core/memory_budget.hpp"

namespace evsim {
namespace {

Array filled(int64_t n, double v) {
  return Array::floats({n}, std::vector<float>(static_cast<size_t>(n), static_cast<float>(v)));
}

// `k` distinct sources from [lo, hi), ascending (a csr row's columns).
void sample_row(std::mt19937_64& rng, int64_t lo, int64_t hi, int64_t k, std::vector<int64_t>& out) {
  std::vector<int64_t> pick;
  std::uniform_int_distribution<int64_t> any(lo, hi - 1);
  while (static_cast<int64_t>(pick.size()) < k) {  // k is a tenth of the range: few repeats
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
  w_ext.params["weight/format"] = Array::text("csr");
  w_ext.params["weight/shape"] = Array::ints({2}, {n, n});
  w_ext.params["weight/indptr"] = Array::ints({n + 1}, std::move(diag_ptr));
  w_ext.params["weight/indices"] = Array::ints({n}, std::move(diag));
  w_ext.params["weight/data"] = filled(n, c.j_mv * x_per_mv);
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
  rec.params["weight/format"] = Array::text("csr");
  rec.params["weight/shape"] = Array::ints({2}, {n, n});
  rec.params["weight/indptr"] = Array::ints({n + 1}, std::move(indptr));
  rec.params["weight/indices"] = Array::ints({nnz}, std::move(indices));
  rec.params["weight/data"] = Array::floats({nnz}, std::move(data));
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
