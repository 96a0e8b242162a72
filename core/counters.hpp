#pragma once
// Operation counts, following NeuroBench's definitions (see docs/counting.md).
#include <cstdint>

namespace evsim {

struct OpCounts {
  uint64_t dense_macs = 0;      // rows x cols of every projection, every step and sample
  uint64_t effective_macs = 0;  // (non-zero weight x non-zero graded input) pairs
  uint64_t effective_acs = 0;   // the same pairs when the input is binary (values in {-1,0,1})
  uint64_t events = 0;          // non-zero outputs emitted (neurons) or delivered (projections)
  uint64_t unit_steps = 0;      // units x steps x samples; activity = events / unit_steps
  uint64_t weight_bytes = 0;    // weight (+ index) bytes the executing mode had to read

  OpCounts& operator+=(const OpCounts& o);
  uint64_t effective_ops() const { return effective_macs + effective_acs; }
  double activity() const { return unit_steps ? static_cast<double>(events) / static_cast<double>(unit_steps) : 0.0; }
};

// How far the input-dependent counts (effective MACs, ACs, events) of a differ from b's,
// relative (the largest of the three); the shape-given ones (dense MACs, unit steps) must be
// equal, else infinity. Backends whose float32 sums differ in order can move a threshold
// crossing or an exact zero, and with it a few events: this bounds how many.
double count_discrepancy(const OpCounts& a, const OpCounts& b);

}  // namespace evsim
