#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdint>
#include <vector>
extern "C" {
__attribute__((simd("notinbranch"))) double tanh(double) noexcept(true);
__attribute__((simd("notinbranch"))) double expm1(double) noexcept(true);
}
__attribute__((noinline)) void v_tanh(const float* x, float* y, int n) {
#pragma omp simd
  for (int i = 0; i < n; ++i) y[i] = (float)tanh((double)x[i]);
}
__attribute__((noinline)) void v_em1(const float* x, float* y, int n) {
#pragma omp simd
  for (int i = 0; i < n; ++i) {
    const double t = expm1(-2 * std::fabs((double)x[i]));
    y[i] = std::copysign((float)(-t / (t + 2)), x[i]);
  }
}
__attribute__((noinline, optimize("no-tree-vectorize"))) void s_tanh(const float* x, float* y, int n) {
  for (int i = 0; i < n; ++i) y[i] = (float)std::tanh((double)x[i]);
}
int main() {
  const int n = 1 << 20;
  std::vector<float> x(n), a(n), b(n), c(n);
  long d_em1 = 0, d_mvec = 0, d_em1_nan = 0;
  for (uint64_t base = 0; base < (1ull << 32); base += n) {
    for (int i = 0; i < n; ++i) { uint32_t u = uint32_t(base + i); std::memcpy(&x[i], &u, 4); }
    v_tanh(x.data(), a.data(), n); v_em1(x.data(), b.data(), n); s_tanh(x.data(), c.data(), n);
    for (int i = 0; i < n; ++i) {
      if (std::isnan(c[i])) { d_em1_nan += !std::isnan(b[i]) || !std::isnan(a[i]); continue; }
      if (std::memcmp(&b[i], &c[i], 4)) { if (d_em1 < 5) printf("em1 differs at %a: %a vs %a\n", x[i], b[i], c[i]); ++d_em1; }
      if (std::memcmp(&a[i], &c[i], 4)) { if (d_mvec < 5) printf("mvec differs at %a: %a vs %a\n", x[i], a[i], c[i]); ++d_mvec; }
    }
  }
  printf("all 2^32 floats vs scalar glibc tanh: expm1 form %ld differ, libmvec tanh %ld differ, nan mismatches %ld\n", d_em1, d_mvec, d_em1_nan);
}
