#pragma once
// The PolyKernel cost model: which DISTile variant (or cuBLAS) a projection step should use.
// Each path costs a fixed per-step overhead plus the bytes it must read over its effective
// bandwidth. The constants come from a per-GPU profile that `evsim calibrate` measures and
// stores as JSON; the defaults were measured on an H200 with DISTile v11 and inputs rotated
// past the L2 (docs/results/h200_v11_gpu_profile.json).
#include <cstdint>
#include <string>

namespace evsim::cuda {

struct GpuProfile {
  std::string device = "default (H200, DISTile v11)";
  double distile_overhead_s = 1.64e-6;  // gathering dense columns: a step with (almost) no active column
  double distile_bandwidth = 5.20e12;   // bytes/s of active weight columns gathered (hidden 1024 sits in L2)
  double pruned_overhead_s = 3.11e-6;   // gathering pruned columns (segments)
  double pruned_bandwidth = 0.767e12;   // bytes/s of segment entries (value + 16-bit row)
  double stream_overhead_s = 4.39e-6;   // streaming every row (the in-kernel dense fallback)
  double stream_bandwidth = 4.83e12;
  double cublas_overhead_s = 1.22e-6;  // a cuBLAS GEMV (fit over sizes: the intercept)
  double cublas_bandwidth = 4.07e12;   // bytes/s of a cuBLAS GEMV
  int range_cols = 64;                 // DISTile: columns per block (a multiple of 32)...
  int max_ranges = 32;                 // ...widened to keep at most this many ranges per projection
  int stream_unroll = 16;              // 16-byte loads in flight per thread when streaming (8 or 16)
  // Batches of this many samples or more take cuBLAS GEMMs for their projections in event
  // mode too: with many samples per weight a step is a GEMM (the union of the samples' events
  // is nearly dense), which no column gather beats (H100, hidden 2048, batch 64: SGEMM 45.6 us,
  // DISTile 269 us at 10 % activity).
  int gemm_batch_from = 16;
  bool pdl = true;  // programmatic dependent launch between the kernels of a step
};

// Event mode runs a batch's projections as cuBLAS GEMMs (p.gemm_batch_from or more samples).
inline bool takes_gemms(const GpuProfile& p, int64_t batch) { return batch >= p.gemm_batch_from; }

// DISTile's row block (a block of 128 threads, 4 rows each): pruned columns are stored per
// column and row block (backends/cuda/pruned_segments.hpp).
constexpr int kDistileRowsPerBlock = 512;
// The widest projection DISTile's dense columns take (host code sizes the GPU paths by it too).
constexpr int kMaxDistileCols = 8192;
int row_blocks(int rows);
// Entries per (column, row block) segment expected for weights pruned to `density`: the
// fullest of the segments (binomial mean + 4 standard deviations), for predictions made
// without the matrix; with the matrix, PrunedSegments::width.
int pruned_width_estimate(int rows, double density);
// Bytes read per active column: all rows, or its row segments of `width` (value, row) entries.
double column_bytes(int rows, bool pruned, int width);
// Predicted step times of one rows x cols projection with `active` active columns.
double predict_gather_s(const GpuProfile& p, int rows, bool pruned, int width, double active);
double predict_stream_s(const GpuProfile& p, int rows, int cols);
double predict_cublas_s(const GpuProfile& p, double dense_bytes);
// Pruned columns (segments of `width`) when predicted faster than dense columns at 10 % activity.
bool prefer_pruned(const GpuProfile& p, int rows, int cols, int width);
// Active columns above which streaming every column is predicted faster than gathering
// (DistileProblem::stream_above); `cols` when it never is.
int stream_above(const GpuProfile& p, int rows, int cols, bool pruned, int width);
// Fit of `evsim calibrate`: time = overhead + bytes / bandwidth, least squares over samples.
struct LinearFit {
  double overhead_s = 0, bandwidth = 0;
};
LinearFit fit_time_vs_bytes(const double* bytes, const double* seconds, int n);

}  // namespace evsim::cuda
