#include "backends/cuda/row_blocks.hpp"

#include <string>

#include "core/error.hpp"

namespace evsim::cuda {

std::vector<uint32_t> row_block_offsets(const CscMatrix& w, int block_rows, uint64_t max_bytes,
                                        const std::string& what) {
  const auto blocks = static_cast<uint64_t>((w.rows + block_rows - 1) / block_rows);
  const uint64_t entries = static_cast<uint64_t>(w.cols) * (blocks + 1);
  if (w.nnz() > 0xffffffffull)
    throw Error(what + ": " + std::to_string(w.nnz()) + " synapses; the GPU's sparse delivery takes at most 2^32 - 1");
  if (entries * sizeof(uint32_t) > max_bytes)
    throw Error(what + ": the GPU's sparse delivery needs a " + std::to_string(entries * 4 >> 20) +
                " MiB table of row-block offsets (" + std::to_string(w.cols) + " columns x " +
                std::to_string(blocks + 1) + "), over its " + std::to_string(max_bytes >> 20) + " MiB");
  std::vector<uint32_t> ptr(entries);
  for (int64_t j = 0; j < w.cols; ++j) {
    uint64_t k = w.col_ptr[static_cast<size_t>(j)];
    const uint64_t end = w.col_ptr[static_cast<size_t>(j) + 1];
    uint32_t* out = ptr.data() + static_cast<size_t>(j) * (blocks + 1);
    for (uint64_t r = 0; r <= blocks; ++r) {
      const uint64_t first_row = r * static_cast<uint64_t>(block_rows);
      while (k < end && w.row_idx[k] < first_row) ++k;
      out[r] = static_cast<uint32_t>(k);
    }
  }
  return ptr;
}

RowMajorEntries row_major_entries(const CscMatrix& w) {
  RowMajorEntries m;
  m.row_ptr.assign(static_cast<size_t>(w.rows) + 1, 0);
  for (const uint32_t r : w.row_idx) ++m.row_ptr[r + 1];
  for (size_t r = 0; r < static_cast<size_t>(w.rows); ++r) m.row_ptr[r + 1] += m.row_ptr[r];
  m.col_idx.resize(w.row_idx.size());
  m.values.resize(w.row_idx.size());
  std::vector<uint32_t> next(m.row_ptr.begin(), m.row_ptr.end() - 1);
  for (int64_t j = 0; j < w.cols; ++j)  // columns ascending: each row's entries come out in column order
    for (uint64_t k = w.col_ptr[static_cast<size_t>(j)]; k < w.col_ptr[static_cast<size_t>(j) + 1]; ++k) {
      const uint32_t at = next[w.row_idx[k]]++;
      m.col_idx[at] = static_cast<uint32_t>(j);
      m.values[at] = w.values[k];
    }
  return m;
}

}  // namespace evsim::cuda
