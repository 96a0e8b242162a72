#pragma once
// Event delivery with the step's events gathered first (CPU DISTile): the active input units
// (the union over the batch, ascending) and their values per sample (`x`, in x B, zero where a
// sample's unit did not fire). Each active column is read once per step for the whole batch:
//  - DenseColumns: the column-major weight column, contiguous, one SIMD fused multiply-add
//    pass per sample that fired (4 bytes per weight);
//  - SparseColumns: the column's non-zeros of each row block (BlockedCsc, 6 bytes each).
// Every output still receives its products one fused multiply-add at a time in ascending
// input order: the reference sum order (core/mode.hpp), bit-identical to per-event delivery,
// whatever the path or the number of threads (threads own row ranges).
#include <cstdint>
#include <vector>

#include "core/tensor.hpp"
#include "network/blocked_csc.hpp"

namespace evsim {

struct GatheredInputs {
  std::vector<uint32_t> active;  // input units with an event in some sample, ascending
  Matrix x;                      // in x B: the events' values, zeros elsewhere
  int64_t events = -1;           // (unit, sample) events, when the gatherer counted them (-1: not)
  // Each sample's events when the gatherer listed them (batches; one sample's are `active`):
  // sample b's units, ascending, at sample_units[b in ..], sample_events[b] of them.
  // sample_events empty: not listed, and the paths that need them scan x.
  std::vector<uint32_t> sample_units, sample_events;
  // The model's other projections read more than the L2 between two steps of this one, so its
  // weights come back from farther (network/l2_residency.hpp; the cost model's cold lines).
  bool evicted = false;
};
// Lists each sample's events (sample_units, sample_events) found in x, as the event backend's
// gatherer does in its tally: for callers that build GatheredInputs themselves.
void list_sample_events(GatheredInputs& in);
// Sample b's events: its listed units, or none when the gatherer did not list them.
inline const uint32_t* listed_units(const GatheredInputs& in, int64_t b) {
  return in.sample_events.empty() ? nullptr : in.sample_units.data() + b * in.x.rows();
}

// The (unit, sample) events of `in`: the gatherer's count, or counted here when it gave none.
double gathered_events(const GatheredInputs& in);

// y (out x B) += W x over the active columns, on exactly `threads` threads (the selector's plan:
// MatrixProjection::choose_path; dense columns split rows, pruned columns their row blocks);
// returns the weight bytes read.
uint64_t gather_dense_columns(const Matrix& w, const GatheredInputs& in, Matrix& y, int threads);
uint64_t gather_sparse_columns(const BlockedCsc& w, const GatheredInputs& in, Matrix& y, int threads);

}  // namespace evsim
