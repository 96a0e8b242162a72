// The default model's readout (16 x 512, 18.8 % density) at batch B, 20 % activity: one port
// through the dense and the event backend, alternating, with a cache-thrashing pass (like the
// model's EGRU layers) optionally between steps.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include "backends/cpu_runner.hpp"
#include "core/threads.hpp"
#include "network/matrix_projection.hpp"
using namespace evsim;
int main(int argc, char** argv) {
  set_cpu_threads(1);
  const int B = argc > 1 ? atoi(argv[1]) : 10;
  const size_t evict = argc > 2 ? size_t(atoi(argv[2])) << 20 : 0;
  std::mt19937 rng(3); std::uniform_real_distribution<float> u(-1, 1); std::bernoulli_distribution keep(0.188), fire(0.2);
  Matrix w = Matrix::NullaryExpr(16, 512, [&] { return keep(rng) ? u(rng) : 0.0f; });
  MatrixProjection p(w);
  std::vector<Matrix> xs;
  for (int k = 0; k < 64; ++k) xs.push_back(Matrix::NullaryExpr(512, B, [&] { return fire(rng) ? u(rng) + 1.5f : 0.0f; }));
  auto d = make_cpu_port_backend(Mode::Dense, SumOrder::Fast), e = make_cpu_port_backend(Mode::Event, SumOrder::Fast);
  d->prepare({&p}, B); e->prepare({&p}, B);
  std::vector<char> junk(evict + 64, 1);
  std::vector<double> td, te; Matrix yd, ye; long sink = 0;
  for (int r = 0; r < 20000; ++r) {
    for (size_t i = 0; i < evict; i += 64) sink += junk[i]++;
    PortBackend& b = (r & 1) ? *e : *d;
    Matrix& y = (r & 1) ? ye : yd;
    OpCounts c;
    b.emit(0, xs[(r / 2) % 64], 0);
    auto t0 = std::chrono::steady_clock::now();
    b.propagate(0, y, c);
    const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    b.advance();
    ((r & 1) ? te : td).push_back(us);
    if ((r & 1) && !(yd - ye).isZero(1e-4f)) { std::printf("mismatch\n"); return 1; }
  }
  std::sort(td.begin(), td.end()); std::sort(te.begin(), te.end());
  std::printf("batch %d evict %zu MB: dense %.2f us [p10 %.2f p90 %.2f], event %.2f us [%.2f %.2f] (%ld)\n", B, evict >> 20, td[td.size()/2], td[td.size()/10], td[td.size()*9/10], te[te.size()/2], te[te.size()/10], te[te.size()*9/10], sink % 2);
}
