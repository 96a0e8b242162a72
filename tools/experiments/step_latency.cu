// Standalone experiment: where the fixed cost of a DISTile step goes (hidden 2048: W is 6144 x
// 2048), and which front end (how a block learns its active columns) is cheapest. Stages are
// cumulative; every step is one launch in a CUDA graph of 20, with PDL, median of 30 replays.
// Front ends: "scan" (backends/cuda/distile.cu v8: every block reads the whole bitmask, block
// scan, ordered list in shared memory, balanced splits), "range" (block s owns the columns
// [64 s, 64 s + 64): two mask words, the block's list by popc of the lower bits, no scan), and
// "list" (the producer wrote a compacted list and its count; block s takes entries 8 s..8 s+7).
// Also: where the launch lets the next one go (PDL trigger), the problem descriptor in memory
// instead of the parameter bank, 16 columns per round of loads, a parallel select of the
// range's columns instead of the serial cursor, and two pruned layouts: warp-private rows in
// shared memory (no float atomics) and grouped 4-row columns (a bitmap of non-empty 4-row
// groups per column, their values packed: the dense gather's shape with a third of its bytes).
// Build and run on the GPU machine:
//   nvcc -O3 -std=c++17 -arch=sm_90 -I. tools/experiments/step_latency.cu backends/cuda/distile.cu \
//     backends/cuda/cost_model.cpp -lcublas \
//     -o /tmp/sl && /tmp/sl
// (The "product" rows call backends/cuda/distile.cu's distile_step with the given bitmask and its count.)
#include <cublas_v2.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cub/block/block_scan.cuh>
#include <functional>
#include <numeric>
#include <random>
#include <vector>

#include "backends/cuda/distile.cuh"
#define CK(x)                                        \
  do {                                               \
    auto e_ = (x);                                   \
    if (e_ != 0) {                                   \
      printf("err %d line %d\n", int(e_), __LINE__); \
      exit(1);                                       \
    }                                                \
  } while (0)

constexpr int kT = 128, kRB = 512, kU = 8, kSets = 4, kRange = 64;

struct Args {
  const float* w;  // column-major rows x cols
  const float* sval;
  const uint16_t* srow;
  int width;
  const float* x;
  const uint32_t* mask;
  const int* list;  // compacted active columns (producer-written), count at list[-1]... separate:
  const int* count;
  float* acc;
  float* zero;
  int rows, cols;
  const float4* gval;     // grouped: non-empty 4-row groups' values, (c, rb, warp) slices of gq
  const uint32_t* gword;  // grouped: bitmap of non-empty groups, [rb][warp][col]
  int gq;
};

__device__ __forceinline__ void wait() { asm volatile("griddepcontrol.wait;" ::: "memory"); }

enum Stage { kEmpty, kMask, kScan, kGather, kGatherNoZero, kGatherStore };
enum Front {
  kFrontScan,
  kFrontRange,
  kFrontList,
  kFrontWarp,
  kFrontScanCeil,
  kFrontRangeShfl,
  kFrontGrouped,
  kFrontPrunedWarp,
  kFrontRangeU16,
  kFrontListBalanced,
  kFrontSelect8,
  kFrontSelect16
};

__device__ void zero_next(const Args& a) {
  const int n = a.rows, blocks = gridDim.x * gridDim.y, b = blockIdx.y * gridDim.x + blockIdx.x;
  for (int i = b * kT + threadIdx.x; i < n; i += blocks * kT) a.zero[i] = 0.f;
}

// The x values of a batch of columns (loaded after the weights, before any use) times the
// weights already in flight, into this thread's 4 rows.
template <int U>
__device__ __forceinline__ void fma_columns(const Args& a, const int (&col)[U], const float4 (&wv)[U], float4& s) {
  float xv[U];
#pragma unroll
  for (int u = 0; u < U; ++u) xv[u] = col[u] >= 0 ? __ldg(a.x + col[u]) : 0.f;
#pragma unroll
  for (int u = 0; u < U; ++u) {
    s.x += wv[u].x * xv[u];
    s.y += wv[u].y * xv[u];
    s.z += wv[u].z * xv[u];
    s.w += wv[u].w * xv[u];
  }
}

// One batch of U columns (-1: none) for this thread's 4 rows: every load issued before the
// first use, as in backends/cuda/distile.cu.
template <int U = kU>
__device__ __forceinline__ void add_columns(const Args& a, const int (&col)[U], int r4, float4& s) {
  const float4* w = reinterpret_cast<const float4*>(a.w);
  const int rows4 = a.rows / 4;
  float4 wv[U];
#pragma unroll
  for (int u = 0; u < U; ++u)
    wv[u] = col[u] >= 0 ? __ldg(w + size_t(col[u]) * rows4 + r4) : make_float4(0.f, 0.f, 0.f, 0.f);
  fma_columns<U>(a, col, wv, s);
}

// Dense columns, 4 rows per thread, columns taken from `col_of(k)` for k in [k0, k1).
template <bool kAtomic, typename ColOf>
__device__ void gather_dense(const Args& a, int k0, int k1, ColOf col_of) {
  const int rows4 = a.rows / 4, r4 = blockIdx.x * kT + threadIdx.x;
  if (r4 >= rows4) return;
  float4 s = make_float4(0.f, 0.f, 0.f, 0.f);
  for (int k = k0; k < k1; k += kU) {
    int col[kU];
#pragma unroll
    for (int u = 0; u < kU; ++u) col[u] = k + u < k1 ? col_of(k + u) : -1;
    add_columns(a, col, r4, s);
  }
  float4* dst = reinterpret_cast<float4*>(a.acc) + r4;
  if (kAtomic)
    atomicAdd(dst, s);
  else
    *dst = s;
}

// Pruned segments (backends/cuda/pruned_segments.hpp) of list[k0..k1) (shared memory).
__device__ void gather_pruned(const Args& a, const int* list, int k0, int k1, float* rows_acc) {
  const int rb = blockIdx.x, nrb = (a.rows + kRB - 1) / kRB, width = a.width;
  for (int i = threadIdx.x; i < kRB; i += kT) rows_acc[i] = 0.f;
  __syncthreads();
  const int total = (k1 - k0) * width;
  for (int t0 = 0; t0 < total; t0 += kT * kU) {
    float v[kU], xv[kU];
    int r[kU], col[kU];
    size_t at[kU];
#pragma unroll
    for (int u = 0; u < kU; ++u) {
      const int t = min(t0 + u * kT + int(threadIdx.x), total - 1), j = t / width;
      col[u] = list[k0 + j];
      at[u] = (size_t(col[u]) * nrb + rb) * width + (t - j * width);
    }
#pragma unroll
    for (int u = 0; u < kU; ++u) {
      v[u] = __ldg(a.sval + at[u]);
      r[u] = __ldg(a.srow + at[u]);
      xv[u] = __ldg(a.x + col[u]);
    }
#pragma unroll
    for (int u = 0; u < kU; ++u)
      if (v[u] != 0.f && t0 + u * kT + int(threadIdx.x) < total) atomicAdd(rows_acc + r[u], v[u] * xv[u]);
  }
  __syncthreads();
  const float4 s = reinterpret_cast<const float4*>(rows_acc)[threadIdx.x];
  if (s.x != 0.f || s.y != 0.f || s.z != 0.f || s.w != 0.f)
    atomicAdd(reinterpret_cast<float4*>(a.acc + rb * kRB) + threadIdx.x, s);
}

// The v8 front end: whole bitmask, block scan, ordered list in shared memory; returns n.
__device__ int scan_list(const Args& a, uint32_t* words, int* list, bool build) {
  using Scan = cub::BlockScan<int, kT>;
  __shared__ typename Scan::TempStorage tmp;
  __shared__ int total_s;
  const int nwords = (a.cols + 31) / 32;
  for (int wd = threadIdx.x; wd < nwords; wd += kT) words[wd] = a.mask[wd];
  __syncthreads();
  if (!build) return words[0];
  const int per = (nwords + kT - 1) / kT, first = threadIdx.x * per;
  int mine = 0;
  for (int wd = first; wd < first + per && wd < nwords; ++wd) mine += __popc(words[wd]);
  int off = 0, total = 0;
  Scan(tmp).ExclusiveSum(mine, off, total);
  for (int wd = first; wd < first + per && wd < nwords; ++wd)
    for (uint32_t m = words[wd]; m; m &= m - 1) list[off++] = wd * 32 + __ffs(m) - 1;
  if (threadIdx.x == 0) total_s = total;
  __syncthreads();
  return total_s;
}

// Every warp ranks the bitmask itself: lane l holds words [l wpl, (l + 1) wpl), their count and
// the inclusive prefix over lanes (shuffles only: no shared memory, no block barrier).
struct WarpRank {
  uint32_t w[8];
  int wpl, incl, excl, total;
};
__device__ __forceinline__ WarpRank warp_rank(const uint32_t* mask, int nwords) {
  WarpRank r;
  const int lane = threadIdx.x & 31;
  r.wpl = (nwords + 31) / 32;
  int c = 0;
#pragma unroll
  for (int i = 0; i < 8; ++i) {
    const int wd = lane * r.wpl + i;
    r.w[i] = i < r.wpl && wd < nwords ? __ldg(mask + wd) : 0u;
  }
#pragma unroll
  for (int i = 0; i < 8; ++i) c += __popc(r.w[i]);
  int incl = c;
#pragma unroll
  for (int o = 1; o < 32; o <<= 1) {
    const int v = __shfl_up_sync(0xffffffffu, incl, o);
    if (lane >= o) incl += v;
  }
  r.incl = incl;
  r.excl = incl - c;
  r.total = __shfl_sync(0xffffffffu, incl, 31);
  return r;
}
// Position of the r-th (from 0) set bit of w.
__device__ __forceinline__ int nth_bit(uint32_t w, int r) {
  int pos = 0;
#pragma unroll
  for (int s = 16; s; s >>= 1)
    if (__popc(w & ((1u << (pos + s)) - 1)) <= r) pos += s;
  return pos;
}
// The active column of rank k (each lane its own k; all lanes must call).
__device__ __forceinline__ int column_at(const WarpRank& r, int k) {
  int L = 0;
#pragma unroll
  for (int s = 16; s; s >>= 1)
    if (__shfl_sync(0xffffffffu, r.incl, L + s - 1) <= k) L += s;
  int rr = k - __shfl_sync(0xffffffffu, r.excl, L), col = -1;
#pragma unroll
  for (int i = 0; i < 8; ++i) {
    const uint32_t wi = __shfl_sync(0xffffffffu, r.w[i], L);
    const int c = __popc(wi);
    if (col < 0 && i < r.wpl) {
      if (rr < c)
        col = (L * r.wpl + i) * 32 + nth_bit(wi, rr);
      else
        rr -= c;
    }
  }
  return col;
}

// The range front end with the range's words one per lane and a uniform cursor (as distile.cu).
// U: columns per batch of loads; kTrig: where the block lets the next launch go (0: at exit,
// 1: once its mask words are read, 2: before its atomic adds).
template <int U = kU, int kTrig = 0>
__device__ __forceinline__ void range_cursor(const Args& a) {
  const int lane = threadIdx.x & 31, rw = 2;
  const uint32_t word = lane < rw ? __ldg(a.mask + rw * blockIdx.y + lane) : 0u;
  const int n = __reduce_add_sync(0xffffffffu, __popc(word));
  if (kTrig == 1) asm volatile("griddepcontrol.launch_dependents;");
  if (n == 0) return;
  const int base = blockIdx.y * kRange, r4 = blockIdx.x * kT + threadIdx.x;
  float4 sum = make_float4(0.f, 0.f, 0.f, 0.f);
  int wi = 0;
  uint32_t bits = __shfl_sync(0xffffffffu, word, 0);
  for (int left = n; left > 0; left -= U) {
    int col[U];
#pragma unroll
    for (int u = 0; u < U; ++u) {
      while (bits == 0 && wi + 1 < rw) bits = __shfl_sync(0xffffffffu, word, ++wi);
      col[u] = bits ? base + 32 * wi + __ffs(bits) - 1 : -1;
      bits &= bits - 1;
    }
    add_columns<U>(a, col, r4, sum);
  }
  if (kTrig == 2) asm volatile("griddepcontrol.launch_dependents;");
  atomicAdd(reinterpret_cast<float4*>(a.acc) + r4, sum);
}

// The range's active columns selected in parallel: lane k finds the range's k-th active column
// (a scan of the words' counts over lanes, a binary search over it, the n-th set bit of one
// word), batches of U columns are broadcast by shuffles: no serial cursor.
template <int U>
__device__ __forceinline__ void range_select(const Args& a) {
  const int lane = threadIdx.x & 31, rw = 2;
  const uint32_t word = lane < rw ? __ldg(a.mask + rw * blockIdx.y + lane) : 0u;
  const int cnt = __popc(word);
  int incl = cnt;
#pragma unroll
  for (int o = 1; o < 32; o <<= 1) {
    const int v = __shfl_up_sync(0xffffffffu, incl, o);
    if (lane >= o) incl += v;
  }
  const int n = __shfl_sync(0xffffffffu, incl, 31), excl = incl - cnt;
  if (n == 0) return;
  const int base = blockIdx.y * kRange, r4 = blockIdx.x * kT + threadIdx.x;
  float4 sum = make_float4(0.f, 0.f, 0.f, 0.f);
  for (int k0 = 0; k0 < n; k0 += 32) {
    const int k = k0 + lane;
    int L = 0;
#pragma unroll
    for (int st = 16; st; st >>= 1)
      if (__shfl_sync(0xffffffffu, incl, L + st - 1) <= k) L += st;
    const uint32_t w = __shfl_sync(0xffffffffu, word, L);
    const int r = k - __shfl_sync(0xffffffffu, excl, L);
    const int mine = k < n ? base + 32 * L + nth_bit(w, r) : -1;
    for (int u0 = 0; u0 < 32 && k0 + u0 < n; u0 += U) {
      int col[U];
#pragma unroll
      for (int u = 0; u < U; ++u) col[u] = __shfl_sync(0xffffffffu, mine, u0 + u);
      add_columns<U>(a, col, r4, sum);
    }
  }
  atomicAdd(reinterpret_cast<float4*>(a.acc) + r4, sum);
}

// A 32-bit load the compiler may not move past a branch (it sank plain loads of the group
// words below the mask's early exit: one more dependent round trip, seen in the SASS).
__device__ __forceinline__ uint32_t ldg_now(const uint32_t* p) {
  uint32_t v;
  asm volatile("ld.global.nc.u32 %0, [%1];" : "=r"(v) : "l"(p));
  return v;
}

// Grouped 4-row columns: per column and row block, a bitmap of the 4-row groups (one thread's
// rows) that hold a non-zero, one word per warp, and those groups' values packed per warp.
// The group words of all 64 columns of the range are loaded with the mask words (one round
// trip), a thread loads a float4 only where its bit is set: the dense gather's shape, with
// the bytes of the non-empty groups only.
__device__ __forceinline__ void range_grouped(const Args& a) {
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, rw = 2;
  const int base = blockIdx.y * kRange, rb = blockIdx.x, nrb = a.rows / kRB;
  const uint32_t word = lane < rw ? __ldg(a.mask + rw * blockIdx.y + lane) : 0u;
  const uint32_t* gw = a.gword + size_t(rb * 4 + warp) * a.cols + base;
  const uint32_t g0 = ldg_now(gw + lane), g1 = ldg_now(gw + 32 + lane);
  const int n = __reduce_add_sync(0xffffffffu, __popc(word));
  if (n == 0) return;
  const uint32_t lt = (1u << lane) - 1u;
  float4 sum = make_float4(0.f, 0.f, 0.f, 0.f);
  int wi = 0;
  uint32_t bits = __shfl_sync(0xffffffffu, word, 0);
  for (int left = n; left > 0; left -= kU) {
    int col[kU];
    uint32_t g[kU];
#pragma unroll
    for (int u = 0; u < kU; ++u) {
      while (bits == 0 && wi + 1 < rw) bits = __shfl_sync(0xffffffffu, word, ++wi);
      const int j = bits ? 32 * wi + __ffs(bits) - 1 : -1;
      col[u] = j >= 0 ? base + j : -1;
      bits &= bits - 1;
      g[u] = __shfl_sync(0xffffffffu, j < 32 ? g0 : g1, j & 31);
      if (j < 0) g[u] = 0;
    }
    float4 wv[kU];
#pragma unroll
    for (int u = 0; u < kU; ++u)
      wv[u] = g[u] >> lane & 1u ? __ldg(a.gval + (size_t(col[u] * nrb + rb) * 4 + warp) * a.gq + __popc(g[u] & lt))
                                : make_float4(0.f, 0.f, 0.f, 0.f);
    fma_columns<kU>(a, col, wv, sum);
  }
  atomicAdd(reinterpret_cast<float4*>(a.acc) + rb * (kRB / 4) + threadIdx.x, sum);
}

// Pruned segments with a private copy of the block's rows per warp: a warp takes whole columns
// (every 4th of the range), its 32 lanes hold distinct rows of one column at a time, so each
// add is a plain read-modify-write in shared memory (no float atomic: a compare-and-swap loop
// on the SM), ordered by __syncwarp; the four copies are summed at the end.
__device__ __forceinline__ void range_pruned_warp(const Args& a, float* rows_acc) {
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, rw = 2;
  const int base = blockIdx.y * kRange, rb = blockIdx.x, nrb = a.rows / kRB, width = a.width;
  const uint32_t word = lane < rw ? __ldg(a.mask + rw * blockIdx.y + lane) : 0u;
  const int n = __reduce_add_sync(0xffffffffu, __popc(word));
  if (n == 0) return;
  float* mine = rows_acc + warp * kRB;
#pragma unroll
  for (int i = 0; i < kRB / 128; ++i) reinterpret_cast<float4*>(mine)[lane + 32 * i] = make_float4(0.f, 0.f, 0.f, 0.f);
  __syncwarp();
  const int per_col = (width + 31) / 32, cols_w = n > warp ? (n - warp + 3) / 4 : 0;
  int wi = 0, col = -1, e = per_col, skip = warp;  // the warp's next column is `skip` columns on
  uint32_t bits = __shfl_sync(0xffffffffu, word, 0);
  for (int left = cols_w * per_col; left > 0; left -= kU) {
    float v[kU], xv[kU];
    int r[kU], c[kU];
    size_t at[kU];
    bool ok[kU];
#pragma unroll
    for (int u = 0; u < kU; ++u) {
      if (e == per_col) {  // uniform: next column of this warp
        for (int k = 0; k <= skip; ++k) {
          while (bits == 0 && wi + 1 < rw) bits = __shfl_sync(0xffffffffu, word, ++wi);
          col = bits ? base + 32 * wi + __ffs(bits) - 1 : -1;
          bits &= bits - 1;
        }
        skip = 3;
        e = 0;
      }
      const int t = 32 * e + lane;
      ok[u] = col >= 0 && t < width && u < left;
      at[u] = (size_t(col < 0 ? 0 : col) * nrb + rb) * width + (t < width ? t : 0);
      c[u] = col;
      ++e;
    }
#pragma unroll
    for (int u = 0; u < kU; ++u) {
      v[u] = ok[u] ? __ldg(a.sval + at[u]) : 0.f;
      r[u] = ok[u] ? __ldg(a.srow + at[u]) : 0;
      xv[u] = ok[u] ? __ldg(a.x + c[u]) : 0.f;
    }
#pragma unroll
    for (int u = 0; u < kU; ++u) {
      mine[r[u]] += v[u] * xv[u];
      __syncwarp();
    }
  }
  __syncthreads();
  float4 s = reinterpret_cast<const float4*>(rows_acc)[threadIdx.x];
#pragma unroll
  for (int w = 1; w < 4; ++w) {
    const float4 o = reinterpret_cast<const float4*>(rows_acc + w * kRB)[threadIdx.x];
    s.x += o.x, s.y += o.y, s.z += o.z, s.w += o.w;
  }
  if (s.x != 0.f || s.y != 0.f || s.z != 0.f || s.w != 0.f)
    atomicAdd(reinterpret_cast<float4*>(a.acc + rb * kRB) + threadIdx.x, s);
}

// The problem descriptor from global memory, loaded before the PDL wait (it does not depend
// on the previous kernel): against the parameter bank of a six-problem launch.
template <bool kEarly>
__global__ void __launch_bounds__(kT) range_table(const Args* table) {
  if (kEarly) asm volatile("griddepcontrol.launch_dependents;");
  const Args a = table[blockIdx.z];
  wait();
  zero_next(a);
  range_cursor(a);
}

// The same with the launch's parameters as large as distile.cu's (six problems, one chosen
// by blockIdx.z): does the parameter size cost a step time?
struct Big {
  Args p[6];
  int count;
};
template <bool kStatic, bool kEarly = false, int U = kU, int kTrig = 0>
__global__ void __launch_bounds__(kT) range_big(const Big set) {
  if (kEarly) asm volatile("griddepcontrol.launch_dependents;");
  Args a = set.p[0];
  if (kStatic) {
#pragma unroll
    for (int i = 1; i < 6; ++i)
      if (int(blockIdx.z) == i) a = set.p[i];
  } else {
    a = set.p[blockIdx.z];
  }
  wait();
  zero_next(a);
  range_cursor<U, kTrig>(a);
}

template <int S, int F, bool kPruned>
__global__ void __launch_bounds__(kT) step(Args a, int min_cols, int pruned_cols) {
  extern __shared__ uint32_t dyn[];
  wait();
  if (S == kEmpty) return;
  if (S != kGatherNoZero) zero_next(a);
  uint32_t* words = dyn;
  int* list = reinterpret_cast<int*>(dyn + a.cols / 32);
  float* rows_acc = reinterpret_cast<float*>(dyn + a.cols / 32 + a.cols);
  if (F == kFrontRangeShfl) {  // the range's words one per lane, a uniform cursor (as distile.cu)
    range_cursor(a);
  } else if (F == kFrontListBalanced) {
    // Producer list, split evenly over the block rows; up to 16 columns per round of loads.
    const int n = *a.count, per = max(1, (n + int(gridDim.y) - 1) / int(gridDim.y));
    const int k0 = blockIdx.y * per, k1 = min(n, k0 + per), r4 = blockIdx.x * kT + threadIdx.x;
    if (k0 >= k1) return;
    float4 sum = make_float4(0.f, 0.f, 0.f, 0.f);
    for (int k = k0; k < k1; k += 16) {
      int col[16];
#pragma unroll
      for (int u = 0; u < 16; ++u) col[u] = k + u < k1 ? __ldg(a.list + k + u) : -1;
      add_columns<16>(a, col, r4, sum);
    }
    atomicAdd(reinterpret_cast<float4*>(a.acc) + r4, sum);
  } else if (F == kFrontSelect8) {
    range_select<8>(a);
  } else if (F == kFrontSelect16) {
    range_select<16>(a);
  } else if (F == kFrontRangeU16) {
    range_cursor<16>(a);
  } else if (F == kFrontGrouped) {
    range_grouped(a);
  } else if (F == kFrontPrunedWarp) {
    range_pruned_warp(a, reinterpret_cast<float*>(dyn));
  } else if (F == kFrontWarp) {
    const WarpRank r = warp_rank(a.mask, a.cols / 32);
    const int n = r.total, lane = threadIdx.x & 31;
    const int per = kPruned ? pruned_cols : min_cols;
    const int splits = max(1, min(int(gridDim.y), (n + per - 1) / per)), s = blockIdx.y;
    if (s >= splits || n == 0) return;
    const int k0 = int((long long)n * s / splits), k1 = int((long long)n * (s + 1) / splits);
    if (kPruned) {
      for (int k = k0; k < k1; k += 32) {  // warp 0 writes the block's list; gather_pruned syncs
        const int col = column_at(r, min(k + lane, n - 1));
        if (threadIdx.x < 32 && k + lane < k1) list[k - k0 + lane] = col;
      }
      gather_pruned(a, list, 0, k1 - k0, rows_acc);
    } else {
      const int rows4 = a.rows / 4, r4 = blockIdx.x * kT + threadIdx.x;
      float4 sum = make_float4(0.f, 0.f, 0.f, 0.f);
      for (int k = k0; k < k1; k += kU) {
        const int mine = column_at(r, min(k + (lane & (kU - 1)), n - 1));
        int col[kU];
#pragma unroll
        for (int u = 0; u < kU; ++u) {
          col[u] = __shfl_sync(0xffffffffu, mine, u);
          if (k + u >= k1 || r4 >= rows4) col[u] = -1;
        }
        add_columns(a, col, r4, sum);
      }
      if (r4 < rows4) atomicAdd(reinterpret_cast<float4*>(a.acc) + r4, sum);
    }
  } else if (F == kFrontScan || F == kFrontScanCeil) {
    const int n = scan_list(a, words, list, S != kMask);
    if (S == kMask || S == kScan) {
      if (n == -7 && threadIdx.x == 0) a.acc[0] = 1.f;  // keep the work
      return;
    }
    const int per = kPruned ? pruned_cols : min_cols;
    const int splits = max(1, min(int(gridDim.y), F == kFrontScanCeil ? (n + per - 1) / per : n / per));
    const int s = blockIdx.y;
    if (s >= splits || n == 0) return;
    const int k0 = int((long long)n * s / splits), k1 = int((long long)n * (s + 1) / splits);
    if (kPruned)
      gather_pruned(a, list, k0, k1, rows_acc);
    else
      gather_dense<S != kGatherStore>(a, k0, k1, [&](int k) { return list[k]; });
  } else if (F == kFrontRange) {
    // grid.y = cols / 64: block s owns columns [64 s, 64 s + 64).
    const int base = blockIdx.y * kRange;
    const uint64_t m = a.mask[2 * blockIdx.y] | uint64_t(a.mask[2 * blockIdx.y + 1]) << 32;
    if (m == 0) return;
    const int n = __popcll(m);
    if (kPruned) {
      if (threadIdx.x < kRange && (m >> threadIdx.x & 1))
        list[__popcll(m & ((uint64_t(1) << threadIdx.x) - 1))] = base + threadIdx.x;
      __syncthreads();
      gather_pruned(a, list, 0, n, rows_acc);
    } else {
      uint64_t rest = m;  // every thread walks the same bits in registers
      const int rows4 = a.rows / 4, r4 = blockIdx.x * kT + threadIdx.x;
      if (r4 >= rows4) return;
      float4 s = make_float4(0.f, 0.f, 0.f, 0.f);
      while (rest) {
        int col[kU];
#pragma unroll
        for (int u = 0; u < kU; ++u) {
          col[u] = rest ? base + __ffsll(rest) - 1 : -1;
          rest &= rest - 1;
        }
        add_columns(a, col, r4, s);
      }
      atomicAdd(reinterpret_cast<float4*>(a.acc) + r4, s);
    }
  } else {
    // Producer list: block s takes entries [8 s, 8 s + 8) (and s + grid.y ... on busy steps).
    const int n = *a.count;
    for (int k0 = blockIdx.y * kU; k0 < max(n, 1); k0 += gridDim.y * kU) {
      if (k0 >= n) return;
      if (kPruned) {
        if (threadIdx.x < kU && k0 + threadIdx.x < n) list[threadIdx.x] = a.list[k0 + threadIdx.x];
        __syncthreads();
        gather_pruned(a, list, 0, min(kU, n - k0), rows_acc);
        __syncthreads();
      } else {
        gather_dense<true>(a, k0, min(k0 + kU, n), [&](int k) { return __ldg(a.list + k); });
      }
    }
  }
}

double time_graph(cudaStream_t s, const std::function<void(int)>& f) {
  for (int i = 0; i < kSets; ++i) f(i);
  CK(cudaStreamSynchronize(s));
  cudaGraph_t g;
  cudaGraphExec_t e;
  CK(cudaStreamBeginCapture(s, cudaStreamCaptureModeThreadLocal));
  for (int i = 0; i < 20; ++i) f(i % kSets);
  CK(cudaStreamEndCapture(s, &g));
  CK(cudaGraphInstantiate(&e, g, 0));
  std::vector<double> t;
  cudaEvent_t a, b;
  cudaEventCreate(&a);
  cudaEventCreate(&b);
  for (int r = -3; r < 30; ++r) {
    cudaEventRecord(a, s);
    cudaGraphLaunch(e, s);
    cudaEventRecord(b, s);
    cudaEventSynchronize(b);
    float ms;
    cudaEventElapsedTime(&ms, a, b);
    if (r >= 0) t.push_back(ms * 1e3 / 20);
  }
  CK(cudaGetLastError());
  cudaGraphExecDestroy(e);
  cudaGraphDestroy(g);
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// kernel<<<grid, kT, smem, s>>>(args...), with programmatic stream serialization if `pdl`.
template <typename... P, typename... A>
void launch(void (*kernel)(P...), dim3 grid, size_t smem, cudaStream_t s, bool pdl, A... args) {
  cudaLaunchAttribute attr{};
  attr.id = cudaLaunchAttributeProgrammaticStreamSerialization;
  attr.val.programmaticStreamSerializationAllowed = 1;
  cudaLaunchConfig_t c{};
  c.gridDim = grid;
  c.blockDim = dim3(kT);
  c.dynamicSmemBytes = smem;
  c.stream = s;
  c.attrs = &attr;
  c.numAttrs = pdl ? 1 : 0;
  CK(cudaLaunchKernelEx(&c, kernel, args...));
}

int main() {
  const int rows = 6144, cols = 2048, nrb = rows / kRB;
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> u(-1.f, 1.f);
  std::vector<float> wcm(size_t(rows) * cols);
  for (auto& v : wcm) v = u(rng);
  // 10 % density, per column, for the pruned segments.
  std::vector<float> pr(wcm);
  std::vector<int> idx(rows);
  for (int c = 0; c < cols; ++c) {
    std::iota(idx.begin(), idx.end(), 0);
    std::shuffle(idx.begin(), idx.end(), rng);
    for (int r = rows / 10; r < rows; ++r) pr[size_t(c) * rows + idx[r]] = 0.f;
  }
  int width = 0;
  for (int c = 0; c < cols; ++c)
    for (int rb = 0; rb < nrb; ++rb) {
      int n = 0;
      for (int r = 0; r < kRB; ++r) n += pr[size_t(c) * rows + rb * kRB + r] != 0.f;
      width = std::max(width, n);
    }
  std::vector<float> sval(size_t(cols) * nrb * width, 0.f);
  std::vector<uint16_t> srow(sval.size(), 0);
  for (int c = 0; c < cols; ++c)
    for (int rb = 0; rb < nrb; ++rb) {
      size_t at = (size_t(c) * nrb + rb) * width;
      for (int r = 0; r < kRB; ++r)
        if (float v = pr[size_t(c) * rows + rb * kRB + r]; v != 0.f) {
          sval[at] = v;
          srow[at++] = uint16_t(r);
        }
    }
  // Grouped 4-row columns of the same pruned matrix.
  std::vector<uint32_t> gword(size_t(nrb) * 4 * cols, 0);
  int gq = 1;
  for (int c = 0; c < cols; ++c)
    for (int rb = 0; rb < nrb; ++rb)
      for (int w = 0; w < 4; ++w) {
        uint32_t m = 0;
        for (int l = 0; l < 32; ++l) {
          const size_t r0 = size_t(c) * rows + rb * kRB + w * 128 + 4 * l;
          if (pr[r0] != 0.f || pr[r0 + 1] != 0.f || pr[r0 + 2] != 0.f || pr[r0 + 3] != 0.f) m |= 1u << l;
        }
        gword[(size_t(rb) * 4 + w) * cols + c] = m;
        gq = std::max(gq, __builtin_popcount(m));
      }
  std::vector<float> gval(size_t(cols) * nrb * 4 * gq * 4, 0.f);
  for (int c = 0; c < cols; ++c)
    for (int rb = 0; rb < nrb; ++rb)
      for (int w = 0; w < 4; ++w) {
        const uint32_t m = gword[(size_t(rb) * 4 + w) * cols + c];
        size_t at = ((size_t(c) * nrb + rb) * 4 + w) * gq * 4;
        for (int l = 0; l < 32; ++l)
          if (m >> l & 1u) {
            for (int i = 0; i < 4; ++i) gval[at + i] = pr[size_t(c) * rows + rb * kRB + w * 128 + 4 * l + i];
            at += 4;
          }
      }
  printf("W %d x %d, pruned segment width %d, grouped slice %d (%.1f MB)\n", rows, cols, width, gq, gval.size() * 4e-6);
  float *dw, *dsv, *dx, *dacc;
  uint16_t* dsr;
  uint32_t* dmask;
  int *dlist, *dcount;
  float* dgval;
  uint32_t* dgword;
  CK(cudaMalloc(&dgval, gval.size() * 4));
  CK(cudaMemcpy(dgval, gval.data(), gval.size() * 4, cudaMemcpyHostToDevice));
  CK(cudaMalloc(&dgword, gword.size() * 4));
  CK(cudaMemcpy(dgword, gword.data(), gword.size() * 4, cudaMemcpyHostToDevice));
  Args* dtable;
  CK(cudaMalloc(&dtable, kSets * sizeof(Args)));
  CK(cudaMalloc(&dw, wcm.size() * 4));
  CK(cudaMemcpy(dw, wcm.data(), wcm.size() * 4, cudaMemcpyHostToDevice));
  CK(cudaMalloc(&dsv, sval.size() * 4));
  CK(cudaMemcpy(dsv, sval.data(), sval.size() * 4, cudaMemcpyHostToDevice));
  CK(cudaMalloc(&dsr, srow.size() * 2));
  CK(cudaMemcpy(dsr, srow.data(), srow.size() * 2, cudaMemcpyHostToDevice));
  CK(cudaMalloc(&dx, size_t(kSets) * cols * 4));
  CK(cudaMalloc(&dacc, size_t(kSets) * rows * 4));
  CK(cudaMemset(dacc, 0, size_t(kSets) * rows * 4));
  CK(cudaMalloc(&dmask, size_t(kSets) * cols / 8));
  CK(cudaMalloc(&dlist, size_t(kSets) * cols * 4));
  CK(cudaMalloc(&dcount, kSets * 4));
  cudaStream_t s;
  CK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  cublasHandle_t h;
  cublasCreate(&h);
  cublasSetStream(h, s);
  const float one = 1.f, zero = 0.f;

  for (double act : {0.01, 0.05, 0.1, 0.2}) {
    std::vector<float> xs(size_t(kSets) * cols, 0.f);
    std::vector<uint32_t> masks(size_t(kSets) * cols / 32, 0);
    std::vector<int> lists(size_t(kSets) * cols, 0), counts(kSets);
    std::vector<int> units(cols);
    for (int set = 0; set < kSets; ++set) {
      std::iota(units.begin(), units.end(), 0);
      std::shuffle(units.begin(), units.end(), rng);
      const int n = int(act * cols + 0.5);
      std::sort(units.begin(), units.begin() + n);
      for (int i = 0; i < n; ++i) {
        xs[size_t(set) * cols + units[i]] = 0.5f;
        masks[size_t(set) * cols / 32 + units[i] / 32] |= 1u << (units[i] % 32);
        lists[size_t(set) * cols + i] = units[i];
      }
      counts[set] = n;
    }
    CK(cudaMemcpy(dx, xs.data(), xs.size() * 4, cudaMemcpyHostToDevice));
    CK(cudaMemcpy(dmask, masks.data(), masks.size() * 4, cudaMemcpyHostToDevice));
    CK(cudaMemcpy(dlist, lists.data(), lists.size() * 4, cudaMemcpyHostToDevice));
    CK(cudaMemcpy(dcount, counts.data(), kSets * 4, cudaMemcpyHostToDevice));
    auto args = [&](int set) {
      Args a{dw,
             dsv,
             dsr,
             width,
             dx + size_t(set) * cols,
             dmask + size_t(set) * cols / 32,
             dlist + size_t(set) * cols,
             dcount + set,
             dacc + size_t(set) * rows,
             dacc + size_t((set + 1) % kSets) * rows,
             rows,
             cols,
             reinterpret_cast<const float4*>(dgval),
             dgword,
             gq};
      return a;
    };
    for (int set = 0; set < kSets; ++set) {
      const Args a = args(set);
      CK(cudaMemcpy(dtable + set, &a, sizeof(Args), cudaMemcpyHostToDevice));
    }
    const size_t smem = (cols / 32 + cols + kRB) * 4;
    const dim3 g32(nrb, 32), grange(nrb, cols / kRange), g1(1, 1);
    struct V {
      const char* name;
      void (*k)(Args, int, int);
      dim3 grid;
      bool pdl;
      int pc = 4;  // pruned columns per split
    };
    const V vs[] = {
        {"empty 1 block, no PDL", step<kEmpty, kFrontScan, false>, g1, false},
        {"empty 12x32, no PDL", step<kEmpty, kFrontScan, false>, g32, false},
        {"empty 12x32, PDL wait", step<kEmpty, kFrontScan, false>, g32, true},
        {"+ zero next, bitmask to smem", step<kMask, kFrontScan, false>, g32, true},
        {"+ scan and list", step<kScan, kFrontScan, false>, g32, true},
        {"scan: dense gather (v8)", step<kGather, kFrontScan, false>, g32, true},
        {"scan: dense gather, no PDL", step<kGather, kFrontScan, false>, g32, false},
        {"scan: dense gather, no zero", step<kGatherNoZero, kFrontScan, false>, g32, true},
        {"scan: dense gather, stores (racy)", step<kGatherStore, kFrontScan, false>, g32, true},
        {"range: dense gather", step<kGather, kFrontRange, false>, grange, true},
        {"list: dense gather", step<kGather, kFrontList, false>, g32, true},
        {"range, lane words + cursor: dense gather", step<kGather, kFrontRangeShfl, false>, grange, true},
        {"scan, ceil splits: dense gather", step<kGather, kFrontScanCeil, false>, g32, true},
        {"warp rank: dense gather", step<kGather, kFrontWarp, false>, g32, true},
        {"warp rank: dense gather, 64 splits", step<kGather, kFrontWarp, false>, dim3(nrb, 64), true},
        {"scan: pruned (v8)", step<kGather, kFrontScan, true>, g32, true},
        {"scan, ceil splits: pruned", step<kGather, kFrontScanCeil, true>, g32, true},
        {"warp rank: pruned", step<kGather, kFrontWarp, true>, g32, true},
        {"warp rank: pruned, 8 cols per split", step<kGather, kFrontWarp, true>, g32, true, 8},
        {"range: pruned", step<kGather, kFrontRange, true>, grange, true},
        {"range: pruned, warp-private rows", step<kGather, kFrontPrunedWarp, true>, grange, true},
        {"range: pruned as grouped 4-row columns", step<kGather, kFrontGrouped, false>, grange, true},
        {"range, lane words + cursor, U16: dense gather", step<kGather, kFrontRangeU16, false>, grange, true},
        {"list, balanced, U16: dense gather", step<kGather, kFrontListBalanced, false>, g32, true},
        {"range, parallel select U8: dense gather", step<kGather, kFrontSelect8, false>, grange, true},
        {"range, parallel select U16: dense gather", step<kGather, kFrontSelect16, false>, grange, true},
        {"list: pruned", step<kGather, kFrontList, true>, g32, true},
    };
    printf("\nactivity %.0f %%\n", act * 100);
    printf("%-40s: %6.2f us\n", "cuBLAS gemv (col-major N)", time_graph(s, [&](int set) {
             cublasSgemv(h, CUBLAS_OP_N, rows, cols, &one, dw, rows, dx + size_t(set) * cols, 1, &zero,
                         dacc + size_t(set) * rows, 1);
           }));
    for (int su : {0, 8, 16, -1}) {  // -1: SU0 with the early trigger
      evsim::cuda::DistilePlan plan = evsim::cuda::plan_for(evsim::cuda::GpuProfile{});
      plan.pdl = true;
      plan.pdl_early = su < 0;
      su = std::max(su, 0);
      plan.stream_unroll = su ? su : 16;
      auto problem = [&](int set) {
        evsim::cuda::DistileProblem q;
        q.w = dw;
        q.w_rows = dw;  // never streams here (stream_above past the count), but may
        q.x = dx + size_t(set) * cols;
        q.mask = dmask + size_t(set) * cols / 32;
        q.count = reinterpret_cast<const uint32_t*>(dcount + set);
        q.acc = dacc + size_t(set) * rows;
        q.zero = dacc + size_t((set + 1) % kSets) * rows;
        q.rows = rows;
        q.cols = cols;
        q.stream_above = su ? cols - 1 : cols;
        return q;
      };
      const double t = time_graph(s, [&](int set) {
        const auto q = problem(set);
        evsim::cuda::distile_step(&q, 1, 1, plan, s);
      });
      printf("product distile_step, SU%-2d%s: %6.2f us\n", su, plan.pdl_early ? " early trigger" : "              ", t);
    }
    for (bool early : {false, true}) {
      const double t = time_graph(s, [&](int set) {
        const Args* tab = dtable + set;
        launch(early ? range_table<true> : range_table<false>, grange, 0, s, true, tab);
      });
      printf("range, lane words + cursor, descriptor in memory%s: %6.2f us\n", early ? " (early trigger)" : "", t);
    }
    for (int stat : {0, 1, 2, 3, 4, 5}) {
      const double t = time_graph(s, [&](int set) {
        Big big{};
        for (int i = 0; i < 6; ++i) big.p[i] = args(set);
        big.count = 1;
        void (*k)(Big) = stat == 1   ? range_big<true>
                         : stat == 2 ? range_big<false, true>
                         : stat == 3 ? range_big<false, false, kU, 1>
                         : stat == 4 ? range_big<false, false, kU, 2>
                         : stat == 5 ? range_big<false, false, 16, 0>
                                     : range_big<false>;
        launch(k, grange, 0, s, true, big);
      });
      const char* what[] = {
          "", " (static copy)", " (early trigger)", " (trigger after mask)", " (trigger before atomics)", " (U16)"};
      printf("range, lane words + cursor, 6-problem params%s: %6.2f us\n", what[stat], t);
    }
    for (const V& v : vs) {
      CK(cudaFuncSetAttribute(v.k, cudaFuncAttributeMaxDynamicSharedMemorySize, int(smem)));
      const double t = time_graph(s, [&](int set) { launch(v.k, v.grid, smem, s, v.pdl, args(set), 8, v.pc); });
      // Check: the gather variants against a host reference on set 0.
      double err = -1;
      if (strstr(v.name, "gather") || strstr(v.name, "pruned")) {
        CK(cudaMemset(dacc, 0, size_t(kSets) * rows * 4));
        Args a = args(0);
        a.zero = dacc + size_t(kSets - 1) * rows;  // not set 0's accumulator
        launch(v.k, v.grid, smem, s, false, a, 8, v.pc);
        CK(cudaStreamSynchronize(s));
        std::vector<float> got(rows);
        CK(cudaMemcpy(got.data(), dacc, rows * 4, cudaMemcpyDeviceToHost));
        const bool pruned = strstr(v.name, "pruned") != nullptr;
        const std::vector<float>& W = pruned ? pr : wcm;
        err = 0;
        for (int r = 0; r < rows; ++r) {
          double ref = 0;
          for (int c = 0; c < cols; ++c) ref += double(W[size_t(c) * rows + r]) * xs[c];
          err = std::max(err, std::abs(ref - got[r]));
        }
      }
      printf("%-40s: %6.2f us%s", v.name, t, err >= 0 ? "" : "\n");
      if (err >= 0) printf("   (max abs err %.2e)\n", err);
    }
  }
  return 0;
}
