#include "backends/cpu_dense_backend.hpp"

#include "backends/input_tally.hpp"

namespace evsim {

void CpuDenseBackend::prepare(const std::vector<const Projection*>& ports, int64_t batch) {
  channels_.clear();
  for (const Projection* p : ports) {
    Channel c{p, {}, {}};
    for (auto& s : c.slots) s.setZero(p->in_size(), batch);
    c.line.reset(*p, batch);
    channels_.push_back(std::move(c));
  }
  now_ = 0;
  batch_ = batch;
}

void CpuDenseBackend::emit(size_t port, const Matrix& values, int64_t delay) {
  channels_[port].slots[static_cast<size_t>((now_ + delay) % 2)] += values;
}

void CpuDenseBackend::propagate(size_t port, Matrix& out, OpCounts& counts) {
  Channel& c = channels_[port];
  const Matrix& x = c.slots[static_cast<size_t>(now_ % 2)];
  if (c.line.active()) {
    c.line.arriving(now_) = x;
    c.line.deliver(now_, Mode::Dense, SumOrder::Reference, out, counts);
    return;
  }
  InputTally tally(*c.projection);
  tally.add_columns(x);
  c.projection->forward_dense(x, out);
  tally.commit(batch_, c.projection->dense_bytes(), counts);
}

void CpuDenseBackend::advance() {
  for (auto& c : channels_) c.slots[static_cast<size_t>(now_ % 2)].setZero();
  ++now_;
}

}  // namespace evsim
