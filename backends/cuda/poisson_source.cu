#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/poisson_source.cuh"
#include "core/run_seed.hpp"

namespace evsim::cuda {
namespace {

__global__ void poisson_kernel(const PoissonDev p, int t, int batch, float* __restrict__ y) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  if (idx >= p.n * batch) return;
  const int i = idx % p.n, b = idx / p.n;
  const auto step = static_cast<uint64_t>(*p.clock + t);
  const uint64_t key = draw_key(p.seed, p.stream, step, static_cast<uint64_t>(b));
  const double u = uniform_at(key, static_cast<uint64_t>(i));
  const double* cdf = p.cdf + p.start[i];
  const int len = p.length[i];
  int k = 0;
  while (k + 1 < len && u > cdf[k]) ++k;
  y[idx] = static_cast<float>(k);
}

}  // namespace

void poisson_draw(const PoissonDev& p, int t, int batch, float* y, cudaStream_t stream) {
  const int n = p.n * batch;
  poisson_kernel<<<(n + 255) / 256, 256, 0, stream>>>(p, t, batch, y);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
