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
  double cublas_s = 0, cusparse_s = 0;  // per step
  // DISTile as the engine runs it under the profile: the producer's list of active columns, the column
  // format the cost model picks, streaming past its crossover, PDL if the profile says so;
  // or cuBLAS when the profile's cuBLAS fallback selects it.
  double distile_s = 0;
  bool pruned_chosen = false, streamed = false, cublas_selected = false;
  // Variants: bitmask derived from x in the kernel, each format; given bitmask, dense
  // columns, without and with PDL; pruned columns with PDL; given list (PDL as profiled),
  // each format; streaming every column.
  double distile_dense_s = 0, distile_pruned_s = 0;
  double distile_given_mask_s = 0, distile_pdl_s = 0, pruned_pdl_s = 0, stream_s = 0;
  double list_dense_s = 0, list_pruned_s = 0;
  double launch_floor_s = 0;                      // an empty kernel per step: the launch cost
  double dense_floor_s = 0, distile_floor_s = 0;  // bytes that must move / copy bandwidth
  int64_t active_units = 0;
  int input_sets = 0;      // independent input patterns the timed steps rotated over
  int pruned_width = 0;    // entries per pruned segment (bytes of a pruned column: 6 x width x row blocks)
  double max_rel_err = 0;  // DISTile variants vs cuBLAS output
};

// Device-to-device copy bandwidth (bytes read + written per second), measured once.
double copy_bandwidth();

// Weights (3H x H, pruned per column to `density`) are built and uploaded once; each
// run() draws inputs with exactly round(activity * H) active units per sample, in
// `input_sets` patterns (0: enough that replaying them does not time the L2, input_rotation.hpp).
class ProjectionBench {
 public:
  ProjectionBench(int64_t hidden, double density, uint64_t seed, const GpuProfile& profile = {});
  ~ProjectionBench();
  GpuBenchResult run(int64_t batch, double activity, int repeats, int input_sets = 0);

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace evsim::cuda
