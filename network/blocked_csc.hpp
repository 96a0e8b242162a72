#pragma once
// Pruned weights for gathered event delivery (network/gathered_delivery.hpp): a CSC of (value,
// 16-bit row offset), 6 bytes per non-zero instead of CscMatrix's 8, with each column cut at row
// block boundaries (at most 65536 rows a block, the offsets counted from the block's first row).
// A column's segments lie one after another in row order, so threads that own ranges of row
// blocks never write the same output, and one thread over all blocks reads each column as one
// contiguous stream.
#include <cstdint>
#include <vector>

#include "core/huge_pages.hpp"
#include "core/tensor.hpp"
#include "network/csc_matrix.hpp"

namespace evsim {

struct BlockedCsc {
  int64_t rows = 0, cols = 0, block_rows = 0;
  // Huge pages: events read columns at random places (core/huge_pages.hpp).
  HugeVector<uint64_t> ptr;  // cols x blocks + 1: column j's block b is ptr[j blocks + b] .. ptr[j blocks + b + 1]
  HugeVector<uint16_t> off;  // row - b block_rows
  HugeVector<float> val;

  static BlockedCsc from_dense(const Matrix& w, int64_t block_rows);   // exact zeros dropped
  static BlockedCsc from_csc(const CscMatrix& w, int64_t block_rows);  // its rows sorted per column
  int64_t blocks() const { return block_rows ? (rows + block_rows - 1) / block_rows : 0; }
  // Column j's blocks + 1 segment boundaries.
  const uint64_t* column_ptr(int64_t j) const { return ptr.data() + static_cast<size_t>(j * blocks()); }
  static constexpr uint64_t kBytesPerNnz = sizeof(float) + sizeof(uint16_t);
};

}  // namespace evsim
