// Throwaway: a readout's step at a batch (16 x 512, 20 % activity), one thread, its parts: the
// tally dense mode runs (add_columns), the event backend's gathering (tally with masks and
// per-sample lists, the union of active units), short columns, the product. Medians of N steps
// over rotating inputs, 4 MB read between steps (the EGRU layers' traffic) or not.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "backends/input_tally.hpp"
#include "core/cpu_cost_model.hpp"
#include "core/nonzero.hpp"
#include "network/matrix_projection.hpp"

using namespace evsim;

template <class F>
double med(int n, bool evict, F f) {
  static std::vector<float> junk(1 << 20, 1.0f);
  std::vector<double> t;
  volatile float sink = 0;
  for (int i = 0; i < n; ++i) {
    if (evict) { float s = 0; for (size_t k = 0; k < junk.size(); k += 16) s += junk[k]; sink = sink + s; }
    auto a = std::chrono::steady_clock::now();
    f(i);
    t.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

int main(int argc, char** argv) {
  const int64_t rows = atoi(argv[1]), cols = atoi(argv[2]), batch = atoi(argv[3]);
  const double act = atof(argv[4]);
  const bool evict = argc > 5 && atoi(argv[5]);
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<float> u(-1, 1);
  Matrix w(rows, cols);
  for (int64_t i = 0; i < w.size(); ++i) w.data()[i] = std::bernoulli_distribution(0.19)(rng) ? u(rng) : 0.0f;
  MatrixProjection p(w);
  std::vector<Matrix> xs(8, Matrix::Zero(cols, batch));
  for (auto& x : xs)
    for (int64_t i = 0; i < x.size(); ++i) if (std::bernoulli_distribution(act)(rng)) x.data()[i] = u(rng);
  Matrix y = Matrix::Zero(rows, batch);
  const int n = 2001;
  const double tally = med(n, evict, [&](int i) { InputTally t(p); t.add_columns(xs[i % 8]); });
  std::vector<uint16_t> seen;
  auto gather = [&](GatheredInputs& g) {  // in place, as the backend swaps its frame in
    InputTally t(p);
    seen.assign(size_t((cols + 15) / 16), 0);
    g.sample_units.resize(size_t(cols * batch));
    g.sample_events.resize(size_t(batch));
    for (int64_t s = 0; s < batch; ++s)
      g.sample_events[size_t(s)] = uint32_t(t.add_column(g.x.col(s).data(), cols, seen.data(), g.sample_units.data() + s * cols));
    g.active.resize(size_t(cols));
    g.active.resize(mask_indices(seen.data(), cols, g.active.data()));
    g.events = int64_t(t.events());
  };
  std::vector<GatheredInputs> gs(8);
  for (size_t k = 0; k < 8; ++k) gs[k].x = xs[k], gather(gs[k]);
  const double gath = med(n, evict, [&](int i) { gather(gs[size_t(i % 8)]); });
  const double shortc = med(n, evict, [&](int i) { y.setZero(); p.deliver_gathered(gs[size_t(i % 8)], y, SumOrder::Reference); });
  const double prod = med(n, evict, [&](int i) { y.setZero(); p.deliver_product(xs[i % 8], y); });
  const auto c = p.choose_path(gs[0]);
  printf("%lld x %lld b%lld act %.2f evict %d: tally %.0f ns, gathering %.0f ns, %s %.0f ns, product %.0f ns\n",
         (long long)rows, (long long)cols, (long long)batch, act, int(evict), tally, gath, gather_path_name(c.path), shortc, prod);
}
