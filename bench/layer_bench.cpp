#include "bench/layer_bench.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "backends/cpu_runner.hpp"
#include "core/timer.hpp"
#include "models/pruning.hpp"
#include "network/matrix_projection.hpp"
#include "neurons/egru_cell.hpp"

namespace evsim {

struct LayerBench::Impl {
  std::shared_ptr<MatrixProjection> w_ih, w_hh;
};

LayerBench::LayerBench(int64_t hidden, double density, uint64_t seed, SumOrder order)
    : hidden_(hidden), seed_(seed), order_(order) {
  std::mt19937_64 rng(seed);
  const float bound = 1.0f / std::sqrt(static_cast<float>(hidden));
  std::uniform_real_distribution<float> uni(-bound, bound);
  auto make = [&] {
    Matrix w = Matrix::NullaryExpr(3 * hidden, hidden, [&]() { return uni(rng); });
    prune_columns(w, density);
    return std::make_shared<MatrixProjection>(std::move(w));
  };
  auto impl = std::make_shared<Impl>();
  impl->w_ih = make();
  impl->w_hh = make();
  impl_ = impl;
}

namespace {

// Exactly round(activity * H) non-zero graded values per sample, at random units.
Matrix sparse_input(int64_t h, int64_t batch, double activity, std::mt19937_64& rng) {
  Matrix x = Matrix::Zero(h, batch);
  std::vector<int64_t> units(static_cast<size_t>(h));
  std::iota(units.begin(), units.end(), 0);
  std::normal_distribution<float> n(0.5f, 0.2f);
  const auto active = static_cast<size_t>(std::llround(activity * static_cast<double>(h)));
  for (int64_t b = 0; b < batch; ++b) {
    std::shuffle(units.begin(), units.end(), rng);
    for (size_t k = 0; k < active; ++k) x(units[k], b) = std::max(0.05f, n(rng));
  }
  return x;
}

}  // namespace

namespace {

constexpr int kSets = 4;  // rotate inputs so that no step replays one cached vector

// Median time per step in dense and in event mode, after one warm-up step per input set. make_step(b)
// prepares backend b and returns step(set, counts), which runs one step on input set `set`
// and returns the seconds its delivery took.
template <typename MakeStep>
LayerBenchResult time_modes(int repeats, SumOrder order, MakeStep make_step) {
  LayerBenchResult res;
  for (Mode mode : {Mode::Dense, Mode::Event}) {
    auto b = make_cpu_port_backend(mode, order);
    auto step = make_step(*b);
    std::vector<double> times, delivery;
    for (int k = -kSets; k < repeats; ++k) {
      OpCounts c;
      Stopwatch clock;
      const double d = step(static_cast<size_t>((k + kSets) % kSets), c);
      b->advance();
      if (k >= 0) times.push_back(clock.seconds()), delivery.push_back(d);
      (mode == Mode::Dense ? res.dense : res.event) = c;
    }
    (mode == Mode::Dense ? res.dense_s : res.event_s) = spread_of(times);
    (mode == Mode::Dense ? res.dense_delivery_s : res.event_delivery_s) = spread_of(delivery);
  }
  return res;
}

}  // namespace

LayerBenchResult LayerBench::run(int64_t batch, double activity, int repeats) const {
  std::mt19937_64 rng(seed_ + 7);
  std::vector<Matrix> xs, ys;
  for (int k = 0; k < kSets; ++k) {
    xs.push_back(sparse_input(hidden_, batch, activity, rng));
    ys.push_back(sparse_input(hidden_, batch, activity, rng));
  }
  return time_modes(repeats, order_, [&](PortBackend& b) {
    b.prepare({impl_->w_ih.get(), impl_->w_hh.get()}, batch);
    EgruCell cell(Vector::Constant(hidden_, 0.3f));
    cell.reset(batch);
    return [&b, &xs, &ys, cell, a = Matrix(), h = Matrix(), y = Matrix()](size_t set, OpCounts& c) mutable {
      Stopwatch delivery;
      b.emit(0, xs[set], 0);
      b.emit(1, ys[set], 0);
      b.propagate(0, a, c);
      b.propagate(1, h, c);
      const double d = delivery.seconds();
      cell.step(a, h, y);
      return d;
    };
  });
}

LayerBenchResult LayerBench::run_projection(int64_t batch, double activity, int repeats) const {
  std::mt19937_64 rng(seed_ + 11);
  std::vector<Matrix> xs;
  for (int k = 0; k < kSets; ++k) xs.push_back(sparse_input(hidden_, batch, activity, rng));
  return time_modes(repeats, order_, [&](PortBackend& b) {
    b.prepare({impl_->w_hh.get()}, batch);
    return [&b, &xs, h = Matrix()](size_t set, OpCounts& c) mutable {
      Stopwatch delivery;
      b.emit(0, xs[set], 0);
      b.propagate(0, h, c);
      return delivery.seconds();
    };
  });
}

}  // namespace evsim
