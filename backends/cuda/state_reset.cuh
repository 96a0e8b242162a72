#pragma once
// A run's start in one launch: every state buffer of the engine zeroed or set to its initial
// values (constant sources, v0, i0), instead of a memset or copy per buffer, each an API call
// and a GPU operation of its own. Include from .cu files only.
#include <cuda_runtime.h>

#include <cstddef>

namespace evsim::cuda {

struct ResetItem {
  float* dst = nullptr;
  const float* src = nullptr;  // n values to copy; null: zeros
  size_t n = 0;
};

// items: a device array of `count`; `largest` is the largest n (the grid's width).
void reset_buffers(const ResetItem* items, int count, size_t largest, cudaStream_t stream);

}  // namespace evsim::cuda
