#pragma once
// The PolyKernel cost model: which DISTile variant (or cuBLAS) a projection step should use,
// from bytes over measured bandwidth plus a fixed per-launch cost. Its constants come from a
// per-GPU profile that `evsim calibrate` measures (defaults: an H100 SXM, measured once).
#include <string>

namespace evsim::cuda {

struct GpuProfile {
  std::string device = "default";
  double bandwidth = 2.4e12;            // bytes/s (copy: read + write)
  double step_overhead_s = 2.5e-6;      // a DISTile step with no active column
  double pruned_overhead = 2.0;         // PrunedColumns: cost per byte relative to dense columns (atomics)
  int min_cols_per_split = 8;           // active columns per block before another split pays
  double cublas_efficiency = 0.85;      // cuBLAS GEMV bandwidth relative to `bandwidth`
};

// Bytes DISTile reads per active column and the predicted step time for `active` columns.
double column_bytes(int rows, double density, bool pruned);
double predict_distile_s(const GpuProfile& p, int rows, double density, bool pruned, double active);
double predict_cublas_s(const GpuProfile& p, int rows, int cols);
// PrunedColumns when its bytes (8 per non-zero) weighted by its overhead beat dense columns.
bool prefer_pruned(const GpuProfile& p, double density);
// Active columns above which the dense cuBLAS product is predicted faster.
int dense_fallback_above(const GpuProfile& p, int rows, int cols, double density);

}  // namespace evsim::cuda
