#pragma once
// Per (column, block of rows) offsets into compressed columns, for the GPU's sparse delivery
// (backends/cuda/sparse_delivery.cuh): a block that owns rows [r B, (r + 1) B) finds column j's
// entries in those rows at [ptr[j (R + 1) + r], ptr[j (R + 1) + r + 1]) with one load, where
// R = ceil(rows / B); and the entries by row. Host code, built with or without CUDA.
#include <cstdint>
#include <string>
#include <vector>

#include "network/csc_matrix.hpp"

namespace evsim::cuda {

// Throws Error naming `what` when the table would pass `max_bytes` or the entries need more
// than 32-bit offsets.
std::vector<uint32_t> row_block_offsets(const CscMatrix& w, int block_rows, uint64_t max_bytes,
                                        const std::string& what);

// The same entries by row, each row's in ascending column (the sparse delivery's pull path).
struct RowMajorEntries {
  std::vector<uint32_t> row_ptr, col_idx;  // rows + 1; nnz
  std::vector<float> values;
};
RowMajorEntries row_major_entries(const CscMatrix& w);

}  // namespace evsim::cuda
