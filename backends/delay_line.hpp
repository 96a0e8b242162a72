#pragma once
// A port's recent inputs for a projection with per-synapse delays
// (network/delayed_projection.hpp), shared by both CPU backends: the events arriving at step t
// are kept for max_delay + 1 steps, and at step t the port's result is sum_d W_d x(t - d),
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
  // Where the input arriving at step t goes (zeroed); deliver(t) keeps its events.
  Matrix& arriving(int64_t t);
  void deliver(int64_t t, Mode mode, SumOrder order, Matrix& out, OpCounts& counts);

 private:
  // One step's input as its events only (memory: max delay x events, not x units), with its
  // units active in some sample (ascending) for the gathered delivery.
  struct Slot {
    std::vector<uint32_t> units, samples;
    std::vector<float> values;
    std::vector<uint32_t> active;
    bool binary = true;
  };
  void keep(int64_t t);  // the arrival's events into step t's slot
  const Slot& slot(int64_t t) const { return history_[static_cast<size_t>(t % static_cast<int64_t>(history_.size()))]; }
  void expand(const Slot& s);  // the slot's events into work_.x (zeros elsewhere)
  void clear(const Slot& s);   // ... and out again
  const DelayedProjection* p_ = nullptr;
  std::vector<Slot> history_;
  Matrix arrival_, part_;
  GatheredInputs work_;
  std::vector<uint32_t> nonzero_;  // scratch, kept from step to step
  std::vector<uint8_t> seen_;
  int64_t batch_ = 0;
};

}  // namespace evsim
