#pragma once
// Page-locked host memory (cudaMallocHost) for the small transfers every run makes (its input,
// outputs and counts): copies from and to it are asynchronous on the engine's stream and skip
// the driver's staging copy, so a short run is not dominated by synchronous pageable copies.
#include <cstddef>
#include <utility>

#include "backends/cuda/cuda_check.hpp"

namespace evsim::cuda {

template <typename T>
class PinnedBuffer {
 public:
  PinnedBuffer() = default;
  explicit PinnedBuffer(size_t n) : n_(n) {
    if (n) EVSIM_CUDA_CHECK(cudaMallocHost(&p_, n * sizeof(T)));
  }
  PinnedBuffer(PinnedBuffer&& o) noexcept : p_(std::exchange(o.p_, nullptr)), n_(std::exchange(o.n_, 0)) {}
  PinnedBuffer& operator=(PinnedBuffer&& o) noexcept {
    std::swap(p_, o.p_);
    std::swap(n_, o.n_);
    return *this;
  }
  PinnedBuffer(const PinnedBuffer&) = delete;
  PinnedBuffer& operator=(const PinnedBuffer&) = delete;
  ~PinnedBuffer() {
    if (p_) cudaFreeHost(p_);
  }

  T* get() const { return p_; }
  size_t size() const { return n_; }

 private:
  T* p_ = nullptr;
  size_t n_ = 0;
};

}  // namespace evsim::cuda
