#include "network/row_slices.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "core/cpu_cost_model.hpp"
#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "core/threads.hpp"

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace evsim {

RowSlices RowSlices::from_csc(const CscMatrix& w) {
  if (w.cols > kMaxCols) throw Error("row slices hold at most 65536 columns");
  if (w.rows > kMaxRows) throw Error("row slices hold at most 2^30 rows");
  RowSlices s;
  s.rows = w.rows;
  s.cols = w.cols;
  // The non-zeros row by row, each row's in ascending column order (columns visited in order).
  std::vector<uint64_t> start(static_cast<size_t>(w.rows) + 1, 0);
  for (const uint32_t r : w.row_idx) ++start[r + 1];
  for (int64_t r = 0; r < w.rows; ++r) start[static_cast<size_t>(r) + 1] += start[static_cast<size_t>(r)];
  auto length = [&](uint32_t r) { return start[r + 1] - start[r]; };
  // Rows longest first, so that a slice's rows are about as long as each other: in row order
  // magnitude-pruned rows pad a slice to its longest (p90's egru1 input matrix: 74 non-zeros a
  // row on average, 1 to 168; 1.48 entries a non-zero in row order).
  s.row.resize(static_cast<size_t>(s.slices() * kLanes), 0);
  std::iota(s.row.begin(), s.row.begin() + w.rows, 0u);
  std::stable_sort(s.row.begin(), s.row.begin() + w.rows,
                   [&](uint32_t a, uint32_t b) { return length(a) > length(b); });
  uint64_t steps_total = 0;  // a slice takes as many steps as its longest (first) row
  for (int64_t p = 0; p < w.rows; p += kLanes) steps_total += length(s.row[static_cast<size_t>(p)]);
  require_memory(static_cast<double>(steps_total * kLanes) * 6.0 + 4.0 * static_cast<double>(w.nnz()),
                 "the row slices of a " + std::to_string(w.rows) + " x " + std::to_string(w.cols) + " weight");
  std::vector<uint64_t> fill(start.begin(), start.end() - 1);
  std::vector<uint16_t> cols(w.nnz());
  std::vector<float> vals(w.nnz());
  for (int64_t j = 0; j < w.cols; ++j)
    for (uint64_t k = w.col_ptr[static_cast<size_t>(j)]; k < w.col_ptr[static_cast<size_t>(j) + 1]; ++k) {
      const uint64_t at = fill[w.row_idx[k]]++;
      cols[at] = static_cast<uint16_t>(j);
      vals[at] = w.values[k];
    }
  s.len.assign(static_cast<size_t>(s.slices() * kLanes), 0);
  for (int64_t p = 0; p < w.rows; ++p)
    s.len[static_cast<size_t>(p)] = static_cast<int32_t>(length(s.row[static_cast<size_t>(p)]));
  s.col.reserve(steps_total * kLanes);
  s.val.reserve(steps_total * kLanes);
  s.ptr.push_back(0);
  for (int64_t c = 0; c < s.slices(); ++c) {
    const auto steps = static_cast<uint64_t>(s.len[static_cast<size_t>(c * kLanes)]);
    for (uint64_t k = 0; k < steps; ++k)
      for (int64_t lane = 0; lane < kLanes; ++lane) {
        const auto p = static_cast<size_t>(c * kLanes + lane);
        const uint32_t r = s.row[p];
        const bool live = k < static_cast<uint64_t>(s.len[p]);
        s.col.push_back(live ? cols[start[r] + k] : 0);
        s.val.push_back(live ? vals[start[r] + k] : 0.0f);
      }
    s.ptr.push_back(s.ptr.back() + steps);
  }
  return s;
}

namespace {

// Steps of the entries prefetched ahead (4 KB): a slice's entries are one stream and the slices
// follow each other, yet the gathers left the hardware prefetcher behind: this VM, 10 % density,
// 512 columns, 128 MB of slices, one sample: 0.36 ns an entry more than in cache with 16 steps
// ahead, 0.02 with 48 or 128.
constexpr uint64_t kAhead = 64;

#if defined(__AVX512F__)
// Slice c into one sample's outputs. Lanes whose row has no k-th non-zero, or whose input did
// not fire, add nothing (masked): the sums are the per-event delivery's.
void slice_sample(const RowSlices& w, int64_t c, const float* x, float* out) {
  const int64_t r0 = c * RowSlices::kLanes;
  const auto rows = static_cast<__mmask16>((1u << std::min<int64_t>(16, w.rows - r0)) - 1);
  const __m512i lens = _mm512_loadu_si512(w.len.data() + r0);
  const __m512i at = _mm512_loadu_si512(w.row.data() + r0);  // distinct rows
  __m512 acc = _mm512_mask_i32gather_ps(_mm512_setzero_ps(), rows, at, out, 4);
  const uint64_t first = w.ptr[static_cast<size_t>(c)], steps = w.ptr[static_cast<size_t>(c) + 1] - first;
  const uint16_t* cp = w.col.data() + first * RowSlices::kLanes;
  const float* vp = w.val.data() + first * RowSlices::kLanes;
  const uint64_t total = w.val.size();
  for (uint64_t k = 0; k < steps; ++k) {
    if (const uint64_t ahead = (first + k + kAhead) * RowSlices::kLanes; ahead < total) {
      __builtin_prefetch(w.val.data() + ahead);
      if (k % 2 == 0) __builtin_prefetch(w.col.data() + ahead);  // half a line a step
    }
    const __mmask16 live = _mm512_cmpgt_epi32_mask(lens, _mm512_set1_epi32(static_cast<int>(k)));
    const __m512i idx =
        _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(cp + k * RowSlices::kLanes)));
    const __m512 xv = _mm512_mask_i32gather_ps(_mm512_setzero_ps(), live, idx, x, 4);
    const __mmask16 fired = _mm512_mask_cmp_ps_mask(live, xv, _mm512_setzero_ps(), _CMP_NEQ_UQ);
    acc = _mm512_mask3_fmadd_ps(_mm512_loadu_ps(vp + k * RowSlices::kLanes), xv, acc, fired);
  }
  _mm512_mask_i32scatter_ps(out, rows, at, acc, 4);
}

// Samples a pass over a slice carries at batch > 1, one per vector lane: each row's outputs for
// the group are one vector, a non-zero is broadcast and multiplied by its column's inputs across
// the group (one fused multiply-add for 16 samples, where gathering per sample took 16 loads).
constexpr int64_t kGroup = kRowsGroup;
static_assert(kGroup == RowSlices::kLanes, "a group's transposes are 16 x 16 blocks");

// v[i] becomes the i-th column of the 16 x 16 block whose rows v held: pairs of floats, then
// pairs of pairs within 128-bit lanes, then the lanes themselves.
inline void transpose16(__m512 (&v)[16]) {
  __m512 t[16];
  for (int i = 0; i < 16; i += 2) {
    t[i] = _mm512_unpacklo_ps(v[i], v[i + 1]);
    t[i + 1] = _mm512_unpackhi_ps(v[i], v[i + 1]);
  }
  auto lo = [](__m512 a, __m512 b) {
    return _mm512_castpd_ps(_mm512_unpacklo_pd(_mm512_castps_pd(a), _mm512_castps_pd(b)));
  };
  auto hi = [](__m512 a, __m512 b) {
    return _mm512_castpd_ps(_mm512_unpackhi_pd(_mm512_castps_pd(a), _mm512_castps_pd(b)));
  };
  __m512 u[16];  // u[4q + j]: rows 4q..4q+3 at column j of each 128-bit lane
  for (int q = 0; q < 4; ++q) {
    u[4 * q] = lo(t[4 * q], t[4 * q + 2]);
    u[4 * q + 1] = hi(t[4 * q], t[4 * q + 2]);
    u[4 * q + 2] = lo(t[4 * q + 1], t[4 * q + 3]);
    u[4 * q + 3] = hi(t[4 * q + 1], t[4 * q + 3]);
  }
  for (int j = 0; j < 4; ++j) {
    const __m512 p = _mm512_shuffle_f32x4(u[j], u[4 + j], 0x44), q = _mm512_shuffle_f32x4(u[j], u[4 + j], 0xEE);
    const __m512 r = _mm512_shuffle_f32x4(u[8 + j], u[12 + j], 0x44),
                 s = _mm512_shuffle_f32x4(u[8 + j], u[12 + j], 0xEE);
    v[j] = _mm512_shuffle_f32x4(p, r, 0x88);
    v[4 + j] = _mm512_shuffle_f32x4(p, r, 0xDD);
    v[8 + j] = _mm512_shuffle_f32x4(q, s, 0x88);
    v[12 + j] = _mm512_shuffle_f32x4(q, s, 0xDD);
  }
}

// Samples [b0, b0 + nb) of a column-major matrix (`n` rows, columns `ld` floats apart) sample-
// minor for row blocks [k0, k1): to[r kGroup + b] = from[(b0 + b) ld + r], zero past n and nb.
void to_sample_minor(const float* from, int64_t ld, int64_t n, int64_t b0, int64_t nb, float* to, int64_t k0,
                     int64_t k1) {
  for (int64_t k = k0; k < k1; ++k) {
    const int64_t r = k * kGroup;
    const auto rows = static_cast<__mmask16>((1u << std::min<int64_t>(kGroup, n - r)) - 1);
    __m512 v[16];
    for (int64_t b = 0; b < kGroup; ++b)
      v[b] = b < nb ? _mm512_maskz_loadu_ps(rows, from + (b0 + b) * ld + r) : _mm512_setzero_ps();
    transpose16(v);
    for (int64_t i = 0; i < kGroup; ++i) _mm512_storeu_ps(to + (r + i) * kGroup, v[i]);
  }
}

// The inverse for the same blocks, into samples [b0, b0 + nb) and rows below n.
void from_sample_minor(const float* from, int64_t n, int64_t b0, int64_t nb, float* to, int64_t ld, int64_t k0,
                       int64_t k1) {
  for (int64_t k = k0; k < k1; ++k) {
    const int64_t r = k * kGroup;
    const auto rows = static_cast<__mmask16>((1u << std::min<int64_t>(kGroup, n - r)) - 1);
    __m512 v[16];
    for (int64_t i = 0; i < kGroup; ++i) v[i] = _mm512_loadu_ps(from + (r + i) * kGroup);
    transpose16(v);
    for (int64_t b = 0; b < nb; ++b) _mm512_mask_storeu_ps(to + (b0 + b) * ld + r, rows, v[b]);
  }
}

inline void add_group(__m512& acc, float v, const float* xt) {
  const __m512 xv = _mm512_loadu_ps(xt);
  const __mmask16 fired = _mm512_cmp_ps_mask(xv, _mm512_setzero_ps(), _CMP_NEQ_UQ);
  acc = _mm512_mask3_fmadd_ps(_mm512_set1_ps(v), xv, acc, fired);
}

// Slice c into a group's outputs held sample-minor (yt[row kGroup + b]): 16 rows' sums in 16
// registers, independent chains. Up to the slice's shortest (last) row no lane checks its end;
// past it each does.
void slice_group(const RowSlices& w, int64_t c, const float* xt, float* yt) {
  const int64_t r0 = c * RowSlices::kLanes, lanes = std::min<int64_t>(RowSlices::kLanes, w.rows - r0);
  __m512 acc[RowSlices::kLanes];
  int32_t len[RowSlices::kLanes];
  int32_t shortest = std::numeric_limits<int32_t>::max();
  for (int64_t lane = 0; lane < RowSlices::kLanes; ++lane) {
    len[lane] = w.len[static_cast<size_t>(r0 + lane)];
    shortest = std::min(shortest, len[lane]);
    acc[lane] =
        lane < lanes ? _mm512_loadu_ps(yt + w.row[static_cast<size_t>(r0 + lane)] * kGroup) : _mm512_setzero_ps();
  }
  const uint64_t first = w.ptr[static_cast<size_t>(c)], steps = w.ptr[static_cast<size_t>(c) + 1] - first;
  const uint16_t* cp = w.col.data() + first * RowSlices::kLanes;
  const float* vp = w.val.data() + first * RowSlices::kLanes;
  const uint64_t total = w.val.size();
  uint64_t k = 0;
  for (; k < static_cast<uint64_t>(shortest); ++k) {
    if (const uint64_t ahead = (first + k + kAhead) * RowSlices::kLanes; ahead < total) {
      __builtin_prefetch(w.val.data() + ahead);
      if (k % 2 == 0) __builtin_prefetch(w.col.data() + ahead);
    }
    for (int64_t lane = 0; lane < RowSlices::kLanes; ++lane)
      add_group(acc[lane], vp[k * RowSlices::kLanes + lane], xt + cp[k * RowSlices::kLanes + lane] * kGroup);
  }
  for (; k < steps; ++k)
    for (int64_t lane = 0; lane < RowSlices::kLanes; ++lane)
      if (k < static_cast<uint64_t>(len[lane]))
        add_group(acc[lane], vp[k * RowSlices::kLanes + lane], xt + cp[k * RowSlices::kLanes + lane] * kGroup);
  for (int64_t lane = 0; lane < lanes; ++lane)
    _mm512_storeu_ps(yt + w.row[static_cast<size_t>(r0 + lane)] * kGroup, acc[lane]);
}
#else
void slice_sample(const RowSlices& w, int64_t c, const float* x, float* out) {
  const uint64_t first = w.ptr[static_cast<size_t>(c)];
  for (int64_t lane = 0; lane < RowSlices::kLanes && c * RowSlices::kLanes + lane < w.rows; ++lane) {
    const auto p = static_cast<size_t>(c * RowSlices::kLanes + lane);
    const uint32_t r = w.row[p];
    float sum = out[r];
    for (int32_t k = 0; k < w.len[p]; ++k) {
      const size_t e = (first + static_cast<uint64_t>(k)) * RowSlices::kLanes + static_cast<size_t>(lane);
      if (const float v = x[w.col[e]]; v != 0.0f) sum = std::fma(w.val[e], v, sum);
    }
    out[r] = sum;
  }
}
#endif

}  // namespace

uint64_t gather_row_slices(const RowSlices& w, const GatheredInputs& in, Matrix& y, int threads) {
  if (in.active.empty()) return 0;
  const int64_t batch = y.cols(), n = w.slices();
  auto split = [&](auto&& run) {
    if (threads <= 1)
      run(int64_t{0}, n);
    else
      on_threads(threads, [&](int t) { run(n * t / threads, n * (t + 1) / threads); });
  };
#if defined(__AVX512F__)
  if (batch > 1) {
    // Inputs and outputs sample-minor by groups of 16 samples (16 x 16 blocks transposed in
    // registers): a row's outputs for a group are then one vector load and store, where staging
    // them element by element cost 200-460 ns a slice and group (core/cpu_cost_model.hpp).
    // On threads that is three regions: a slice's rows lie in any block of the transposes.
    thread_local std::vector<float> xbuf, ybuf;
    std::vector<float>& xt = xbuf;  // the caller's: OpenMP's workers have their own thread_locals
    std::vector<float>& yt = ybuf;
    const int64_t groups = rows_groups(batch), xblocks = (w.cols + kGroup - 1) / kGroup;
    const int64_t xstride = xblocks * kGroup * kGroup, ystride = n * kGroup * kGroup;
    xt.resize(static_cast<size_t>(groups * xstride));
    yt.resize(static_cast<size_t>(groups * ystride));
    auto group_size = [&](int64_t g) { return std::min(kGroup, batch - g * kGroup); };
    split([&](int64_t c0, int64_t c1) {
      for (int64_t g = 0; g < groups; ++g) {
        to_sample_minor(in.x.data(), w.cols, w.cols, g * kGroup, group_size(g), xt.data() + g * xstride,
                        xblocks * c0 / n, xblocks * c1 / n);
        to_sample_minor(y.data(), w.rows, w.rows, g * kGroup, group_size(g), yt.data() + g * ystride, c0, c1);
      }
    });
    split([&](int64_t c0, int64_t c1) {
      for (int64_t c = c0; c < c1; ++c)
        for (int64_t g = 0; g < groups; ++g) slice_group(w, c, xt.data() + g * xstride, yt.data() + g * ystride);
    });
    split([&](int64_t c0, int64_t c1) {
      for (int64_t g = 0; g < groups; ++g)
        from_sample_minor(yt.data() + g * ystride, w.rows, g * kGroup, group_size(g), y.data(), w.rows, c0, c1);
    });
    return w.bytes();
  }
#endif
  split([&](int64_t c0, int64_t c1) {
    for (int64_t c = c0; c < c1; ++c)
      for (int64_t b = 0; b < batch; ++b) {
        if (!in.sample_events.empty() && in.sample_events[static_cast<size_t>(b)] == 0) continue;
        slice_sample(w, c, in.x.data() + b * w.cols, y.data() + b * w.rows);
      }
  });
  return w.bytes();
}

}  // namespace evsim
