// Throwaway harness: pruned columns' scatter (gather_sparse_columns) against row slices of 16
// (SELL-16: each lane a row, its non-zeros in ascending column order, x gathered) for a matrix
// whose inputs are mostly active (p90's egru1 input projection: 1536 x 512 at 15 %, every
// column active). Medians of N calls, one thread, in cache and with an eviction pass between.
#include <immintrin.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <vector>

#include "core/threads.hpp"
#include "network/blocked_csc.hpp"
#include "network/gathered_delivery.hpp"

using namespace evsim;

struct Sell {
  int64_t rows = 0, slices = 0;
  std::vector<uint64_t> ptr;  // per slice: first step (16 entries a step)
  std::vector<uint16_t> col;
  std::vector<float> val;
  std::vector<int32_t> len;  // rows padded to 16
};

Sell make_sell(const Matrix& w) {
  Sell s;
  s.rows = w.rows();
  s.slices = (w.rows() + 15) / 16;
  s.len.assign(static_cast<size_t>(s.slices * 16), 0);
  s.ptr.push_back(0);
  for (int64_t c = 0; c < s.slices; ++c) {
    std::vector<std::vector<std::pair<uint16_t, float>>> r(16);
    int64_t L = 0;
    for (int lane = 0; lane < 16; ++lane) {
      const int64_t row = c * 16 + lane;
      if (row >= w.rows()) continue;
      for (int64_t j = 0; j < w.cols(); ++j)
        if (w(row, j) != 0.0f) r[lane].push_back({uint16_t(j), w(row, j)});
      s.len[c * 16 + lane] = int32_t(r[lane].size());
      L = std::max<int64_t>(L, r[lane].size());
    }
    for (int64_t k = 0; k < L; ++k)
      for (int lane = 0; lane < 16; ++lane) {
        const bool in = k < int64_t(r[lane].size());
        s.col.push_back(in ? r[lane][k].first : 0);
        s.val.push_back(in ? r[lane][k].second : 0.0f);
      }
    s.ptr.push_back(s.ptr.back() + L);
  }
  return s;
}

__attribute__((noinline)) void sell_avx512(const Sell& s, const Matrix& x, Matrix& y) {
  for (int64_t b = 0; b < x.cols(); ++b) {
    const float* xb = x.data() + b * x.rows();
    float* yb = y.data() + b * y.rows();
    for (int64_t c = 0; c < s.slices; ++c) {
      const __m512i lens = _mm512_loadu_si512(s.len.data() + c * 16);
      const int64_t r0 = c * 16;
      const __mmask16 tail = r0 + 16 <= s.rows ? 0xffff : __mmask16((1u << (s.rows - r0)) - 1);
      __m512 acc = _mm512_maskz_loadu_ps(tail, yb + r0);
      const uint16_t* cp = s.col.data() + s.ptr[c] * 16;
      const float* vp = s.val.data() + s.ptr[c] * 16;
      const int64_t L = int64_t(s.ptr[c + 1] - s.ptr[c]);
      for (int64_t k = 0; k < L; ++k) {
        const __mmask16 m = _mm512_cmpgt_epi32_mask(lens, _mm512_set1_epi32(int(k)));
        const __m512i idx = _mm512_cvtepu16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(cp + k * 16)));
        const __m512 xv = _mm512_mask_i32gather_ps(_mm512_setzero_ps(), m, idx, xb, 4);
        acc = _mm512_mask3_fmadd_ps(_mm512_loadu_ps(vp + k * 16), xv, acc, m);
      }
      _mm512_mask_storeu_ps(yb + r0, tail, acc);
    }
  }
}

// Scalar loads instead of the gather instruction: 16 x values loaded one by one into a vector.
__attribute__((noinline)) void sell_scalar_gather(const Sell& s, const Matrix& x, Matrix& y) {
  for (int64_t b = 0; b < x.cols(); ++b) {
    const float* xb = x.data() + b * x.rows();
    float* yb = y.data() + b * y.rows();
    for (int64_t c = 0; c < s.slices; ++c) {
      const __m512i lens = _mm512_loadu_si512(s.len.data() + c * 16);
      const int64_t r0 = c * 16;
      const __mmask16 tail = r0 + 16 <= s.rows ? 0xffff : __mmask16((1u << (s.rows - r0)) - 1);
      __m512 acc = _mm512_maskz_loadu_ps(tail, yb + r0);
      const uint16_t* cp = s.col.data() + s.ptr[c] * 16;
      const float* vp = s.val.data() + s.ptr[c] * 16;
      const int64_t L = int64_t(s.ptr[c + 1] - s.ptr[c]);
      for (int64_t k = 0; k < L; ++k) {
        const __mmask16 m = _mm512_cmpgt_epi32_mask(lens, _mm512_set1_epi32(int(k)));
        alignas(64) float t[16];
        for (int l = 0; l < 16; ++l) t[l] = xb[cp[k * 16 + l]];
        acc = _mm512_mask3_fmadd_ps(_mm512_loadu_ps(vp + k * 16), _mm512_load_ps(t), acc, m);
      }
      _mm512_mask_storeu_ps(yb + r0, tail, acc);
    }
  }
}

// As sell_scalar_gather, the slice's entries prefetched kAhead steps ahead (the stream is
// contiguous across slices).
__attribute__((noinline)) void sell_prefetch(const Sell& s, const Matrix& x, Matrix& y) {
  constexpr int64_t kAhead = 16;
  for (int64_t b = 0; b < x.cols(); ++b) {
    const float* xb = x.data() + b * x.rows();
    float* yb = y.data() + b * y.rows();
    for (int64_t c = 0; c < s.slices; ++c) {
      const __m512i lens = _mm512_loadu_si512(s.len.data() + c * 16);
      const int64_t r0 = c * 16;
      const __mmask16 tail = r0 + 16 <= s.rows ? 0xffff : __mmask16((1u << (s.rows - r0)) - 1);
      __m512 acc = _mm512_maskz_loadu_ps(tail, yb + r0);
      const uint16_t* cp = s.col.data() + s.ptr[c] * 16;
      const float* vp = s.val.data() + s.ptr[c] * 16;
      const int64_t L = int64_t(s.ptr[c + 1] - s.ptr[c]);
      for (int64_t k = 0; k < L; ++k) {
        __builtin_prefetch(vp + (k + kAhead) * 16);
        if ((k & 1) == 0) __builtin_prefetch(cp + (k + kAhead) * 16);
        const __mmask16 m = _mm512_cmpgt_epi32_mask(lens, _mm512_set1_epi32(int(k)));
        alignas(64) float t[16];
        for (int l = 0; l < 16; ++l) t[l] = xb[cp[k * 16 + l]];
        acc = _mm512_mask3_fmadd_ps(_mm512_loadu_ps(vp + k * 16), _mm512_load_ps(t), acc, m);
      }
      _mm512_mask_storeu_ps(yb + r0, tail, acc);
    }
  }
}

double now_us() {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int main(int argc, char** argv) {
  const int64_t rows = argc > 1 ? atol(argv[1]) : 1536, cols = argc > 2 ? atol(argv[2]) : 512;
  const double density = argc > 3 ? atof(argv[3]) : 0.15, activity = argc > 4 ? atof(argv[4]) : 1.0;
  const int64_t batch = argc > 5 ? atol(argv[5]) : 1;
  const int evict_mb = argc > 6 ? atoi(argv[6]) : 0;
  const int reps = 2000;
  set_cpu_threads(1);
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> u(-1, 1), p(0, 1);
  Matrix w = Matrix::Zero(rows, cols);
  for (int64_t j = 0; j < cols; ++j)
    for (int64_t i = 0; i < rows; ++i)
      if (p(rng) < density) w(i, j) = u(rng);
  GatheredInputs in;
  in.x = Matrix::Zero(cols, batch);
  for (int64_t j = 0; j < cols; ++j) {
    bool any = false;
    for (int64_t b = 0; b < batch; ++b)
      if (p(rng) < activity) in.x(j, b) = u(rng), any = true;
    if (any) in.active.push_back(uint32_t(j));
  }
  list_sample_events(in);
  const BlockedCsc bc = BlockedCsc::from_dense(w, std::min<int64_t>(rows, 65536));
  const Sell sell = make_sell(w);
  std::vector<char> evict(size_t(evict_mb) << 20, 1);
  volatile long sink = 0;
  auto run = [&](auto f) {
    std::vector<double> t;
    Matrix y = Matrix::Zero(rows, batch);
    for (int r = 0; r < reps; ++r) {
      if (evict_mb) {
        long s = 0;
        for (size_t i = 0; i < evict.size(); i += 64) s += evict[i]++;
        sink = sink + s;
      }
      y.setZero();
      const double t0 = now_us();
      f(y);
      t.push_back(now_us() - t0);
    }
    std::sort(t.begin(), t.end());
    return std::make_pair(t[t.size() / 2], y);
  };
  auto [ts, ys] = run([&](Matrix& y) { gather_sparse_columns(bc, in, y, 1); });
  auto [tv, yv] = run([&](Matrix& y) { sell_avx512(sell, in.x, y); });
  auto [tg, yg] = run([&](Matrix& y) { sell_scalar_gather(sell, in.x, y); });
  auto [tp, yp] = run([&](Matrix& y) { sell_prefetch(sell, in.x, y); });
  auto [ts2, ys2] = run([&](Matrix& y) { gather_sparse_columns(bc, in, y, 1); });
  const double nnz = double(bc.val.size()), padded = double(sell.val.size());
  std::printf("%ld x %ld d=%.2f a=%.2f B=%ld evict=%dMB nnz=%.0f padded=%.0f active=%zu | scatter %.2f/%.2f us "
              "(%.3f ns/nnz/sample) | sell-gather %.2f us (%.3f) | sell-scalar %.2f us (%.3f) | sell-prefetch %.2f us (%.3f) | equal %d %d %d\n",
              long(rows), long(cols), density, activity, long(batch), evict_mb, nnz, padded, in.active.size(), ts,
              ts2, 1e3 * ts / (nnz * double(in.active.size()) / double(cols) * double(batch)), tv,
              1e3 * tv / (padded * double(batch)), tg, 1e3 * tg / (padded * double(batch)), tp, 1e3 * tp / (padded * double(batch)), int(ys == yv),
              int(ys == yg), int(ys == yp));
  return 0;
}
