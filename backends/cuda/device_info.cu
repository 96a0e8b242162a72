#include <cuda_runtime.h>

#include "backends/cuda/device_info.hpp"
#include "core/error.hpp"

namespace evsim::cuda {

int device_count() {
  int n = 0;
  if (cudaGetDeviceCount(&n) != cudaSuccess) {
    cudaGetLastError();  // clear the sticky "no driver" error
    return 0;
  }
  return n;
}

std::string describe_device(int device) {
  if (device < 0 || device >= device_count()) return {};
  cudaDeviceProp p{};
  if (cudaGetDeviceProperties(&p, device) != cudaSuccess) return {};
  return std::string(p.name) + " (sm_" + std::to_string(p.major) + std::to_string(p.minor) + ", " +
         std::to_string(p.multiProcessorCount) + " SMs)";
}

void set_device(int device) {
  const int n = device_count();
  if (device < 0 || device >= n)
    throw Error("cuda backend: GPU " + std::to_string(device) + " asked for, " + std::to_string(n) + " visible");
  if (cudaSetDevice(device) != cudaSuccess) {
    cudaGetLastError();
    throw Error("cuda backend: cannot select GPU " + std::to_string(device));
  }
}

}  // namespace evsim::cuda
