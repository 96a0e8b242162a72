#pragma once
// One EGRU gate projection (3H x H) per step on the GPU: cuBLAS (dense), cuSPARSE (CSR of the
// pruned weights, dense input) and DISTile as the engine runs it (its weights, format and
// stream-or-gather choice are the engine's own DeviceWeights), with variants side by side;
// CUDA events around CUDA-graph replays after warm-up. Host-only header.
#include <cstdint>
#include <string>

#include "backends/cuda/cost_model.hpp"
#include "core/stats.hpp"

namespace evsim::cuda {

struct GpuBenchResult {
  Spread cublas_s, cusparse_s;  // per step
  // DISTile as the engine runs it under the profile: the producer's list of active columns, the
  // column format and the stream-or-gather choice of the engine's weights, PDL as profiled; or
  // cuBLAS where the engine takes GEMMs (a batch of gemm_batch_from or more).
  Spread distile_s;
  bool pruned_chosen = false, streamed = false, cublas_selected = false;
  // Variants: bitmask derived from x in the kernel, each format; given bitmask, dense columns,
  // without and with PDL; pruned columns with PDL; given list (PDL as profiled), each format;
  // streaming every column; an empty kernel per step (the launch cost).
  Spread distile_dense_s, distile_pruned_s, distile_given_mask_s, distile_pdl_s, pruned_pdl_s, stream_s;
  Spread list_dense_s, list_pruned_s, launch_floor_s;
  double dense_bytes = 0, distile_bytes = 0;  // weight bytes cuBLAS and the engine's path read per step
  uint64_t dense_macs = 0, effective_macs = 0;
  int64_t active_units = 0;
  int input_sets = 0;      // independent input patterns the timed steps rotated over
  int pruned_width = 0;    // entries per pruned segment
  double max_rel_err = 0;  // DISTile variants vs cuBLAS output
};

// Weights (3H x H, pruned per column to `density`) are built and uploaded once; each run()
// draws inputs with exactly round(activity * H) active units per sample, in `input_sets`
// patterns (0: enough that replaying them does not time the L2, input_rotation.hpp).
class ProjectionBench {
 public:
  ProjectionBench(int64_t hidden, double density, uint64_t seed, const GpuProfile& profile = {});
  ~ProjectionBench();
  GpuBenchResult run(int64_t batch, double activity, int repeats, int input_sets = 0);

 private:
  struct Impl;
  Impl* impl_;
};

// The device's best measured bandwidth (bytes moved per second) and what showed it: a 2 GiB
// device-to-device cudaMemcpy, a copy kernel (both read + write) and a read-only streaming
// kernel, each the median of 5 after a warm-up. Measured once per process.
struct Bandwidth {
  double memcpy = 0, copy_kernel = 0, read_kernel = 0;
  double best() const;
  std::string describe() const;  // "3.9 TB/s (read-only kernel, 2 GiB); memcpy 4.1 ..."
};
const Bandwidth& device_bandwidth();

}  // namespace evsim::cuda
