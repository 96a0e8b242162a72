#pragma once
// Pruned weights for inputs that are mostly active (a dense layer into a pruned matrix: p90's
// embedding into egru1, every column active each step): rows in slices of 16, longest rows
// first, one row a SIMD lane, the slice's k-th step holding the k-th non-zero of each of its
// rows (column order, the shorter rows padded). A step gathers its 16 inputs from the input
// vector and adds 16 products in one vector: no output is loaded or stored per non-zero, where
// the pruned columns' scatter (network/gathered_delivery.hpp) pays a load and a store each. It
// reads every non-zero at any activity, so the selector takes it only where most columns are
// active (core/cpu_cost_model.hpp). Each output still receives its products one fused
// multiply-add at a time in ascending input order, only for inputs with an event: the reference
// sum order (core/mode.hpp), bit for bit.
#include <cstdint>

#include "core/huge_pages.hpp"
#include "core/tensor.hpp"
#include "network/csc_matrix.hpp"
#include "network/gathered_delivery.hpp"

namespace evsim {

struct RowSlices {
  static constexpr int64_t kLanes = 16;
  static constexpr int64_t kMaxCols = 65536;    // 16-bit column indices
  static constexpr int64_t kMaxRows = 1 << 30;  // rows gathered by signed 32-bit index
  int64_t rows = 0, cols = 0;
  HugeVector<uint64_t> ptr;  // slices + 1: slice c's steps are ptr[c] .. ptr[c + 1]
  HugeVector<uint16_t> col;  // kLanes per step (padding: column 0)
  HugeVector<float> val;     // kLanes per step (padding: 0, never added)
  HugeVector<int32_t> len;   // lane by lane (slices x kLanes): its row's non-zeros (past the rows: 0)
  HugeVector<uint32_t> row;  // lane by lane: its row (rows by non-zeros, descending; past them: 0)

  static RowSlices from_csc(const CscMatrix& w);  // w.cols <= kMaxCols
  bool empty() const { return rows == 0; }
  int64_t slices() const { return (rows + kLanes - 1) / kLanes; }
  uint64_t entries() const { return val.size(); }  // non-zeros and padding
  // What a step reads: every entry (value and column) and each lane's length and row.
  uint64_t bytes() const {
    return entries() * (sizeof(float) + sizeof(uint16_t)) + len.size() * (sizeof(int32_t) + sizeof(uint32_t));
  }
};

// y (rows x B) += W x, slices split over `threads` (contiguous ranges: threads never write the
// same output); one sample gathers its inputs per step, a batch runs in groups of kRowsGroup
// samples, one per vector lane (core/cpu_cost_model.hpp); returns the bytes read (once per step:
// a slice's steps stay in L1 across the batch).
uint64_t gather_row_slices(const RowSlices& w, const GatheredInputs& in, Matrix& y, int threads);

}  // namespace evsim
