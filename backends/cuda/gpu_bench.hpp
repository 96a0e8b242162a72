#pragma once
// `evsim bench --backend cuda`: time per step of one EGRU gate projection (3H x H) on the
// GPU for cuBLAS (dense), cuSPARSE (CSR of the pruned weights, dense input) and DISTile,
// with CUDA events around CUDA-graph replays after warm-up (median), plus the bandwidth
// floor of what each must read. Host-only header.
#include <cstdint>
#include <memory>

#include "backends/cuda/cost_model.hpp"

namespace evsim::cuda {

struct GpuBenchResult {
  double cublas_s = 0, cusparse_s = 0;               // per step
  double distile_dense_s = 0, distile_pruned_s = 0;  // DISTile with each column format
  double distile_given_mask_s = 0;                   // dense columns, bitmask from the producer
  double distile_pdl_s = 0;                          // the same with programmatic dependent launch
  double launch_floor_s = 0;                         // an empty kernel per step: the launch cost
  double distile_s = 0;                              // the format the cost model picks
  bool pruned_chosen = false;
  // PolyKernel: what the selector runs for this step (DISTile or the cuBLAS fallback), as
  // the engine's producer decides it from the active columns and the profile.
  double selected_s = 0;
  bool cublas_selected = false;
  double dense_floor_s = 0, distile_floor_s = 0;  // bytes that must move / copy bandwidth
  int64_t active_units = 0;
  double max_rel_err = 0;  // DISTile vs cuBLAS output
};

// Device-to-device copy bandwidth (bytes read + written per second), measured once.
double copy_bandwidth();

// Weights (3H x H, pruned per column to `density`) are built and uploaded once; each
// run() draws inputs with exactly round(activity * H) active units per sample.
class ProjectionBench {
 public:
  ProjectionBench(int64_t hidden, double density, uint64_t seed, const GpuProfile& profile = {});
  ~ProjectionBench();
  GpuBenchResult run(int64_t batch, double activity, int repeats);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace evsim::cuda
