#include "network/csc_matrix.hpp"

namespace evsim {

CscMatrix CscMatrix::from_dense(const Matrix& w) {
  CscMatrix m;
  m.rows = w.rows();
  m.cols = w.cols();
  m.col_ptr.assign(static_cast<size_t>(m.cols) + 1, 0);
  for (Eigen::Index j = 0; j < w.cols(); ++j) {
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      if (w(i, j) != 0.0f) {
        m.row_idx.push_back(static_cast<uint32_t>(i));
        m.values.push_back(w(i, j));
      }
    }
    m.col_ptr[static_cast<size_t>(j) + 1] = m.values.size();
  }
  return m;
}

}  // namespace evsim
