#include "network/short_columns.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/error.hpp"
#include "core/nonzero.hpp"

namespace evsim {
namespace {

constexpr int kLanes = 4;  // samples whose sums advance side by side

struct Lane {
  const uint32_t* units = nullptr;  // the sample's events, ascending; readable up to the longest lane's count
  size_t n = 0;
  const float* x = nullptr;  // its input column (x[spare] == 0)
  uint32_t spare = 0;        // a unit without an event: the lane's entries past n
  float* out = nullptr;      // its output column; null for a lane without a sample
};

template <int P>
inline void fma_column(float* __restrict acc, const float* __restrict col, float v) {
#pragma GCC unroll 64
  for (int r = 0; r < P; ++r) acc[r] = std::fma(col[r], v, acc[r]);
}

// kLanes samples (the missing ones idle), their sums in registers. The shorter lanes run on
// past their events through a unit whose input is zero, which adds +-0 to no effect (weights
// are finite: checkpoints are checked when read): one loop without tails, each step kLanes
// independent fused multiply-adds.
template <int P>
void lanes_product(const float* w, const Lane* lanes, int64_t rows) {
  alignas(64) float acc[kLanes][P] = {};
  size_t longest = 0;
  for (int l = 0; l < kLanes; ++l) {
    if (lanes[l].out) std::copy_n(lanes[l].out, rows, acc[l]);
    longest = std::max(longest, lanes[l].n);
  }
  for (size_t i = 0; i < longest; ++i) {
#pragma GCC unroll 4
    for (int l = 0; l < kLanes; ++l) {
      const uint32_t listed = lanes[l].units[i];
      const uint32_t j = i < lanes[l].n ? listed : lanes[l].spare;
      fma_column<P>(acc[l], w + static_cast<size_t>(j) * P, lanes[l].x[j]);
    }
  }
  for (int l = 0; l < kLanes; ++l)
    if (lanes[l].out) std::copy_n(acc[l], rows, lanes[l].out);
}

// One sample alone: its chain of fused multiply-adds.
template <int P>
void one_lane(const float* w, const Lane& lane, int64_t rows) {
  alignas(64) float acc[P] = {};
  std::copy_n(lane.out, rows, acc);
  for (size_t i = 0; i < lane.n; ++i) {
    const uint32_t j = lane.units[i];
    fma_column<P>(acc, w + static_cast<size_t>(j) * P, lane.x[j]);
  }
  std::copy_n(acc, rows, lane.out);
}

struct Kernels {
  void (*lanes)(const float*, const Lane*, int64_t);
  void (*one)(const float*, const Lane&, int64_t);
};
constexpr Kernels kByVectors[] = {{&lanes_product<16>, &one_lane<16>},
                                  {&lanes_product<32>, &one_lane<32>},
                                  {&lanes_product<48>, &one_lane<48>},
                                  {&lanes_product<64>, &one_lane<64>}};

// The first unit missing from an ascending list of distinct units (its input is zero).
uint32_t first_missing(const uint32_t* units, size_t n) {
  uint32_t j = 0;
  while (j < n && units[j] == j) ++j;
  return j;
}

// Samples [s0, s1), kLanes at a time: their events as the gatherer listed them, else found here.
void samples(const ShortColumns& w, const GatheredInputs& in, Matrix& y, int64_t s0, int64_t s1) {
  const int64_t cols = in.x.rows();
  const Kernels& k = kByVectors[w.w.rows() / ShortColumns::kVector - 1];
  thread_local std::vector<uint32_t> found;
  static const float kZero = 0.0f;
  if (in.x.cols() > 1 && in.sample_units.empty()) found.resize(static_cast<size_t>(kLanes * cols));
  for (int64_t s = s0; s < s1; s += kLanes) {
    Lane lanes[kLanes];
    const int count = static_cast<int>(std::min<int64_t>(kLanes, s1 - s));
    for (int l = 0; l < count; ++l) {
      Lane& a = lanes[l];
      a.x = in.x.col(s + l).data();
      a.out = y.col(s + l).data();
      if (in.x.cols() == 1) {  // one sample: its events are the active units
        a.units = in.active.data();
        a.n = in.active.size();
      } else if (const uint32_t* listed = listed_units(in, s + l)) {
        a.units = listed;
        a.n = in.sample_events[static_cast<size_t>(s + l)];
      } else {
        uint32_t* list = found.data() + l * cols;
        a.units = list;
        a.n = nonzero_indices(a.x, cols, list);
      }
      a.spare = first_missing(a.units, a.n);
    }
    if (count == 1) {
      k.one(w.w.data(), lanes[0], w.rows);
      continue;
    }
    for (int l = count; l < kLanes; ++l) lanes[l] = {lanes[0].units, 0, &kZero, 0, nullptr};
    k.lanes(w.w.data(), lanes, w.rows);
  }
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
  const int64_t batch = y.cols();
  const uint64_t bytes = static_cast<uint64_t>(in.active.size()) * static_cast<uint64_t>(w.rows) * sizeof(float);
  if (threads <= 1 || batch <= kLanes) {
    samples(w, in, y, 0, batch);
    return bytes;
  }
  // Whole groups of lanes per thread.
  const int64_t groups = (batch + kLanes - 1) / kLanes;
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(static)
#endif
  for (int c = 0; c < threads; ++c) {
    const int64_t s0 = std::min(batch, c * groups / threads * kLanes),
                  s1 = std::min(batch, (c + 1) * groups / threads * kLanes);
    if (s0 < s1) samples(w, in, y, s0, s1);
  }
  return bytes;
}

}  // namespace evsim
