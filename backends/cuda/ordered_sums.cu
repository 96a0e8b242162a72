#include <algorithm>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/ordered_sums.cuh"

namespace evsim::cuda {
namespace {

constexpr int kOrderedTile = 8;  // samples per thread: each weight is loaded once for them
constexpr int kOrderedThreads = 128;

struct OrderedSet {
  OrderedProblem p[kMaxOrderedProblems];
};

// Thread = (row, tile of samples). Warps hold consecutive rows of one tile: the weight loads
// of a column coalesce and the input loads are one broadcast, so the branch on a zero input
// is the same for the whole warp.
__global__ void __launch_bounds__(kOrderedThreads) ordered_kernel(const OrderedSet set, int batch) {
  const OrderedProblem& p = set.p[blockIdx.y];
  const int tiles = (batch + kOrderedTile - 1) / kOrderedTile;
  const size_t idx = static_cast<size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (idx >= static_cast<size_t>(p.rows) * tiles) return;
  const int r = static_cast<int>(idx % p.rows);
  const int b0 = static_cast<int>(idx / p.rows) * kOrderedTile;
  const int nb = min(kOrderedTile, batch - b0);
  const float* x = p.x + static_cast<size_t>(b0) * p.cols;
  float acc[kOrderedTile];
#pragma unroll
  for (int t = 0; t < kOrderedTile; ++t) acc[t] = 0.0f;
  auto add_column = [&](int j) {
    const float w = p.w[static_cast<size_t>(j) * p.rows + r];
#pragma unroll
    for (int t = 0; t < kOrderedTile; ++t) {
      if (t >= nb) break;
      const float v = x[static_cast<size_t>(t) * p.cols + j];
      if (v != 0.0f) acc[t] = __fmaf_rn(w, v, acc[t]);
    }
  };
  if (p.mask) {
    const int words = (p.cols + 31) / 32;
    for (int k = 0; k < words; ++k)
      for (uint32_t m = p.mask[k]; m; m &= m - 1) add_column(32 * k + __ffs(static_cast<int>(m)) - 1);
  } else {
    for (int j = 0; j < p.cols; ++j) add_column(j);
  }
#pragma unroll
  for (int t = 0; t < kOrderedTile; ++t)
    if (t < nb) p.out[static_cast<size_t>(b0 + t) * p.rows + r] = acc[t];
}

}  // namespace

void ordered_step(const OrderedProblem* problems, int count, int batch, cudaStream_t stream) {
  const int tiles = (batch + kOrderedTile - 1) / kOrderedTile;
  for (int i = 0; i < count; i += kMaxOrderedProblems) {
    OrderedSet set{};
    const int n = std::min(count - i, kMaxOrderedProblems);
    size_t most = 0;
    for (int k = 0; k < n; ++k) {
      set.p[k] = problems[i + k];
      most = std::max(most, static_cast<size_t>(problems[i + k].rows) * tiles);
    }
    const auto blocks = static_cast<unsigned>((most + kOrderedThreads - 1) / kOrderedThreads);
    ordered_kernel<<<dim3(blocks, static_cast<unsigned>(n)), kOrderedThreads, 0, stream>>>(set, batch);
    EVSIM_KERNEL_CHECK();
  }
}

}  // namespace evsim::cuda
