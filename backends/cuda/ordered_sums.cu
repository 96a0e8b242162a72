#include <algorithm>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/ordered_sums.cuh"

namespace evsim::cuda {
namespace {

constexpr int kRowsPerBlock = 128;  // one thread per row
constexpr int kChunk = 1024;        // input columns staged in shared memory at a time
constexpr int kTile = 8;            // Dense: samples per thread (each weight loaded once for them)
constexpr int kDenseChunk = 512;

struct OrderedSet {
  OrderedProblem p[kMaxOrderedProblems];
};

// Gather: block = (row block, sample). The sample's non-zero inputs of a chunk are compacted in
// ascending order (warp ballots, then the warps' offsets), then every thread runs its row's
// chain over them.
// Blocks are numbered row block fastest, then sample (or tile): x = rb + row_blocks * s, with
// row_blocks the launch's largest; a problem with fewer row blocks leaves the rest idle.
__global__ void __launch_bounds__(kRowsPerBlock) ordered_gather_kernel(const OrderedSet set, int row_blocks) {
  __shared__ int s_idx[kChunk];
  __shared__ float s_val[kChunk];
  __shared__ int s_warp[kRowsPerBlock / 32 + 1];
  const OrderedProblem& p = set.p[blockIdx.y];
  const int rb = static_cast<int>(blockIdx.x % row_blocks), b = static_cast<int>(blockIdx.x / row_blocks);
  if (rb * kRowsPerBlock >= p.rows) return;  // the whole block
  const int r = rb * kRowsPerBlock + threadIdx.x;
  const float* x = p.x + static_cast<size_t>(b) * p.cols;
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
  float acc = 0.0f;
  for (int c0 = 0; c0 < p.cols; c0 += kChunk) {
    int n = 0;
    for (int s = c0; s < min(p.cols, c0 + kChunk); s += kRowsPerBlock) {
      const int j = s + threadIdx.x;
      const float v = j < p.cols ? x[j] : 0.0f;
      const unsigned live = __ballot_sync(0xffffffffu, v != 0.0f);
      if (lane == 0) s_warp[warp] = __popc(live);
      __syncthreads();
      int before = n;
      for (int k = 0; k < warp; ++k) before += s_warp[k];
      if (v != 0.0f) {
        const int at = before + __popc(live & ((1u << lane) - 1u));
        s_idx[at] = j;
        s_val[at] = v;
      }
      for (int k = 0; k < kRowsPerBlock / 32; ++k) n += s_warp[k];
      __syncthreads();
    }
    if (r < p.rows) {
      const float* w = p.w + r;
#pragma unroll 8
      for (int k = 0; k < n; ++k) acc = __fmaf_rn(w[static_cast<size_t>(s_idx[k]) * p.rows], s_val[k], acc);
    }
    __syncthreads();
  }
  if (r < p.rows) p.out[static_cast<size_t>(b) * p.rows + r] = acc;
}

// Dense: block = (row block, tile of kTile samples); the tile's inputs are staged in shared
// memory a chunk of columns at a time, every column is read.
__global__ void __launch_bounds__(kRowsPerBlock) ordered_dense_kernel(const OrderedSet set, int row_blocks, int batch) {
  __shared__ float s_x[kTile][kDenseChunk];
  const OrderedProblem& p = set.p[blockIdx.y];
  const int rb = static_cast<int>(blockIdx.x % row_blocks);
  if (rb * kRowsPerBlock >= p.rows) return;  // the whole block
  const int r = rb * kRowsPerBlock + threadIdx.x;
  const int b0 = static_cast<int>(blockIdx.x / row_blocks) * kTile, nb = min(kTile, batch - b0);
  float acc[kTile];
#pragma unroll
  for (int t = 0; t < kTile; ++t) acc[t] = 0.0f;
  for (int c0 = 0; c0 < p.cols; c0 += kDenseChunk) {
    const int n = min(kDenseChunk, p.cols - c0);
    for (int t = 0; t < kTile; ++t)
      for (int j = threadIdx.x; j < n; j += kRowsPerBlock)
        s_x[t][j] = t < nb ? p.x[static_cast<size_t>(b0 + t) * p.cols + c0 + j] : 0.0f;
    __syncthreads();
    if (r < p.rows) {
      const float* w = p.w + static_cast<size_t>(c0) * p.rows + r;
#pragma unroll 4
      for (int j = 0; j < n; ++j) {
        const float wv = w[static_cast<size_t>(j) * p.rows];
#pragma unroll
        for (int t = 0; t < kTile; ++t) acc[t] = __fmaf_rn(wv, s_x[t][j], acc[t]);
      }
    }
    __syncthreads();
  }
  if (r < p.rows)
    for (int t = 0; t < nb; ++t) p.out[static_cast<size_t>(b0 + t) * p.rows + r] = acc[t];
}

}  // namespace

void ordered_step(const OrderedProblem* problems, int count, int batch, OrderedPath path, cudaStream_t stream) {
  for (int i = 0; i < count; i += kMaxOrderedProblems) {
    OrderedSet set{};
    const int n = std::min(count - i, kMaxOrderedProblems);
    int row_blocks = 0;
    for (int k = 0; k < n; ++k) {
      set.p[k] = problems[i + k];
      row_blocks = std::max(row_blocks, (problems[i + k].rows + kRowsPerBlock - 1) / kRowsPerBlock);
    }
    const auto y = static_cast<unsigned>(n);
    if (path == OrderedPath::Gather) {
      const dim3 grid(static_cast<unsigned>(row_blocks) * static_cast<unsigned>(batch), y);
      ordered_gather_kernel<<<grid, kRowsPerBlock, 0, stream>>>(set, row_blocks);
    } else {
      const dim3 grid(static_cast<unsigned>(row_blocks) * static_cast<unsigned>((batch + kTile - 1) / kTile), y);
      ordered_dense_kernel<<<grid, kRowsPerBlock, 0, stream>>>(set, row_blocks, batch);
    }
    EVSIM_KERNEL_CHECK();
  }
}

}  // namespace evsim::cuda
