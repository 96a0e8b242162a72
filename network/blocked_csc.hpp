#pragma once
// Pruned weights for gathered event delivery (network/gathered_delivery.hpp): a CSC of (value,
// 16-bit row offset), 6 bytes per non-zero instead of CscMatrix's 8, with each column cut at row
// block boundaries, its pieces one after another in row order, so threads that own ranges of
// row blocks never write the same output. Up to 65536 rows the offsets are the rows themselves,
// and a thread's range of blocks is one run per column; taller matrices count them from the
// block's first row (blocks of at most 65536 rows), and a thread walks its blocks one by one.
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
  HugeVector<uint16_t> off;  // row - offset_base(b)
  HugeVector<float> val;

  static BlockedCsc from_dense(const Matrix& w, int64_t block_rows);   // exact zeros dropped
  static BlockedCsc from_csc(const CscMatrix& w, int64_t block_rows);  // its rows sorted per column
  int64_t blocks() const { return block_rows ? (rows + block_rows - 1) / block_rows : 0; }
  static constexpr int64_t kMaxOffsetRows = 65536;
  bool absolute() const { return rows <= kMaxOffsetRows; }  // offsets are rows
  int64_t offset_base(int64_t b) const { return absolute() ? 0 : b * block_rows; }
  // Column j's blocks + 1 segment boundaries.
  const uint64_t* column_ptr(int64_t j) const { return ptr.data() + static_cast<size_t>(j * blocks()); }
  static constexpr uint64_t kBytesPerNnz = sizeof(float) + sizeof(uint16_t);
};

}  // namespace evsim
