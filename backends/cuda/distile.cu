#include <algorithm>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/pdl.cuh"

namespace evsim::cuda {
namespace {

constexpr int kThreads = 128;     // one thread = 4 consecutive rows of a dense column
constexpr int kUnroll = 8;        // independent 16-byte weight loads in flight per thread (gather)
constexpr int kPrunedUnroll = 8;  // pruned entries in flight per thread
static_assert(4 * kThreads == kDistileRowsPerBlock, "a block owns the rows of one pruned segment");

// Column ranges: block row s of a problem owns the bitmask words [s rw, (s + 1) rw), i.e. a
// fixed range of 32 rw columns, whatever is active in it. rw is the plan's range, widened so
// that a projection has at most max_ranges ranges (up to 32 words, one per lane). Computed on
// the host (ProblemSet): the divisions cost the kernel a serial stretch before its first load.
int range_words(int cols, int range_cols, int max_ranges) {
  const int nwords = (cols + 31) / 32, want = range_cols < 32 ? 1 : range_cols / 32;
  const int least = (nwords + max_ranges - 1) / max_ranges;  // at most max_ranges ranges
  const int rw = want > least ? want : least;
  return rw < 32 ? rw : 32;  // a range's words are held one per lane
}
int ranges_of(int cols, int range_cols, int max_ranges) {
  const int rw = range_words(cols, range_cols, max_ranges);
  return ((cols + 31) / 32 + rw - 1) / rw;
}

// Dynamic shared memory: bitmask words (bitmask derived from x), the range's column list
// (pruned columns), then the block's rows per sample, at a 16-byte boundary (read as float4).
struct SmemLayout {
  int list, rows, total;  // offsets and size in 4-byte words
};
__host__ __device__ __forceinline__ SmemLayout smem_layout(int max_cols, int max_range_cols, int nb) {
  SmemLayout l;
  l.list = (max_cols + 31) / 32;
  l.rows = (l.list + max_range_cols + 3) / 4 * 4;
  l.total = l.rows + nb * kDistileRowsPerBlock;
  return l;
}

__device__ __forceinline__ int row_blocks_of(int rows) {
  return (rows + kDistileRowsPerBlock - 1) / kDistileRowsPerBlock;
}

// A weight load that is used once: not kept in L1, and a 256-byte L2 fetch (the next
// sectors of a streamed row are read next). Measured on the H100: the streaming
// GEMV at 2048 x 6144 went from 19.1 to 18.4 us with it (docs/kernel-history.md).
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

// The launch's problems and their range shapes, computed on the host: in the kernel the
// integer divisions behind them were ~150 serial instructions ahead of the first mask load
// (seen in the SASS; 0.2-0.3 us of a 3.4 us step on the H100).
struct ProblemSet {
  DistileProblem p[kMaxProblems];
  int range_words[kMaxProblems];  // bitmask words per column range
  int ranges[kMaxProblems];       // column ranges (block rows that gather)
  int count;
};

// Zero this problem's `zero` buffer, spread over the problem's blocks (rows x batch < 2^31:
// distile_step checks).
__device__ void zero_buffer(const DistileProblem& q, int batch) {
  if (!q.zero) return;
  const int n = q.rows * batch, blocks = gridDim.x * gridDim.y;
  for (int i = (blockIdx.y * gridDim.x + blockIdx.x) * kThreads + threadIdx.x; i < n; i += blocks * kThreads)
    q.zero[i] = 0.0f;
}

// Mask words from x when no producer wrote them: scalar form, a warp ballot per word.
template <int NB>
__device__ void mask_words_scalar(const DistileProblem& q, int b0, int batch, int w0, int w1, uint32_t* words) {
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
#pragma unroll 4
  for (int wd = w0 + warp; wd < w1; wd += kThreads / 32) {
    const int c = wd * 32 + lane;
    bool a = false;
#pragma unroll
    for (int b = 0; b < NB; ++b)
      if (c < q.cols && b0 + b < batch) a |= q.x[static_cast<size_t>(b0 + b) * q.cols + c] != 0.0f;
    const uint32_t m = __ballot_sync(0xffffffffu, a);
    if (lane == 0) words[wd - w0] = m;
  }
}

// Vector form (cols a multiple of 32): each thread reads 16 bytes = 4 columns per load, all
// of its loads issued before the first use (one L2 round trip instead of one per word);
// 8 lanes' 4-bit masks are OR-ed into one word with shuffles.
template <int NB>
__device__ void mask_words_vector(const DistileProblem& q, int b0, int batch, int w0, int w1, uint32_t* words) {
  constexpr int kPer = 4;  // float4 loads per thread per round
  const int n4 = min(q.cols, 32 * w1) / 4, lane = threadIdx.x & 31;
  for (int base = 8 * w0; base < n4; base += kThreads * kPer) {
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
      if ((lane & 7) == 0 && f < n4) words[f / 8 - w0] = m;
    }
  }
}

// A block's view of the step's bitmask: its range's words, one per lane (every warp holds
// them: no barrier to share them), their active count, and (only where a problem may stream)
// the whole step's count (the producer's, or counted here). With a producer's bitmask these are plain loads of a few
// words, one memory round trip before the weight loads; deriving the bitmask from x takes ballots and a barrier.
// (DISTile v8 ranked the whole bitmask with a block scan and split the ordered list evenly: measured on the H100 at
// 2048 columns, that front end cost 1.0 us of a 3.8 us step at 10 % activity: docs/results/h100_v9_step_latency.txt.)
struct RangeMask {
  uint32_t word;  // lane i: word i of the range (0 past its end)
  int base;       // the range's first column
  int rw;         // words in the range
  int n;          // active columns in the range
  int total;      // active columns in the step (counted only when asked)
};

template <int NB>
__device__ RangeMask range_mask(const DistileProblem& q, int b0, int batch, int rw, bool count, uint32_t* words) {
  RangeMask m;
  const int lane = threadIdx.x & 31, nwords = (q.cols + 31) / 32, w0 = blockIdx.y * rw, w1 = min(nwords, w0 + rw);
  m.base = 32 * w0;
  m.rw = max(0, w1 - w0);  // 0: a block past the ranges (it may only stream)
  m.total = 0;
  if (q.mask) {
    m.word = lane < m.rw ? __ldg(q.mask + w0 + lane) : 0u;
    if (count && q.count) {
      m.total = static_cast<int>(__ldg(q.count));
    } else if (count) {  // every warp of every block reads the same words: an L2 hot spot
      int c = 0;
      for (int wd = lane; wd < nwords; wd += 32) c += __popc(__ldg(q.mask + wd));
      m.total = __reduce_add_sync(0xffffffffu, c);
    }
  } else {
    const int from = count ? 0 : w0, to = count ? nwords : w1;  // the count needs every word
    if (q.cols % 32 == 0 && (reinterpret_cast<uintptr_t>(q.x) & 15) == 0)
      mask_words_vector<NB>(q, b0, batch, from, to, words);
    else
      mask_words_scalar<NB>(q, b0, batch, from, to, words);
    __syncthreads();
    m.word = lane < m.rw ? words[w0 - from + lane] : 0u;
    if (count) {
      int c = 0;
      for (int wd = lane; wd < nwords; wd += 32) c += __popc(words[wd]);
      m.total = __reduce_add_sync(0xffffffffu, c);
    }
  }
  m.n = __reduce_add_sync(0xffffffffu, __popc(m.word));
  return m;
}

// The next active column of the range (-1 when none is left): the cursor (word index, bits
// left in that word) is the same in every lane, so the shuffles are uniform.
__device__ __forceinline__ int next_column(const RangeMask& m, int& wi, uint32_t& bits) {
  while (bits == 0 && wi + 1 < m.rw) bits = __shfl_sync(0xffffffffu, m.word, ++wi);
  if (bits == 0) return -1;
  const int col = m.base + 32 * wi + __ffs(bits) - 1;
  bits &= bits - 1;
  return col;
}

// The range's active columns in order, in shared memory (pruned columns index them by entry).
// Column t of the range: its rank is the popc of the range's bits before it.
__device__ void range_list(const RangeMask& m, int* list) {
  const int lane = threadIdx.x & 31;
  int pre = __popc(m.word);  // exclusive prefix of the words' counts over lanes
#pragma unroll
  for (int o = 1; o < 32; o <<= 1) {
    const int v = __shfl_up_sync(0xffffffffu, pre, o);
    if (lane >= o) pre += v;
  }
  pre -= __popc(m.word);
  for (int t0 = threadIdx.x & ~31; t0 < 32 * m.rw; t0 += kThreads) {
    const int wd = t0 >> 5;  // the same in the whole warp
    const uint32_t w = __shfl_sync(0xffffffffu, m.word, wd);
    const int before = __shfl_sync(0xffffffffu, pre, wd);
    if (w >> lane & 1u) list[before + __popc(w & ((1u << lane) - 1u))] = m.base + t0 + lane;
  }
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

// Where a block's active columns come from, U at a time (-1 past the last): fill() returns
// false when none is left. Every lane of a warp sees the same columns (uniform shuffles).
// RangeColumns: the block's range of the bitmask, walked with a cursor.
struct RangeColumns {
  RangeMask m;
  int wi = 0, left;
  uint32_t bits;
  __device__ explicit RangeColumns(const RangeMask& mask)
      : m(mask), left(mask.n), bits(__shfl_sync(0xffffffffu, mask.word, 0)) {}
  template <int U>
  __device__ bool fill(int (&col)[U]) {
    if (left <= 0) return false;
#pragma unroll
    for (int u = 0; u < U; ++u) col[u] = next_column(m, wi, bits);
    left -= U;
    return true;
  }
};

// ListColumns: the producer's list, chunks of U entries: this block row's chunks are
// k = U s, U (s + grid.y), ...; lane u < U holds entry k + u, and the next chunk's entries
// are loaded while this chunk's weights are in flight.
struct ListColumns {
  const int* list;
  int n, k, held;
  template <int U>
  __device__ bool fill(int (&col)[U]) {
    if (k >= n) return false;
#pragma unroll
    for (int u = 0; u < U; ++u) {
      const int c = __shfl_sync(0xffffffffu, held, u);
      col[u] = k + u < n ? c : -1;
    }
    k += static_cast<int>(gridDim.y) * U;
    const int lane = threadIdx.x & 31;
    held = lane < U && k + lane < n ? __ldg(list + k + lane) : 0;
    return true;
  }
};

// DenseColumns: this thread's 4 rows of the block's active columns. Loads are issued in
// batches of U columns (columns, then weights, then x) before any use, so a batch costs
// one memory round trip: with the loads and their uses interleaved in one loop body, the
// compiler kept each weight load behind the previous column's FMAs (seen in the PTX).
// Plain __ldg here: the streaming load (load_weights) made a gather step slower on the H100
// (4.1 -> 5.5 us at 10 % of 2048 columns). Every lane walks the columns (uniform shuffles),
// lanes past the last row only skip the loads.
template <int NB, int U, typename Columns>
__device__ void gather_dense(const DistileProblem& q, Columns columns, int b0, int batch, bool atomic) {
  const int rows4 = q.rows / 4, r4 = blockIdx.x * kThreads + threadIdx.x;
  const bool mine = r4 < rows4;
  const float4* w = reinterpret_cast<const float4*>(q.w);
  float4 acc[NB];
#pragma unroll
  for (int b = 0; b < NB; ++b) acc[b] = make_float4(0.f, 0.f, 0.f, 0.f);
  int col[U];
  while (columns.fill(col)) {
    float4 wv[U];
    float xv[NB][U];
#pragma unroll
    for (int u = 0; u < U; ++u)
      wv[u] =
          col[u] >= 0 && mine ? __ldg(w + static_cast<size_t>(col[u]) * rows4 + r4) : make_float4(0.f, 0.f, 0.f, 0.f);
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
  // The next launch may start once every block is here: only the adds remain (measured on
  // the H100: 0.1 us of a step at 10-20 % activity against triggering at exit).
  pdl_trigger();
  if (!mine) return;
#pragma unroll
  for (int b = 0; b < NB; ++b)
    if (b0 + b < batch) add4(q.acc + static_cast<size_t>(b0 + b) * q.rows + 4 * r4, acc[b], atomic);
}

// PrunedColumns: the block's rows in shared memory (rows_acc, per sample) collect its
// segments of the active columns; then each thread adds 4 of those rows into `acc` (as
// dense columns do: one atomic per 4 rows and block, not one per non-zero).
template <int NB>
__device__ void zero_rows(float* rows_acc) {
  for (int i = threadIdx.x; i < NB * kDistileRowsPerBlock; i += kThreads) rows_acc[i] = 0.0f;
}

// This block's segments of the columns list[k0..k1) (shared memory; backends/cuda/pruned_segments.hpp),
// entries spread over all threads (consecutive threads read consecutive entries of a segment),
// each added into the block's rows. Padding entries are zero and skipped. The caller syncs
// before (the list and zeroed rows) and after (the sums).
template <int NB>
__device__ void accumulate_pruned(const DistileProblem& q, const int* list, int k0, int k1, int b0, int batch,
                                  float* rows_acc) {
  const int rb = blockIdx.x, nrb = row_blocks_of(q.rows), width = q.seg_width;
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
}

// The block's rows into `acc` (after a barrier behind the last accumulate_pruned).
template <int NB>
__device__ void add_rows(const DistileProblem& q, const float* rows_acc, int b0, int batch, bool atomic) {
  pdl_trigger();  // only the adds remain (as gather_dense)
  const int r = blockIdx.x * kDistileRowsPerBlock + 4 * threadIdx.x;
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

// Pruned columns of the producer's list, chunk by chunk (ListColumns' chunks) through a
// kUnroll-entry list in shared memory.
template <int NB>
__device__ void list_pruned(const DistileProblem& q, ListColumns chunks, int b0, int batch, bool atomic, int* list,
                            float* rows_acc) {
  zero_rows<NB>(rows_acc);
  int col[kUnroll];
  while (chunks.fill(col)) {
    if (threadIdx.x == 0)
#pragma unroll
      for (int u = 0; u < kUnroll; ++u) list[u] = col[u];
    __syncthreads();  // the chunk's list (and the zeroed rows)
    int n = 0;
#pragma unroll
    for (int u = 0; u < kUnroll; ++u) n += col[u] >= 0;
    accumulate_pruned<NB>(q, list, 0, n, b0, batch, rows_acc);
    __syncthreads();  // the sums, and the list is free for the next chunk
  }
  add_rows<NB>(q, rows_acc, b0, batch, atomic);
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

// The bitmask front end: block row s gathers the active columns of its fixed range.
template <int NB, int SU>
__device__ void range_step(const ProblemSet& set, const DistileProblem& q, int xblocks, int b0, int batch,
                           bool zero_pass, uint32_t* dyn) {
  const int z = blockIdx.z, ranges = set.ranges[z];
  // Blocks past the problem's ranges only help it stream (the grid has max_ranges rows then).
  const bool count = SU > 0 && q.stream_above < q.cols, in_range = static_cast<int>(blockIdx.y) < ranges;
  if (!in_range && !count) {
    if (zero_pass) zero_buffer(q, batch);
    return;
  }
  // The mask words first: the step's one dependent round trip before the weights; the zero
  // stores go out while it is in flight.
  const RangeMask m = range_mask<NB>(q, b0, batch, set.range_words[z], count, dyn);
  if (zero_pass) zero_buffer(q, batch);
  // PolyKernel, per problem and step, the same in every block (all count the same bitmask):
  // past `stream_above` active columns, stream every dense column with all blocks.
  if constexpr (SU > 0) {
    if (count && m.total > q.stream_above) {
      stream_rows<NB, SU>(q, xblocks, b0, batch);
      return;
    }
  }
  if (!in_range || m.n == 0) return;
  const SmemLayout lay = smem_layout(q.cols, 32 * m.rw, NB);
  const bool atomic = ranges > 1;  // one range: this block owns its rows' sums (plain stores)
  if (q.format == ColumnFormat::PrunedColumns) {
    int* list = reinterpret_cast<int*>(dyn) + lay.list;
    float* rows_acc = reinterpret_cast<float*>(dyn) + lay.rows;
    range_list(m, list);
    zero_rows<NB>(rows_acc);
    __syncthreads();
    accumulate_pruned<NB>(q, list, 0, m.n, b0, batch, rows_acc);
    __syncthreads();
    add_rows<NB>(q, rows_acc, b0, batch, atomic);
  } else {
    gather_dense<NB, kUnroll>(q, RangeColumns(m), b0, batch, atomic);
  }
}

// The list front end (every problem of the launch has the producer's list): block row s
// takes the list's chunks s, s + grid.y, ... (ListColumns). Its first chunk is loaded
// together with the count: one round trip before the weights, as with the bitmask.
template <int NB, int SU>
__device__ void list_step(const DistileProblem& q, int xblocks, int b0, int batch, bool zero_pass, uint32_t* dyn) {
  const int lane = threadIdx.x & 31, first = blockIdx.y * kUnroll;
  const int held = lane < kUnroll && first + lane < q.cols ? __ldg(q.list + first + lane) : 0;
  const int n = static_cast<int>(__ldg(q.count));
  if (zero_pass) zero_buffer(q, batch);
  if constexpr (SU > 0) {
    if (n > q.stream_above) {
      stream_rows<NB, SU>(q, xblocks, b0, batch);
      return;
    }
  }
  if (first >= n) return;
  const ListColumns columns{q.list, n, first, held};
  const bool atomic = n > kUnroll;  // one chunk: only block row 0 writes (plain stores)
  if (q.format == ColumnFormat::PrunedColumns) {
    const SmemLayout lay = smem_layout(0, kUnroll, NB);
    list_pruned<NB>(q, columns, b0, batch, atomic, reinterpret_cast<int*>(dyn) + lay.list,
                    reinterpret_cast<float*>(dyn) + lay.rows);
  } else {
    gather_dense<NB, kUnroll>(q, columns, b0, batch, atomic);
  }
}

// grid: x = row blocks, y = column ranges (bitmask) or list block rows, z = problem.
// SU: loads in flight per thread when streaming (a compiled variant, DistilePlan::stream_unroll);
// 0: no streaming path, for launches where no problem can stream. The streaming path's
// registers count for the whole kernel: without it a gather runs at higher occupancy (the
// 3-layer hidden-1024 sequence: 8.1 instead of 9.7 us per step on the H100).
// kList: every problem has the producer's list (list_step), else the bitmask (range_step).
template <int NB, int SU, bool kList>
__global__ void __launch_bounds__(kThreads) distile_kernel(const ProblemSet set, int b0, int batch, bool zero_pass) {
  extern __shared__ uint32_t dyn[];
  // A copy: read through a reference, every use of a field in the loops was a load from the
  // parameter bank at a computed address (seen in the PTX), inside the gather's load batches.
  // (Copying with constant offsets only, a select per problem, was slower; a launch with room
  // for one problem instead of six was no faster: docs/kernel-history.md.)
  const DistileProblem q = set.p[blockIdx.z];
  const int xblocks = row_blocks_of(q.rows);
  pdl_wait();
  if (static_cast<int>(blockIdx.x) >= xblocks) {
    if (zero_pass) zero_buffer(q, batch);
    return;
  }
  if constexpr (kList)
    list_step<NB, SU>(q, xblocks, b0, batch, zero_pass, dyn);
  else
    range_step<NB, SU>(set, q, xblocks, b0, batch, zero_pass, dyn);
}

template <int NB, bool kList>
void launch(const ProblemSet& set, int batch, const DistilePlan& plan, int max_rows, int max_cols, bool any_pruned,
            bool may_stream, int min_stream_cols, cudaStream_t stream) {
  // Streaming spreads rows over all blocks: with a possible stream, max_ranges rows of blocks
  // even where the ranges are fewer (hidden 1024 with ranges of 64 columns: 16; streaming on
  // 16 took 10-13 us on the H100, v8 on 32 6-9 us). A list takes max_ranges block rows of
  // kUnroll columns each per round (fewer where the columns are fewer).
  int rows_y = may_stream ? std::max(1, plan.max_ranges) : 1, max_range_cols = 32;
  for (int i = 0; i < set.count; ++i) {
    rows_y = std::max(rows_y, set.ranges[i]);
    max_range_cols = std::max(max_range_cols, 32 * set.range_words[i]);
  }
  if (kList) rows_y = std::max(rows_y, std::min(plan.max_ranges, (max_cols + kUnroll - 1) / kUnroll));
  // Bitmask: words derived from x, then the range's list and rows (pruned columns). List:
  // one chunk's list and the rows (pruned columns only).
  const SmemLayout lay = kList ? smem_layout(0, kUnroll, NB) : smem_layout(max_cols, max_range_cols, NB);
  const size_t smem = 4 * static_cast<size_t>(any_pruned ? lay.total : lay.list);
  const dim3 grid(static_cast<unsigned>(row_blocks(max_rows)), static_cast<unsigned>(rows_y),
                  static_cast<unsigned>(set.count));
  // 16 loads per lane cover 2048 columns per warp pass; narrower rows take 8 (1024 columns:
  // one whole batch instead of a partial one).
  const bool su16 = plan.stream_unroll >= 16 && min_stream_cols >= 32 * 16 * 4;
  const auto kernel = !may_stream ? distile_kernel<NB, 0, kList>
                      : su16      ? distile_kernel<NB, 16, kList>
                                  : distile_kernel<NB, 8, kList>;
  if (smem > 48 * 1024)  // past the default limit: opt in
    EVSIM_CUDA_CHECK(cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(smem)));
  // Passes of NB samples, one launch each. (Running the passes side by side in one launch,
  // grid.z = problems x passes, let them share column reads in L2 — batch 64: 349 -> 269 us —
  // but its index arithmetic cost every batch-1 step 0.2-0.4 us on the H100; batches of
  // gemm_batch_from and more take cuBLAS GEMMs anyway.)
  for (int b0 = 0; b0 < batch; b0 += NB)
    launch_kernel(kernel, grid, dim3(kThreads), smem, stream, plan.pdl, set, b0, batch, b0 == 0);
}

template <int NB>
void launch_front(const ProblemSet& set, bool all_lists, int batch, const DistilePlan& plan, int max_rows, int max_cols,
                  bool any_pruned, bool may_stream, int min_stream_cols, cudaStream_t stream) {
  if (all_lists)
    launch<NB, true>(set, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  else
    launch<NB, false>(set, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
}

}  // namespace

void distile_step(const DistileProblem* problems, int count, int batch, const DistilePlan& plan, cudaStream_t stream) {
  if (count < 1 || count > kMaxProblems) throw Error("DISTile: 1 to " + std::to_string(kMaxProblems) + " problems");
  if (plan.range_cols < 32 || plan.max_ranges < 1)
    throw Error("DISTile: the plan needs range_cols >= 32 and max_ranges >= 1 (build it with plan_for)");
  ProblemSet set{};
  set.count = count;
  int max_rows = 0, max_cols = 0;
  bool any_pruned = false, may_stream = false, all_lists = true;
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
    if (static_cast<long long>(q.rows) * batch >= (1LL << 31)) throw Error("DISTile: rows x batch must be below 2^31");
    if (q.list && !q.count) throw Error("DISTile: a list of active columns needs its count");
    if (!q.x || !q.acc) throw Error("DISTile: a problem needs its input x and its accumulator");
    all_lists &= q.list != nullptr;
    set.p[i] = q;
    set.range_words[i] = range_words(q.cols, plan.range_cols, plan.max_ranges);
    set.ranges[i] = ranges_of(q.cols, plan.range_cols, plan.max_ranges);
    max_rows = std::max(max_rows, q.rows);
    max_cols = std::max(max_cols, q.cols);
    any_pruned |= q.format == ColumnFormat::PrunedColumns;
    if (q.stream_above < q.cols) {
      may_stream = true;
      min_stream_cols = std::min(min_stream_cols, q.cols);
    }
  }
  if (batch >= 8)
    launch_front<8>(set, all_lists, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  else if (batch >= 4)
    launch_front<4>(set, all_lists, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  else if (batch >= 2)
    launch_front<2>(set, all_lists, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  else
    launch_front<1>(set, all_lists, batch, plan, max_rows, max_cols, any_pruned, may_stream, min_stream_cols, stream);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
