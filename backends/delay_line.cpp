#include "backends/delay_line.hpp"

#include "core/nonzero.hpp"

namespace evsim {

void DelayLine::reset(const Projection& p, int64_t batch) {
  p_ = p.delayed();
  history_.clear();
  batch_ = batch;
  if (!p_) return;
  history_.resize(static_cast<size_t>(p_->max_delay() + 1));
  for (Slot& s : history_) s.in.x = Matrix::Zero(p_->in_size(), batch);
}

Matrix& DelayLine::arriving(int64_t t) {
  Slot& s = history_[static_cast<size_t>(t % static_cast<int64_t>(history_.size()))];
  s.in.x.setZero();
  s.scanned = false;
  return s.in.x;
}

// The slot of step t with its units active in some sample (ascending), its (unit, sample)
// events and whether every value is +-1.
DelayLine::Slot& DelayLine::scanned(int64_t t) {
  Slot& s = history_[static_cast<size_t>(t % static_cast<int64_t>(history_.size()))];
  if (s.scanned) return s;
  const Matrix& x = s.in.x;
  const int64_t in = x.rows();
  nonzero_.resize(static_cast<size_t>(in));
  seen_.assign(static_cast<size_t>(in), 0);
  s.in.events = 0;
  s.binary = true;
  for (int64_t b = 0; b < batch_; ++b) {
    const size_t n = nonzero_indices(x.col(b).data(), in, nonzero_.data());
    s.in.events += static_cast<int64_t>(n);
    for (size_t k = 0; k < n; ++k) {
      const float v = x(nonzero_[k], b);
      s.binary = s.binary && (v == 1.0f || v == -1.0f);
      seen_[nonzero_[k]] = 1;
    }
  }
  s.in.active.clear();
  for (int64_t j = 0; j < in; ++j)
    if (seen_[static_cast<size_t>(j)]) s.in.active.push_back(static_cast<uint32_t>(j));
  s.scanned = true;
  return s;
}

void DelayLine::deliver(int64_t t, Mode mode, SumOrder order, Matrix& out, OpCounts& counts) {
  out.setZero(p_->out_size(), batch_);
  uint64_t pairs = 0, bytes = 0;
  bool binary = true;
  for (const DelayedProjection::Group& g : p_->groups()) {
    if (t - g.steps < 0) continue;  // nothing sent that long ago
    const Slot& s = scanned(t - g.steps);
    const MatrixProjection& w = *g.projection;
    for (const uint32_t j : s.in.active)  // the synapses this delay's inputs reach
      for (int64_t b = 0; b < batch_; ++b) pairs += s.in.x(j, b) != 0.0f ? w.fanout()[j] : 0;
    binary = binary && s.binary;
    if (mode == Mode::Dense) {  // every weight of every delay, every step
      w.forward_dense(s.in.x, part_);
      out += part_;
      bytes += w.dense_bytes();
    } else if (!s.in.active.empty()) {
      bytes += w.deliver_gathered(s.in, out, order);
    }
  }
  counts.events += static_cast<uint64_t>(scanned(t).in.events);
  counts.unit_steps += static_cast<uint64_t>(p_->in_size() * batch_);
  counts.dense_macs += p_->dense_macs() * static_cast<uint64_t>(batch_);
  (binary ? counts.effective_acs : counts.effective_macs) += pairs;
  counts.weight_bytes += bytes;
}

}  // namespace evsim
