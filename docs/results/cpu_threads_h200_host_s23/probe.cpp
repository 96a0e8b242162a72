// Throwaway (session 23): where do 16-thread event regions lose on the device host?
#include <omp.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>
#include <random>
#include <vector>
#include "core/cpu_cost_model.hpp"
#include "core/threads.hpp"
#include "network/blocked_csc.hpp"
#include "network/gathered_delivery.hpp"
using namespace evsim;
using clk = std::chrono::steady_clock;
static double us(clk::time_point a, clk::time_point b) { return std::chrono::duration<double, std::micro>(b - a).count(); }
struct St { double med, p10, p90, mx; };
static St stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto q = [&](double f) { return v[std::min(v.size() - 1, size_t(f * v.size()))]; };
  return {q(0.5), q(0.1), q(0.9), v.back()};
}
int main(int argc, char** argv) {
  const int H = argc > 1 ? atoi(argv[1]) : 4096;
  const int reps = 300;
  CpuCostModel m = cpu_cost_model();
  m.fork_ns = m.fork_thread_ns = m.min_thread_work = 0;
  set_cpu_cost_model(m);
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<float> u(-0.1f, 0.1f), p(0.f, 1.f);
  const int64_t rows = 3 * H, cols = H;
  Matrix w = Matrix::NullaryExpr(rows, cols, [&] { return u(rng); });
  Matrix wp = Matrix::NullaryExpr(rows, cols, [&] { return p(rng) < 0.1f ? u(rng) : 0.f; });
  std::vector<GatheredInputs> ins(4);
  for (auto& in : ins) {
    in.x = Matrix::Zero(cols, 1);
    std::vector<uint32_t> idx(cols);
    std::iota(idx.begin(), idx.end(), 0);
    std::shuffle(idx.begin(), idx.end(), rng);
    idx.resize(cols / 10);
    std::sort(idx.begin(), idx.end());
    for (auto j : idx) in.x(j, 0) = 0.5f;
    in.active = idx;
    in.events = (int64_t)idx.size();
  }
  Matrix y(rows, 1);
  std::printf("threads  region_empty med/p10/p90/max us | sparse16blk med/p10/p90/max | sparse_tblk med | dense_cols med/p10/p90/max\n");
  for (int t : {1, 2, 4, 8, 12, 14, 15, 16}) {
    set_cpu_threads(t);
    std::vector<double> e, s, s2, d;
    for (int r = 0; r < reps; ++r) {
      auto a = clk::now();
#pragma omp parallel num_threads(t)
      { asm volatile("" ::: "memory"); }
      e.push_back(us(a, clk::now()));
    }
    const BlockedCsc b16 = BlockedCsc::from_dense(wp, (rows + 15) / 16);
    const BlockedCsc bt = BlockedCsc::from_dense(wp, std::max<int64_t>(512, (rows + t - 1) / t));
    for (int r = 0; r < reps; ++r) {
      const auto& in = ins[r % 4];
      y.setZero();
      auto a = clk::now();
      gather_sparse_columns(b16, in, y, t);
      s.push_back(us(a, clk::now()));
      y.setZero();
      a = clk::now();
      gather_sparse_columns(bt, in, y, t);
      s2.push_back(us(a, clk::now()));
      y.setZero();
      a = clk::now();
      gather_dense_columns(w, in, y, t);
      d.push_back(us(a, clk::now()));
    }
    St E = stats(e), S = stats(s), S2 = stats(s2), D = stats(d);
    std::printf("%2d  %7.1f %7.1f %7.1f %8.1f | %7.1f %7.1f %7.1f %8.1f | %7.1f | %7.1f %7.1f %7.1f %8.1f\n", t, E.med, E.p10, E.p90,
                E.mx, S.med, S.p10, S.p90, S.mx, S2.med, D.med, D.p10, D.p90, D.mx);
    std::fflush(stdout);
  }
}
