#include <algorithm>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/op_count.hpp"

namespace evsim::cuda {
namespace {

constexpr int kThreads = 256;

// One thread per column and step: its samples' non-zero values; warp sums, one atomic per warp.
__global__ void count_kernel(const float* __restrict__ x, size_t step_stride, int cols, int batch,
                             const uint32_t* __restrict__ fanout, CountSlot* slots) {
  const int j = blockIdx.x * blockDim.x + threadIdx.x;
  const float* xt = x + blockIdx.y * step_stride;
  unsigned long long nz = 0;
  bool nonbinary = false;
  if (j < cols)
    for (int b = 0; b < batch; ++b) {
      const float v = xt[static_cast<size_t>(b) * cols + j];
      if (v != 0.0f) {
        ++nz;
        nonbinary |= v != 1.0f && v != -1.0f;
      }
    }
  unsigned long long pairs = fanout && j < cols ? nz * fanout[j] : 0ull;
  unsigned int active = nz > 0;
  for (int off = 16; off > 0; off /= 2) {
    nz += __shfl_down_sync(0xffffffffu, nz, off);
    pairs += __shfl_down_sync(0xffffffffu, pairs, off);
    active += __shfl_down_sync(0xffffffffu, active, off);
  }
  const bool any_nonbinary = __any_sync(0xffffffffu, nonbinary);
  if ((threadIdx.x & 31) != 0) return;
  CountSlot& s = slots[blockIdx.y];
  if (nz) {
    atomicAdd(&s.nonzero, nz);
    atomicAdd(&s.pairs, pairs);
    atomicAdd(&s.active, active);
  }
  if (any_nonbinary) atomicOr(&s.nonbinary, 1u);
}

}  // namespace

void count_inputs(const float* x, size_t step_stride, int steps, int cols, int batch, const uint32_t* fanout,
                  CountSlot* slots, cudaStream_t stream) {
  constexpr int kMaxGridY = 65535;
  const unsigned blocks = static_cast<unsigned>((cols + kThreads - 1) / kThreads);
  for (int t0 = 0; t0 < steps; t0 += kMaxGridY) {
    const int n = std::min(kMaxGridY, steps - t0);
    count_kernel<<<dim3(blocks, static_cast<unsigned>(n)), kThreads, 0, stream>>>(x + t0 * step_stride, step_stride,
                                                                                  cols, batch, fanout, slots + t0);
    EVSIM_KERNEL_CHECK();
  }
}

}  // namespace evsim::cuda
