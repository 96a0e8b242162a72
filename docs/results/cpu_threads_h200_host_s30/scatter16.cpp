// Throwaway: the pruned columns' scatter, one sample, one thread: the library's (scatter8 of
// AVX2 scalar loads and stores) against 16 outputs gathered, added and scattered with AVX-512
// (a segment's rows are distinct: no conflicts). ns per non-zero, 4 rotating active sets.
#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "network/blocked_csc.hpp"
#include "network/gathered_delivery.hpp"

using namespace evsim;

struct Stream {
  const uint16_t* off = nullptr;
  const float* val = nullptr;
  uint64_t n = 0;
};
inline void prefetch_line(Stream& s) {
  __builtin_prefetch(s.val);
  __builtin_prefetch(s.off);
  const uint64_t k = std::min<uint64_t>(s.n, 16);
  s.val += k, s.off += k, s.n -= k;
}

[[gnu::noinline]] void scatter16(const uint16_t* __restrict off, const float* __restrict val, uint64_t n, float v,
                                 float* __restrict out, Stream& next) {
  const __m512 b = _mm512_set1_ps(v);
  uint64_t k = 0;
  for (; k + 16 <= n; k += 16) {
    if (next.n > 0) prefetch_line(next);
    const __m512i idx = _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(off + k)));
    const __m512 y = _mm512_i32gather_ps(idx, out, 4);
    _mm512_i32scatter_ps(out, idx, _mm512_fmadd_ps(_mm512_loadu_ps(val + k), b, y), 4);
  }
  if (k < n) {
    const auto m = static_cast<__mmask16>((1u << (n - k)) - 1);
    const __m512i idx = _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi16(m, off + k));
    const __m512 y = _mm512_mask_i32gather_ps(_mm512_setzero_ps(), m, idx, out, 4);
    _mm512_mask_i32scatter_ps(out, m, idx, _mm512_fmadd_ps(_mm512_maskz_loadu_ps(m, val + k), b, y), 4);
  }
}

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
  for (int i = 0; i < 8; ++i) y[i] = _mm_load_ss(out + o[i]);
  for (int h = 0; h < 2; ++h) {
    const __m128 a = w[h];
    _mm_store_ss(out + o[4 * h], _mm_fmadd_ss(a, b, y[4 * h]));
    _mm_store_ss(out + o[4 * h + 1], _mm_fmadd_ss(_mm_movehdup_ps(a), b, y[4 * h + 1]));
    _mm_store_ss(out + o[4 * h + 2], _mm_fmadd_ss(_mm_movehl_ps(a, a), b, y[4 * h + 2]));
    _mm_store_ss(out + o[4 * h + 3], _mm_fmadd_ss(_mm_shuffle_ps(a, a, 3), b, y[4 * h + 3]));
  }
}
[[gnu::noinline]] void scatter8n(const uint16_t* __restrict off, const float* __restrict val, uint64_t n, float v,
                               float* __restrict out, Stream& next) {
  uint64_t k = 0;
  const __m128 b = _mm_set_ss(v);
  for (; k + 16 <= n; k += 16) {
    if (next.n > 0) prefetch_line(next);
    scatter8(off + k, val + k, b, out);
    scatter8(off + k + 8, val + k + 8, b, out);
  }
  for (; k < n; ++k) out[off[k]] = std::fma(val[k], v, out[off[k]]);
}

// Row blocks outer (the outputs of a block stay in L1), active columns inner.
template <bool Wide>
void run_blocked(const BlockedCsc& w, const std::vector<uint32_t>& act, const float* x, float* out) {
  const size_t n = act.size();
  for (int64_t k = 0; k < w.blocks(); ++k)
    for (size_t i = 0; i < n; ++i) {
      if (i + 16 < n) __builtin_prefetch(w.column_ptr(act[i + 16]) + k);
      const uint64_t* p = w.column_ptr(act[i]);
      Stream next;
      if (i + 2 < n) {
        const uint64_t* q = w.column_ptr(act[i + 2]);
        next = {w.off.data() + q[k], w.val.data() + q[k], q[k + 1] - q[k]};
      }
      if (Wide)
        scatter16(w.off.data() + p[k], w.val.data() + p[k], p[k + 1] - p[k], x[act[i]], out, next);
      else
        scatter8n(w.off.data() + p[k], w.val.data() + p[k], p[k + 1] - p[k], x[act[i]], out, next);
      while (next.n > 0) prefetch_line(next);
    }
}

void run16(const BlockedCsc& w, const std::vector<uint32_t>& act, const float* x, float* out) {
  const size_t n = act.size();
  for (size_t i = 0; i < n; ++i) {
    if (i + 16 < n) __builtin_prefetch(w.column_ptr(act[i + 16]));
    const uint64_t* p = w.column_ptr(act[i]);
    Stream next;
    if (i + 2 < n) {
      const uint64_t* q = w.column_ptr(act[i + 2]);
      next = {w.off.data() + q[0], w.val.data() + q[0], q[1] - q[0]};
    }
    scatter16(w.off.data() + p[0], w.val.data() + p[0], p[1] - p[0], x[act[i]], out, next);
    while (next.n > 0) prefetch_line(next);
  }
}

int main(int argc, char** argv) {
  const int64_t hidden = atoi(argv[1]);
  const double act = atof(argv[2]);
  const int reps = argc > 3 ? atoi(argv[3]) : 40;
  const int64_t rows = 3 * hidden, cols = hidden;
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<float> u(-1, 1);
  std::geometric_distribution<int64_t> gap(0.1);
  CscMatrix c;
  c.rows = rows, c.cols = cols;
  c.col_ptr.push_back(0);
  for (int64_t j = 0; j < cols; ++j) {
    for (int64_t r = gap(rng); r < rows; r += 1 + gap(rng)) c.row_idx.push_back(uint32_t(r)), c.values.push_back(u(rng));
    c.col_ptr.push_back(c.values.size());
  }
  const BlockedCsc w = BlockedCsc::from_csc(c, rows), wb = BlockedCsc::from_csc(c, 4096);
  std::vector<GatheredInputs> sets(4);
  for (auto& s : sets) {
    s.x = Matrix::Zero(cols, 1);
    for (int64_t j = 0; j < cols; ++j)
      if (std::bernoulli_distribution(act)(rng)) s.active.push_back(uint32_t(j)), s.x(j, 0) = u(rng);
  }
  Matrix y8 = Matrix::Zero(rows, 1), y16 = Matrix::Zero(rows, 1), yb8 = y8, yb16 = y8;
  std::vector<double> t8, t16, tb8, tb16;
  uint64_t nnz = 0;
  for (int r = -4; r < reps; ++r) {
    const auto& s = sets[size_t((r + 4) % 4)];
    auto a = std::chrono::steady_clock::now();
    gather_sparse_columns(w, s, y8, 1);
    auto b = std::chrono::steady_clock::now();
    run16(w, s.active, s.x.data(), y16.data());
    auto e = std::chrono::steady_clock::now();
    run_blocked<false>(wb, s.active, s.x.data(), yb8.data());
    auto f = std::chrono::steady_clock::now();
    run_blocked<true>(wb, s.active, s.x.data(), yb16.data());
    auto g = std::chrono::steady_clock::now();
    if (r >= 0) {
      tb8.push_back(std::chrono::duration<double, std::nano>(f - e).count());
      tb16.push_back(std::chrono::duration<double, std::nano>(g - f).count());
      t8.push_back(std::chrono::duration<double, std::nano>(b - a).count());
      t16.push_back(std::chrono::duration<double, std::nano>(e - b).count());
      if (r < 4) for (uint32_t j : s.active) nnz += c.col_ptr[j + 1] - c.col_ptr[j];
    }
  }
  const double per = double(nnz) / 4;
  std::sort(tb8.begin(), tb8.end());
  std::sort(tb16.begin(), tb16.end());
  printf("  blocks of 4096 rows: scatter8 %.3f ns/nnz, avx512 %.3f ns/nnz, same=%d/%d\n", tb8[tb8.size() / 2] / per,
         tb16[tb16.size() / 2] / per, int(std::memcmp(y8.data(), yb8.data(), sizeof(float) * rows) == 0),
         int(std::memcmp(y8.data(), yb16.data(), sizeof(float) * rows) == 0));
  std::sort(t8.begin(), t8.end());
  std::sort(t16.begin(), t16.end());
  printf("hidden %lld act %.2f: nnz/step %.0f  lib %.1f us (%.3f ns/nnz) [%.1f-%.1f]  avx512 %.1f us (%.3f ns/nnz) [%.1f-%.1f]  same=%d\n",
         (long long)hidden, act, per, t8[t8.size() / 2] / 1e3, t8[t8.size() / 2] / per, t8[t8.size() / 10] / 1e3,
         t8[t8.size() * 9 / 10] / 1e3, t16[t16.size() / 2] / 1e3, t16[t16.size() / 2] / per, t16[t16.size() / 10] / 1e3,
         t16[t16.size() * 9 / 10] / 1e3, int(std::memcmp(y8.data(), y16.data(), sizeof(float) * rows) == 0));
}
