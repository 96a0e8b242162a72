#pragma once
// The counting kernel behind backends/cuda/port_count.hpp. Include from .cu files.
#include <cuda_runtime.h>

#include "backends/cuda/delay_ring.cuh"
#include "backends/cuda/port_count.hpp"

namespace evsim::cuda {

// Adds step t's counts to slots[t], t < steps; x_t = x + t * step_stride holds cols x batch
// values (sample b at b * cols). fanout: non-zero weights per column (null: no pairs).
void count_inputs(const float* x, size_t step_stride, int steps, int cols, int batch, const uint32_t* fanout,
                  CountSlot* slots, cudaStream_t stream);

// A projection with per-synapse delays (the CPU's DelayLine counts): the events arriving at a
// step (their non-zero count only), and per delay the pairs its synapses reach at step t from
// the inputs `delay` steps back in the ring, with whether any of those was non-binary.
void count_arrivals(const float* x, int cols, int batch, CountSlot* slot, cudaStream_t stream);
void count_delayed_pairs(const RingView& ring, int t, int delay, int cols, int batch, const uint32_t* fanout,
                         CountSlot* slot, cudaStream_t stream);

}  // namespace evsim::cuda
