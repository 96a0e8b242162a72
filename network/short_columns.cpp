#include "network/short_columns.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/error.hpp"
#include "core/nonzero.hpp"
#include "core/threads.hpp"

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace evsim {
namespace {

constexpr int kLanes = 4;  // samples whose sums advance side by side

struct Lane {
  const uint32_t* units = nullptr;  // the sample's events, ascending
  size_t n = 0;
  const float* x = nullptr;  // its input column
  float* out = nullptr;      // its output column; null for a lane without a sample
};

// One sample's outputs, V vectors of 16 rows, held in registers. Written with AVX-512
// intrinsics where the build has them: GCC's tuning for Intel's AVX-512 parts prefers 256-bit
// vectors in loops it vectorises itself.
#if defined(__AVX512F__)
template <int V>
struct Sums {
  __m512 v[V];
  static __mmask16 rows_of(int64_t rows, int k) {
    const int64_t n = std::clamp<int64_t>(rows - 16 * k, 0, 16);
    return static_cast<__mmask16>((1u << n) - 1);
  }
  void load(const float* out, int64_t rows) {
    for (int k = 0; k < V; ++k) v[k] = _mm512_maskz_loadu_ps(rows_of(rows, k), out + 16 * k);
  }
  void store(float* out, int64_t rows) const {
    for (int k = 0; k < V; ++k) _mm512_mask_storeu_ps(out + 16 * k, rows_of(rows, k), v[k]);
  }
  void add(const float* col, float x) {
    const __m512 b = _mm512_set1_ps(x);
    for (int k = 0; k < V; ++k) v[k] = _mm512_fmadd_ps(_mm512_loadu_ps(col + 16 * k), b, v[k]);
  }
};
#else
template <int V>
struct Sums {
  float v[16 * V] = {};
  void load(const float* out, int64_t rows) { std::copy_n(out, rows, v); }
  void store(float* out, int64_t rows) const { std::copy_n(v, rows, out); }
  void add(const float* col, float x) {
    for (int r = 0; r < 16 * V; ++r) v[r] = std::fma(col[r], x, v[r]);
  }
};
#endif

// Lane l's events [i0, i1) (i0 past the lane's end: a run of unit 0 with input zero).
struct Run {
  const uint32_t* units[kLanes];
  const float* x[kLanes];
};

// The lanes' pointers stay in registers: no check per event.
template <int V>
void run_lanes(const float* w, const Run& r, size_t n, Sums<V>* acc) {
  for (size_t i = 0; i < n; ++i)
#pragma GCC unroll 8
    for (int l = 0; l < kLanes; ++l) {
      const uint32_t j = r.units[l][i];
      acc[l].add(w + static_cast<size_t>(j) * 16 * V, r.x[l][j]);
    }
}

// kLanes samples (the missing ones idle), their sums in registers, each step kLanes independent
// fused multiply-adds. The lanes run side by side up to the longest; between the ends of the
// shorter ones, a lane past its events adds unit 0 times an input of zero, +-0 to no effect
// (weights are finite: checkpoints are checked when read).
template <int V>
void lanes_product(const float* w, const Lane* lanes, int64_t rows) {
  Sums<V> acc[kLanes];
  size_t ends[kLanes];
  for (int l = 0; l < kLanes; ++l) {
    acc[l].load(lanes[l].out ? lanes[l].out : lanes[0].out, lanes[l].out ? rows : 0);
    ends[l] = lanes[l].n;
  }
  std::sort(ends, ends + kLanes);
  thread_local std::vector<uint32_t> unit_zero;
  static const float kZero = 0.0f;
  if (unit_zero.size() < ends[kLanes - 1]) unit_zero.assign(ends[kLanes - 1], 0);
  size_t i0 = 0;
  for (const size_t i1 : ends) {
    if (i1 == i0) continue;
    Run r;
    for (int l = 0; l < kLanes; ++l) {
      const bool on = lanes[l].n > i0;
      r.units[l] = on ? lanes[l].units + i0 : unit_zero.data();
      r.x[l] = on ? lanes[l].x : &kZero;
    }
    run_lanes<V>(w, r, i1 - i0, acc);
    i0 = i1;
  }
  for (int l = 0; l < kLanes; ++l)
    if (lanes[l].out) acc[l].store(lanes[l].out, rows);
}

// One sample alone: its chain of fused multiply-adds.
template <int V>
void one_lane(const float* w, const Lane& lane, int64_t rows) {
  Sums<V> acc;
  acc.load(lane.out, rows);
  for (size_t i = 0; i < lane.n; ++i) {
    const uint32_t j = lane.units[i];
    acc.add(w + static_cast<size_t>(j) * 16 * V, lane.x[j]);
  }
  acc.store(lane.out, rows);
}

struct Kernels {
  void (*lanes)(const float*, const Lane*, int64_t);
  void (*one)(const float*, const Lane&, int64_t);
};
constexpr Kernels kByVectors[] = {{&lanes_product<1>, &one_lane<1>},
                                  {&lanes_product<2>, &one_lane<2>},
                                  {&lanes_product<3>, &one_lane<3>},
                                  {&lanes_product<4>, &one_lane<4>}};

// A sample's events: where they are listed, and how many.
struct Listed {
  const uint32_t* units;
  size_t n;
};

// Samples [s0, s1), kLanes at a time, each one's events from list(sample, its input column,
// room for an index per input) (listed there, in the room, or elsewhere).
template <class List>
void samples(const ShortColumns& w, const Matrix& x, Matrix& y, int64_t s0, int64_t s1, List&& list) {
  const int64_t cols = x.rows();
  const Kernels& k = kByVectors[w.w.rows() / ShortColumns::kVector - 1];
  thread_local std::vector<uint32_t> found;
  found.resize(static_cast<size_t>(kLanes * cols));
  for (int64_t s = s0; s < s1; s += kLanes) {
    Lane lanes[kLanes];
    const int count = static_cast<int>(std::min<int64_t>(kLanes, s1 - s));
    for (int l = 0; l < count; ++l) {
      Lane& a = lanes[l];
      a.x = x.col(s + l).data();
      a.out = y.col(s + l).data();
      const Listed e = list(s + l, a.x, found.data() + l * cols);
      a.units = e.units;
      a.n = e.n;
    }
    if (count == 1) {
      k.one(w.w.data(), lanes[0], w.rows);
      continue;
    }
    for (int l = count; l < kLanes; ++l) lanes[l] = {lanes[0].units, 0, lanes[0].x, nullptr};
    k.lanes(w.w.data(), lanes, w.rows);
  }
}

// The gatherer's inputs: its listed events, the active units of one sample, else found here.
void gathered_samples(const ShortColumns& w, const GatheredInputs& in, Matrix& y, int64_t s0, int64_t s1) {
  samples(w, in.x, y, s0, s1, [&](int64_t s, const float* x, uint32_t* room) -> Listed {
    if (in.x.cols() == 1) return {in.active.data(), in.active.size()};
    if (const uint32_t* listed = listed_units(in, s)) return {listed, in.sample_events[static_cast<size_t>(s)]};
    return {room, nonzero_indices(x, in.x.rows(), room)};
  });
}

// Whole groups of lanes per thread: f(c, s0, s1) for thread c's samples.
template <class F>
void split_samples(int64_t batch, int threads, F&& f) {
  if (threads <= 1 || batch <= kLanes) {
    f(0, int64_t{0}, batch);
    return;
  }
  const int64_t groups = (batch + kLanes - 1) / kLanes;
  on_threads(threads, [&](int c) {
    const int64_t s0 = std::min(batch, c * groups / threads * kLanes),
                  s1 = std::min(batch, (c + 1) * groups / threads * kLanes);
    if (s0 < s1) f(c, s0, s1);
  });
}

}  // namespace

ShortColumns ShortColumns::from_dense(const Matrix& w) {
  if (w.rows() > kMaxRows) throw Error("short columns: more than " + std::to_string(kMaxRows) + " rows");
  ShortColumns s;
  s.rows = w.rows();
  s.w.setZero((w.rows() + kVector - 1) / kVector * kVector, w.cols());
  s.w.topRows(w.rows()) = w;
  return s;
}

uint64_t gather_short_columns(const ShortColumns& w, const GatheredInputs& in, Matrix& y, int threads) {
  split_samples(y.cols(), threads, [&](int, int64_t s0, int64_t s1) { gathered_samples(w, in, y, s0, s1); });
  return static_cast<uint64_t>(in.active.size()) * static_cast<uint64_t>(w.rows) * sizeof(float);
}

uint64_t tally_short_columns(const ShortColumns& w, const Matrix& x, const uint32_t* fanout, Matrix& y, int threads,
                             ColumnTally& tally) {
  const int64_t cols = x.rows(), masks = (cols + 15) / 16;
  const int t = std::max(1, threads);
  thread_local std::vector<uint16_t> seen;  // the caller's scratch, each thread its own masks
  thread_local std::vector<ColumnTally> part;
  seen.assign(static_cast<size_t>(masks * t), 0);
  part.assign(static_cast<size_t>(t), ColumnTally{});
  uint16_t* const masks_of = seen.data();  // named here: in the region, `seen` is each thread's own
  ColumnTally* const parts = part.data();
  split_samples(x.cols(), t, [&](int c, int64_t s0, int64_t s1) {
    uint16_t* mine = masks_of + c * masks;
    ColumnTally sum;
    samples(w, x, y, s0, s1, [&](int64_t, const float* xs, uint32_t* room) -> Listed {
      const ColumnTally one = tally_column(xs, fanout, cols, mine, room);
      sum += one;
      return {room, one.events};
    });
    parts[c] = sum;
  });
  uint64_t active = 0;
  for (int64_t j = 0; j < masks; ++j) {
    uint16_t any = 0;
    for (int c = 0; c < t; ++c) any |= seen[static_cast<size_t>(c * masks + j)];
    active += static_cast<uint64_t>(__builtin_popcount(any));
  }
  for (const ColumnTally& p : part) tally += p;
  return active * static_cast<uint64_t>(w.rows) * sizeof(float);
}

}  // namespace evsim
