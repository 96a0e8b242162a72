#pragma once
// Past inputs on the GPU for the nodes that read them later: a projection whose synapses have
// their own delays (network/delayed_projection.hpp) and NIR Delay (network/delay_op.hpp).
// A ring of max delay + 1 slots, each one step's input (batch x units), indexed by the step
// since the run began. A chunk of steps is one CUDA graph replayed many times, so the step
// is not a constant of the graph: a device counter (the steps of earlier replays, advanced
// once at the end of each replay) plus the step within the chunk. A slot read for a step
// before the run began holds nothing (the CPU's "nothing sent that long ago"). Include from
// .cu files only.
#include <cuda_runtime.h>

#include <cstddef>

namespace evsim::cuda {

struct RingView {
  float* base = nullptr;  // depth slots of `slot` floats
  size_t slot = 0;
  int depth = 0;
  const long long* clock = nullptr;  // steps of the earlier replays since the reset
};

// The slot holding the input of step `t - delay` of this replay; null before the run began.
__device__ inline float* ring_slot(const RingView& r, int t, int delay) {
  const long long step = *r.clock + t - delay;
  return step < 0 ? nullptr : r.base + static_cast<size_t>(step % r.depth) * r.slot;
}

// Step t's input x (r.slot floats) into its slot.
void ring_store(const RingView& r, int t, const float* x, cudaStream_t stream);
// The input `delay` steps before step t into dst (zeros before the run began).
void ring_fetch(const RingView& r, int t, int delay, float* dst, cudaStream_t stream);
// NIR Delay: y(i, b) = x_{t - delay_i}(i, b) over n units x batch (r.slot = n x batch).
void ring_unit_delays(const RingView& r, int t, const int* delay, int n, float* y, cudaStream_t stream);
// After a replay of `steps` steps.
void advance_clock(long long* clock, int steps, cudaStream_t stream);

}  // namespace evsim::cuda
