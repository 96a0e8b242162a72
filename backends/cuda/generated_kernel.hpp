#pragma once
// The kernels generated for one spiking graph (snn_codegen.hpp), compiled by NVRTC for the
// current device and loaded as a CUDA library. Engines of the same graph share one compile
// (0.2-1.2 s): in the process, keyed by the source and the device's compute capability, and
// between processes through the on-disk cache (kernel_cache.hpp).
#include <cuda_runtime.h>

#include <memory>
#include <string>

#include "backends/cuda/snn_codegen.hpp"

namespace evsim::cuda {

class GeneratedSnnKernel {
 public:
  static std::shared_ptr<const GeneratedSnnKernel> get(const std::string& source);
  // One warp per sample: a.batch blocks of 32 threads.
  void launch(const GenArgs& a, bool counted, cudaStream_t stream) const;

  cudaKernel_t plain = nullptr, counted = nullptr;
  cudaLibrary_t library = nullptr;
};

}  // namespace evsim::cuda
