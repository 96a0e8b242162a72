#include <cub/block/block_scan.cuh>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/sparse_delivery.cuh"

namespace evsim::cuda {
namespace {

constexpr int kListCap = 512;    // active columns per round
constexpr int kEntryCap = 2048;  // staged entries per pass (a column's entries in one block: <= kSparseRows)
constexpr int kWordsPerThread = kSparseMaxCols / 32 / kSparseRows;
static_assert(kEntryCap >= kSparseRows, "a column's entries within a block must fit one pass");

// The inputs: x, or (ring.base set) the ring's slot `delay` steps before step t (null: none).
struct Source {
  const float* x = nullptr;
  RingView ring{};
  int t = 0, delay = 0;
};

__device__ const float* inputs_of(const Source& s) { return s.ring.base ? ring_slot(s.ring, s.t, s.delay) : s.x; }

// One thread per input column: active when any sample's value is non-zero; a word per warp.
__global__ void mask_kernel(const Source src, int cols, int batch, uint32_t* __restrict__ mask) {
  const int j = blockIdx.x * blockDim.x + threadIdx.x;
  const float* x = inputs_of(src);
  bool on = false;
  if (j < cols && x)
    for (int b = 0; b < batch; ++b) on |= x[static_cast<size_t>(b) * cols + j] != 0.0f;
  const unsigned m = __ballot_sync(0xffffffffu, on);
  if ((threadIdx.x & 31) == 0 && j < cols) mask[j >> 5] = m;
}

using Scan = cub::BlockScan<int, kSparseRows>;

struct Shared {
  uint32_t words[kSparseMaxCols / 32];
  int list[kListCap];
  int seg[kSparseRows + 1];  // a pass's columns: where each one's staged entries start
  float xcol[kListCap][kSparseSamples];
  uint16_t target[kEntryCap], column[kEntryCap];  // row within the block; the column's place in the round
  float weight[kEntryCap];
  int used;
  typename Scan::TempStorage scan;
};

// The block's rows: sum over the round's n columns in passes of at most kEntryCap entries.
__device__ void deliver_round(const SparseColumns& w, Shared& sh, int n, float (&acc)[kSparseSamples]) {
  const int t = threadIdx.x, rb = blockIdx.x;
  for (int k0 = 0; k0 < n;) {
    const int k = k0 + t;
    uint32_t lo = 0;
    int len = 0;
    if (k < n) {
      const uint32_t* p = w.block_ptr + static_cast<size_t>(sh.list[k]) * (w.row_blocks + 1) + rb;
      lo = p[0];
      len = static_cast<int>(p[1] - lo);
    }
    int off;
    Scan(sh.scan).ExclusiveSum(len, off);
    const bool fits = k < n && off + len <= kEntryCap;
    const int taken = __syncthreads_count(fits);
    if (fits) {
      for (int e = 0; e < len; ++e) {
        sh.target[off + e] = static_cast<uint16_t>(w.row_idx[lo + e] - static_cast<uint32_t>(rb * kSparseRows));
        sh.weight[off + e] = w.val[lo + e];
        sh.column[off + e] = static_cast<uint16_t>(k);
      }
      sh.seg[t] = off;
      if (t == taken - 1) sh.used = sh.seg[taken] = off + len;
    }
    __syncthreads();
    const int used = sh.used;
    if (used > 8 * taken) {  // long columns: find this row in each (rows ascending) instead of reading all
      for (int c = 0; c < taken; ++c) {
        int lo_e = sh.seg[c], hi_e = sh.seg[c + 1];
        while (lo_e < hi_e) {
          const int mid = (lo_e + hi_e) >> 1;
          if (sh.target[mid] < t)
            lo_e = mid + 1;
          else
            hi_e = mid;
        }
        if (lo_e < sh.seg[c + 1] && sh.target[lo_e] == t) {
          const float wv = sh.weight[lo_e];
          const float* xv = sh.xcol[k0 + c];
#pragma unroll
          for (int q = 0; q < kSparseSamples; ++q) acc[q] = __fmaf_rn(wv, xv[q], acc[q]);
        }
      }
    } else {
      for (int e = 0; e < used; ++e)
        if (sh.target[e] == t) {
          const float wv = sh.weight[e];
          const float* xv = sh.xcol[sh.column[e]];
#pragma unroll
          for (int q = 0; q < kSparseSamples; ++q) acc[q] = __fmaf_rn(wv, xv[q], acc[q]);
        }
    }
    __syncthreads();  // the entries are read before the next pass overwrites them
    k0 += taken;
  }
}

// Many active columns: the row's own entries, in column order, where a sample's input is non-zero.
__device__ void pull_row(const SparseColumns& w, const float* __restrict__ x, int row, int b0, int batch,
                         float (&acc)[kSparseSamples]) {
  const uint32_t end = w.row_ptr[row + 1];
  for (uint32_t e = w.row_ptr[row]; e < end; ++e) {
    const size_t j = w.col_idx[e];
    const float wv = w.row_val[e];
#pragma unroll
    for (int q = 0; q < kSparseSamples; ++q)
      if (b0 + q < batch) {
        const float v = x[static_cast<size_t>(b0 + q) * w.cols + j];
        if (v != 0.0f) acc[q] = __fmaf_rn(wv, v, acc[q]);
      }
  }
}

__global__ void __launch_bounds__(kSparseRows)
    deliver_kernel(const SparseColumns w, const Source src, int batch, const uint32_t* __restrict__ mask,
                   float* __restrict__ y, bool accumulate) {
  __shared__ Shared sh;
  const float* x = inputs_of(src);  // null: an all-zero mask, x never read
  const int t = threadIdx.x, b0 = blockIdx.y * kSparseSamples;
  const int words = (w.cols + 31) / 32;
  // Each thread a contiguous range of mask words, so that the scan keeps the columns in order.
  int mine = 0;
#pragma unroll
  for (int i = 0; i < kWordsPerThread; ++i) {
    const int wi = t * kWordsPerThread + i;
    const uint32_t m = wi < words ? mask[wi] : 0u;
    sh.words[t * kWordsPerThread + i] = m;
    mine += __popc(m);
  }
  int base, total;
  Scan(sh.scan).ExclusiveSum(mine, base, total);
  const int row = blockIdx.x * kSparseRows + t;
  float acc[kSparseSamples] = {};
  if (accumulate && row < w.rows)
#pragma unroll
    for (int q = 0; q < kSparseSamples; ++q)
      if (b0 + q < batch) acc[q] = y[static_cast<size_t>(b0 + q) * w.rows + row];
  if (total > w.pull_above && w.row_ptr) {  // the same for every thread of the block
    if (row < w.rows) pull_row(w, x, row, b0, batch, acc);
    total = 0;
  }
  for (int c0 = 0; c0 < total; c0 += kListCap) {
    __syncthreads();  // the previous round's list and values are no longer read
    int pos = base;
    for (int i = 0; i < kWordsPerThread && pos < c0 + kListCap; ++i) {
      uint32_t m = sh.words[t * kWordsPerThread + i];
      if (pos + __popc(m) <= c0) {
        pos += __popc(m);
        continue;
      }
      for (; m; m &= m - 1, ++pos)
        if (pos >= c0 && pos < c0 + kListCap) sh.list[pos - c0] = (t * kWordsPerThread + i) * 32 + __ffs(m) - 1;
    }
    __syncthreads();
    const int n = min(kListCap, total - c0);
    for (int k = t; k < n; k += kSparseRows)
#pragma unroll
      for (int q = 0; q < kSparseSamples; ++q)
        sh.xcol[k][q] = b0 + q < batch ? x[static_cast<size_t>(b0 + q) * w.cols + sh.list[k]] : 0.0f;
    __syncthreads();
    deliver_round(w, sh, n, acc);
  }
  if (row < w.rows)
#pragma unroll
    for (int q = 0; q < kSparseSamples; ++q)
      if (b0 + q < batch) y[static_cast<size_t>(b0 + q) * w.rows + row] = acc[q];
}

void deliver(const SparseColumns& w, const Source& src, int batch, uint32_t* mask, float* y, bool accumulate,
             cudaStream_t stream) {
  mask_kernel<<<(w.cols + 255) / 256, 256, 0, stream>>>(src, w.cols, batch, mask);
  EVSIM_KERNEL_CHECK();
  const dim3 grid(static_cast<unsigned>(w.row_blocks),
                  static_cast<unsigned>((batch + kSparseSamples - 1) / kSparseSamples));
  deliver_kernel<<<grid, kSparseRows, 0, stream>>>(w, src, batch, mask, y, accumulate);
  EVSIM_KERNEL_CHECK();
}

}  // namespace

void sparse_deliver(const SparseColumns& w, const float* x, int batch, uint32_t* mask, float* y, cudaStream_t stream) {
  deliver(w, Source{x, {}, 0, 0}, batch, mask, y, false, stream);
}

void sparse_deliver_delayed(const SparseColumns& w, const RingView& ring, int t, int delay, int batch, uint32_t* mask,
                            float* y, bool accumulate, cudaStream_t stream) {
  deliver(w, Source{nullptr, ring, t, delay}, batch, mask, y, accumulate, stream);
}

}  // namespace evsim::cuda
