#pragma once
// A projection's weights on the device in the formats the GPU paths read: column-major
// dense (cuBLAS, DISTile dense columns) and, when the cost model picks pruned columns (or
// the row count rules out 16-byte dense columns), the CSC of the non-zeros. Host code for
// .cu files.
#include <algorithm>
#include <vector>

#include "backends/cuda/cost_model.hpp"
#include "backends/cuda/device_buffer.hpp"
#include "backends/cuda/distile.cuh"
#include "network/csc_matrix.hpp"

namespace evsim::cuda {

struct DeviceWeights {
  int rows = 0, cols = 0;
  double density = 1;
  bool pruned = false;
  int stream_above = 1 << 30;      // active columns past which a step streams every row
  DeviceBuffer<float> dense;       // column-major
  DeviceBuffer<float> dense_rows;  // row-major, for the streaming fallback (when it can be chosen)
  DeviceBuffer<int> col_ptr, row_idx;
  DeviceBuffer<float> val;

  DeviceWeights(const Matrix& w, const GpuProfile& profile)
      : rows(static_cast<int>(w.rows())), cols(static_cast<int>(w.cols())) {
    dense = DeviceBuffer<float>(std::vector<float>(w.data(), w.data() + w.size()));
    const CscMatrix csc = CscMatrix::from_dense(w);
    if (csc.nnz() > 0x7fffffffu) throw Error("cuda backend: more than 2^31 non-zero weights in one projection");
    density = double(csc.nnz()) / std::max(1.0, double(w.size()));
    pruned = prefer_pruned(profile, rows, cols, density) || rows % 4 != 0;
    // The in-kernel fallback streams row-major rows (16-byte loads: cols a multiple of 4);
    // with the cuBLAS fallback the graph conditionals choose instead.
    if (cols % 4 == 0 && !profile.cublas_fallback)
      stream_above = cuda::stream_above(profile, rows, cols, density, pruned);
    if (stream_above < cols) {
      const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = w;
      dense_rows = DeviceBuffer<float>(std::vector<float>(rm.data(), rm.data() + rm.size()));
    }
    if (!pruned) return;
    // One padding entry keeps the arrays non-empty for an all-zero matrix (col_ptr says so).
    col_ptr = DeviceBuffer<int>(std::vector<int>(csc.col_ptr.begin(), csc.col_ptr.end()));
    std::vector<int> idx(csc.row_idx.begin(), csc.row_idx.end());
    std::vector<float> v = csc.values;
    idx.push_back(0);
    v.push_back(0.0f);
    row_idx = DeviceBuffer<int>(idx);
    val = DeviceBuffer<float>(v);
  }

  DistileProblem problem() const {
    DistileProblem q;
    q.format = pruned ? ColumnFormat::PrunedColumns : ColumnFormat::DenseColumns;
    q.w = dense.get();
    q.w_rows = dense_rows.size() ? dense_rows.get() : nullptr;
    q.col_ptr = col_ptr.get();
    q.row_idx = row_idx.get();
    q.val = val.get();
    q.rows = rows;
    q.cols = cols;
    q.stream_above = stream_above;
    return q;
  }
};

}  // namespace evsim::cuda
