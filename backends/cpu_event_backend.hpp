#pragma once
// cpu-event: sources emit their non-zero outputs as events into each consuming port's
// event queue; a port drains the bucket due now and pushes every event through the
// non-zero weights of its column. Units that did not fire cost nothing downstream.
#include "core/event_queue.hpp"
#include "network/port_backend.hpp"

namespace evsim {

class CpuEventBackend final : public PortBackend {
 public:
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
  std::vector<Channel> channels_;
  int64_t batch_ = 0;
};

}  // namespace evsim
