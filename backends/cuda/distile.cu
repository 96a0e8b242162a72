#include <cub/block/block_scan.cuh>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/distile.cuh"

namespace evsim::cuda {
namespace {

constexpr int kScanThreads = 1024;
constexpr int kRowThreads = 128;

__global__ void column_flags_kernel(const float* __restrict__ x, int cols, int batch, uint32_t* __restrict__ flags) {
  const int col = blockIdx.x * blockDim.x + threadIdx.x;
  bool active = false;
  if (col < cols)
    for (int b = 0; b < batch; ++b) active |= x[static_cast<size_t>(b) * cols + col] != 0.0f;
  const unsigned word = __ballot_sync(0xffffffffu, active);
  if ((threadIdx.x & 31) == 0 && col < cols) flags[col >> 5] = word;
}

__global__ void compact_kernel(const uint32_t* __restrict__ flags, int cols, int tile, int* __restrict__ list,
                               int* __restrict__ count) {
  using Scan = cub::BlockScan<int, kScanThreads>;
  __shared__ typename Scan::TempStorage tmp;
  const int tiles = (cols + tile - 1) / tile;
  const int per = (tiles + kScanThreads - 1) / kScanThreads;  // contiguous chunk per thread: ascending order
  const int first = threadIdx.x * per;
  const uint32_t tile_mask = tile == 32 ? 0xffffffffu : ((1u << tile) - 1u);
  int mine = 0;
  for (int t = first; t < first + per && t < tiles; ++t) {
    const int bit = t * tile;
    mine += ((flags[bit >> 5] >> (bit & 31)) & tile_mask) != 0;
  }
  int offset = 0, total = 0;
  Scan(tmp).ExclusiveSum(mine, offset, total);
  for (int t = first; t < first + per && t < tiles; ++t) {
    const int bit = t * tile;
    if (((flags[bit >> 5] >> (bit & 31)) & tile_mask) != 0) list[offset++] = t;
  }
  if (threadIdx.x == 0) *count = total;
}

// One thread = 4 consecutive output rows (a 16-byte load per column); blockIdx.y = split.
// A block stages kChunk active columns (ids and input values) in shared memory, then
// streams their weight columns with kUnroll independent 16-byte loads in flight.
constexpr int kChunk = 32, kUnroll = 8;

// acc[b] += w * x_s[k][b] for the NB samples of a staged column k.
template <int NB>
__device__ __forceinline__ void accumulate(float4 (&acc)[NB], const float4 wv, const float* x_s, int k) {
#pragma unroll
  for (int b = 0; b < NB; ++b) {
    const float xv = x_s[k * NB + b];
    acc[b].x += wv.x * xv;
    acc[b].y += wv.y * xv;
    acc[b].z += wv.z * xv;
    acc[b].w += wv.w * xv;
  }
}

// This block's split of the partial sums: partials[split][b][row4].
template <int NB>
__device__ __forceinline__ void store_partials(const float4 (&acc)[NB], int r4, int rows4, int b0, int batch,
                                               float4* partials) {
#pragma unroll
  for (int b = 0; b < NB; ++b)
    if (b0 + b < batch) partials[(static_cast<size_t>(blockIdx.y) * batch + b0 + b) * rows4 + r4] = acc[b];
}

template <int NB>
__global__ void __launch_bounds__(kRowThreads)
    distile_kernel(const float4* __restrict__ w, const float* __restrict__ x, const int* __restrict__ list,
                   const int* __restrict__ count, int dense_above, int rows4, int cols, int tile, int b0, int batch,
                   float4* __restrict__ partials) {
  __shared__ int col_s[kChunk];
  __shared__ float x_s[kChunk * NB];
  const int r4 = blockIdx.x * blockDim.x + threadIdx.x;
  const int tiles = (cols + tile - 1) / tile;
  const int n_active = *count;
  const bool dense = n_active > dense_above;
  const int n = (dense ? tiles : n_active) * tile;  // columns to visit
  float4 acc[NB];
#pragma unroll
  for (int b = 0; b < NB; ++b) acc[b] = make_float4(0.f, 0.f, 0.f, 0.f);
  for (int base = blockIdx.y * kChunk; base < n; base += gridDim.y * kChunk) {
    __syncthreads();
    for (int i = threadIdx.x; i < kChunk; i += blockDim.x) {
      const int k = base + i;
      int col = -1;
      if (k < n) {
        const int t = dense ? k / tile : __ldg(list + k / tile);
        col = t * tile + k % tile;
        if (col >= cols) col = -1;  // phantom column of a ragged last tile
      }
      bool any = false;
#pragma unroll
      for (int b = 0; b < NB; ++b) {
        const float v = (col >= 0 && b0 + b < batch) ? __ldg(x + static_cast<size_t>(b0 + b) * cols + col) : 0.0f;
        x_s[i * NB + b] = v;
        any |= v != 0.0f;
      }
      col_s[i] = any ? col : -1;  // inactive units inside an active tile read nothing
    }
    __syncthreads();
    if (r4 >= rows4) continue;
#pragma unroll kUnroll
    for (int i = 0; i < kChunk; ++i) {
      const int col = col_s[i];
      if (col < 0) continue;
      accumulate<NB>(acc, __ldg(w + static_cast<size_t>(col) * rows4 + r4), x_s, i);
    }
  }
  if (r4 < rows4) store_partials<NB>(acc, r4, rows4, b0, batch, partials);
}

// Self-compacting DISTile: every block builds the ordered list of active columns itself
// (warp ballots over x -> bitmask words in shared memory -> prefix sum of their popcounts),
// then gathers its share of those columns. One launch per projection step: no separate
// flag or compaction kernels, no host round-trip.
template <int NB>
__global__ void __launch_bounds__(kRowThreads)
    distile_fused_kernel(const float4* __restrict__ w, const float* __restrict__ x, int rows4, int cols, int b0,
                         int batch, float4* __restrict__ partials) {
  using Scan = cub::BlockScan<int, kRowThreads>;
  __shared__ typename Scan::TempStorage scan_tmp;
  __shared__ int n_active;
  __shared__ float x_s[kChunk * NB];
  extern __shared__ uint32_t dyn[];
  const int nwords = (cols + 31) / 32;
  uint32_t* words = dyn;
  int* list = reinterpret_cast<int*>(dyn + nwords);
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
  for (int wd = warp; wd < nwords; wd += kRowThreads / 32) {
    const int c = wd * 32 + lane;
    bool a = false;
#pragma unroll
    for (int b = 0; b < NB; ++b)
      if (c < cols && b0 + b < batch) a |= __ldg(x + static_cast<size_t>(b0 + b) * cols + c) != 0.0f;
    const unsigned m = __ballot_sync(0xffffffffu, a);
    if (lane == 0) words[wd] = m;
  }
  __syncthreads();
  const int per = (nwords + kRowThreads - 1) / kRowThreads, first = threadIdx.x * per;
  int mine = 0;
  for (int wd = first; wd < first + per && wd < nwords; ++wd) mine += __popc(words[wd]);
  int offset = 0, total = 0;
  Scan(scan_tmp).ExclusiveSum(mine, offset, total);
  for (int wd = first; wd < first + per && wd < nwords; ++wd)
    for (unsigned m = words[wd]; m; m &= m - 1) list[offset++] = wd * 32 + __ffs(m) - 1;
  if (threadIdx.x == 0) n_active = total;
  __syncthreads();
  const int r4 = blockIdx.x * blockDim.x + threadIdx.x;
  float4 acc[NB];
#pragma unroll
  for (int b = 0; b < NB; ++b) acc[b] = make_float4(0.f, 0.f, 0.f, 0.f);
  for (int base = blockIdx.y * kChunk; base < n_active; base += gridDim.y * kChunk) {
    const int len = min(kChunk, n_active - base);
    __syncthreads();
    for (int i = threadIdx.x; i < kChunk * NB; i += blockDim.x) {
      const int k = i / NB, b = i % NB;
      x_s[i] = (k < len && b0 + b < batch) ? __ldg(x + static_cast<size_t>(b0 + b) * cols + list[base + k]) : 0.0f;
    }
    __syncthreads();
    if (r4 >= rows4) continue;
#pragma unroll kUnroll
    for (int k = 0; k < kChunk; ++k) {
      if (k >= len) break;
      accumulate<NB>(acc, __ldg(w + static_cast<size_t>(list[base + k]) * rows4 + r4), x_s, k);
    }
  }
  if (r4 < rows4) store_partials<NB>(acc, r4, rows4, b0, batch, partials);
}

__global__ void reduce_kernel(const float* __restrict__ partials, const float* __restrict__ bias, int rows, int batch,
                              int splits, float* __restrict__ y) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  const int n = rows * batch;
  if (i >= n) return;
  float s = bias ? bias[i % rows] : 0.0f;
  for (int k = 0; k < splits; ++k) s += partials[static_cast<size_t>(k) * n + i];
  y[i] = s;
}

template <int NB>
void launch_distile(const float* w, const float* x, const int* list, const int* count, int dense_above,
                    const DistileShape& s, float* partials, cudaStream_t stream) {
  const int rows4 = s.rows / 4;
  dim3 grid((rows4 + kRowThreads - 1) / kRowThreads, s.splits);
  for (int b0 = 0; b0 < s.batch; b0 += NB)
    distile_kernel<NB><<<grid, kRowThreads, 0, stream>>>(reinterpret_cast<const float4*>(w), x, list, count,
                                                         dense_above, rows4, s.cols, s.tile, b0, s.batch,
                                                         reinterpret_cast<float4*>(partials));
}

template <int NB>
void launch_fused(const float* w, const float* x, const DistileShape& s, float* partials, cudaStream_t stream) {
  const int rows4 = s.rows / 4, nwords = (s.cols + 31) / 32;
  const size_t smem = static_cast<size_t>(nwords) * 4 + static_cast<size_t>(s.cols) * 4;
  dim3 grid((rows4 + kRowThreads - 1) / kRowThreads, s.splits);
  for (int b0 = 0; b0 < s.batch; b0 += NB)
    distile_fused_kernel<NB><<<grid, kRowThreads, smem, stream>>>(reinterpret_cast<const float4*>(w), x, rows4, s.cols,
                                                                  b0, s.batch, reinterpret_cast<float4*>(partials));
}

}  // namespace

void distile_fused(const float* w, const float* x, const DistileShape& s, float* partials, cudaStream_t stream) {
  if (s.rows % 4) throw Error("DISTile: rows must be a multiple of 4");
  if (s.cols > 8192) throw Error("DISTile: at most 8192 input units per projection");
  if (s.batch >= 8)
    launch_fused<8>(w, x, s, partials, stream);
  else if (s.batch >= 4)
    launch_fused<4>(w, x, s, partials, stream);
  else if (s.batch >= 2)
    launch_fused<2>(w, x, s, partials, stream);
  else
    launch_fused<1>(w, x, s, partials, stream);
  EVSIM_KERNEL_CHECK();
}


void column_flags(const float* x, const DistileShape& s, uint32_t* flags, cudaStream_t stream) {
  const int threads = 256, words = (s.cols + 31) / 32;
  column_flags_kernel<<<(words * 32 + threads - 1) / threads, threads, 0, stream>>>(x, s.cols, s.batch, flags);
  EVSIM_KERNEL_CHECK();
}

void compact_tiles(const uint32_t* flags, const DistileShape& s, int* list, int* count, cudaStream_t stream) {
  if ((s.cols + s.tile - 1) / s.tile > 8 * kScanThreads) throw Error("DISTile: too many tiles for one scan block");
  if (32 % s.tile) throw Error("DISTile: tile size must divide 32");
  compact_kernel<<<1, kScanThreads, 0, stream>>>(flags, s.cols, s.tile, list, count);
  EVSIM_KERNEL_CHECK();
}

void distile_gemv(const float* w, const float* x, const int* list, const int* count, int dense_above,
                  const DistileShape& s, float* partials, cudaStream_t stream) {
  if (s.rows % 4) throw Error("DISTile: rows must be a multiple of 4");
  if (s.batch >= 8)
    launch_distile<8>(w, x, list, count, dense_above, s, partials, stream);
  else if (s.batch >= 4)
    launch_distile<4>(w, x, list, count, dense_above, s, partials, stream);
  else if (s.batch >= 2)
    launch_distile<2>(w, x, list, count, dense_above, s, partials, stream);
  else
    launch_distile<1>(w, x, list, count, dense_above, s, partials, stream);
  EVSIM_KERNEL_CHECK();
}

void reduce_partials(const float* partials, const float* bias, const DistileShape& s, float* y, cudaStream_t stream) {
  const int n = s.rows * s.batch, threads = 256;
  reduce_kernel<<<(n + threads - 1) / threads, threads, 0, stream>>>(partials, bias, s.rows, s.batch, s.splits, y);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
