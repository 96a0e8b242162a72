#pragma once
// Pruned weights for gathered event delivery (network/gathered_delivery.hpp): the rows cut
// into blocks (at most 65536 rows each), each block a CSC of (value, 16-bit row offset): 6
// bytes per non-zero instead of CscMatrix's 8, and a column's entries within a block are
// contiguous, so threads can own row blocks and never write the same output.
#include <cstdint>
#include <vector>

#include "core/huge_pages.hpp"
#include "core/tensor.hpp"
#include "network/csc_matrix.hpp"

namespace evsim {

struct BlockedCsc {
  int64_t rows = 0, cols = 0, block_rows = 0;
  // Huge pages: events read columns at random places (core/huge_pages.hpp).
  HugeVector<uint64_t> ptr;  // blocks x (cols + 1): block b's column j is ptr[b (cols + 1) + j] ..
  HugeVector<uint16_t> off;  // row - b block_rows
  HugeVector<float> val;

  static BlockedCsc from_dense(const Matrix& w, int64_t block_rows);   // exact zeros dropped
  static BlockedCsc from_csc(const CscMatrix& w, int64_t block_rows);  // its rows sorted per column
  int64_t blocks() const { return block_rows ? (rows + block_rows - 1) / block_rows : 0; }
  const uint64_t* block_ptr(int64_t b) const { return ptr.data() + static_cast<size_t>(b * (cols + 1)); }
  static constexpr uint64_t kBytesPerNnz = sizeof(float) + sizeof(uint16_t);
};

}  // namespace evsim
