#include <immintrin.h>
#include <chrono>
#include <cstdio>
#include <vector>
#include <random>
int main() {
  const int N = 512; std::mt19937 g(1);
  std::vector<float> dense(N * 16), vals(N * 16 + 16); std::vector<uint16_t> mask(N); std::vector<uint32_t> start(N);
  size_t k = 0;
  for (int j = 0; j < N; ++j) { start[j] = k; uint16_t m = 0; for (int r = 0; r < 16; ++r) { float w = (g() % 5 == 0) ? 0.5f : 0.f; dense[j*16+r] = w; if (w != 0) { m |= 1u << r; vals[k++] = w; } } mask[j] = m; }
  std::vector<uint32_t> units(4096); for (auto& u : units) u = g() % N;
  std::vector<float> x(N, 0.7f);
  for (int mode = 0; mode < 4; ++mode) {
    __m512 v0 = _mm512_setzero_ps(), v1 = v0, v2 = v0, v3 = v0;
    auto t0 = std::chrono::steady_clock::now();
    for (int rep = 0; rep < 1000; ++rep)
      for (size_t i = 0; i < units.size(); i += 4) {
        __m512* acc[4] = {&v0, &v1, &v2, &v3};
        for (int l = 0; l < 4; ++l) {
          const uint32_t j = units[i + l]; const __m512 b = _mm512_set1_ps(x[j]);
          if (mode == 0) *acc[l] = _mm512_fmadd_ps(_mm512_loadu_ps(&dense[j * 16]), b, *acc[l]);
          else if (mode == 1) { __mmask16 m = mask[j]; *acc[l] = _mm512_mask3_fmadd_ps(_mm512_maskz_expand_ps(m, _mm512_loadu_ps(&vals[start[j]])), b, *acc[l], m); }
          else if (mode == 2) { __mmask16 m = mask[j]; *acc[l] = _mm512_mask3_fmadd_ps(_mm512_maskz_expandloadu_ps(m, &vals[start[j]]), b, *acc[l], m); }
          else { __mmask16 m = mask[j]; *acc[l] = _mm512_mask3_fmadd_ps(_mm512_loadu_ps(&vals[start[j]]), b, *acc[l], m); }
        }
      }
    double ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count() / (1000.0 * units.size());
    float out[16]; _mm512_storeu_ps(out, _mm512_add_ps(_mm512_add_ps(v0, v1), _mm512_add_ps(v2, v3)));
    printf("mode %d: %.2f ns/event (%g)\n", mode, ns, out[0]);
  }
}
