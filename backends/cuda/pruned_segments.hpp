#pragma once
// DISTile's pruned-column layout. A column's non-zeros are split by row block (the rows one
// DISTile block owns, kDistileRowsPerBlock) into segments of (value, row within the block),
// each padded with zero entries to the fullest segment's length `width`: segment (c, rb)
// starts at (c * row_blocks + rb) * width. A block finds its part of an active column by
// arithmetic alone (no pointer to load first, one dependent memory round trip fewer than
// CSC), reads it with coalesced loads, and adds into its own rows in shared memory. Padding
// costs bytes where segments are uneven; the cost model prices the real width, so a skewed
// matrix gets dense columns instead. Plain host code.
#include <cstdint>
#include <vector>

namespace evsim::cuda {

struct PrunedSegments {
  int rows = 0, cols = 0, width = 0;
  std::vector<float> val;     // cols * row_blocks(rows) * width (at least one entry)
  std::vector<uint16_t> row;  // the same entries' rows within their block

  // From column-major weights (rows x cols); exact zeros are dropped.
  static PrunedSegments from_column_major(const float* w, int rows, int cols);
  // The width alone (what the cost model needs to choose the format).
  static int width_of(const float* w, int rows, int cols);
};

}  // namespace evsim::cuda
