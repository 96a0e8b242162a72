#include "backends/cuda/cost_model.hpp"

#include <algorithm>
#include <cmath>

namespace evsim::cuda {

double column_bytes(int rows, double density, bool pruned) { return pruned ? 8.0 * density * rows : 4.0 * rows; }

double predict_gather_s(const GpuProfile& p, int rows, double density, bool pruned, double active) {
  const double bytes = active * column_bytes(rows, density, pruned);
  return pruned ? p.pruned_overhead_s + bytes / p.pruned_bandwidth : p.distile_overhead_s + bytes / p.distile_bandwidth;
}

double predict_stream_s(const GpuProfile& p, int rows, int cols) {
  return p.stream_overhead_s + 4.0 * rows * cols / p.stream_bandwidth;
}

double predict_cublas_s(const GpuProfile& p, double dense_bytes) {
  return p.cublas_overhead_s + dense_bytes / p.cublas_bandwidth;
}

bool prefer_pruned(const GpuProfile& p, int rows, int cols, double density) {
  const double active = 0.1 * cols;
  return predict_gather_s(p, rows, density, true, active) < predict_gather_s(p, rows, density, false, active);
}

int stream_above(const GpuProfile& p, int rows, int cols, double density, bool pruned) {
  const double overhead = pruned ? p.pruned_overhead_s : p.distile_overhead_s;
  const double bandwidth = pruned ? p.pruned_bandwidth : p.distile_bandwidth;
  const double budget_s = predict_stream_s(p, rows, cols) - overhead;
  const double cols_fit = budget_s * bandwidth / column_bytes(rows, density, pruned);
  return static_cast<int>(std::clamp(std::floor(cols_fit), 0.0, double(cols)));
}

double equivalent_column_bytes(const GpuProfile& p, int rows, double density, bool pruned) {
  const double bytes = column_bytes(rows, density, pruned);
  return pruned ? bytes * p.distile_bandwidth / p.pruned_bandwidth : bytes;
}

double distile_budget_bytes(const GpuProfile& p, double dense_bytes) {
  return std::max(0.0, predict_cublas_s(p, dense_bytes) - p.distile_overhead_s) * p.distile_bandwidth;
}

int dense_fallback_above(const GpuProfile& p, int rows, int cols, double density) {
  const bool pruned = prefer_pruned(p, rows, cols, density);
  const double budget = distile_budget_bytes(p, 4.0 * rows * cols);
  return static_cast<int>(
      std::clamp(std::floor(budget / equivalent_column_bytes(p, rows, density, pruned)), 0.0, double(cols)));
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
