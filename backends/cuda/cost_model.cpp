#include "backends/cuda/cost_model.hpp"

#include <algorithm>
#include <cmath>

namespace evsim::cuda {

double column_bytes(int rows, double density, bool pruned) { return pruned ? 8.0 * density * rows : 4.0 * rows; }

double predict_cublas_s(const GpuProfile& p, double dense_bytes) {
  return p.cublas_overhead_s + dense_bytes / p.cublas_bandwidth;
}

bool prefer_pruned(const GpuProfile& p, double density) {
  return column_bytes(1, density, true) * p.pruned_overhead < column_bytes(1, density, false);
}

double distile_budget_bytes(const GpuProfile& p, double dense_bytes) {
  return std::max(0.0, predict_cublas_s(p, dense_bytes) - p.distile_overhead_s) * p.distile_bandwidth;
}

int dense_fallback_above(const GpuProfile& p, int rows, int cols, double density) {
  const bool pruned = prefer_pruned(p, density);
  const double per_col = column_bytes(rows, density, pruned) * (pruned ? p.pruned_overhead : 1.0);
  const double budget = distile_budget_bytes(p, 4.0 * rows * cols);
  return static_cast<int>(std::clamp(std::floor(budget / per_col), 0.0, double(cols)));
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
