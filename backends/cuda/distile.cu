#include <algorithm>
#include <cub/block/block_scan.cuh>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/pdl.cuh"

namespace evsim::cuda {
namespace {

constexpr int kThreads = 128;     // one thread = 4 consecutive rows of a dense column
constexpr int kUnroll = 8;        // independent 16-byte weight loads in flight per thread (gather)
constexpr int kPrunedUnroll = 8;  // pruned entries in flight per thread
static_assert(4 * kThreads == kDistileRowsPerBlock, "a block owns the rows of one pruned segment");

// Dynamic shared memory: bitmask words, the column list, then (pruned columns) the block's
// rows per sample, at a 16-byte boundary (read as float4).
__host__ __device__ __forceinline__ int pruned_rows_offset(int cols) { return ((cols + 31) / 32 + cols + 3) / 4 * 4; }

__device__ __forceinline__ int row_blocks_of(int rows) {
  return (rows + kDistileRowsPerBlock - 1) / kDistileRowsPerBlock;
}

// A weight load that is used once: not kept in L1, and a 256-byte L2 fetch (the next
// sectors of a streamed row are read next). Measured on the H100: the streaming
// GEMV at 2048 x 6144 went from 19.1 to 18.4 us with it (tools/experiments/).
__device__ __forceinline__ float4 load_weights(const float4* p) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ >= 900
  float4 v;
  asm volatile("ld.global.nc.L1::no_allocate.L2::256B.v4.f32 {%0, %1, %2, %3}, [%4];"
               : "=f"(v.x), "=f"(v.y), "=f"(v.z), "=f"(v.w)
               : "l"(p));
  return v;
#else
  return __ldg(p);
#endif
}

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
// Plain __ldg here: the streaming load (load_weights) made a gather step slower on the H100
// (4.1 -> 5.5 us at 10 % of 2048 columns).
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

// PrunedColumns: this block's segments of the columns list[k0..k1) (backends/cuda/
// pruned_segments.hpp), entries spread over all threads (consecutive threads read
// consecutive entries of a segment), each added into the block's rows in shared memory;
// then each thread adds 4 of those rows into `acc` (as dense columns do: one atomic per
// 4 rows and block, not one per non-zero). Padding entries are zero and skipped.
template <int NB>
__device__ void gather_pruned(const DistileProblem& q, const int* list, int k0, int k1, int b0, int batch, bool atomic,
                              float* rows_acc) {
  const int rb = blockIdx.x, nrb = row_blocks_of(q.rows), width = q.seg_width;
  for (int i = threadIdx.x; i < NB * kDistileRowsPerBlock; i += kThreads) rows_acc[i] = 0.0f;
  __syncthreads();
  const int total = (k1 - k0) * width;
  // Entries past the end load the last entry again (no bounds test around a load: with one
  // the compiler issues the loads one at a time) and count as zero.
  for (int t0 = 0; t0 < total; t0 += kThreads * kPrunedUnroll) {
    float v[kPrunedUnroll], xv[NB][kPrunedUnroll];
    int r[kPrunedUnroll], col[kPrunedUnroll];
    size_t at[kPrunedUnroll];
#pragma unroll
    for (int u = 0; u < kPrunedUnroll; ++u) {
      const int t = min(t0 + u * kThreads + static_cast<int>(threadIdx.x), total - 1), j = t / width;
      col[u] = list[k0 + j];
      at[u] = (static_cast<size_t>(col[u]) * nrb + rb) * width + (t - j * width);
    }
#pragma unroll
    for (int u = 0; u < kPrunedUnroll; ++u) {
      v[u] = __ldg(q.seg_val + at[u]);
      r[u] = __ldg(q.seg_row + at[u]);
    }
#pragma unroll
    for (int b = 0; b < NB; ++b)
#pragma unroll
      for (int u = 0; u < kPrunedUnroll; ++u)
        xv[b][u] = b0 + b < batch ? __ldg(q.x + static_cast<size_t>(b0 + b) * q.cols + col[u]) : 0.0f;
#pragma unroll
    for (int u = 0; u < kPrunedUnroll; ++u)
      if (v[u] != 0.0f && t0 + u * kThreads + static_cast<int>(threadIdx.x) < total)
#pragma unroll
        for (int b = 0; b < NB; ++b)
          if (xv[b][u] != 0.0f) atomicAdd(rows_acc + b * kDistileRowsPerBlock + r[u], v[u] * xv[b][u]);
  }
  __syncthreads();
  const int r = rb * kDistileRowsPerBlock + 4 * threadIdx.x;
  if (r >= q.rows) return;
#pragma unroll
  for (int b = 0; b < NB; ++b) {
    const float4 s = reinterpret_cast<const float4*>(rows_acc + b * kDistileRowsPerBlock)[threadIdx.x];
    if (b0 + b >= batch || (s.x == 0.f && s.y == 0.f && s.z == 0.f && s.w == 0.f)) continue;
    float* dst = q.acc + static_cast<size_t>(b0 + b) * q.rows + r;
    if (q.rows % 4 == 0) {
      add4(dst, s, atomic);
      continue;
    }
    const float part[4] = {s.x, s.y, s.z, s.w};  // ragged rows: samples are not 16-byte aligned
#pragma unroll
    for (int i = 0; i < 4; ++i)
      if (r + i >= q.rows)
        break;
      else if (atomic)
        atomicAdd(dst + i, part[i]);
      else
        dst[i] = part[i];
  }
}

// One row's dot product with x, SU 16-byte loads per lane in flight, all issued before the
// first use. A full batch has no bounds test around a load; the partial last batch has
// (the compiler then issues its loads one at a time), so the launch picks SU for whole
// batches (launch()). Variants measured on the H100 at 6144 x 2048: this form 19.0 us;
// clamped loads in every batch 20.6; clamped in the last one only 20.0.
template <int NB, int SU, bool kFull>
__device__ __forceinline__ void stream_batch(const DistileProblem& q, const float4* row, int k0, int c4, int b0,
                                             int batch, bool x_vec, float (&sum)[NB]) {
  const float4 zero4 = make_float4(0.f, 0.f, 0.f, 0.f);
  float4 wv[SU];
#pragma unroll
  for (int u = 0; u < SU; ++u) wv[u] = kFull || k0 + 32 * u < c4 ? load_weights(row + k0 + 32 * u) : zero4;
#pragma unroll
  for (int b = 0; b < NB; ++b) {
    if (b0 + b >= batch) continue;
    const float* xb = q.x + static_cast<size_t>(b0 + b) * q.cols;
#pragma unroll
    for (int u = 0; u < SU; ++u) {
      const int k = k0 + 32 * u;
      const float4 xv =
          !kFull && k >= c4 ? zero4
          : x_vec           ? __ldg(reinterpret_cast<const float4*>(xb) + k)
                  : make_float4(__ldg(xb + 4 * k), __ldg(xb + 4 * k + 1), __ldg(xb + 4 * k + 2), __ldg(xb + 4 * k + 3));
      sum[b] += wv[u].x * xv.x + wv[u].y * xv.y + wv[u].z * xv.z + wv[u].w * xv.w;
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
  const bool x_vec = (reinterpret_cast<uintptr_t>(q.x) & 15) == 0;
  const long long first =
      (static_cast<long long>(blockIdx.y) * xblocks + blockIdx.x) * (kThreads / 32) + (threadIdx.x >> 5);
  for (long long r = first; r < q.rows; r += warps) {
    const float4* row = reinterpret_cast<const float4*>(q.w_rows) + r * c4;
    float sum[NB];
#pragma unroll
    for (int b = 0; b < NB; ++b) sum[b] = 0.0f;
    int k0 = lane;
    for (; k0 + 32 * (SU - 1) < c4; k0 += 32 * SU) stream_batch<NB, SU, true>(q, row, k0, c4, b0, batch, x_vec, sum);
    if (k0 < c4) stream_batch<NB, SU, false>(q, row, k0, c4, b0, batch, x_vec, sum);
#pragma unroll
    for (int b = 0; b < NB; ++b) {
      for (int o = 16; o > 0; o >>= 1) sum[b] += __shfl_xor_sync(0xffffffffu, sum[b], o);
      if (lane == 0 && b0 + b < batch) atomicAdd(q.acc + static_cast<size_t>(b0 + b) * q.rows + r, sum[b]);
    }
  }
}

// grid: x = row blocks, y = splits of the active list, z = problem.
// SU: loads in flight per thread when streaming (a compiled variant, DistilePlan::stream_unroll);
// 0: no streaming path, for launches where no problem can stream. The streaming path's
// registers count for the whole kernel: without it a gather runs at higher occupancy (the
// 3-layer hidden-1024 sequence: 8.1 instead of 9.7 us per step on the H100).
template <int NB, int SU>
__global__ void __launch_bounds__(kThreads)
    distile_kernel(const ProblemSet set, int b0, int batch, int min_cols_per_split, int pruned_cols_per_split,
                   bool zero_pass, bool early_trigger) {
  extern __shared__ uint32_t dyn[];
  // Early: the next step's blocks become resident while this one works (hides the most
  // launch latency, but they hold SM slots during a busy step); late: blocks trigger as
  // they exit.
  if (early_trigger) pdl_trigger();
  const DistileProblem& q = set.p[blockIdx.z];
  const int xblocks = row_blocks_of(q.rows);
  pdl_wait();
  if (zero_pass) zero_buffer(q, batch);
  if (static_cast<int>(blockIdx.x) >= xblocks) return;
  uint32_t* words = dyn;
  int* list = reinterpret_cast<int*>(dyn + (q.cols + 31) / 32);
  const int n = active_columns<NB>(q, b0, batch, words, list);
  // PolyKernel, per problem and step, the same in every block (all see the same n): past
  // `stream_above` active columns, stream every dense column with all blocks. (A count per
  // warp without the block scan was no faster to stream, and cost a gathering step 0.4 us
  // on the H100: a second read of the bitmask.)
  if constexpr (SU > 0) {
    if (n > q.stream_above) {
      stream_rows<NB, SU>(q, xblocks, b0, batch);
      return;
    }
  }
  // Device-side choice of the split count: as many as the active columns can feed.
  const bool pruned = q.format == ColumnFormat::PrunedColumns;
  const int per_split = max(1, pruned ? pruned_cols_per_split : min_cols_per_split);
  const int splits = max(1, min(static_cast<int>(gridDim.y), n / per_split)), s = blockIdx.y;
  if (s >= splits || n == 0) return;
  const int k0 = static_cast<int>(static_cast<long long>(n) * s / splits);
  const int k1 = static_cast<int>(static_cast<long long>(n) * (s + 1) / splits);
  if (pruned)
    gather_pruned<NB>(q, list, k0, k1, b0, batch, splits > 1,
                      reinterpret_cast<float*>(dyn) + pruned_rows_offset(q.cols));
  else
    gather_dense<NB, kUnroll>(q, list, k0, k1, b0, batch, splits > 1);
}

template <int NB>
void launch(const ProblemSet& set, int batch, const DistilePlan& plan, int max_rows, int max_cols, bool any_pruned,
            bool may_stream, int min_stream_cols, cudaStream_t stream) {
  const size_t smem = static_cast<size_t>(any_pruned ? pruned_rows_offset(max_cols) + NB * kDistileRowsPerBlock
                                                     : (max_cols + 31) / 32 + max_cols) *
                      4;
  const dim3 grid(static_cast<unsigned>(row_blocks(max_rows)), static_cast<unsigned>(std::max(1, plan.max_splits)),
                  static_cast<unsigned>(set.count));
  // 16 loads per lane cover 2048 columns per warp pass; narrower rows take 8 (1024 columns:
  // one whole batch instead of a partial one).
  const bool su16 = plan.stream_unroll >= 16 && min_stream_cols >= 32 * 16 * 4;
  const auto kernel = !may_stream ? distile_kernel<NB, 0> : su16 ? distile_kernel<NB, 16> : distile_kernel<NB, 8>;
  if (smem > 48 * 1024)  // past the default limit: opt in (at most 8192 columns: under 64 KiB)
    EVSIM_CUDA_CHECK(cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(smem)));
  // Passes of NB samples, one launch each. (Running the passes side by side in one launch,
  // grid.z = problems x passes, let them share column reads in L2 — batch 64: 349 -> 269 us —
  // but its index arithmetic cost every batch-1 step 0.2-0.4 us on the H100; batches of
  // gemm_batch_from and more take cuBLAS GEMMs anyway.)
  for (int b0 = 0; b0 < batch; b0 += NB)
    launch_kernel(kernel, grid, dim3(kThreads), smem, stream, plan.pdl, set, b0, batch, plan.min_cols_per_split,
                  plan.pruned_cols_per_split, b0 == 0, plan.pdl_early);
}

}  // namespace

void distile_step(const DistileProblem* problems, int count, int batch, const DistilePlan& plan, cudaStream_t stream) {
  if (count < 1 || count > kMaxProblems) throw Error("DISTile: 1 to " + std::to_string(kMaxProblems) + " problems");
  ProblemSet set{};
  set.count = count;
  int max_rows = 0, max_cols = 0;
  bool any_pruned = false, may_stream = false;
  int min_stream_cols = 1 << 30;  // the narrowest projection that can stream
  for (int i = 0; i < count; ++i) {
    const DistileProblem& q = problems[i];
    if (q.format == ColumnFormat::DenseColumns && (q.rows % 4 || !q.w))
      throw Error("DISTile: dense columns need weights and rows a multiple of 4");
    if (q.format == ColumnFormat::PrunedColumns && (!q.seg_val || !q.seg_row || q.seg_width < 0))
      throw Error("DISTile: pruned columns need their segments (values, rows, width)");
    if (q.cols > kMaxDistileCols) throw Error("DISTile: at most 8192 input units per projection");
    if (q.stream_above < q.cols && (q.cols % 4 || !q.w_rows))
      throw Error("DISTile: streaming needs row-major weights and inputs a multiple of 4");
    set.p[i] = q;
    max_rows = std::max(max_rows, q.rows);
    max_cols = std::max(max_cols, q.cols);
    any_pruned |= q.format == ColumnFormat::PrunedColumns;
    if (q.stream_above < q.cols) {
      may_stream = true;
      min_stream_cols = std::min(min_stream_cols, q.cols);
    }
  }
  if (batch >= 8)
    launch<8>(set, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  else if (batch >= 4)
    launch<4>(set, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  else if (batch >= 2)
    launch<2>(set, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  else
    launch<1>(set, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
