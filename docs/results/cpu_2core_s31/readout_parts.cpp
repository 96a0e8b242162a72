// Throwaway: a 16 x 512 readout (80 % pruned) at a batch, 20 % activity: what each mode's step costs by part.
#include <chrono>
#include <cstdio>
#include <random>
#include <algorithm>
#include <vector>
#include "backends/batch_gathering.hpp"
#include "backends/input_tally.hpp"
#include "core/threads.hpp"
#include "network/dense_product.hpp"
#include "network/matrix_projection.hpp"
#include "network/short_columns.hpp"
using namespace evsim;
using clk = std::chrono::steady_clock;
static std::vector<float> junk(1 << 22);
static int g_evict = 0;
static std::vector<Matrix>* g_pool = nullptr; static Matrix* g_x = nullptr;
template <class F> double med_ns(F f, int reps = 2001) {
  std::vector<double> t;
  for (int r = 0; r < reps; ++r) {
    if (g_evict) { for (size_t i = 0; i < junk.size(); i += 16) junk[i] += 1.0f; }
    if (g_pool) *g_x = (*g_pool)[r % g_pool->size()];
    auto a = clk::now(); f(); t.push_back(std::chrono::duration<double, std::nano>(clk::now() - a).count()); }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}
int main(int argc, char** argv) {
  const int B = argc > 1 ? atoi(argv[1]) : 64, T = argc > 2 ? atoi(argv[2]) : 1;
  const double act = argc > 3 ? atof(argv[3]) : 0.2;
  set_cpu_threads(T);
  std::mt19937 g(7);
  std::uniform_real_distribution<float> u(-1, 1), p(0, 1);
  Matrix w(16, 512);
  for (int i = 0; i < w.size(); ++i) w.data()[i] = p(g) < 0.188 ? u(g) : 0.f;
  MatrixProjection proj(w);
  Matrix x(512, B);
  for (int i = 0; i < x.size(); ++i) x.data()[i] = p(g) < act ? 0.5f + p(g) : 0.f;
  Matrix y(16, B);
  g_evict = argc > 4 ? atoi(argv[4]) : 0;
  std::vector<Matrix> pool;
  if (argc > 5 && atoi(argv[5])) { for (int k = 0; k < 64; ++k) { Matrix z(512, B); for (int i = 0; i < z.size(); ++i) z.data()[i] = p(g) < act ? 0.5f + p(g) : 0.f; pool.push_back(z);} }
  OpCounts c;
  g_x = &x; if (!pool.empty()) g_pool = &pool;
  double dense = med_ns([&] { InputTally t(proj); t.add_columns(x); y.setZero(16, B); proj.forward_dense(x, y); t.commit(B, 0, c); });
  double tally = med_ns([&] { InputTally t(proj); t.add_columns(x); t.commit(B, 0, c); });
  double prod = med_ns([&] { y.setZero(16, B); proj.forward_dense(x, y); });
  GatheredInputs gi; gi.x = x; if (!pool.empty()) { g_pool = &pool; } std::vector<uint16_t> seen;
  g_x = &gi.x;
  double gather = med_ns([&] { InputTally t(proj); gather_batch(gi, true, t, seen); t.commit(B, 0, c); });
  ShortColumns sc = ShortColumns::from_dense(w);
  double sc1 = med_ns([&] { y.setZero(16, B); gather_short_columns(sc, gi, y, 1); });
  double sc2 = med_ns([&] { y.setZero(16, B); gather_short_columns(sc, gi, y, 2); });
  double evt = med_ns([&] { InputTally t(proj); gather_batch(gi, true, t, seen); y.setZero(16, B); proj.deliver_gathered(gi, y, SumOrder::Fast); t.commit(B, 0, c); });
  g_x = &x;
  double fused = med_ns([&] { InputTally t(proj); ColumnTally ct; y.setZero(16, B); proj.deliver_tallying(x, y, ct, -1, false); t.add(ct); t.commit(B, 0, c); });
  double fusedsc = med_ns([&] { ColumnTally ct; y.setZero(16, B); tally_short_columns(sc, x, proj.fanout().data(), y, 1, ct); });
  printf("fused %.0f (kernel alone %.0f) ratio %.2f | ", fused, fusedsc, dense / fused);
  printf("B %d T %d act %.2f events %ld active %zu | dense(tally+product) %.0f ns = tally %.0f + product %.0f | event: gather %.0f, short1 %.0f short2 %.0f, whole %.0f | ratio %.2f\n",
         B, T, act, (long)gi.events, gi.active.size(), dense, tally, prod, gather, sc1, sc2, evt, dense / evt);
}
