#pragma once
// The inner loop both CPU modes share for one sample: columns of a column-major matrix, each
// scaled by its input, added into a range of outputs. Each output takes one fused
// multiply-add per column in the order the columns come (ascending in both callers), so its
// sum does not depend on how the rows are split over threads, and dense mode's sums equal
// event mode's (a zero input's multiply-add leaves the sum as it was).
#include <cmath>
#include <cstdint>

namespace evsim {

// Up to 4 columns added into out[r0, r1) in one pass (out read and written once instead of
// once per column).
inline void add_columns(float* out, const float* const* col, const float* v, int n, int64_t r0, int64_t r1) {
  switch (n) {
    case 4:
      for (int64_t r = r0; r < r1; ++r)
        out[r] = std::fma(col[3][r], v[3],
                          std::fma(col[2][r], v[2], std::fma(col[1][r], v[1], std::fma(col[0][r], v[0], out[r]))));
      break;
    case 3:
      for (int64_t r = r0; r < r1; ++r)
        out[r] = std::fma(col[2][r], v[2], std::fma(col[1][r], v[1], std::fma(col[0][r], v[0], out[r])));
      break;
    case 2:
      for (int64_t r = r0; r < r1; ++r) out[r] = std::fma(col[1][r], v[1], std::fma(col[0][r], v[0], out[r]));
      break;
    case 1:
      for (int64_t r = r0; r < r1; ++r) out[r] = std::fma(col[0][r], v[0], out[r]);
      break;
    default:
      break;
  }
}

}  // namespace evsim
