#include "network/blocked_csc.hpp"

#include <algorithm>

#include "core/error.hpp"

namespace evsim {

BlockedCsc BlockedCsc::from_dense(const Matrix& w, int64_t block_rows) {
  if (block_rows < 1 || block_rows > 65536) throw Error("a blocked CSC block holds 1 to 65536 rows");
  BlockedCsc m;
  m.rows = w.rows();
  m.cols = w.cols();
  m.block_rows = block_rows;
  const auto nnz = static_cast<size_t>((w.array() != 0.0f).count());
  m.off.reserve(nnz);
  m.val.reserve(nnz);
  m.ptr.reserve(static_cast<size_t>(m.blocks() * (m.cols + 1)));
  for (int64_t b = 0; b < m.blocks(); ++b) {
    const int64_t r0 = b * block_rows, r1 = std::min(m.rows, r0 + block_rows);
    m.ptr.push_back(m.val.size());
    for (int64_t j = 0; j < m.cols; ++j) {
      for (int64_t r = r0; r < r1; ++r)
        if (w(r, j) != 0.0f) {
          m.off.push_back(static_cast<uint16_t>(r - r0));
          m.val.push_back(w(r, j));
        }
      m.ptr.push_back(m.val.size());
    }
  }
  return m;
}

BlockedCsc BlockedCsc::from_csc(const CscMatrix& w, int64_t block_rows) {
  if (block_rows < 1 || block_rows > 65536) throw Error("a blocked CSC block holds 1 to 65536 rows");
  BlockedCsc m;
  m.rows = w.rows;
  m.cols = w.cols;
  m.block_rows = block_rows;
  m.off.reserve(w.nnz());
  m.val.reserve(w.nnz());
  m.ptr.reserve(static_cast<size_t>(m.blocks() * (m.cols + 1)));
  std::vector<uint64_t> at(w.col_ptr.begin(), w.col_ptr.end() - 1);  // each column's next entry
  for (int64_t b = 0; b < m.blocks(); ++b) {
    const int64_t r0 = b * block_rows, r1 = std::min(m.rows, r0 + block_rows);
    m.ptr.push_back(m.val.size());
    for (int64_t j = 0; j < m.cols; ++j) {
      uint64_t& k = at[static_cast<size_t>(j)];
      for (; k < w.col_ptr[static_cast<size_t>(j) + 1] && w.row_idx[k] < r1; ++k) {
        m.off.push_back(static_cast<uint16_t>(w.row_idx[k] - r0));
        m.val.push_back(w.values[k]);
      }
      m.ptr.push_back(m.val.size());
    }
  }
  return m;
}

}  // namespace evsim
