#pragma once
// A projection's weights on the device in the formats the GPU paths read: column-major
// dense (cuBLAS, DISTile dense columns) and, when the cost model picks pruned columns (or
// the row count rules out 16-byte dense columns), the pruned segments of the non-zeros.
// Host code for .cu files.
#include <algorithm>
#include <vector>

#include "backends/cuda/cost_model.hpp"
#include "backends/cuda/device_buffer.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/pruned_segments.hpp"
#include "core/tensor.hpp"

namespace evsim::cuda {

struct DeviceWeights {
  int rows = 0, cols = 0;
  bool pruned = false;
  int width = 0;                   // entries per pruned segment (PrunedSegments::width)
  int stream_above = 1 << 30;      // active columns past which a step streams every row
  DeviceBuffer<float> dense;       // column-major
  DeviceBuffer<float> dense_rows;  // row-major, for the streaming fallback (when it can be chosen)
  DeviceBuffer<float> seg_val;     // pruned segments
  DeviceBuffer<uint16_t> seg_row;

  DeviceWeights(const Matrix& w, const GpuProfile& profile)
      : rows(static_cast<int>(w.rows())), cols(static_cast<int>(w.cols())) {
    dense = DeviceBuffer<float>(std::vector<float>(w.data(), w.data() + w.size()));
    width = PrunedSegments::width_of(w.data(), rows, cols);
    pruned = prefer_pruned(profile, rows, cols, width) || rows % 4 != 0;
    // The in-kernel fallback streams row-major rows (16-byte loads: cols a multiple of 4).
    if (cols % 4 == 0) stream_above = cuda::stream_above(profile, rows, cols, pruned, width);
    if (stream_above < cols) {
      const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> rm = w;
      dense_rows = DeviceBuffer<float>(std::vector<float>(rm.data(), rm.data() + rm.size()));
    }
    if (!pruned) return;
    const PrunedSegments seg = PrunedSegments::from_column_major(w.data(), rows, cols);
    seg_val = DeviceBuffer<float>(seg.val);
    seg_row = DeviceBuffer<uint16_t>(seg.row);
  }

  // The engine's choice for a step with `active` active columns (the union over the batch):
  // DISTile streams every row past stream_above, else gathers the active columns.
  bool streams(unsigned active) const { return static_cast<int>(active) > stream_above; }
  // Weight bytes that step reads: all of them when cuBLAS runs it (`dense_path`) or it streams.
  double step_bytes(unsigned active, bool dense_path) const {
    if (dense_path || streams(active)) return 4.0 * rows * cols;
    return active * column_bytes(rows, pruned, width);
  }

  DistileProblem problem() const {
    DistileProblem q;
    q.format = pruned ? ColumnFormat::PrunedColumns : ColumnFormat::DenseColumns;
    q.w = dense.get();
    q.w_rows = dense_rows.size() ? dense_rows.get() : nullptr;
    q.seg_val = seg_val.get();
    q.seg_row = seg_row.get();
    q.seg_width = width;
    q.rows = rows;
    q.cols = cols;
    q.stream_above = stream_above;
    return q;
  }
};

}  // namespace evsim::cuda
