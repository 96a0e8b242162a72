#include "network/csc_matrix.hpp"

#include <algorithm>
#include <string>
#include <tuple>
#include <utility>

#include "core/error.hpp"
#include "core/memory_budget.hpp"

namespace evsim {

CscMatrix CscMatrix::from_dense(const Matrix& w) {
  CscMatrix m;
  m.rows = w.rows();
  m.cols = w.cols();
  m.col_ptr.assign(static_cast<size_t>(m.cols) + 1, 0);
  // Every weight is written and the cursor moves past the non-zeros only: a pruned matrix's
  // zeros fall at random, and a branch per weight was mispredicted at every density in between
  // (the slot past the last non-zero takes the candidates after it).
  const auto nnz = static_cast<size_t>((w.array() != 0.0f).count());
  m.row_idx.resize(nnz + 1);
  m.values.resize(nnz + 1);
  size_t k = 0;
  for (Eigen::Index j = 0; j < w.cols(); ++j) {
    const float* c = w.col(j).data();
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      m.row_idx[k] = static_cast<uint32_t>(i);
      m.values[k] = c[i];
      k += c[i] != 0.0f;
    }
    m.col_ptr[static_cast<size_t>(j) + 1] = k;
  }
  m.row_idx.resize(nnz);
  m.values.resize(nnz);
  return m;
}

Matrix CscMatrix::to_dense(const std::string& what) const {
  require_memory(4.0 * static_cast<double>(rows) * static_cast<double>(cols),
                 what + " (the dense " + std::to_string(rows) + " x " + std::to_string(cols) + " weight)");
  Matrix w = Matrix::Zero(rows, cols);
  for (int64_t j = 0; j < cols; ++j)
    for (uint64_t k = col_ptr[static_cast<size_t>(j)]; k < col_ptr[static_cast<size_t>(j) + 1]; ++k)
      w(row_idx[k], j) = values[k];
  return w;
}

namespace {

void check_indptr(const std::vector<int64_t>& indptr, int64_t lines, size_t nnz, const char* over) {
  if (indptr.size() != static_cast<size_t>(lines) + 1)
    throw Error("indptr: expected " + std::to_string(lines + 1) + " entries (one per " + over + ", plus one), got " +
                std::to_string(indptr.size()));
  if (indptr.front() != 0 || indptr.back() != static_cast<int64_t>(nnz))
    throw Error("indptr: expected to run from 0 to the " + std::to_string(nnz) + " stored entries");
  for (size_t k = 1; k < indptr.size(); ++k)
    if (indptr[k] < indptr[k - 1]) throw Error("indptr: not non-decreasing at entry " + std::to_string(k));
}

}  // namespace

CscMatrix CscMatrix::from_compressed(bool csr, int64_t rows, int64_t cols, const std::vector<int64_t>& indptr,
                                     const std::vector<int64_t>& indices, const std::vector<float>& data) {
  if (rows < 0 || cols < 0 || rows > (int64_t{1} << 32)) throw Error("shape: out of range");
  if (indices.size() != data.size())
    throw Error("indices and data: expected one index per value, got " + std::to_string(indices.size()) + " and " +
                std::to_string(data.size()));
  const int64_t lines = csr ? rows : cols, other = csr ? cols : rows;
  check_indptr(indptr, lines, data.size(), csr ? "row" : "column");
  // A small file may declare a huge shape: the column index is sized by it, not by the data.
  require_memory(8.0 * (static_cast<double>(cols) + 1) + 8.0 * static_cast<double>(data.size()),
                 "a sparse weight of shape " + std::to_string(rows) + " x " + std::to_string(cols));
  for (int64_t v : indices)
    if (v < 0 || v >= other) throw Error("indices: " + std::to_string(v) + " outside 0.." + std::to_string(other - 1));
  CscMatrix m;
  m.rows = rows;
  m.cols = cols;
  m.col_ptr.assign(static_cast<size_t>(cols) + 1, 0);
  // Count the non-zeros per column, then place them (CSR rows are visited in order, so each
  // column comes out sorted; CSC columns are sorted after).
  auto column_of = [&](int64_t line, size_t k) { return csr ? indices[k] : line; };
  auto row_of = [&](int64_t line, size_t k) { return csr ? line : indices[k]; };
  for (int64_t line = 0; line < lines; ++line)
    for (auto k = static_cast<size_t>(indptr[static_cast<size_t>(line)]);
         k < static_cast<size_t>(indptr[static_cast<size_t>(line) + 1]); ++k)
      if (data[k] != 0.0f) ++m.col_ptr[static_cast<size_t>(column_of(line, k)) + 1];
  for (size_t j = 0; j < static_cast<size_t>(cols); ++j) m.col_ptr[j + 1] += m.col_ptr[j];
  m.row_idx.resize(m.col_ptr.back());
  m.values.resize(m.col_ptr.back());
  std::vector<uint64_t> next(m.col_ptr.begin(), m.col_ptr.end() - 1);
  for (int64_t line = 0; line < lines; ++line)
    for (auto k = static_cast<size_t>(indptr[static_cast<size_t>(line)]);
         k < static_cast<size_t>(indptr[static_cast<size_t>(line) + 1]); ++k) {
      if (data[k] == 0.0f) continue;
      const uint64_t at = next[static_cast<size_t>(column_of(line, k))]++;
      m.row_idx[at] = static_cast<uint32_t>(row_of(line, k));
      m.values[at] = data[k];
    }
  for (int64_t j = 0; j < cols; ++j) {
    const auto b = static_cast<std::ptrdiff_t>(m.col_ptr[static_cast<size_t>(j)]);
    const auto e = static_cast<std::ptrdiff_t>(m.col_ptr[static_cast<size_t>(j) + 1]);
    if (!csr) {  // sort the column's (row, value) pairs by row
      std::vector<std::pair<uint32_t, float>> col;
      for (auto k = b; k < e; ++k)
        col.emplace_back(m.row_idx[static_cast<size_t>(k)], m.values[static_cast<size_t>(k)]);
      std::sort(col.begin(), col.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      for (auto k = b; k < e; ++k)
        std::tie(m.row_idx[static_cast<size_t>(k)], m.values[static_cast<size_t>(k)]) = col[static_cast<size_t>(k - b)];
    }
    for (auto k = b + 1; k < e; ++k)
      if (m.row_idx[static_cast<size_t>(k)] == m.row_idx[static_cast<size_t>(k - 1)])
        throw Error("entry (" + std::to_string(m.row_idx[static_cast<size_t>(k)]) + ", " + std::to_string(j) +
                    ") stored twice (scipy: sum_duplicates() before export)");
  }
  return m;
}

}  // namespace evsim
