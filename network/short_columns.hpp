#pragma once
// Event delivery into matrices of a few vectors of rows (classifier readouts: 10-64 outputs).
// A column is one to four SIMD vectors, so a (unit, sample) event is one fused multiply-add per
// vector into that sample's outputs held in registers: the step costs what its events do,
// where the gathered paths' per-pair bookkeeping (lists, column pointers, a call per few
// columns) cost several times the arithmetic, and the dense product pays for every column and
// sample. Four samples' sums advance side by side, so the fused multiply-adds of one sample,
// which must follow each other in input order (the reference order, core/mode.hpp), do not
// wait on each other's latency.
#include <cstdint>

#include "core/cpu_cost_model.hpp"
#include "core/nonzero.hpp"
#include "core/tensor.hpp"
#include "network/gathered_delivery.hpp"

namespace evsim {

struct ShortColumns {
  static constexpr int64_t kVector = 16;                     // floats per SIMD vector (and per cache line)
  static constexpr int64_t kMaxRows = kShortColumnsMaxRows;  // four vectors
  int64_t rows = 0;
  Matrix w;                                         // rows rounded up to whole vectors, x cols; the padding is zero
  static ShortColumns from_dense(const Matrix& w);  // w.rows() <= kMaxRows
  bool empty() const { return rows == 0; }
};

// y (rows x B) += W x over each sample's non-zero inputs, samples split over `threads`; returns
// the weight bytes read (each active column once: it stays in L1 across the batch).
uint64_t gather_short_columns(const ShortColumns& w, const GatheredInputs& in, Matrix& y, int threads);

// The same sums, from a batch's inputs x (cols x B) as they arrive: each sample's column is
// tallied (core/nonzero.hpp: tally_column with these fan-outs, added into `tally`) as its events
// are listed, kLanes samples at a time into lists that stay in L1, then delivered. The
// gatherer's lists for the whole batch, written back cold every step, cost about what the
// delivery did (docs/measurements.md). Returns the bytes read: the union's columns once.
uint64_t tally_short_columns(const ShortColumns& w, const Matrix& x, const uint32_t* fanout, Matrix& y, int threads,
                             ColumnTally& tally);

}  // namespace evsim
