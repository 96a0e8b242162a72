#pragma once
// Page-locked host memory (cudaMallocHost) for the small transfers every run makes (its input,
// outputs and counts): copies from and to it are asynchronous on the engine's stream and skip
// the driver's staging copy, so a short run is not dominated by synchronous pageable copies.
// Its length is that of the device buffer it stages; empty (null) where there is none.
#include <cstddef>
#include <memory>

#include "backends/cuda/cuda_check.hpp"

namespace evsim::cuda {

struct PinnedFree {
  void operator()(void* p) const { cudaFreeHost(p); }
};

template <typename T>
using PinnedBuffer = std::unique_ptr<T[], PinnedFree>;

template <typename T>
PinnedBuffer<T> make_pinned(size_t n) {
  void* p = nullptr;
  if (n) EVSIM_CUDA_CHECK(cudaMallocHost(&p, n * sizeof(T)));
  return PinnedBuffer<T>(static_cast<T*>(p));
}

}  // namespace evsim::cuda
