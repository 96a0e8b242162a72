#pragma once
// PoissonSource on the GPU (network/source_op.hpp): the same counter-based uniform per unit,
// step and sample as the CPU (core/run_seed.hpp, the same code compiled for the device) and the
// same inverse transform through the same double-precision tables, so the spike counts equal
// the CPU's for a given seed. Include from .cu files only.
#include <cuda_runtime.h>

#include <cstdint>

#include "backends/cuda/delay_ring.cuh"

namespace evsim::cuda {

struct PoissonDev {
  const double* cdf = nullptr;  // the tables, concatenated
  const int* start = nullptr;   // per unit: its table's first entry and length
  const int* length = nullptr;
  int n = 0;
  uint64_t seed = 0, stream = 0;
  const long long* clock = nullptr;  // steps of the earlier replays (delay_ring.cuh)
};

// Step t of the replay: y (n x batch) = the counts drawn.
void poisson_draw(const PoissonDev& p, int t, int batch, float* y, cudaStream_t stream);

}  // namespace evsim::cuda
