// Scalar scatter per non-zero: current (4 memory ops each) vs offsets four at a time from one
// 64-bit load and values four at a time from one 128-bit load (2.5 memory ops each).
#include <immintrin.h>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <random>
#include <vector>
[[gnu::noinline]] void scatter_a(const uint16_t* __restrict off, const float* __restrict val, uint64_t n, float v, float* __restrict out) {
  uint64_t k = 0;
  for (; k + 4 <= n; k += 4) {
    const uint32_t o0 = off[k], o1 = off[k + 1], o2 = off[k + 2], o3 = off[k + 3];
    const float y0 = out[o0], y1 = out[o1], y2 = out[o2], y3 = out[o3];
    out[o0] = std::fma(val[k], v, y0);
    out[o1] = std::fma(val[k + 1], v, y1);
    out[o2] = std::fma(val[k + 2], v, y2);
    out[o3] = std::fma(val[k + 3], v, y3);
  }
  for (; k < n; ++k) out[off[k]] = std::fma(val[k], v, out[off[k]]);
}
[[gnu::noinline]] void scatter_b(const uint16_t* __restrict off, const float* __restrict val, uint64_t n, float v, float* __restrict out) {
  uint64_t k = 0;
  const __m128 b = _mm_set_ss(v);
  for (; k + 4 <= n; k += 4) {
    uint64_t o; std::memcpy(&o, off + k, 8);
    const __m128 w = _mm_loadu_ps(val + k);
    const uint32_t o0 = o & 0xffff, o1 = (o >> 16) & 0xffff, o2 = (o >> 32) & 0xffff, o3 = o >> 48;
    const __m128 y0 = _mm_load_ss(out + o0), y1 = _mm_load_ss(out + o1), y2 = _mm_load_ss(out + o2), y3 = _mm_load_ss(out + o3);
    _mm_store_ss(out + o0, _mm_fmadd_ss(w, b, y0));
    _mm_store_ss(out + o1, _mm_fmadd_ss(_mm_movehdup_ps(w), b, y1));
    _mm_store_ss(out + o2, _mm_fmadd_ss(_mm_movehl_ps(w, w), b, y2));
    _mm_store_ss(out + o3, _mm_fmadd_ss(_mm_shuffle_ps(w, w, 3), b, y3));
  }
  for (; k < n; ++k) out[off[k]] = std::fma(val[k], v, out[off[k]]);
}
// 16 values per 512-bit load, 16 offsets per 256-bit load; elements extracted by shuffles.
[[gnu::noinline]] void scatter_c(const uint16_t* __restrict off, const float* __restrict val, uint64_t n, float v, float* __restrict out) {
  uint64_t k = 0;
  const __m128 b = _mm_set_ss(v);
  for (; k + 8 <= n; k += 8) {
    uint64_t oa, ob; std::memcpy(&oa, off + k, 8); std::memcpy(&ob, off + k + 4, 8);
    const __m256 w8 = _mm256_loadu_ps(val + k);
    const __m128 w = _mm256_castps256_ps128(w8), x = _mm256_extractf128_ps(w8, 1);
    uint32_t o[8] = {uint32_t(oa & 0xffff), uint32_t((oa >> 16) & 0xffff), uint32_t((oa >> 32) & 0xffff), uint32_t(oa >> 48),
                     uint32_t(ob & 0xffff), uint32_t((ob >> 16) & 0xffff), uint32_t((ob >> 32) & 0xffff), uint32_t(ob >> 48)};
    __m128 y[8];
    for (int i = 0; i < 8; ++i) y[i] = _mm_load_ss(out + o[i]);
    _mm_store_ss(out + o[0], _mm_fmadd_ss(w, b, y[0]));
    _mm_store_ss(out + o[1], _mm_fmadd_ss(_mm_movehdup_ps(w), b, y[1]));
    _mm_store_ss(out + o[2], _mm_fmadd_ss(_mm_movehl_ps(w, w), b, y[2]));
    _mm_store_ss(out + o[3], _mm_fmadd_ss(_mm_shuffle_ps(w, w, 3), b, y[3]));
    _mm_store_ss(out + o[4], _mm_fmadd_ss(x, b, y[4]));
    _mm_store_ss(out + o[5], _mm_fmadd_ss(_mm_movehdup_ps(x), b, y[5]));
    _mm_store_ss(out + o[6], _mm_fmadd_ss(_mm_movehl_ps(x, x), b, y[6]));
    _mm_store_ss(out + o[7], _mm_fmadd_ss(_mm_shuffle_ps(x, x, 3), b, y[7]));
  }
  for (; k < n; ++k) out[off[k]] = std::fma(val[k], v, out[off[k]]);
}
// Mixed: offsets from 64-bit loads; values 0 and 2 of each four from one 128-bit load (one shuffle), 1 and 3 as memory operands.
[[gnu::noinline]] void scatter_d(const uint16_t* __restrict off, const float* __restrict val, uint64_t n, float v, float* __restrict out) {
  uint64_t k = 0;
  const __m128 b = _mm_set_ss(v);
  for (; k + 8 <= n; k += 8) {
    uint64_t oa, ob; std::memcpy(&oa, off + k, 8); std::memcpy(&ob, off + k + 4, 8);
    uint32_t o[8] = {uint32_t(oa & 0xffff), uint32_t((oa >> 16) & 0xffff), uint32_t((oa >> 32) & 0xffff), uint32_t(oa >> 48),
                     uint32_t(ob & 0xffff), uint32_t((ob >> 16) & 0xffff), uint32_t((ob >> 32) & 0xffff), uint32_t(ob >> 48)};
    const __m128 w = _mm_loadu_ps(val + k), x = _mm_loadu_ps(val + k + 4);
    __m128 y[8];
    for (int i = 0; i < 8; ++i) y[i] = _mm_load_ss(out + o[i]);
    _mm_store_ss(out + o[0], _mm_fmadd_ss(w, b, y[0]));
    _mm_store_ss(out + o[1], _mm_fmadd_ss(_mm_load_ss(val + k + 1), b, y[1]));
    _mm_store_ss(out + o[2], _mm_fmadd_ss(_mm_movehl_ps(w, w), b, y[2]));
    _mm_store_ss(out + o[3], _mm_fmadd_ss(_mm_load_ss(val + k + 3), b, y[3]));
    _mm_store_ss(out + o[4], _mm_fmadd_ss(x, b, y[4]));
    _mm_store_ss(out + o[5], _mm_fmadd_ss(_mm_load_ss(val + k + 5), b, y[5]));
    _mm_store_ss(out + o[6], _mm_fmadd_ss(_mm_movehl_ps(x, x), b, y[6]));
    _mm_store_ss(out + o[7], _mm_fmadd_ss(_mm_load_ss(val + k + 7), b, y[7]));
  }
  for (; k < n; ++k) out[off[k]] = std::fma(val[k], v, out[off[k]]);
}
// Offsets only from 64-bit loads; every value a memory operand.
[[gnu::noinline]] void scatter_e(const uint16_t* __restrict off, const float* __restrict val, uint64_t n, float v, float* __restrict out) {
  uint64_t k = 0;
  for (; k + 8 <= n; k += 8) {
    uint64_t oa, ob; std::memcpy(&oa, off + k, 8); std::memcpy(&ob, off + k + 4, 8);
    uint32_t o[8] = {uint32_t(oa & 0xffff), uint32_t((oa >> 16) & 0xffff), uint32_t((oa >> 32) & 0xffff), uint32_t(oa >> 48),
                     uint32_t(ob & 0xffff), uint32_t((ob >> 16) & 0xffff), uint32_t((ob >> 32) & 0xffff), uint32_t(ob >> 48)};
    float y[8];
    for (int i = 0; i < 8; ++i) y[i] = out[o[i]];
    for (int i = 0; i < 8; ++i) out[o[i]] = std::fma(val[k + i], v, y[i]);
  }
  for (; k < n; ++k) out[off[k]] = std::fma(val[k], v, out[off[k]]);
}
int main(int argc, char** argv) {
  const int rows = 6144, nnz = 614; const int cols = argc > 1 ? atoi(argv[1]) : 64;  // columns cycled through
  std::mt19937 rng(3); std::uniform_real_distribution<float> u(-1, 1);
  std::vector<uint16_t> off((size_t)cols * nnz); std::vector<float> val(off.size());
  std::vector<int> all(rows); for (int i = 0; i < rows; ++i) all[i] = i;
  for (int c = 0; c < cols; ++c) { std::shuffle(all.begin(), all.end(), rng); std::sort(all.begin(), all.begin() + nnz);
    for (int i = 0; i < nnz; ++i) { off[(size_t)c * nnz + i] = all[i]; val[(size_t)c * nnz + i] = u(rng); } }
  std::vector<float> ya(rows, 0), yb(rows, 0), yc(rows, 0), yd(rows, 0), ye(rows, 0);
  auto run = [&](auto f, std::vector<float>& y) {
    std::vector<double> t;
    for (int rep = 0; rep < 15; ++rep) {
      auto t0 = std::chrono::steady_clock::now();
      const int passes = std::max(1, 4096 / cols);
      for (int p = 0; p < passes; ++p) for (int c = 0; c < cols; ++c) f(off.data() + (size_t)c * nnz, val.data() + (size_t)c * nnz, nnz, 0.001f * (c + 1), y.data());
      t.push_back(std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / (double(passes) * cols * nnz));
    }
    std::sort(t.begin(), t.end()); return t[t.size() / 2];
  };
  for (int r = 0; r < 2; ++r) {
    const double a = run(scatter_a, ya), c = run(scatter_c, yc), d = run(scatter_d, yd), e = run(scatter_e, ye);
    std::printf("columns %d (%.1f MB): ns per non-zero  old %.3f  new(8 shuffled) %.3f  mixed %.3f  offsets-only %.3f  same sums: %d %d %d\n", cols, cols * nnz * 6.0 / 1e6, a, c, d, e, ya == yc, ya == yd, ya == ye);
  }
}
