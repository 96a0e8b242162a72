#include <algorithm>
#include <cub/block/block_scan.cuh>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/pdl.cuh"

namespace evsim::cuda {
namespace {

constexpr int kThreads = 128;  // one thread = 4 consecutive rows of a dense column
constexpr int kUnroll = 8;     // independent 16-byte weight loads in flight per thread (gather)

struct ProblemSet {
  DistileProblem p[kMaxProblems];
  int count;
};

// Zero this problem's `zero` buffer, spread over the problem's blocks.
__device__ void zero_buffer(const DistileProblem& q, int batch) {
  if (!q.zero) return;
  const size_t n = static_cast<size_t>(q.rows) * batch;
  const size_t block = blockIdx.y * gridDim.x + blockIdx.x, blocks = size_t(gridDim.x) * gridDim.y;
  for (size_t i = block * kThreads + threadIdx.x; i < n; i += blocks * kThreads) q.zero[i] = 0.0f;
}

// Mask words from x when no producer wrote them: scalar form, a warp ballot per word.
template <int NB>
__device__ void mask_words_scalar(const DistileProblem& q, int b0, int batch, uint32_t* words) {
  const int nwords = (q.cols + 31) / 32, lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
#pragma unroll 4
  for (int wd = warp; wd < nwords; wd += kThreads / 32) {
    const int c = wd * 32 + lane;
    bool a = false;
#pragma unroll
    for (int b = 0; b < NB; ++b)
      if (c < q.cols && b0 + b < batch) a |= q.x[static_cast<size_t>(b0 + b) * q.cols + c] != 0.0f;
    const uint32_t m = __ballot_sync(0xffffffffu, a);
    if (lane == 0) words[wd] = m;
  }
}

// Vector form (cols a multiple of 32): each thread reads 16 bytes = 4 columns per load, all
// of its loads issued before the first use (one L2 round trip instead of one per word);
// 8 lanes' 4-bit masks are OR-ed into one word with shuffles.
template <int NB>
__device__ void mask_words_vector(const DistileProblem& q, int b0, int batch, uint32_t* words) {
  constexpr int kPer = 4;  // float4 loads per thread per round
  const int n4 = q.cols / 4, lane = threadIdx.x & 31;
  for (int base = 0; base < n4; base += kThreads * kPer) {
    uint32_t nib[kPer] = {};
#pragma unroll
    for (int b = 0; b < NB; ++b) {
      if (b0 + b >= batch) continue;
      const float4* xb = reinterpret_cast<const float4*>(q.x + static_cast<size_t>(b0 + b) * q.cols);
      float4 v[kPer];  // issued together: one round trip per sample, not one per load
#pragma unroll
      for (int i = 0; i < kPer; ++i) {
        const int f = base + i * kThreads + threadIdx.x;
        v[i] = f < n4 ? __ldg(xb + f) : make_float4(0.f, 0.f, 0.f, 0.f);
      }
#pragma unroll
      for (int i = 0; i < kPer; ++i)
        nib[i] |= (v[i].x != 0.f) | (v[i].y != 0.f) << 1 | (v[i].z != 0.f) << 2 | (v[i].w != 0.f) << 3;
    }
#pragma unroll
    for (int i = 0; i < kPer; ++i) {
      const int f = base + i * kThreads + threadIdx.x;  // n4 is a multiple of 8: whole words per 8 lanes
      uint32_t m = nib[i] << (4 * (lane & 7));
      m |= __shfl_xor_sync(0xffffffffu, m, 1);
      m |= __shfl_xor_sync(0xffffffffu, m, 2);
      m |= __shfl_xor_sync(0xffffffffu, m, 4);
      if ((lane & 7) == 0 && f < n4) words[f / 8] = m;
    }
  }
}

// The ordered list of active columns in shared memory; returns their number.
template <int NB>
__device__ int active_columns(const DistileProblem& q, int b0, int batch, uint32_t* words, int* list) {
  using Scan = cub::BlockScan<int, kThreads>;
  __shared__ typename Scan::TempStorage scan_tmp;
  __shared__ int total_s;
  const int nwords = (q.cols + 31) / 32;
  if (q.mask) {
    for (int wd = threadIdx.x; wd < nwords; wd += kThreads) words[wd] = q.mask[wd];
  } else if (q.cols % 32 == 0 && (reinterpret_cast<uintptr_t>(q.x) & 15) == 0) {
    mask_words_vector<NB>(q, b0, batch, words);
  } else {
    mask_words_scalar<NB>(q, b0, batch, words);
  }
  __syncthreads();
  const int per = (nwords + kThreads - 1) / kThreads, first = threadIdx.x * per;  // contiguous: ascending list
  int mine = 0;
  for (int wd = first; wd < first + per && wd < nwords; ++wd) mine += __popc(words[wd]);
  int offset = 0, total = 0;
  Scan(scan_tmp).ExclusiveSum(mine, offset, total);
  // A step that will stream needs only the count: the list costs ~2 us at full activity.
  if (total <= q.stream_above)
    for (int wd = first; wd < first + per && wd < nwords; ++wd)
      for (uint32_t m = words[wd]; m; m &= m - 1) list[offset++] = wd * 32 + __ffs(m) - 1;
  if (threadIdx.x == 0) total_s = total;
  __syncthreads();
  return total_s;
}

__device__ __forceinline__ void add4(float* dst, float4 v, bool atomic) {
  if (!atomic) {
    *reinterpret_cast<float4*>(dst) = v;
    return;
  }
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
  atomicAdd(reinterpret_cast<float4*>(dst), v);
#else
  atomicAdd(dst, v.x);
  atomicAdd(dst + 1, v.y);
  atomicAdd(dst + 2, v.z);
  atomicAdd(dst + 3, v.w);
#endif
}

// DenseColumns: this thread's 4 rows of the columns list[k0..k1). Loads are issued in
// batches of U columns (indices, then weights, then x) before any use, so a batch costs
// one memory round trip: with the loads and their uses interleaved in one loop body, the
// compiler kept each weight load behind the previous column's FMAs (seen in the PTX).
template <int NB, int U>
__device__ void gather_dense(const DistileProblem& q, const int* list, int k0, int k1, int b0, int batch, bool atomic) {
  const int rows4 = q.rows / 4, r4 = blockIdx.x * kThreads + threadIdx.x;
  if (r4 >= rows4) return;
  const float4* w = reinterpret_cast<const float4*>(q.w);
  float4 acc[NB];
#pragma unroll
  for (int b = 0; b < NB; ++b) acc[b] = make_float4(0.f, 0.f, 0.f, 0.f);
  for (int k = k0; k < k1; k += U) {
    int col[U];
    float4 wv[U];
    float xv[NB][U];
#pragma unroll
    for (int u = 0; u < U; ++u) col[u] = k + u < k1 ? list[k + u] : -1;
#pragma unroll
    for (int u = 0; u < U; ++u)
      wv[u] = col[u] >= 0 ? __ldg(w + static_cast<size_t>(col[u]) * rows4 + r4) : make_float4(0.f, 0.f, 0.f, 0.f);
#pragma unroll
    for (int b = 0; b < NB; ++b)
#pragma unroll
      for (int u = 0; u < U; ++u)
        xv[b][u] = col[u] >= 0 && b0 + b < batch ? __ldg(q.x + static_cast<size_t>(b0 + b) * q.cols + col[u]) : 0.0f;
#pragma unroll
    for (int b = 0; b < NB; ++b)
#pragma unroll
      for (int u = 0; u < U; ++u) {
        acc[b].x += wv[u].x * xv[b][u];
        acc[b].y += wv[u].y * xv[b][u];
        acc[b].z += wv[u].z * xv[b][u];
        acc[b].w += wv[u].w * xv[b][u];
      }
  }
#pragma unroll
  for (int b = 0; b < NB; ++b)
    if (b0 + b < batch) add4(q.acc + static_cast<size_t>(b0 + b) * q.rows + 4 * r4, acc[b], atomic);
}

// PrunedColumns: a warp per active column; each column's non-zeros are split over the
// blocks along x (as dense columns split their rows), lanes over the block's share.
template <int NB>
__device__ void gather_pruned(const DistileProblem& q, const int* list, int k0, int k1, int b0, int batch) {
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
  const long long parts = (q.rows + 4 * kThreads - 1) / (4 * kThreads), part = blockIdx.x;  // this problem's row blocks
  for (int k = k0 + warp; k < k1; k += kThreads / 32) {
    const int col = list[k];
    float xv[NB];
#pragma unroll
    for (int b = 0; b < NB; ++b) xv[b] = b0 + b < batch ? __ldg(q.x + static_cast<size_t>(b0 + b) * q.cols + col) : 0.f;
    const int p0 = __ldg(q.col_ptr + col), len = __ldg(q.col_ptr + col + 1) - p0;
    const int end = p0 + static_cast<int>(len * (part + 1) / parts);
#pragma unroll 2
    for (int p = p0 + static_cast<int>(len * part / parts) + lane; p < end; p += 32) {
      const float v = __ldg(q.val + p);
      const int row = __ldg(q.row_idx + p);
#pragma unroll
      for (int b = 0; b < NB; ++b)
        if (b0 + b < batch && xv[b] != 0.0f) atomicAdd(q.acc + static_cast<size_t>(b0 + b) * q.rows + row, v * xv[b]);
    }
  }
}

// The streaming fallback: row-major weights, one warp per row at a time, 16-byte loads
// along the row (a contiguous 4*cols-byte stream per warp, as a dense GEMV reads it), x from
// L1, a warp reduction and one add per row: no partial sums across blocks. Rows are spread
// over this problem's blocks (the first `xblocks` along x, all along y).
template <int NB, int SU>
__device__ void stream_rows(const DistileProblem& q, int xblocks, int b0, int batch) {
  const int lane = threadIdx.x & 31, c4 = q.cols / 4;
  const long long warps = static_cast<long long>(xblocks) * gridDim.y * (kThreads / 32);
  const long long first =
      (static_cast<long long>(blockIdx.y) * xblocks + blockIdx.x) * (kThreads / 32) + (threadIdx.x >> 5);
  const bool x_vec = (reinterpret_cast<uintptr_t>(q.x) & 15) == 0;
  const float4 zero4 = make_float4(0.f, 0.f, 0.f, 0.f);
  for (long long r = first; r < q.rows; r += warps) {
    const float4* row = reinterpret_cast<const float4*>(q.w_rows) + r * c4;
    float sum[NB];
#pragma unroll
    for (int b = 0; b < NB; ++b) sum[b] = 0.0f;
    for (int k0 = lane; k0 < c4; k0 += 32 * SU) {
      float4 wv[SU];  // all of this lane's loads of the batch in flight before any use
#pragma unroll
      for (int u = 0; u < SU; ++u) wv[u] = k0 + 32 * u < c4 ? __ldg(row + k0 + 32 * u) : zero4;
#pragma unroll
      for (int b = 0; b < NB; ++b) {
        if (b0 + b >= batch) continue;
        const float* xb = q.x + static_cast<size_t>(b0 + b) * q.cols;
        float4 xv[SU];
#pragma unroll
        for (int u = 0; u < SU; ++u) {
          const int k = k0 + 32 * u;
          xv[u] = k >= c4 ? zero4
                  : x_vec ? __ldg(reinterpret_cast<const float4*>(xb) + k)
                          : make_float4(__ldg(xb + 4 * k), __ldg(xb + 4 * k + 1), __ldg(xb + 4 * k + 2),
                                        __ldg(xb + 4 * k + 3));
        }
#pragma unroll
        for (int u = 0; u < SU; ++u)
          sum[b] += wv[u].x * xv[u].x + wv[u].y * xv[u].y + wv[u].z * xv[u].z + wv[u].w * xv[u].w;
      }
    }
#pragma unroll
    for (int b = 0; b < NB; ++b) {
      for (int o = 16; o > 0; o >>= 1) sum[b] += __shfl_xor_sync(0xffffffffu, sum[b], o);
      if (lane == 0 && b0 + b < batch) atomicAdd(q.acc + static_cast<size_t>(b0 + b) * q.rows + r, sum[b]);
    }
  }
}

// grid: x = row blocks, y = splits of the active list, z = problem.
// SU: loads in flight per thread when streaming (a compiled variant, DistilePlan::stream_unroll).
template <int NB, int SU>
__global__ void __launch_bounds__(kThreads) distile_kernel(const ProblemSet set, int b0, int batch,
                                                           int min_cols_per_split, bool zero_pass, bool early_trigger) {
  extern __shared__ uint32_t dyn[];
  // Early: the next step's blocks become resident while this one works (hides the most
  // launch latency, but they hold SM slots during a busy step); late: blocks trigger as
  // they exit.
  if (early_trigger) pdl_trigger();
  pdl_wait();
  const DistileProblem& q = set.p[blockIdx.z];
  if (zero_pass) zero_buffer(q, batch);
  if (static_cast<int>(blockIdx.x) * kThreads * 4 >= q.rows) return;
  uint32_t* words = dyn;
  int* list = reinterpret_cast<int*>(dyn + (q.cols + 31) / 32);
  const int n = active_columns<NB>(q, b0, batch, words, list);
  const int s = blockIdx.y;
  // PolyKernel, per problem and step, the same in every block (all see the same n): past
  // `stream_above` active columns, stream every dense column with all blocks.
  if (n > q.stream_above) {
    stream_rows<NB, SU>(q, ((q.rows + 3) / 4 + kThreads - 1) / kThreads, b0, batch);
    return;
  }
  // Device-side choice of the split count: as many as the active columns can feed.
  const int splits = max(1, min(static_cast<int>(gridDim.y), n / max(1, min_cols_per_split)));
  if (s >= splits || n == 0) return;
  const int k0 = static_cast<int>(static_cast<long long>(n) * s / splits);
  const int k1 = static_cast<int>(static_cast<long long>(n) * (s + 1) / splits);
  if (q.format == ColumnFormat::DenseColumns)
    gather_dense<NB, kUnroll>(q, list, k0, k1, b0, batch, splits > 1);
  else
    gather_pruned<NB>(q, list, k0, k1, b0, batch);
}

template <int NB>
void launch(const ProblemSet& set, int batch, const DistilePlan& plan, int max_rows, int max_cols,
            cudaStream_t stream) {
  const size_t smem = static_cast<size_t>((max_cols + 31) / 32 + max_cols) * 4;
  const dim3 grid(((max_rows + 3) / 4 + kThreads - 1) / kThreads, static_cast<unsigned>(std::max(1, plan.max_splits)),
                  static_cast<unsigned>(set.count));
  for (int b0 = 0; b0 < batch; b0 += NB)
    launch_kernel(plan.stream_unroll >= 16 ? distile_kernel<NB, 16> : distile_kernel<NB, 8>, grid, dim3(kThreads), smem,
                  stream, plan.pdl, set, b0, batch, plan.min_cols_per_split, b0 == 0, plan.pdl_early);
}

}  // namespace

void distile_step(const DistileProblem* problems, int count, int batch, const DistilePlan& plan, cudaStream_t stream) {
  if (count < 1 || count > kMaxProblems) throw Error("DISTile: 1 to " + std::to_string(kMaxProblems) + " problems");
  ProblemSet set{};
  set.count = count;
  int max_rows = 0, max_cols = 0;
  for (int i = 0; i < count; ++i) {
    const DistileProblem& q = problems[i];
    if (q.format == ColumnFormat::DenseColumns && (q.rows % 4 || !q.w))
      throw Error("DISTile: dense columns need weights and rows a multiple of 4");
    if (q.format == ColumnFormat::PrunedColumns && (!q.col_ptr || !q.row_idx || !q.val))
      throw Error("DISTile: pruned columns need col_ptr, row_idx and val");
    if (q.cols > kMaxDistileCols) throw Error("DISTile: at most 8192 input units per projection");
    if (q.stream_above < q.cols && (q.cols % 4 || !q.w_rows))
      throw Error("DISTile: streaming needs row-major weights and inputs a multiple of 4");
    set.p[i] = q;
    max_rows = std::max(max_rows, q.rows);
    max_cols = std::max(max_cols, q.cols);
  }
  if (batch >= 8)
    launch<8>(set, batch, plan, max_rows, max_cols, stream);
  else if (batch >= 4)
    launch<4>(set, batch, plan, max_rows, max_cols, stream);
  else if (batch >= 2)
    launch<2>(set, batch, plan, max_rows, max_cols, stream);
  else
    launch<1>(set, batch, plan, max_rows, max_cols, stream);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
