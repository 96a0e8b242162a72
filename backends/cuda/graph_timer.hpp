#pragma once
// Seconds one replay of an instantiated CUDA graph takes, measured with CUDA events around
// the launch on `stream` (blocks until the replay finished). Include from .cu files only.
#include <vector>

#include "backends/cuda/cuda_check.hpp"
#include "core/timer.hpp"

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

// Median of replay() over `timing_repeats` replays after one warm-up replay (with 0 repeats:
// the single replay's time).
template <typename Replay>
double median_of_replays(int timing_repeats, Replay replay) {
  std::vector<double> times;
  for (int r = 0; r <= timing_repeats; ++r) {
    const double t = replay();
    if (r > 0 || timing_repeats == 0) times.push_back(t);
  }
  return median(times);
}

}  // namespace evsim::cuda
