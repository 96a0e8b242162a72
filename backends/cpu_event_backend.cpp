#include "backends/cpu_event_backend.hpp"

#include <string>

#include "backends/batch_gathering.hpp"
#include "core/cpu_cost_model.hpp"
#include "core/error.hpp"
#include "network/l2_residency.hpp"

namespace evsim {

void CpuEventBackend::prepare(const std::vector<const Projection*>& ports, int64_t batch) {
  channels_.clear();
  const std::vector<bool> evicted = evicted_between_steps(ports, cpu_cost_model().l2_bytes);
  for (size_t k = 0; k < ports.size(); ++k) {
    ports[k]->prepare_event();
    channels_.push_back(Channel{ports[k], {}, {}, evicted[k]});
    channels_.back().line.reset(*ports[k], batch);
    if (ports[k]->gathers()) channels_.back().product_from = ports[k]->product_from_events(batch, evicted[k]);
  }
  batch_ = batch;
  now_ = 0;
}

void CpuEventBackend::emit(size_t port, const Matrix& values, int64_t delay) {
  if (delay < 0 || delay > 1) throw Error("cpu-event: delay " + std::to_string(delay) + " outside [0, 1] steps");
  Bucket& b = channels_[port].ring[(now_ + delay) % 2];
  if (b.count == b.frames.size()) b.frames.emplace_back();
  b.frames[b.count++] = values;
}

bool CpuEventBackend::gather(Bucket& b, const Projection& p, InputTally& tally) {
  const int64_t in = p.in_size();
  if (b.count == 1) {
    std::swap(gathered_.x, b.frames[0]);  // handed back after delivery
  } else {
    gathered_.x.setZero(in, batch_);
    for (size_t f = 0; f < b.count; ++f) {
      const Matrix& m = b.frames[f];
      for (int64_t k = 0; k < m.size(); ++k) {
        const float v = m.data()[k];
        if (v == 0.0f) continue;
        float& slot = gathered_.x.data()[k];
        if (slot != 0.0f) return false;
        slot = v;
      }
    }
  }
  if (batch_ == 1) {  // the active units are the non-zeros themselves
    gathered_.sample_events.clear();
    gathered_.active.resize(static_cast<size_t>(in));
    gathered_.active.resize(tally.add_column(gathered_.x.data(), in, nullptr, gathered_.active.data()));
    gathered_.events = static_cast<int64_t>(tally.events());
    return true;
  }
  gather_batch(gathered_, p.uses_sample_lists(), tally, seen_);
  return true;
}

void CpuEventBackend::deliver_each(const Bucket& b, const Projection& p, Matrix& out, InputTally& tally) const {
  for (size_t f = 0; f < b.count; ++f) {
    const Matrix& m = b.frames[f];
    for (int64_t s = 0; s < m.cols(); ++s) {
      const float* col = m.col(s).data();
      for (int64_t j = 0; j < m.rows(); ++j)
        if (col[j] != 0.0f) {
          tally.add(static_cast<uint32_t>(j), col[j]);
          p.deliver(static_cast<uint32_t>(j), col[j], out.col(s).data());
        }
    }
  }
}

bool CpuEventBackend::deliver_by_product(Channel& c, Bucket& b, Matrix& out, OpCounts& counts) {
  const Projection& p = *c.projection;
  if (b.count != 1 || batch_ < 2 || !p.gathers() || c.last_events < c.product_from) return false;
  const Matrix& x = b.frames[0];
  InputTally tally(p);
  tally.add_columns(x);
  tally.commit(batch_, p.deliver_product(x, out), counts);
  c.last_events = static_cast<double>(tally.events());
  return true;
}

bool CpuEventBackend::deliver_tallying(Channel& c, Bucket& b, Matrix& out, OpCounts& counts) {
  const Projection& p = *c.projection;
  // The first step is gathered: the selector weighs short columns against the product with its events.
  if (b.count != 1 || batch_ < 2 || c.last_events < 0 || !p.tallies_in_delivery()) return false;
  InputTally tally(p);
  ColumnTally t;
  const uint64_t bytes = p.deliver_tallying(b.frames[0], out, t, c.last_events, c.evicted);
  tally.add(t);
  tally.commit(batch_, bytes, counts);
  c.last_events = static_cast<double>(tally.events());
  return true;
}

void CpuEventBackend::propagate(size_t port, Matrix& out, OpCounts& counts) {
  Channel& c = channels_[port];
  const Projection& p = *c.projection;
  Bucket& b = due(c);
  if (c.line.active()) {  // per-synapse delays: this step's events join the port's history
    Matrix& arriving = c.line.arriving(now_);
    for (size_t f = 0; f < b.count; ++f) arriving += b.frames[f];
    c.line.deliver(now_, Mode::Event, order_, out, counts);
    return;
  }
  out.setZero(p.out_size(), batch_);
  if (deliver_by_product(c, b, out, counts) || deliver_tallying(c, b, out, counts)) return;
  if (p.gathers() && b.count > 0) {
    InputTally tally(p);
    if (gather(b, p, tally)) {
      gathered_.evicted = c.evicted;
      tally.commit(batch_, p.deliver_gathered(gathered_, out, order_), counts);
      c.last_events = static_cast<double>(tally.events());
      if (b.count == 1) std::swap(gathered_.x, b.frames[0]);
      return;
    }
  }
  InputTally tally(p);
  deliver_each(b, p, out, tally);
  tally.commit(batch_, tally.pairs() * p.bytes_per_nnz(), counts);
}

void CpuEventBackend::advance() {
  for (auto& c : channels_) c.ring[now_ % 2].count = 0;
  ++now_;
}

}  // namespace evsim
