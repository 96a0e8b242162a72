#pragma once
// The counting kernel behind backends/cuda/port_count.hpp. Include from .cu files.
#include <cuda_runtime.h>

#include "backends/cuda/port_count.hpp"

namespace evsim::cuda {

// Adds step t's counts to slots[t], t < steps; x_t = x + t * step_stride holds cols x batch
// values (sample b at b * cols). fanout: non-zero weights per column (null: no pairs).
void count_inputs(const float* x, size_t step_stride, int steps, int cols, int batch, const uint32_t* fanout,
                  CountSlot* slots, cudaStream_t stream);

}  // namespace evsim::cuda
