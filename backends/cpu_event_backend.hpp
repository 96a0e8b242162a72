#pragma once
// cpu-event: sources emit their non-zero outputs as events into each consuming port's
// event queue; a port drains the bucket due now. Matrix projections gather the step's events
// first (network/gathered_delivery.hpp: each active column read once for the batch, SIMD or
// compact sparse columns); others push every event through the non-zero weights of its
// column. Units that did not fire cost nothing downstream; the sums are the same either way
// in the reference order (the fast order may also take the dense product where the CPU cost
// model predicts it cheaper: Eigen's sums, what dense mode computes).
#include <span>

#include "backends/input_tally.hpp"
#include "core/event_queue.hpp"
#include "network/port_backend.hpp"

namespace evsim {

class CpuEventBackend final : public PortBackend {
 public:
  explicit CpuEventBackend(SumOrder order = SumOrder::Reference) : order_(order) {}
  std::string_view name() const override { return "cpu-event"; }
  Mode mode() const override { return Mode::Event; }
  void prepare(const std::vector<const Projection*>& ports, int64_t batch) override;
  void emit(size_t port, const Matrix& values, int64_t delay) override;
  void propagate(size_t port, Matrix& out, OpCounts& counts) override;
  void advance() override;

 private:
  struct Channel {
    const Projection* projection;
    EventQueue queue;
  };
  // The due events as a GatheredInputs; false when a unit has two events in one sample this
  // step (they must be added one by one, as deliver() does).
  bool gather(std::span<const Event> events, const Projection& p, InputTally& tally);
  std::vector<Channel> channels_;
  GatheredInputs gathered_;
  std::vector<uint8_t> seen_;
  int64_t batch_ = 0;
  SumOrder order_;
};

}  // namespace evsim
