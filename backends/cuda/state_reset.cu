#include <algorithm>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/state_reset.cuh"

namespace evsim::cuda {
namespace {

__global__ void reset_kernel(const ResetItem* items) {
  const ResetItem it = items[blockIdx.y];
  for (size_t i = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x; i < it.n;
       i += static_cast<size_t>(gridDim.x) * blockDim.x)
    it.dst[i] = it.src ? it.src[i] : 0.0f;
}

}  // namespace

void reset_buffers(const ResetItem* items, int count, size_t largest, cudaStream_t stream) {
  if (count == 0) return;
  constexpr unsigned kThreads = 256;
  const auto wide = static_cast<unsigned>(std::min<size_t>((largest + kThreads - 1) / kThreads, 1024));
  reset_kernel<<<dim3(std::max(wide, 1u), static_cast<unsigned>(count)), kThreads, 0, stream>>>(items);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
