#pragma once
// Time-stepped event queue: a ring of buckets indexed by delivery step, so scheduling
// an event with any delay below the horizon is O(1) and draining a step touches only
// that step's events (the idea of Auryn's SpikeDelay).
#include <span>
#include <vector>

#include "core/event.hpp"

namespace evsim {

class EventQueue {
 public:
  // `horizon` = largest delay in steps + 1 (a delay-0 and a delay-1 edge need 2).
  explicit EventQueue(int64_t horizon = 2);

  // Schedules `e` for e.step, which must lie in [now, now + horizon).
  void push(const Event& e);
  // Events due at the current step, in the order they were pushed.
  std::span<const Event> due() const { return ring_[slot(now_)]; }
  // Drops the current step's bucket and moves to the next step.
  void advance();

  int64_t now() const { return now_; }
  int64_t horizon() const { return static_cast<int64_t>(ring_.size()); }
  size_t pending() const;

 private:
  size_t slot(int64_t step) const { return static_cast<size_t>(step % horizon()); }
  std::vector<std::vector<Event>> ring_;
  int64_t now_ = 0;
};

}  // namespace evsim
