#include "network/batched_product.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/cpu_cost_model.hpp"
#include "core/threads.hpp"

#if defined(__AVX512F__) || (defined(__AVX2__) && defined(__FMA__))
#include <immintrin.h>
#endif

namespace evsim {
namespace {

// One SIMD register of floats and its fused multiply-add: the same single rounding as
// std::fma, which the scalar rows at the end use.
#if defined(__AVX512F__)
using Vec = __m512;
constexpr int kLanes = 16;
constexpr int kMaxGroup = 16;  // 16 accumulators + weights fit in 32 registers
inline Vec load(const float* p) { return _mm512_loadu_ps(p); }
inline void store(float* p, Vec v) { _mm512_storeu_ps(p, v); }
inline Vec broadcast(float v) { return _mm512_set1_ps(v); }
inline Vec fma(Vec a, Vec b, Vec c) { return _mm512_fmadd_ps(a, b, c); }
// The first n (< kLanes) floats: the rows below a whole register.
inline __mmask16 first(int n) { return static_cast<__mmask16>((1u << n) - 1); }
inline Vec load_first(const float* p, int n) { return _mm512_maskz_loadu_ps(first(n), p); }
inline void store_first(float* p, Vec v, int n) { _mm512_mask_storeu_ps(p, first(n), v); }
#elif defined(__AVX2__) && defined(__FMA__)
using Vec = __m256;
constexpr int kLanes = 8;
constexpr int kMaxGroup = 8;  // 16 registers
inline Vec load(const float* p) { return _mm256_loadu_ps(p); }
inline void store(float* p, Vec v) { _mm256_storeu_ps(p, v); }
inline Vec broadcast(float v) { return _mm256_set1_ps(v); }
inline Vec fma(Vec a, Vec b, Vec c) { return _mm256_fmadd_ps(a, b, c); }
inline __m256i first(int n) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
inline Vec load_first(const float* p, int n) { return _mm256_maskload_ps(p, first(n)); }
inline void store_first(float* p, Vec v, int n) { _mm256_maskstore_ps(p, first(n), v); }
#else
using Vec = float;
constexpr int kLanes = 1;
constexpr int kMaxGroup = 8;
inline Vec load(const float* p) { return *p; }
inline void store(float* p, Vec v) { *p = v; }
inline Vec broadcast(float v) { return v; }
inline Vec fma(Vec a, Vec b, Vec c) { return std::fma(a, b, c); }
inline Vec load_first(const float* p, int /*n: one lane, never a partial one*/) { return *p; }
inline void store_first(float* p, Vec v, int /*n*/) { *p = v; }
#endif

// Inputs per pass over a strip: the accumulators are loaded and stored once per this many
// (measured on the 2-core EPYC, hidden 4096: 8-16 best, 4 and 32 up to 2x slower).
constexpr int64_t kInputBlock = 16;

// Enough independent chains to hide the multiply-add latency: RV register rows x NB samples.
template <int NB>
constexpr int kRowVectors = NB >= 8 ? 1 : (NB >= 4 ? 2 : (NB >= 2 ? 4 : 8));

// A group of NB samples: input k of sample b at x[k * sk + b * sb]. Transposed (sk = NB,
// sb = 1) a step broadcasts NB contiguous values; a matrix of few rows reads x in place
// (sk = 1, sb = its column stride): the transposition then costs more than the products.
struct Group {
  const float* x;
  int64_t sk, sb;
  float* y;  // the group's first sample's outputs; sample b at y + b * ld_y
  float at(int64_t k, int64_t b) const { return x[k * sk + b * sb]; }
};

template <int RV, int NB>
void strip(const float* w, int64_t ld_w, const Group& g, int64_t ld_y, int64_t r0, int64_t k0, int64_t k1) {
  Vec acc[NB][RV];
  for (int b = 0; b < NB; ++b)
    for (int v = 0; v < RV; ++v) acc[b][v] = load(g.y + b * ld_y + r0 + v * kLanes);
  for (int64_t k = k0; k < k1; ++k) {
    Vec wk[RV];
    for (int v = 0; v < RV; ++v) wk[v] = load(w + k * ld_w + r0 + v * kLanes);
    for (int b = 0; b < NB; ++b) {
      const Vec xb = broadcast(g.at(k, b));
      for (int v = 0; v < RV; ++v) acc[b][v] = fma(wk[v], xb, acc[b][v]);
    }
  }
  for (int b = 0; b < NB; ++b)
    for (int v = 0; v < RV; ++v) store(g.y + b * ld_y + r0 + v * kLanes, acc[b][v]);
}

// The n (< kLanes) rows below a whole register through masked loads and stores: the same
// multiply-adds in the same order. One row at a time, a 10-class readout's product at batch 10
// took 40x the time of a 16-class one.
template <int NB>
void partial_strip(const float* w, int64_t ld_w, const Group& g, int64_t ld_y, int64_t r0, int n, int64_t k0,
                   int64_t k1) {
  Vec acc[NB];
  for (int b = 0; b < NB; ++b) acc[b] = load_first(g.y + b * ld_y + r0, n);
  for (int64_t k = k0; k < k1; ++k) {
    const Vec wk = load_first(w + k * ld_w + r0, n);
    for (int b = 0; b < NB; ++b) acc[b] = fma(wk, broadcast(g.at(k, b)), acc[b]);
  }
  for (int b = 0; b < NB; ++b) store_first(g.y + b * ld_y + r0, acc[b], n);
}

// Rows [r0, r1) of one group: wide strips, then one-register strips, then a partial one.
template <int NB>
void group_rows(const Matrix& w, const Group& g, int64_t ld_y, int64_t r0, int64_t r1) {
  constexpr int RV = kRowVectors<NB>;
  const int64_t cols = w.cols(), ld_w = w.rows();
  const int64_t wide_end = r0 + (r1 - r0) / (RV * kLanes) * (RV * kLanes);
  const int64_t narrow_end = r0 + (r1 - r0) / kLanes * kLanes;
  for (int64_t k0 = 0; k0 < cols; k0 += kInputBlock) {
    const int64_t k1 = std::min(cols, k0 + kInputBlock);
    for (int64_t r = r0; r < wide_end; r += RV * kLanes) strip<RV, NB>(w.data(), ld_w, g, ld_y, r, k0, k1);
    for (int64_t r = wide_end; r < narrow_end; r += kLanes) strip<1, NB>(w.data(), ld_w, g, ld_y, r, k0, k1);
    if (narrow_end < r1)
      partial_strip<NB>(w.data(), ld_w, g, ld_y, narrow_end, static_cast<int>(r1 - narrow_end), k0, k1);
  }
}

template <int... NB>
void dispatch(int nb, const Matrix& w, const Group& g, int64_t ld_y, int64_t r0, int64_t r1,
              std::integer_sequence<int, NB...>) {
  ((nb == NB + 1 ? group_rows<NB + 1>(w, g, ld_y, r0, r1) : void()), ...);
}

// xt: the inputs transposed per group, or empty: x read in place.
void rows_of_all_groups(const Matrix& w, const Matrix& x, const std::vector<float>& xt, Matrix& y, int64_t r0,
                        int64_t r1) {
  const int64_t batch = y.cols(), cols = w.cols();
  for (int64_t b0 = 0; b0 < batch; b0 += kMaxGroup) {
    const int nb = static_cast<int>(std::min<int64_t>(kMaxGroup, batch - b0));
    const Group g = xt.empty() ? Group{x.data() + b0 * x.rows(), 1, x.rows(), y.data() + b0 * y.rows()}
                               : Group{xt.data() + b0 * cols, nb, 1, y.data() + b0 * y.rows()};
    dispatch(nb, w, g, y.rows(), r0, r1, std::make_integer_sequence<int, kMaxGroup>{});
  }
}

// Below this many rows the inputs are not transposed (their cols x batch copy is then a large
// share of the rows x cols x batch multiply-adds).
constexpr int64_t kInPlaceRows = 8 * kLanes;

}  // namespace

void batched_product_add(const Matrix& w, const Matrix& x, Matrix& y, int threads) {
  const int64_t rows = w.rows(), cols = w.cols(), batch = x.cols();
  thread_local std::vector<float> xt;
  // Few rows (a readout of 16 classes at batch 64: the transposition took 10 of its 28 us):
  // the inputs are read in place.
  xt.resize(rows < kInPlaceRows ? 0 : static_cast<size_t>(cols * batch));
  for (int64_t b0 = 0; !xt.empty() && b0 < batch; b0 += kMaxGroup) {
    const int64_t nb = std::min<int64_t>(kMaxGroup, batch - b0);
    float* out = xt.data() + b0 * cols;
    for (int64_t k = 0; k < cols; ++k)
      for (int64_t b = 0; b < nb; ++b) out[k * nb + b] = x(k, b0 + b);
  }
  const int t = product_threads(cpu_cost_model(), rows, cols, batch, threads);
  if (t == 1) {
    rows_of_all_groups(w, x, xt, y, 0, rows);
    return;
  }
  // Whole wide strips per thread (the sums are the same for any split; this keeps SIMD rows).
  const int64_t unit = 8 * kLanes;
  const int64_t chunk = ((rows + t - 1) / t + unit - 1) / unit * unit;
  const std::vector<float>& xs = xt;  // the caller's: OpenMP's workers have their own thread_locals
  on_threads(t, [&](int c) {
    const int64_t r0 = std::min(rows, c * chunk), r1 = std::min(rows, r0 + chunk);
    if (r0 < r1) rows_of_all_groups(w, x, xs, y, r0, r1);
  });
}

}  // namespace evsim
