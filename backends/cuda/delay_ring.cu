#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/delay_ring.cuh"

namespace evsim::cuda {
namespace {

constexpr int kThreads = 256;

unsigned blocks_for(size_t n) { return static_cast<unsigned>((n + kThreads - 1) / kThreads); }

__global__ void store_kernel(const RingView r, int t, const float* __restrict__ x) {
  const size_t i = static_cast<size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < r.slot) ring_slot(r, t, 0)[i] = x[i];
}

__global__ void fetch_kernel(const RingView r, int t, int delay, float* __restrict__ dst) {
  const size_t i = static_cast<size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= r.slot) return;
  const float* src = ring_slot(r, t, delay);
  dst[i] = src ? src[i] : 0.0f;
}

__global__ void unit_delay_kernel(const RingView r, int t, const int* __restrict__ delay, int n,
                                  float* __restrict__ y) {
  const size_t i = static_cast<size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= r.slot) return;
  const float* src = ring_slot(r, t, delay[i % static_cast<size_t>(n)]);
  y[i] = src ? src[i] : 0.0f;
}

__global__ void advance_kernel(long long* clock, int steps) { *clock += steps; }

}  // namespace

void ring_store(const RingView& r, int t, const float* x, cudaStream_t stream) {
  store_kernel<<<blocks_for(r.slot), kThreads, 0, stream>>>(r, t, x);
  EVSIM_KERNEL_CHECK();
}

void ring_fetch(const RingView& r, int t, int delay, float* dst, cudaStream_t stream) {
  fetch_kernel<<<blocks_for(r.slot), kThreads, 0, stream>>>(r, t, delay, dst);
  EVSIM_KERNEL_CHECK();
}

void ring_unit_delays(const RingView& r, int t, const int* delay, int n, float* y, cudaStream_t stream) {
  unit_delay_kernel<<<blocks_for(r.slot), kThreads, 0, stream>>>(r, t, delay, n, y);
  EVSIM_KERNEL_CHECK();
}

void advance_clock(long long* clock, int steps, cudaStream_t stream) {
  advance_kernel<<<1, 1, 0, stream>>>(clock, steps);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
