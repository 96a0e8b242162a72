#pragma once
// The inner loop both CPU modes share for one sample: columns of a column-major matrix, each
// scaled by its input, added into a range of outputs. Each output takes one fused
// multiply-add per column in the order the columns come (ascending in both callers), so its
// sum depends neither on how the rows are split over threads nor on how many columns a pass
// takes, and dense mode's sums equal event mode's (a zero input's multiply-add leaves the sum
// as it was).
#include <array>
#include <cmath>
#include <cstdint>
#include <utility>

namespace evsim {

inline constexpr int kMaxColumnsPerPass = 8;

// N columns added into out[r0, r1) in one pass (out read and written once instead of once per
// column).
template <int N>
void add_columns_n(float* __restrict out, const float* const* col, const float* v, int64_t r0, int64_t r1) {
  const float* c[N];
  float s[N];
  for (int g = 0; g < N; ++g) c[g] = col[g], s[g] = v[g];
  for (int64_t r = r0; r < r1; ++r) {
    float acc = out[r];
    for (int g = 0; g < N; ++g) acc = std::fma(c[g][r], s[g], acc);
    out[r] = acc;
  }
}

// n (at most kMaxColumnsPerPass) columns in one pass, through a table of the widths.
inline void add_columns(float* out, const float* const* col, const float* v, int n, int64_t r0, int64_t r1) {
  using Pass = void (*)(float*, const float* const*, const float*, int64_t, int64_t);
  static constexpr auto passes = []<int... W>(std::integer_sequence<int, W...>) {
    return std::array<Pass, sizeof...(W)>{&add_columns_n<W + 1>...};
  }
  (std::make_integer_sequence<int, kMaxColumnsPerPass>{});
  if (n >= 1 && n <= kMaxColumnsPerPass) passes[static_cast<size_t>(n - 1)](out, col, v, r0, r1);
}

}  // namespace evsim
