#include "backends/delay_line.hpp"

#include "core/nonzero.hpp"

namespace evsim {

void DelayLine::reset(const Projection& p, int64_t batch) {
  p_ = p.delayed();
  history_.clear();
  batch_ = batch;
  if (!p_) return;
  history_.assign(static_cast<size_t>(p_->max_delay() + 1), Slot{});
  arrival_ = Matrix::Zero(p_->in_size(), batch);
  work_.x = Matrix::Zero(p_->in_size(), batch);
}

Matrix& DelayLine::arriving(int64_t) {
  arrival_.setZero();
  return arrival_;
}

void DelayLine::keep(int64_t t) {
  Slot& s = history_[static_cast<size_t>(t % static_cast<int64_t>(history_.size()))];
  const int64_t in = arrival_.rows();
  s.units.clear();
  s.samples.clear();
  s.values.clear();
  s.binary = true;
  nonzero_.resize(static_cast<size_t>(in));
  seen_.assign(static_cast<size_t>(in), 0);
  for (int64_t b = 0; b < batch_; ++b) {
    const size_t n = nonzero_indices(arrival_.col(b).data(), in, nonzero_.data());
    for (size_t k = 0; k < n; ++k) {
      const float v = arrival_(nonzero_[k], b);
      s.units.push_back(nonzero_[k]);
      s.samples.push_back(static_cast<uint32_t>(b));
      s.values.push_back(v);
      s.binary = s.binary && (v == 1.0f || v == -1.0f);
      seen_[nonzero_[k]] = 1;
    }
  }
  s.active.clear();
  for (int64_t j = 0; j < in; ++j)
    if (seen_[static_cast<size_t>(j)]) s.active.push_back(static_cast<uint32_t>(j));
}

void DelayLine::expand(const Slot& s) {
  for (size_t k = 0; k < s.units.size(); ++k) work_.x(s.units[k], s.samples[k]) = s.values[k];
  work_.active = s.active;
  work_.events = static_cast<int64_t>(s.units.size());
}

void DelayLine::clear(const Slot& s) {
  for (size_t k = 0; k < s.units.size(); ++k) work_.x(s.units[k], s.samples[k]) = 0.0f;
}

void DelayLine::deliver(int64_t t, Mode mode, SumOrder order, Matrix& out, OpCounts& counts) {
  keep(t);
  out.setZero(p_->out_size(), batch_);
  uint64_t pairs = 0, bytes = 0;
  bool binary = true;
  for (const DelayedProjection::Group& g : p_->groups()) {
    if (t - g.steps < 0) continue;  // nothing sent that long ago
    const Slot& s = slot(t - g.steps);
    const MatrixProjection& w = *g.projection;
    for (const uint32_t j : s.units) pairs += w.fanout()[j];  // the synapses this delay's events reach
    binary = binary && s.binary;
    if (mode == Mode::Event && s.units.empty()) continue;
    expand(s);
    if (mode == Mode::Dense) {  // every weight of every delay, every step
      w.forward_dense(work_.x, part_);
      out += part_;
      bytes += w.dense_bytes();
    } else {
      bytes += w.deliver_gathered(work_, out, order);
    }
    clear(s);
  }
  counts.events += slot(t).units.size();
  counts.unit_steps += static_cast<uint64_t>(p_->in_size() * batch_);
  counts.dense_macs += p_->dense_macs() * static_cast<uint64_t>(batch_);
  (binary ? counts.effective_acs : counts.effective_macs) += pairs;
  counts.weight_bytes += bytes;
}

}  // namespace evsim
