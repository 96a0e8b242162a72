#pragma once
// The inner loop both CPU modes share for one sample: columns of a column-major matrix, each
// scaled by its input, added into a range of outputs. Each output takes one fused
// multiply-add per column in the order the columns come (ascending in both callers), so its
// sum depends neither on how the rows are split over threads nor on how many columns a pass
// takes, and dense mode's sums equal event mode's (a zero input's multiply-add leaves the sum
// as it was).
#include <cmath>
#include <cstdint>

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

// n (at most kMaxColumnsPerPass) columns in one pass.
inline void add_columns(float* out, const float* const* col, const float* v, int n, int64_t r0, int64_t r1) {
  switch (n) {
    case 8:
      return add_columns_n<8>(out, col, v, r0, r1);
    case 7:
      return add_columns_n<7>(out, col, v, r0, r1);
    case 6:
      return add_columns_n<6>(out, col, v, r0, r1);
    case 5:
      return add_columns_n<5>(out, col, v, r0, r1);
    case 4:
      return add_columns_n<4>(out, col, v, r0, r1);
    case 3:
      return add_columns_n<3>(out, col, v, r0, r1);
    case 2:
      return add_columns_n<2>(out, col, v, r0, r1);
    case 1:
      return add_columns_n<1>(out, col, v, r0, r1);
    default:
      return;
  }
}

}  // namespace evsim
