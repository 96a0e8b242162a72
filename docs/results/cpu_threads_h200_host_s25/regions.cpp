// Cost of an OpenMP region in patterns a running model produces: constant team size vs team
// sizes that change from region to region, back to back vs with serial work between.
#include <omp.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>
static volatile float sink;
static void spin_ns(double ns) {  // serial work of the calling thread
  auto t0 = std::chrono::steady_clock::now();
  float x = 1;
  while (std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() < ns) x = x * 1.0000001f + 1e-7f;
  sink = x;
}
int main(int argc, char** argv) {
  const int maxt = argc > 1 ? atoi(argv[1]) : omp_get_max_threads();
  std::vector<float> buf(1 << 20, 1.0f);
  struct Pat { const char* name; std::vector<int> teams; double gap_ns; };
  std::vector<Pat> pats = {
      {"constant max, back to back", {maxt}, 0},
      {"constant max, 20 us gap", {maxt}, 20000},
      {"constant max, 200 us gap", {maxt}, 200000},
      {"alternating max / max/4, back to back", {maxt, std::max(2, maxt / 4)}, 0},
      {"alternating max / max/4, 20 us gap", {maxt, std::max(2, maxt / 4)}, 20000},
      {"cycle 2,3,max,7 (clamped), 20 us gap", {2, std::min(3, maxt), maxt, std::min(7, maxt)}, 20000},
  };
  for (const auto& p : pats) {
    std::vector<double> ts;
    for (int it = 0; it < 400; ++it) {
      const int t = p.teams[static_cast<size_t>(it) % p.teams.size()];
      if (p.gap_ns > 0) spin_ns(p.gap_ns);
      const auto t0 = std::chrono::steady_clock::now();
#pragma omp parallel for num_threads(t) schedule(static)
      for (int c = 0; c < t; ++c) {  // ~1 us of work per thread
        float s = 0;
        for (int k = 0; k < 1024; ++k) s += buf[static_cast<size_t>(c * 4096 + k)];
        buf[static_cast<size_t>(c * 4096)] = s * 1e-9f + 1.0f;
      }
      ts.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ts.begin() + 0, ts.end());
    std::printf("%-45s median %8.1f us  p10 %8.1f  p90 %8.1f\n", p.name, ts[ts.size() / 2], ts[ts.size() / 10], ts[ts.size() * 9 / 10]);
  }
}
