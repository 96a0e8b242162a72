#pragma once
// Programmatic dependent launch (sm_90): a kernel launched with programmatic stream
// serialization is scheduled while its predecessor in the stream still runs; its blocks
// then wait in pdl_wait() until the predecessor has finished and its writes are visible.
// This hides the launch latency between the short dependent kernels of a step. Both
// device calls are no-ops for a kernel launched the ordinary way. Include from .cu files.
#include "backends/cuda/cuda_check.hpp"

namespace evsim::cuda {

// Let the next kernel in the stream launch now (it still waits for this one's completion
// before touching memory). Without it, a block triggers when it exits.
__device__ __forceinline__ void pdl_trigger() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
  asm volatile("griddepcontrol.launch_dependents;");
#endif
}

// Wait until the previous kernel in the stream has finished and its writes are visible.
__device__ __forceinline__ void pdl_wait() {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
  asm volatile("griddepcontrol.wait;" ::: "memory");
#endif
}

// kernel<<<grid, block, smem, stream>>>(args...), with programmatic serialization if `pdl`.
template <typename... Params, typename... Args>
void launch_kernel(void (*kernel)(Params...), dim3 grid, dim3 block, size_t smem, cudaStream_t stream, bool pdl,
                   Args&&... args) {
  cudaLaunchAttribute attr{};
  attr.id = cudaLaunchAttributeProgrammaticStreamSerialization;
  attr.val.programmaticStreamSerializationAllowed = 1;
  cudaLaunchConfig_t config{};
  config.gridDim = grid;
  config.blockDim = block;
  config.dynamicSmemBytes = smem;
  config.stream = stream;
  config.attrs = &attr;
  config.numAttrs = pdl ? 1 : 0;
  EVSIM_CUDA_CHECK(cudaLaunchKernelEx(&config, kernel, std::forward<Args>(args)...));
}

}  // namespace evsim::cuda
