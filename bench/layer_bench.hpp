#pragma once
// Time per step of one EGRU layer (W_ih and W_hh, 3H x H each, then the cell) in dense
// and in event mode on the CPU (one thread), with input activity and weight density set exactly.
#include <cstdint>
#include <memory>
#include <string>

#include "core/counters.hpp"
#include "core/stats.hpp"

namespace evsim {

struct LayerBenchCase {
  int64_t hidden = 512, batch = 1;
  double density = 1.0, activity = 1.0;
};

struct LayerBenchResult {
  Spread dense_s, event_s;  // seconds per step over the timed steps
  OpCounts dense, event;    // one step's counts in each mode
};

class LayerBench {
 public:
  LayerBench(int64_t hidden, double density, uint64_t seed);  // builds and prunes the weights once
  LayerBenchResult run(int64_t batch, double activity, int repeats) const;
  // One 3H x H projection alone (W_hh), as `evsim bench --backend cuda` times it on the GPU.
  LayerBenchResult run_projection(int64_t batch, double activity, int repeats) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
  int64_t hidden_;
  uint64_t seed_;
};

}  // namespace evsim
