#include "backends/cpu_event_backend.hpp"

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

bool CpuEventBackend::gather(std::span<const Event> events, const Projection& p, InputTally& tally) {
  const int64_t in = p.in_size();
  gathered_.x.setZero(in, batch_);
  seen_.assign(static_cast<size_t>(in), 0);
  for (const Event& e : events) {
    float& slot = gathered_.x(e.source, e.batch);
    if (slot != 0.0f) return false;
    slot = e.value;
    seen_[e.source] = 1;
    tally.add(e.source, e.value);
  }
  gathered_.active.clear();
  for (int64_t j = 0; j < in; ++j)
    if (seen_[static_cast<size_t>(j)]) gathered_.active.push_back(static_cast<uint32_t>(j));
  return true;
}

void CpuEventBackend::propagate(size_t port, Matrix& out, OpCounts& counts) {
  Channel& c = channels_[port];
  const Projection& p = *c.projection;
  out.setZero(p.out_size(), batch_);
  if (p.gathers()) {
    InputTally tally(p);
    if (gather(c.queue.due(), p, tally)) {
      tally.commit(batch_, p.deliver_gathered(gathered_, out, order_), counts);
      return;
    }
  }
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
