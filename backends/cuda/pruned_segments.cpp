#include "backends/cuda/pruned_segments.hpp"

#include <algorithm>

#include "backends/cuda/cost_model.hpp"

namespace evsim::cuda {

int PrunedSegments::width_of(const float* w, int rows, int cols) {
  int width = 0;
  for (int c = 0; c < cols; ++c)
    for (int r0 = 0; r0 < rows; r0 += kDistileRowsPerBlock) {
      const float* seg = w + static_cast<size_t>(c) * rows + r0;
      const int n = static_cast<int>(
          std::count_if(seg, seg + std::min(kDistileRowsPerBlock, rows - r0), [](float v) { return v != 0.0f; }));
      width = std::max(width, n);
    }
  return width;
}

PrunedSegments PrunedSegments::from_column_major(const float* w, int rows, int cols) {
  PrunedSegments s;
  s.rows = rows;
  s.cols = cols;
  s.width = width_of(w, rows, cols);
  const int nrb = row_blocks(rows);
  auto entry = [&](int c, int r) { return w[static_cast<size_t>(c) * rows + r]; };
  const size_t entries = static_cast<size_t>(cols) * nrb * s.width;
  s.val.assign(std::max<size_t>(entries, 1), 0.0f);
  s.row.assign(std::max<size_t>(entries, 1), 0);
  for (int c = 0; c < cols; ++c)
    for (int rb = 0; rb < nrb; ++rb) {
      size_t at = (static_cast<size_t>(c) * nrb + rb) * s.width;
      for (int r = rb * kDistileRowsPerBlock; r < std::min(rows, (rb + 1) * kDistileRowsPerBlock); ++r)
        if (entry(c, r) != 0.0f) {
          s.val[at] = entry(c, r);
          s.row[at++] = static_cast<uint16_t>(r - rb * kDistileRowsPerBlock);
        }
    }
  return s;
}

}  // namespace evsim::cuda
