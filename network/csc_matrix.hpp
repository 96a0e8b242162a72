#pragma once
// Compressed sparse columns: the push-style layout for event delivery. A fired input
// unit j reads exactly the non-zeros of column j, contiguously.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/tensor.hpp"

namespace evsim {

struct CscMatrix {
  int64_t rows = 0, cols = 0;
  std::vector<uint64_t> col_ptr;  // cols + 1
  std::vector<uint32_t> row_idx;
  std::vector<float> values;

  static CscMatrix from_dense(const Matrix& w);  // exact zeros are dropped
  // From scipy's compressed layout without forming the dense matrix: `csr` (indptr over the
  // rows = outputs) or `csc` (over the columns = inputs); exact zeros dropped, each column's
  // rows sorted. Throws Error saying what is inconsistent (lengths, order, range, duplicates).
  static CscMatrix from_compressed(bool csr, int64_t rows, int64_t cols, const std::vector<int64_t>& indptr,
                                   const std::vector<int64_t>& indices, const std::vector<float>& data);
  uint64_t nnz() const { return values.size(); }
  // The dense rows x cols matrix, after checking it against the memory budget (`what` names it
  // in the error).
  Matrix to_dense(const std::string& what) const;
  uint32_t col_nnz(int64_t j) const {
    return static_cast<uint32_t>(col_ptr[static_cast<size_t>(j) + 1] - col_ptr[static_cast<size_t>(j)]);
  }
  // One fused multiply-add per weight, events in input order: the reference sum order
  // (core/mode.hpp). Eigen's GEMM takes the same order while the inner size fits one of its
  // blocks (the shipped 512-wide EGRU layers: cpu-dense then agrees bit for bit at batch > 1).
  void axpy_column(int64_t j, float value, float* y) const {
    const uint64_t end = col_ptr[static_cast<size_t>(j) + 1];
    for (uint64_t k = col_ptr[static_cast<size_t>(j)]; k < end; ++k)
      y[row_idx[k]] = std::fma(values[k], value, y[row_idx[k]]);
  }
};

}  // namespace evsim
