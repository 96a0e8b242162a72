#pragma once
// CUDA source compiled at run time (NVRTC: no GPU needed, so CI compiles the generated kernels
// too). The source may include the device headers that the generated kernels share with the
// compiled ones (neuron_update.cuh and what it includes): copies of them are embedded at build
// time, so the compiled and the generated kernels run the same update.
#include <string>
#include <vector>

namespace evsim::cuda {

// A cubin for compute capability `arch` (e.g. 90); throws Error with NVRTC's log on failure.
std::vector<char> compile_cuda(const std::string& source, const std::string& name, int arch);

// Everything compile_cuda's result depends on (NVRTC's version, the target and options, the
// embedded headers, the source): the key of its on-disk cache (kernel_cache.hpp).
std::string compile_key(const std::string& source, int arch);

}  // namespace evsim::cuda
