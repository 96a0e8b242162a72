#include "backends/cuda/cost_model.hpp"

#include <algorithm>
#include <cmath>

namespace evsim::cuda {

int row_blocks(int rows) { return (rows + kDistileRowsPerBlock - 1) / kDistileRowsPerBlock; }

int pruned_width_estimate(int rows, double density) {
  const double n = std::min(rows, kDistileRowsPerBlock), d = std::clamp(density, 0.0, 1.0);
  return static_cast<int>(std::min(n, std::ceil(n * d + 4.0 * std::sqrt(n * d * (1.0 - d)))));
}

// A pruned entry: a float value and a 16-bit row within the block.
double column_bytes(int rows, bool pruned, int width) { return pruned ? 6.0 * width * row_blocks(rows) : 4.0 * rows; }

double predict_gather_s(const GpuProfile& p, int rows, bool pruned, int width, double active) {
  const double bytes = active * column_bytes(rows, pruned, width);
  return pruned ? p.pruned_overhead_s + bytes / p.pruned_bandwidth : p.distile_overhead_s + bytes / p.distile_bandwidth;
}

double predict_stream_s(const GpuProfile& p, int rows, int cols) {
  return p.stream_overhead_s + 4.0 * rows * cols / p.stream_bandwidth;
}

double predict_cublas_s(const GpuProfile& p, double dense_bytes) {
  return p.cublas_overhead_s + dense_bytes / p.cublas_bandwidth;
}

bool prefer_pruned(const GpuProfile& p, int rows, int cols, int width) {
  const double active = 0.1 * cols;
  return predict_gather_s(p, rows, true, width, active) < predict_gather_s(p, rows, false, width, active);
}

int stream_above(const GpuProfile& p, int rows, int cols, bool pruned, int width) {
  const double overhead = pruned ? p.pruned_overhead_s : p.distile_overhead_s;
  const double bandwidth = pruned ? p.pruned_bandwidth : p.distile_bandwidth;
  const double budget_s = predict_stream_s(p, rows, cols) - overhead;
  const double cols_fit = budget_s * bandwidth / column_bytes(rows, pruned, width);
  return static_cast<int>(std::clamp(std::floor(cols_fit), 0.0, double(cols)));
}

LinearFit fit_time_vs_bytes(const double* bytes, const double* seconds, int n) {
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (int i = 0; i < n; ++i) {
    sx += bytes[i];
    sy += seconds[i];
    sxx += bytes[i] * bytes[i];
    sxy += bytes[i] * seconds[i];
  }
  const double den = n * sxx - sx * sx;
  LinearFit f;
  if (n < 2 || den <= 0) return f;
  const double slope = (n * sxy - sx * sy) / den;
  f.overhead_s = std::max(0.0, (sy - slope * sx) / n);
  f.bandwidth = slope > 0 ? 1.0 / slope : 0.0;
  return f;
}

}  // namespace evsim::cuda
