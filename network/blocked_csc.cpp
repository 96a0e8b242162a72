#include "network/blocked_csc.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace evsim {
namespace {

BlockedCsc empty(int64_t rows, int64_t cols, int64_t block_rows, size_t nnz) {
  if (block_rows < 1 || block_rows > BlockedCsc::kMaxOffsetRows)
    throw Error("a blocked CSC block holds 1 to 65536 rows");
  BlockedCsc m;
  m.rows = rows;
  m.cols = cols;
  m.block_rows = block_rows;
  m.off.reserve(nnz);
  m.val.reserve(nnz);
  m.ptr.reserve(static_cast<size_t>(cols * m.blocks() + 1));
  m.ptr.push_back(0);
  return m;
}

}  // namespace

BlockedCsc BlockedCsc::from_dense(const Matrix& w, int64_t block_rows) {
  BlockedCsc m = empty(w.rows(), w.cols(), block_rows, static_cast<size_t>((w.array() != 0.0f).count()));
  for (int64_t j = 0; j < m.cols; ++j)
    for (int64_t b = 0; b < m.blocks(); ++b) {
      const int64_t r0 = b * block_rows, r1 = std::min(m.rows, r0 + block_rows);
      for (int64_t r = r0; r < r1; ++r)
        if (w(r, j) != 0.0f) {
          m.off.push_back(static_cast<uint16_t>(r - m.offset_base(b)));
          m.val.push_back(w(r, j));
        }
      m.ptr.push_back(m.val.size());
    }
  return m;
}

BlockedCsc BlockedCsc::from_csc(const CscMatrix& w, int64_t block_rows) {
  BlockedCsc m = empty(w.rows, w.cols, block_rows, w.nnz());
  for (int64_t j = 0; j < m.cols; ++j) {
    uint64_t k = w.col_ptr[static_cast<size_t>(j)];
    const uint64_t end = w.col_ptr[static_cast<size_t>(j) + 1];
    for (int64_t b = 0; b < m.blocks(); ++b) {
      const int64_t r0 = b * block_rows, r1 = std::min(m.rows, r0 + block_rows);
      for (; k < end && w.row_idx[k] < r1; ++k) {
        m.off.push_back(static_cast<uint16_t>(w.row_idx[k] - m.offset_base(b)));
        m.val.push_back(w.values[k]);
      }
      m.ptr.push_back(m.val.size());
    }
  }
  return m;
}

}  // namespace evsim
