#include "backends/cuda/cost_model.hpp"

#include <algorithm>
#include <cmath>

namespace evsim::cuda {

double column_bytes(int rows, double density, bool pruned) {
  return pruned ? 8.0 * density * rows : 4.0 * rows;
}

double predict_distile_s(const GpuProfile& p, int rows, double density, bool pruned, double active) {
  const double per_byte = (pruned ? p.pruned_overhead : 1.0) / p.bandwidth;
  return p.step_overhead_s + active * column_bytes(rows, density, pruned) * per_byte;
}

double predict_cublas_s(const GpuProfile& p, int rows, int cols) {
  return p.step_overhead_s + 4.0 * rows * cols / (p.bandwidth * p.cublas_efficiency);
}

bool prefer_pruned(const GpuProfile& p, double density) {
  return column_bytes(1, density, true) * p.pruned_overhead < column_bytes(1, density, false);
}

int dense_fallback_above(const GpuProfile& p, int rows, int cols, double density) {
  const bool pruned = prefer_pruned(p, density);
  const double per_col = predict_distile_s(p, rows, density, pruned, 1) - p.step_overhead_s;
  const double budget = predict_cublas_s(p, rows, cols) - p.step_overhead_s;
  return static_cast<int>(std::clamp(std::floor(budget / per_col), 0.0, double(cols)));
}

}  // namespace evsim::cuda
