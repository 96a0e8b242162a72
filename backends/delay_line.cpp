#include "backends/delay_line.hpp"

#include "core/nonzero.hpp"

namespace evsim {

void DelayLine::reset(const Projection& p, int64_t batch) {
  p_ = p.delayed();
  history_.clear();
  batch_ = batch;
  if (!p_) return;
  history_.assign(static_cast<size_t>(p_->max_delay() + 1), Matrix::Zero(p_->in_size(), batch));
}

Matrix& DelayLine::arriving(int64_t t) {
  Matrix& m = history_[static_cast<size_t>(t % static_cast<int64_t>(history_.size()))];
  m.setZero();
  return m;
}

// The synapses x reaches through one delay's matrix (its fanout per active unit), whether
// every value is +-1, and the units active in some sample (ascending) into `active`.
void DelayLine::tally(const Matrix& x, const MatrixProjection& w, DelayLine::Tally& t) {
  const int64_t in = x.rows();
  seen_.assign(static_cast<size_t>(in), 0);
  for (int64_t b = 0; b < batch_; ++b) {
    const size_t n = nonzero_indices(x.col(b).data(), in, nonzero_.data());
    for (size_t k = 0; k < n; ++k) {
      const float v = x(nonzero_[k], b);
      t.pairs += w.fanout()[nonzero_[k]];
      t.binary = t.binary && (v == 1.0f || v == -1.0f);
      seen_[nonzero_[k]] = 1;
    }
  }
  gathered_.active.clear();
  for (int64_t j = 0; j < in; ++j)
    if (seen_[static_cast<size_t>(j)]) gathered_.active.push_back(static_cast<uint32_t>(j));
}

void DelayLine::deliver(int64_t t, Mode mode, SumOrder order, Matrix& out, OpCounts& counts) {
  const int64_t in = p_->in_size();
  out.setZero(p_->out_size(), batch_);
  nonzero_.resize(static_cast<size_t>(in));
  uint64_t events = 0;
  for (int64_t b = 0; b < batch_; ++b) events += nonzero_indices(at(t).col(b).data(), in, nonzero_.data());
  Tally tl;
  for (const DelayedProjection::Group& g : p_->groups()) {
    if (t - g.steps < 0) continue;  // nothing sent that long ago
    const Matrix& x = at(t - g.steps);
    const MatrixProjection& w = *g.projection;
    tally(x, w, tl);
    if (mode == Mode::Dense) {
      w.forward_dense(x, part_);
      tl.bytes += w.dense_bytes();
    } else {
      gathered_.x = x;
      gathered_.events = -1;
      part_.setZero(p_->out_size(), batch_);
      if (!gathered_.active.empty()) tl.bytes += w.deliver_gathered(gathered_, part_, order);
    }
    out += part_;
  }
  counts.events += events;
  counts.unit_steps += static_cast<uint64_t>(in * batch_);
  counts.dense_macs += p_->dense_macs() * static_cast<uint64_t>(batch_);
  (tl.binary ? counts.effective_acs : counts.effective_macs) += tl.pairs;
  counts.weight_bytes += tl.bytes;
}

}  // namespace evsim
