#pragma once
// cpu-event: every port has a ring of per-step buckets (horizon 2: delay 0 or 1). A source's
// non-zero outputs are its events; they are kept in the bucket of the step they are due as the
// source's output frame (values x batch) rather than one record per event, which cost ~20 ns
// an event to push and drain (more than the product itself for neural-operator layers). A
// port drains its bucket by scanning the frame for its events: matrix and pointwise projections
// gather them (network/gathered_delivery.hpp: each active column read once for the batch, SIMD
// or compact sparse columns, or the dense product where the CPU cost model predicts it
// cheaper); others push every event through the non-zero weights of its column, in the order
// the events were emitted (sample by sample, units ascending). Units that did not fire cost
// nothing downstream; the sums are the same on every path in the reference order.
#include <limits>
#include <span>

#include "backends/delay_line.hpp"
#include "backends/input_tally.hpp"
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
  // The frames due at one step, in emit order (their storage is reused from step to step).
  struct Bucket {
    std::vector<Matrix> frames;
    size_t count = 0;
  };
  struct Channel {
    const Projection* projection;
    Bucket ring[2];
    DelayLine line;           // per-synapse delays only
    bool evicted = false;     // its weights leave the L2 between its steps (network/l2_residency.hpp)
    double last_events = -1;  // the events of its last step (-1: none yet)
    double product_from = std::numeric_limits<double>::infinity();  // Projection::product_from_events
  };
  Bucket& due(Channel& c) { return c.ring[now_ % 2]; }
  // The bucket's events as a GatheredInputs (its only frame is moved in, not copied); false
  // when a unit has two events in one sample (two frames: they must be added one by one).
  bool gather(Bucket& b, const Projection& p, InputTally& tally);
  void deliver_each(const Bucket& b, const Projection& p, Matrix& out, InputTally& tally) const;
  // A batch's one frame by the dense product, counted as dense mode counts, when the last
  // step's events predict the product cheapest (Projection::product_from_events): activity moves
  // slowly from step to step, and a stale guess costs time, never a different sum.
  bool deliver_by_product(Channel& c, Bucket& b, Matrix& out, OpCounts& counts);
  // A batch's one frame delivered as it is tallied (Projection::deliver_tallying), with no
  // gathering, where the projection's path needs only each sample's events: after the first
  // step, when the last step's events did not predict the product (deliver_by_product).
  bool deliver_tallying(Channel& c, Bucket& b, Matrix& out, OpCounts& counts);

  std::vector<Channel> channels_;
  GatheredInputs gathered_;
  std::vector<uint16_t> seen_;
  int64_t batch_ = 0, now_ = 0;
  SumOrder order_;
};

}  // namespace evsim
