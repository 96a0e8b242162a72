#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>
#include "core/threads.hpp"
#include "network/blocked_csc.hpp"
#include "network/gathered_delivery.hpp"
using namespace evsim;
int main(int argc, char** argv) {
  set_cpu_threads(1);
  const int H = argc > 1 ? atoi(argv[1]) : 2048, sets = argc > 2 ? atoi(argv[2]) : 4;
  const double act = argc > 3 ? atof(argv[3]) : 0.1;
  const int reps = argc > 4 ? atoi(argv[4]) : 2000;
  std::mt19937 rng(5); std::uniform_real_distribution<float> u(-1, 1); std::bernoulli_distribution keep(0.1);
  Matrix w = Matrix::NullaryExpr(3 * H, H, [&] { return keep(rng) ? u(rng) : 0.0f; });
  const BlockedCsc s = BlockedCsc::from_dense(w, 3 * H);
  std::vector<GatheredInputs> in(sets);
  std::bernoulli_distribution fire(act);
  for (auto& g : in) {
    g.x = Matrix::Zero(H, 1);
    for (int j = 0; j < H; ++j) if (fire(rng)) { g.active.push_back(j); g.x(j, 0) = u(rng); }
    g.events = g.active.size();
  }
  Matrix y = Matrix::Zero(3 * H, 1);
  std::vector<double> t; uint64_t bytes = 0;
  for (int r = 0; r < reps; ++r) {
    y.setZero();
    auto t0 = std::chrono::steady_clock::now();
    bytes = gather_sparse_columns(s, in[r % sets], y, 1);
    t.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(t.begin(), t.end());
  std::printf("H %d sets %d act %.2f: %.1f us [p10 %.1f p90 %.1f], %.3f ns/nnz, %.1f GB/s\n", H, sets, act, t[t.size()/2], t[t.size()/10], t[t.size()*9/10], t[t.size()/2] * 1e3 / (bytes / 6.0), bytes / (t[t.size()/2] * 1e3));
}
