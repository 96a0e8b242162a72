#pragma once
// The PolyKernel cost model: which DISTile variant (or cuBLAS) a projection step should use.
// Each path costs a fixed per-step overhead plus the bytes it must read over its effective
// bandwidth. The constants come from a per-GPU profile that `evsim calibrate` measures and
// stores as JSON; the defaults were measured on an H200 (docs/results/h200_v4_*).
#include <string>

namespace evsim::cuda {

struct GpuProfile {
  std::string device = "default (H200, DISTile v4)";
  double distile_overhead_s = 7.8e-6;  // a DISTile step with (almost) no active column
  double distile_bandwidth = 1.84e12;  // bytes/s of active weight columns read by DISTile
  double cublas_overhead_s = 2.5e-6;   // a cuBLAS GEMV of a small matrix
  double cublas_bandwidth = 4.5e12;    // bytes/s of a cuBLAS GEMV over a large matrix
  double pruned_overhead = 11.0;       // PrunedColumns: cost per byte relative to dense columns
  int min_cols_per_split = 8;          // active columns per block before another split pays
  int max_splits = 32;                 // most blocks along the active-column list
  bool pdl = false;                    // programmatic dependent launch between DISTile steps
  bool cublas_fallback = true;         // let DISTile phases fall back to cuBLAS on the device
};

// Bytes DISTile reads per active column (all rows, or the non-zeros with their row index),
// and cuBLAS's predicted time for a step over `dense_bytes` of whole matrices.
double column_bytes(int rows, double density, bool pruned);
double predict_cublas_s(const GpuProfile& p, double dense_bytes);
// PrunedColumns when its bytes, weighted by its measured cost per byte, beat dense columns.
bool prefer_pruned(const GpuProfile& p, double density);
// DISTile bytes (dense-column equivalent) below which DISTile is predicted faster than
// cuBLAS reading `dense_bytes` of whole matrices in the same step.
double distile_budget_bytes(const GpuProfile& p, double dense_bytes);
// Active columns of one rows x cols projection above which cuBLAS is predicted faster.
int dense_fallback_above(const GpuProfile& p, int rows, int cols, double density);

// Fit of `evsim calibrate`: time = overhead + bytes / bandwidth, least squares over samples.
struct LinearFit {
  double overhead_s = 0, bandwidth = 0;
};
LinearFit fit_time_vs_bytes(const double* bytes, const double* seconds, int n);

}  // namespace evsim::cuda
