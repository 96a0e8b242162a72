#pragma once
// A port's recent inputs for a projection with per-synapse delays
// (network/delayed_projection.hpp), shared by both CPU backends: the input arriving at step t
// is kept for max_delay + 1 steps, and at step t the port's result is sum_d W_d x(t - d),
// ascending d, each delay's products summed on their own (dense mode: that delay's matrix times
// every input, then added; event mode: its non-zero weights of the active inputs, added into
// the result directly). Counted ops are the synapses reached at this step; events are the
// inputs arriving at it.
#include <vector>

#include "core/counters.hpp"
#include "core/mode.hpp"
#include "network/delayed_projection.hpp"
#include "network/gathered_delivery.hpp"

namespace evsim {

class DelayLine {
 public:
  void reset(const Projection& p, int64_t batch);  // no line unless p has delays
  bool active() const { return p_ != nullptr; }
  // Where the input arriving at step t goes (zeroed): valid until max_delay steps later.
  Matrix& arriving(int64_t t);
  void deliver(int64_t t, Mode mode, SumOrder order, Matrix& out, OpCounts& counts);

 private:
  // One step's input, with its active units found once (at its first delivery) for every
  // delay that reaches back to it.
  struct Slot {
    GatheredInputs in;
    bool scanned = false, binary = true;
  };
  Slot& scanned(int64_t t);
  const DelayedProjection* p_ = nullptr;
  std::vector<Slot> history_;
  Matrix part_;
  std::vector<uint32_t> nonzero_;  // scratch, kept from step to step
  std::vector<uint8_t> seen_;
  int64_t batch_ = 0;
};

}  // namespace evsim
