#pragma once
// A port's recent inputs for a projection with per-synapse delays
// (network/delayed_projection.hpp), shared by both CPU backends: the input arriving at step t
// is kept for max_delay + 1 steps, and at step t the port's result is sum_d W_d x(t - d),
// ascending d, each delay's products summed on their own (dense mode: that delay's matrix times
// every input; event mode: its non-zero weights of the active inputs) and then added. Counted
// ops are the synapses reached at this step; events are the inputs arriving at it.
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
  struct Tally {
    uint64_t pairs = 0, bytes = 0;
    bool binary = true;
  };
  const Matrix& at(int64_t t) { return history_[static_cast<size_t>(t % static_cast<int64_t>(history_.size()))]; }
  void tally(const Matrix& x, const MatrixProjection& w, Tally& t);
  const DelayedProjection* p_ = nullptr;
  std::vector<Matrix> history_;
  Matrix part_;
  GatheredInputs gathered_;
  std::vector<uint32_t> nonzero_;  // scratch, kept from step to step
  std::vector<uint8_t> seen_;
  int64_t batch_ = 0;
};

}  // namespace evsim
