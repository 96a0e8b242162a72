#include "backends/cuda/generated_kernel.hpp"

#include <filesystem>
#include <map>
#include <mutex>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/kernel_cache.hpp"
#include "backends/cuda/nvrtc_compile.hpp"

namespace evsim::cuda {

std::shared_ptr<const GeneratedSnnKernel> GeneratedSnnKernel::get(const std::string& source) {
  int device = 0, major = 0, minor = 0;
  EVSIM_CUDA_CHECK(cudaGetDevice(&device));
  EVSIM_CUDA_CHECK(cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, device));
  EVSIM_CUDA_CHECK(cudaDeviceGetAttribute(&minor, cudaDevAttrComputeCapabilityMinor, device));
  const int arch = 10 * major + minor;
  // Never destroyed: the libraries stay loaded until the process (and the CUDA context) ends.
  static auto* cache = new std::map<std::string, std::shared_ptr<const GeneratedSnnKernel>>;
  static std::mutex lock;
  const std::lock_guard<std::mutex> hold(lock);
  const std::string key = std::to_string(arch) + "\n" + source;
  if (auto it = cache->find(key); it != cache->end()) return it->second;
  const std::string file_key = compile_key(source, arch);
  const std::filesystem::path dir = kernel_cache_dir();
  auto compile = [&] { return compile_cuda(source, "evsim_snn_graph.cu", arch); };
  bool hit = false;
  std::vector<char> cubin = cached_binary(file_key, dir, compile, &hit);
  auto k = std::make_shared<GeneratedSnnKernel>();
  auto load = [&] { return cudaLibraryLoadData(&k->library, cubin.data(), nullptr, nullptr, 0, nullptr, nullptr, 0); };
  if (const cudaError_t e = load(); e != cudaSuccess) {
    if (!hit) EVSIM_CUDA_CHECK(e);
    cudaGetLastError();  // a cached binary the driver refuses: compiled afresh and replaced
    cubin = compile();
    store_binary(file_key, dir, cubin);
    EVSIM_CUDA_CHECK(load());
  }
  EVSIM_CUDA_CHECK(cudaLibraryGetKernel(&k->plain, k->library, kGenKernel));
  EVSIM_CUDA_CHECK(cudaLibraryGetKernel(&k->counted, k->library, kGenKernelCounted));
  cache->emplace(key, k);
  return k;
}

void GeneratedSnnKernel::launch(const GenArgs& a, bool with_counts, cudaStream_t stream) const {
  GenArgs args = a;
  void* params[] = {&args};
  EVSIM_CUDA_CHECK(cudaLaunchKernel(reinterpret_cast<const void*>(with_counts ? counted : plain),
                                    dim3(static_cast<unsigned>(a.batch)), dim3(32), params, 0, stream));
}

}  // namespace evsim::cuda
