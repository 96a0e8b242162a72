// Google Benchmark: one projection (3H x H, the EGRU gate matrix) in dense and event
// delivery, over weight density and input activity. Run: build/bench/evsim_microbench
#include <benchmark/benchmark.h>

#include <random>

#include "backends/cpu_runner.hpp"
#include "models/pruning.hpp"
#include "network/matrix_projection.hpp"

namespace evsim {
namespace {

MatrixProjection make_projection(int64_t h, double density) {
  std::mt19937_64 rng(1);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  Matrix w = Matrix::NullaryExpr(3 * h, h, [&]() { return u(rng); });
  prune_columns(w, density);
  return MatrixProjection(std::move(w));
}

Matrix sparse_input(int64_t h, int64_t batch, double activity) {
  std::mt19937_64 rng(2);
  std::bernoulli_distribution on(activity);
  Matrix x = Matrix::Zero(h, batch);
  for (Eigen::Index k = 0; k < x.size(); ++k)
    if (on(rng)) x.data()[k] = 0.5f;
  return x;
}

void BM_Projection(benchmark::State& state, Mode mode) {
  const int64_t h = state.range(0);
  const double density = static_cast<double>(state.range(1)) / 100.0;
  const double activity = static_cast<double>(state.range(2)) / 100.0;
  const int64_t batch = state.range(3);
  const MatrixProjection p = make_projection(h, density);
  const Matrix x = sparse_input(h, batch, activity);
  auto backend = make_cpu_port_backend(mode);
  backend->prepare({&p}, batch);
  Matrix y;
  OpCounts c;
  for (auto _ : state) {
    backend->emit(0, x, 0);
    backend->propagate(0, y, c);
    backend->advance();
    benchmark::DoNotOptimize(y.data());
  }
  state.counters["eff_ops_per_step"] = static_cast<double>(c.effective_ops()) / static_cast<double>(state.iterations());
}

void args(benchmark::internal::Benchmark* b) {
  for (int64_t h : {512, 2048})
    for (int64_t d : {10, 20, 100})
      for (int64_t a : {5, 20, 100})
        for (int64_t batch : {1, 16}) b->Args({h, d, a, batch});
  b->Unit(benchmark::kMicrosecond);
}

BENCHMARK_CAPTURE(BM_Projection, dense, Mode::Dense)->Apply(args);
BENCHMARK_CAPTURE(BM_Projection, event, Mode::Event)->Apply(args);

}  // namespace
}  // namespace evsim
