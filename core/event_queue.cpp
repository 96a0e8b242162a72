#include "core/event_queue.hpp"

#include <string>

#include "core/error.hpp"

namespace evsim {

EventQueue::EventQueue(int64_t horizon) {
  if (horizon < 1) throw Error("event queue: horizon must be >= 1, got " + std::to_string(horizon));
  ring_.resize(static_cast<size_t>(horizon));
}

void EventQueue::push(const Event& e) {
  if (e.step < now_ || e.step >= now_ + horizon()) {
    throw Error("event queue: event for step " + std::to_string(e.step) + " outside [" + std::to_string(now_) + ", " +
                std::to_string(now_ + horizon()) + ")");
  }
  ring_[slot(e.step)].push_back(e);
}

void EventQueue::advance() {
  ring_[slot(now_)].clear();
  ++now_;
}

size_t EventQueue::pending() const {
  size_t n = 0;
  for (const auto& b : ring_) n += b.size();
  return n;
}

}  // namespace evsim
