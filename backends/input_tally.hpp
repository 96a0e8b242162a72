#pragma once
// Effective-op bookkeeping shared by all backends, so both modes count identically:
// each non-zero input x_j costs fanout[j] ops (its non-zero weights); the step's work is
// ACs when every input value is binary (in {-1, 0, 1}, NeuroBench's rule), else MACs.
#include "core/counters.hpp"
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
  // Every non-zero of one sample's input column at once, marking its units in `seen`: without
  // a branch per unit (at 50 % activity a mispredicted branch per unit cost more than the rest).
  void add_column(const float* col, int64_t n, uint8_t* seen) { add_column_impl<true>(col, n, seen); }
  void add_column(const float* col, int64_t n) { add_column_impl<false>(col, n, nullptr); }
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
  template <bool kMark>
  void add_column_impl(const float* col, int64_t n, uint8_t* seen) {
    // Integer masks, no short-circuit: the loop vectorises (with `||` GCC kept it scalar, and
    // counting was most of a small projection's step).
    const uint32_t* fanout = fanout_;
    uint64_t events = 0, pairs = 0;
    uint32_t nonbinary = 0;
#pragma omp simd reduction(+ : events, pairs) reduction(| : nonbinary)
    for (int64_t j = 0; j < n; ++j) {
      const float v = col[j];
      const uint32_t fired = v != 0.0f;
      if constexpr (kMark) seen[j] |= static_cast<uint8_t>(fired);
      events += fired;
      pairs += fired ? fanout[j] : 0u;
      nonbinary |= fired & static_cast<uint32_t>(v != 1.0f) & static_cast<uint32_t>(v != -1.0f);
    }
    events_ += events;
    pairs_ += pairs;
    binary_ = binary_ && nonbinary == 0;
  }

  const Projection& p_;
  const uint32_t* fanout_;
  uint64_t events_ = 0, pairs_ = 0;
  bool binary_ = true;
};

}  // namespace evsim
