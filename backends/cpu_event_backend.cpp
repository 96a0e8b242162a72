#include "backends/cpu_event_backend.hpp"

#include "backends/input_tally.hpp"

namespace evsim {

void CpuEventBackend::prepare(const std::vector<const Projection*>& ports, int64_t batch) {
  channels_.clear();
  for (const Projection* p : ports) channels_.push_back(Channel{p, EventQueue(2)});
  batch_ = batch;
}

void CpuEventBackend::emit(size_t port, const Matrix& values, int64_t delay) {
  EventQueue& q = channels_[port].queue;
  const int64_t step = q.now() + delay;
  for (Eigen::Index b = 0; b < values.cols(); ++b) {
    const float* col = values.col(b).data();
    for (Eigen::Index j = 0; j < values.rows(); ++j)
      if (col[j] != 0.0f) q.push(Event{static_cast<uint32_t>(j), static_cast<uint32_t>(b), step, col[j]});
  }
}

void CpuEventBackend::propagate(size_t port, Matrix& out, OpCounts& counts) {
  Channel& c = channels_[port];
  const Projection& p = *c.projection;
  out.setZero(p.out_size(), batch_);
  InputTally tally(p);
  for (const Event& e : c.queue.due()) {
    tally.add(e.source, e.value);
    p.deliver(e.source, e.value, out.col(e.batch).data());
  }
  tally.commit(batch_, tally.pairs() * p.bytes_per_nnz(), counts);
}

void CpuEventBackend::advance() {
  for (auto& c : channels_) c.queue.advance();
}

}  // namespace evsim
