#pragma once
// Time per step of one EGRU layer (W_ih and W_hh, 3H x H each, then the cell) in dense
// and in event mode on the CPU (threads: core/threads.hpp), with input activity and weight density set exactly.
#include <cstdint>
#include <memory>
#include <string>

#include "core/counters.hpp"
#include "core/mode.hpp"
#include "core/stats.hpp"

namespace evsim {

struct LayerBenchCase {
  int64_t hidden = 512, batch = 1;
  double density = 1.0, activity = 1.0;
};

struct LayerBenchResult {
  Spread dense_s, event_s;  // seconds per step over the timed steps
  // Delivery alone (emitting the inputs and both projections, not the cell): what the byte
  // ratio speaks to; the cell's cost is the same in both modes.
  Spread dense_delivery_s, event_delivery_s;
  OpCounts dense, event;  // one step's counts in each mode
};

class LayerBench {
 public:
  // Builds and prunes the weights once; event mode sums in `order` (core/mode.hpp).
  LayerBench(int64_t hidden, double density, uint64_t seed, SumOrder order = SumOrder::Fast);
  LayerBenchResult run(int64_t batch, double activity, int repeats) const;
  // One 3H x H projection alone (W_hh), as `evsim bench --backend cuda` times it on the GPU.
  LayerBenchResult run_projection(int64_t batch, double activity, int repeats) const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
  int64_t hidden_;
  uint64_t seed_;
  SumOrder order_;
};

}  // namespace evsim
