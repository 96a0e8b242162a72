#pragma once
// Effective-op bookkeeping shared by all backends, so both modes count identically:
// each non-zero input x_j costs fanout[j] ops (its non-zero weights); the step's work is
// ACs when every input value is binary (in {-1, 0, 1}, NeuroBench's rule), else MACs.
#include "core/counters.hpp"
#include "core/nonzero.hpp"
#include "network/projection.hpp"

namespace evsim {

class InputTally {
 public:
  explicit InputTally(const Projection& p) : p_(p), fanout_(p.fanout().data()) {}
  void add(uint32_t source, float value) {
    ++events_;
    pairs_ += fanout_[source];
    binary_ = binary_ && (value == 1.0f || value == -1.0f);
  }
  // Every non-zero of one sample's input column at once (core/nonzero.hpp), marking its units in
  // `seen` (core/nonzero.hpp: 16-bit masks) and listing them in `units` when given; returns its events.
  uint64_t add_column(const float* col, int64_t n, uint16_t* seen = nullptr, uint32_t* units = nullptr) {
    const ColumnTally t = tally_column(col, fanout_, n, seen, units);
    events_ += t.events;
    pairs_ += t.pairs;
    binary_ = binary_ && t.binary;
    return t.events;
  }
  // Columns tallied elsewhere (Projection::deliver_tallying).
  void add(const ColumnTally& t) {
    events_ += t.events;
    pairs_ += t.pairs;
    binary_ = binary_ && t.binary;
  }
  // Every column (sample) of x, as dense mode counts its inputs.
  void add_columns(const Matrix& x) {
    for (Eigen::Index b = 0; b < x.cols(); ++b) add_column(x.col(b).data(), x.rows());
  }
  uint64_t pairs() const { return pairs_; }
  uint64_t events() const { return events_; }
  // weight_bytes: what the executing mode read this step.
  void commit(int64_t batch, uint64_t weight_bytes, OpCounts& c) const {
    c.events += events_;
    c.unit_steps += static_cast<uint64_t>(p_.in_size() * batch);
    if (!p_.synaptic()) return;
    c.dense_macs += p_.dense_macs() * static_cast<uint64_t>(batch);
    (binary_ ? c.effective_acs : c.effective_macs) += pairs_;
    c.weight_bytes += weight_bytes;
  }

 private:
  const Projection& p_;
  const uint32_t* fanout_;
  uint64_t events_ = 0, pairs_ = 0;
  bool binary_ = true;
};

}  // namespace evsim
