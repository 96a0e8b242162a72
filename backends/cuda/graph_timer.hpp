#pragma once
// Seconds one replay of an instantiated CUDA graph takes, measured with CUDA events around
// the launch on `stream` (blocks until the replay finished). Include from .cu files only.
#include "backends/cuda/cuda_check.hpp"

namespace evsim::cuda {

inline double time_graph_replay(cudaGraphExec_t exec, cudaStream_t stream) {
  cudaEvent_t a, b;
  EVSIM_CUDA_CHECK(cudaEventCreate(&a));
  EVSIM_CUDA_CHECK(cudaEventCreate(&b));
  EVSIM_CUDA_CHECK(cudaEventRecord(a, stream));
  EVSIM_CUDA_CHECK(cudaGraphLaunch(exec, stream));
  EVSIM_CUDA_CHECK(cudaEventRecord(b, stream));
  EVSIM_CUDA_CHECK(cudaEventSynchronize(b));
  float ms = 0;
  EVSIM_CUDA_CHECK(cudaEventElapsedTime(&ms, a, b));
  cudaEventDestroy(a);
  cudaEventDestroy(b);
  return ms * 1e-3;
}

}  // namespace evsim::cuda
