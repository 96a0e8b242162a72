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
};

// The (unit, sample) events of `in`: the gatherer's count, or counted here when it gave none.
double gathered_events(const GatheredInputs& in);

// y (out x B) += W x over the active columns, on exactly `threads` threads (the selector's plan:
// MatrixProjection::choose_path; dense columns split rows, pruned columns their row blocks);
// returns the weight bytes read.
uint64_t gather_dense_columns(const Matrix& w, const GatheredInputs& in, Matrix& y, int threads);
uint64_t gather_sparse_columns(const BlockedCsc& w, const GatheredInputs& in, Matrix& y, int threads);

}  // namespace evsim
