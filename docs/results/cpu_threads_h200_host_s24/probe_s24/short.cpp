#include <chrono>
#include <cstdio>
#include <random>
#include <algorithm>
#include "network/short_columns.hpp"
#include "network/dense_product.hpp"
#include "network/gathered_delivery.hpp"
#include "core/nonzero.hpp"
using namespace evsim;
int main(int argc, char** argv) {
  int rows = argc > 1 ? atoi(argv[1]) : 16, cols = 512;
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> u(-1, 1);
  Matrix w = Matrix::NullaryExpr(rows, cols, [&] { return u(rng); });
  ShortColumns sc = ShortColumns::from_dense(w);
  for (int batch : {1, 10, 64}) for (double act : {0.05, 0.2}) {
    const int sets = 16;
    std::vector<GatheredInputs> in(sets);
    std::bernoulli_distribution on(act);
    for (auto& g : in) {
      g.x.setZero(cols, batch);
      for (int k = 0; k < g.x.size(); ++k) if (on(rng)) g.x.data()[k] = u(rng);
      for (int j = 0; j < cols; ++j) if ((g.x.row(j).array() != 0).any()) g.active.push_back(j);
      if (getenv("LISTS") && batch > 1) { g.sample_units.resize(cols * batch); g.sample_events.resize(batch);
        for (int b = 0; b < batch; ++b) g.sample_events[b] = nonzero_indices(g.x.col(b).data(), cols, g.sample_units.data() + b * cols); }
    }
    Matrix y(rows, batch), y2(rows, batch);
    // parity
    y.setZero(); y2.setZero(); gather_short_columns(sc, in[0], y, 1); dense_product_add(w, in[0].x, y2, 1);
    double diff = (y - y2).cwiseAbs().maxCoeff();
    double t[3];
    for (int v = 0; v < 3; ++v) {
      std::vector<double> ts;
      for (int r = 0; r < 7; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        for (int it = 0; it < 2000; ++it) { const auto& g = in[it % sets]; y.setZero();
          if (v == 0) dense_product_add(w, g.x, y, 1); else if (v == 1) gather_short_columns(sc, g, y, 1); else gather_dense_columns(w, g, y, 1); }
        ts.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / 2000);
      }
      std::sort(ts.begin(), ts.end()); t[v] = ts[3];
    }
    std::printf("rows %d batch %2d act %.2f  product %7.0f ns  short %7.0f ns  dense-cols %7.0f ns  maxdiff %g\n", rows, batch, act, t[0], t[1], t[2], diff);
  }
}
