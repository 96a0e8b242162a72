#include <cmath>
#include <cstdio>
#include <cstring>
#include <cstdint>
#include <vector>
extern "C" { __attribute__((simd("notinbranch"))) double exp(double) noexcept(true); }
__attribute__((noinline)) void v_exp(const float* x, float* y, int n) {
#pragma omp simd
  for (int i = 0; i < n; ++i) y[i] = (float)exp(-(double)x[i]);
}
__attribute__((noinline, optimize("no-tree-vectorize"))) void s_exp(const float* x, float* y, int n) {
  for (int i = 0; i < n; ++i) y[i] = (float)std::exp(-(double)x[i]);
}
int main() {
  const int n = 1 << 20;
  std::vector<float> x(n), a(n), c(n);
  long d = 0;
  for (uint64_t base = 0; base < (1ull << 32); base += n) {
    for (int i = 0; i < n; ++i) { uint32_t u = uint32_t(base + i); std::memcpy(&x[i], &u, 4); }
    v_exp(x.data(), a.data(), n); s_exp(x.data(), c.data(), n);
    for (int i = 0; i < n; ++i) if (!(std::isnan(c[i]) && std::isnan(a[i])) && std::memcmp(&a[i], &c[i], 4)) { if (d < 5) printf("differs at %a: %a vs %a\n", x[i], a[i], c[i]); ++d; }
  }
  printf("all 2^32 floats: vector exp(-x) vs scalar, %ld differ\n", d);
}
