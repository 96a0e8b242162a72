#include "network/gathered_delivery.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <vector>

#if defined(__AVX2__) && defined(__FMA__)
#include <immintrin.h>
#endif

#include "core/nonzero.hpp"
#include "core/threads.hpp"
#include "network/column_fma.hpp"

namespace evsim {
namespace {

// Rows [r0, r1) of every sample. Blocks of input columns (ascending, so each output still
// sees its inputs in order) x tiles of rows: a block's tile of weights stays in cache while
// every sample that fired in it is added, so the weights come from memory once per step.
// A block spans about kColumnBlock active columns.
constexpr int64_t kColumnBlock = 64;
constexpr int64_t kRowTile = 512;

// Each sample's non-zero inputs (column pointer, value), ascending, with where every column
// block starts: built once per step, shared by the threads.
struct SampleLists {
  std::vector<const float*> col;
  std::vector<float> val;
  std::vector<size_t> start;  // sample b, block k: start[b (blocks + 1) + k]
  size_t blocks = 0;
  std::vector<uint32_t> idx;  // one sample's non-zero inputs
};

// Refills `s` (its buffers are kept from step to step: no allocation in the steady state).
// In a batch, each sample's inputs are found by a SIMD scan of its column of x: looking every
// active column up in every sample, with a branch each, cost 19 ns per delivered (column,
// sample) pair on a 16-row readout at batch 64 (20 % activity), 14x the product it replaces.
void sample_lists(const Matrix& w, const GatheredInputs& in, int64_t batch, SampleLists& s) {
  s.start.clear();
  s.col.resize(static_cast<size_t>(gathered_events(in)));  // written by index: no push_back per pair
  s.val.resize(s.col.size());
  const int64_t cols = in.x.rows();
  const int64_t active = std::max<int64_t>(1, static_cast<int64_t>(in.active.size()));
  const int64_t span = std::max<int64_t>(16, kColumnBlock * cols / active);
  s.blocks = static_cast<size_t>((cols + span - 1) / span);
  s.idx.resize(static_cast<size_t>(cols));
  const auto rows = static_cast<size_t>(w.rows());
  size_t at = 0;
  for (int64_t b = 0; b < batch; ++b) {
    const float* xb = in.x.col(b).data();
    const uint32_t* idx = in.active.data();  // one sample: its non-zeros are the active columns
    size_t n = in.active.size();
    if (batch > 1) {
      n = nonzero_indices(xb, cols, s.idx.data());
      idx = s.idx.data();
    }
    if (at + n > s.col.size()) {  // more events than the gatherer counted: never by contract
      s.col.resize(at + n);
      s.val.resize(at + n);
    }
    size_t i = 0;
    for (size_t k = 0; k < s.blocks; ++k) {
      s.start.push_back(at + i);
      const auto end = static_cast<uint32_t>(std::min<int64_t>(cols, static_cast<int64_t>(k + 1) * span));
      for (; i < n && idx[i] < end; ++i) {
        s.col[at + i] = w.data() + idx[i] * rows;
        s.val[at + i] = xb[idx[i]];
      }
    }
    at += n;
    s.start.push_back(at);
  }
  s.col.resize(at);
  s.val.resize(at);
}

void dense_rows(const SampleLists& s, Matrix& y, int64_t r0, int64_t r1) {
  const int64_t rows = y.rows(), batch = y.cols();
  const int64_t tile = batch == 1 ? r1 - r0 : kRowTile;  // one sample: stream whole columns
  for (size_t k = 0; k < s.blocks; ++k)
    for (int64_t t0 = r0; t0 < r1; t0 += tile) {
      const int64_t t1 = std::min(r1, t0 + tile);
      for (int64_t b = 0; b < batch; ++b) {
        const size_t* st = s.start.data() + static_cast<size_t>(b) * (s.blocks + 1);
        float* out = y.data() + static_cast<size_t>(b * rows);
        for (size_t i = st[k]; i < st[k + 1]; i += 4)
          add_columns(out, s.col.data() + i, s.val.data() + i, static_cast<int>(std::min<size_t>(4, st[k + 1] - i)), t0,
                      t1);
      }
    }
}

// The next column's entries, prefetched while the current one is added: a column is a short
// stream starting at a random address, which the hardware prefetcher only picks up after a few
// misses (measured: 0.9-1.4 ns per non-zero without, 0.5-0.8 with, on a Zen 4 core, hidden
// 2048-4096 at 10 % density).
struct Stream {
  const uint16_t* off = nullptr;
  const float* val = nullptr;
  uint64_t n = 0;
};

constexpr uint64_t kLine = 64 / sizeof(float);  // non-zeros per cache line of values

void prefetch_line(Stream& s) {  // one line of values and its offsets (half a line)
  __builtin_prefetch(s.val);
  __builtin_prefetch(s.off);
  const uint64_t k = std::min(s.n, kLine);
  s.val += k, s.off += k, s.n -= k;
}

// One segment of a column into one sample's outputs, a line of `next` prefetched per line
// consumed. Kept out of line with restrict-qualified pointers: inlined into its caller, GCC kept
// pointers in vector registers and the loop ran 2.3x slower. A segment's rows are distinct, so
// a group's outputs are loaded before any is stored: the loads need not wait on the stores before
// them.
#if defined(__AVX2__) && defined(__FMA__)
// Eight non-zeros: their offsets from two 64-bit loads, their values from one 256-bit load, each
// value brought to a register's low element by a shuffle. A non-zero then costs its output's load
// and store (2.25 memory operations, not 4: the scalar loop was at the core's limit of memory
// operations per cycle; 0.38-0.41 -> 0.30-0.31 ns a non-zero from L2 on a Zen 5 core). On the
// device host's Xeon: 1.2-1.6x faster from memory (hidden 4096), 1.25-1.35x slower in cache
// (hidden 2048; likely the shuffles, which Intel cores issue on one port): docs/measurements.md.
inline void scatter8(const uint16_t* __restrict off, const float* __restrict val, __m128 b, float* __restrict out) {
  uint64_t lo, hi;
  std::memcpy(&lo, off, 8);
  std::memcpy(&hi, off + 4, 8);
  const uint32_t o[8] = {
      uint32_t(lo & 0xffff), uint32_t((lo >> 16) & 0xffff), uint32_t((lo >> 32) & 0xffff), uint32_t(lo >> 48),
      uint32_t(hi & 0xffff), uint32_t((hi >> 16) & 0xffff), uint32_t((hi >> 32) & 0xffff), uint32_t(hi >> 48)};
  const __m256 w8 = _mm256_loadu_ps(val);
  const __m128 w[2] = {_mm256_castps256_ps128(w8), _mm256_extractf128_ps(w8, 1)};
  __m128 y[8];
  for (int i = 0; i < 8; ++i) y[i] = _mm_load_ss(out + o[i]);  // rows of a segment are distinct
  for (int h = 0; h < 2; ++h) {
    const __m128 a = w[h];
    _mm_store_ss(out + o[4 * h], _mm_fmadd_ss(a, b, y[4 * h]));
    _mm_store_ss(out + o[4 * h + 1], _mm_fmadd_ss(_mm_movehdup_ps(a), b, y[4 * h + 1]));
    _mm_store_ss(out + o[4 * h + 2], _mm_fmadd_ss(_mm_movehl_ps(a, a), b, y[4 * h + 2]));
    _mm_store_ss(out + o[4 * h + 3], _mm_fmadd_ss(_mm_shuffle_ps(a, a, 3), b, y[4 * h + 3]));
  }
}
#endif

[[gnu::noinline]] void scatter(const uint16_t* __restrict off, const float* __restrict val, uint64_t n, float v,
                               float* __restrict out, Stream& next) {
  uint64_t k = 0;
#if defined(__AVX2__) && defined(__FMA__)
  const __m128 b = _mm_set_ss(v);
  for (; k + kLine <= n; k += kLine) {
    if (next.n > 0) prefetch_line(next);
    scatter8(off + k, val + k, b, out);
    scatter8(off + k + 8, val + k + 8, b, out);
  }
#else
  for (; k + kLine <= n; k += kLine) {
    if (next.n > 0) prefetch_line(next);
    for (uint64_t u = k; u < k + kLine; u += 4) {
      const uint32_t o0 = off[u], o1 = off[u + 1], o2 = off[u + 2], o3 = off[u + 3];
      const float y0 = out[o0], y1 = out[o1], y2 = out[o2], y3 = out[o3];
      out[o0] = std::fma(val[u], v, y0);
      out[o1] = std::fma(val[u + 1], v, y1);
      out[o2] = std::fma(val[u + 2], v, y2);
      out[o3] = std::fma(val[u + 3], v, y3);
    }
  }
#endif
  for (; k < n; ++k) out[off[k]] = std::fma(val[k], v, out[off[k]]);
}

// Columns are prefetched about kPrefetchNnz non-zeros ahead (at least two columns: one column
// of a few hundred non-zeros is too short to hide the latency), and their segment boundaries
// further still: with a block per thread, a column's segment holds tens of non-zeros and the
// boundary itself was the miss that the data prefetch waited on (16 threads scaled 3.9x).
constexpr uint64_t kPrefetchNnz = 512;
constexpr size_t kPointerAhead = 16;

// Row blocks [b0, b1) of every active column (a column's segments there are one contiguous
// stream); returns the non-zeros read (a column is read from memory once, whatever the batch).
uint64_t sparse_blocks(const BlockedCsc& w, const GatheredInputs& in, Matrix& y, int64_t b0, int64_t b1) {
  const int64_t rows = w.rows, batch = y.cols(), blocks = w.blocks();
  const size_t n = in.active.size();
  const uint64_t per_column = std::max<uint64_t>(
      1, w.val.size() * static_cast<uint64_t>(b1 - b0) / static_cast<uint64_t>(std::max<int64_t>(1, w.cols * blocks)));
  const size_t ahead = std::clamp<uint64_t>(kPrefetchNnz / per_column, 2, kPointerAhead / 2);
  uint64_t nnz = 0;
  for (size_t i = 0; i < n; ++i) {
    if (i + kPointerAhead < n) {
      const uint64_t* q = w.column_ptr(in.active[i + kPointerAhead]);
      __builtin_prefetch(q + b0);
      __builtin_prefetch(q + b1);
    }
    const uint32_t j = in.active[i];
    const uint64_t* p = w.column_ptr(j);
    nnz += p[b1] - p[b0];
    if (p[b1] == p[b0]) continue;
    Stream next;
    if (i + ahead < n) {
      const uint64_t* q = w.column_ptr(in.active[i + ahead]);
      next = {w.off.data() + q[b0], w.val.data() + q[b0], q[b1] - q[b0]};
    }
    for (int64_t s = 0; s < batch; ++s) {
      const float v = in.x(j, s);
      if (v == 0.0f) continue;
      float* out = y.data() + static_cast<size_t>(s * rows);
      if (w.absolute())  // one run of rows: no loop exit per block (one thread over 16 blocks was 20 % slower)
        scatter(w.off.data() + p[b0], w.val.data() + p[b0], p[b1] - p[b0], v, out, next);
      else
        for (int64_t k = b0; k < b1; ++k)
          if (p[k + 1] > p[k])
            scatter(w.off.data() + p[k], w.val.data() + p[k], p[k + 1] - p[k], v, out + w.offset_base(k), next);
      while (next.n > 0) prefetch_line(next);  // a column shorter than the next one
    }
  }
  return nnz;
}

}  // namespace

void list_sample_events(GatheredInputs& in) {
  const int64_t cols = in.x.rows();
  in.sample_units.resize(static_cast<size_t>(cols * in.x.cols()));
  in.sample_events.clear();
  for (int64_t b = 0; b < in.x.cols(); ++b)
    in.sample_events.push_back(
        static_cast<uint32_t>(nonzero_indices(in.x.col(b).data(), cols, in.sample_units.data() + b * cols)));
}

double gathered_events(const GatheredInputs& in) {
  if (in.events >= 0) return static_cast<double>(in.events);
  double n = 0;
  for (const uint32_t j : in.active)
    for (Eigen::Index b = 0; b < in.x.cols(); ++b) n += in.x(j, b) != 0.0f;
  return n;
}

uint64_t gather_dense_columns(const Matrix& w, const GatheredInputs& in, Matrix& y, int threads) {
  const int64_t rows = w.rows();
  thread_local SampleLists buffers;
  SampleLists& lists = buffers;  // the caller's: OpenMP's workers have their own thread_locals
  sample_lists(w, in, y.cols(), lists);
  const uint64_t bytes = static_cast<uint64_t>(in.active.size()) * static_cast<uint64_t>(rows) * sizeof(float);
  if (threads <= 1) {  // no fork-join at all: small layers pay for it per step
    dense_rows(lists, y, 0, rows);
    return bytes;
  }
  // Chunks of whole cache lines (16 floats), one per thread.
  const int64_t chunk = ((rows + threads - 1) / threads + 15) / 16 * 16;
  on_threads(threads, [&](int c) {
    const int64_t r0 = std::min(rows, c * chunk), r1 = std::min(rows, r0 + chunk);
    if (r0 < r1) dense_rows(lists, y, r0, r1);
  });
  return bytes;
}

uint64_t gather_sparse_columns(const BlockedCsc& w, const GatheredInputs& in, Matrix& y, int threads) {
  const int64_t blocks = w.blocks();
  if (threads <= 1) return sparse_blocks(w, in, y, 0, blocks) * BlockedCsc::kBytesPerNnz;
  std::atomic<uint64_t> nnz = 0;
  // Each thread a contiguous range of blocks, the ranges as even as the blocks allow.
  on_threads(threads, [&](int c) {
    const int64_t b0 = c * blocks / threads, b1 = (c + 1) * blocks / threads;
    if (b0 < b1) nnz += sparse_blocks(w, in, y, b0, b1);
  });
  return nnz.load() * BlockedCsc::kBytesPerNnz;
}

}  // namespace evsim
