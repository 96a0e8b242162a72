#include "core/nonzero.hpp"

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace evsim {

size_t nonzero_indices(const float* x, int64_t n, uint32_t* out) {
  size_t k = 0;
  int64_t j = 0;
#if defined(__AVX512F__)
  const __m512 zero = _mm512_setzero_ps();
  for (; j + 16 <= n; j += 16) {
    // NEQ_UQ: unordered (NaN) compares as not equal, like `x != 0.0f`.
    auto m = static_cast<uint32_t>(_mm512_cmp_ps_mask(_mm512_loadu_ps(x + j), zero, _CMP_NEQ_UQ));
    for (; m != 0; m &= m - 1) out[k++] = static_cast<uint32_t>(j + __builtin_ctz(m));
  }
#endif
  for (; j < n; ++j) {  // the tail, or everything without AVX-512: no branch per unit
    out[k] = static_cast<uint32_t>(j);
    k += x[j] != 0.0f;
  }
  return k;
}

}  // namespace evsim
