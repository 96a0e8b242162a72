#include "core/nonzero.hpp"

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace evsim {
namespace {

#if defined(__AVX512F__)
// The indices of a 16-bit mask's units, from unit j on, appended at out + k. Compressed in a
// register and stored whole (the lanes past the count are overwritten by the next store; the
// callers' k <= j leaves room): a loop over the mask's bits mispredicted its exit about once per
// 16 units, 1.4x (20 % active) to 6x (50 %) slower on a Zen 4 core; compressing straight to
// memory is microcoded there.
template <typename MaskAt>
size_t compress_indices(int64_t n, uint32_t* out, int64_t& j, MaskAt mask_at) {
  const __m512i sixteen = _mm512_set1_epi32(16);
  __m512i units = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  size_t k = 0;
  for (; j + 16 <= n; j += 16, units = _mm512_add_epi32(units, sixteen)) {
    const __mmask16 m = mask_at(j);
    if (m == 0) continue;  // predictable at low activity, where most masks are empty
    _mm512_storeu_si512(out + k, _mm512_maskz_compress_epi32(m, units));
    k += static_cast<size_t>(__builtin_popcount(m));
  }
  return k;
}
#endif

}  // namespace

size_t nonzero_indices(const float* x, int64_t n, uint32_t* out) {
  size_t k = 0;
  int64_t j = 0;
#if defined(__AVX512F__)
  const __m512 zero = _mm512_setzero_ps();
  // NEQ_UQ: unordered (NaN) compares as not equal, like `x != 0.0f`.
  k = compress_indices(n, out, j,
                       [&](int64_t i) { return _mm512_cmp_ps_mask(_mm512_loadu_ps(x + i), zero, _CMP_NEQ_UQ); });
#endif
  for (; j < n; ++j) {  // the tail, or everything without AVX-512: no branch per unit
    out[k] = static_cast<uint32_t>(j);
    k += x[j] != 0.0f;
  }
  return k;
}

size_t mask_indices(const uint16_t* masks, int64_t n, uint32_t* out) {
  size_t k = 0;
  int64_t j = 0;
#if defined(__AVX512F__)
  k = compress_indices(n, out, j, [&](int64_t i) { return static_cast<__mmask16>(masks[i / 16]); });
#endif
  for (; j < n; ++j) {
    out[k] = static_cast<uint32_t>(j);
    k += (masks[j / 16] >> (j % 16)) & 1u;
  }
  return k;
}

ColumnTally tally_column(const float* x, const uint32_t* fanout, int64_t n, uint16_t* seen, uint32_t* units) {
  ColumnTally t;
  int64_t j = 0;
  uint32_t nonbinary = 0;
#if defined(__AVX512F__) && defined(__AVX512BW__) && defined(__AVX512VL__)
  // Sums held in registers, 64-bit (a fan-out is up to 2^32 - 1): the auto-vectorised loop kept
  // its four reductions in memory, a store-to-load chain per 16 units.
  const __m512 zero = _mm512_setzero_ps(), one = _mm512_set1_ps(1.0f), minus_one = _mm512_set1_ps(-1.0f);
  __m512i lo = _mm512_setzero_si512(), hi = lo;
  __mmask16 odd = 0;
  const __m512i sixteen = _mm512_set1_epi32(16);
  __m512i index = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  for (; j + 16 <= n;
       j += 16, index = _mm512_add_epi32(
                    index, sixteen)) {  // no branch on an empty mask: at 5 % activity it would be a coin toss
    const __m512 v = _mm512_loadu_ps(x + j);
    const __mmask16 m = _mm512_cmp_ps_mask(v, zero, _CMP_NEQ_UQ);
    if (units) _mm512_storeu_si512(units + t.events, _mm512_maskz_compress_epi32(m, index));  // as nonzero_indices
    t.events += static_cast<uint64_t>(__builtin_popcount(m));
    odd |= static_cast<__mmask16>(_mm512_mask_cmp_ps_mask(m, v, one, _CMP_NEQ_UQ) &
                                  _mm512_cmp_ps_mask(v, minus_one, _CMP_NEQ_UQ));
    const __m512i f = _mm512_maskz_loadu_epi32(m, fanout + j);
    lo = _mm512_add_epi64(lo, _mm512_cvtepu32_epi64(_mm512_castsi512_si256(f)));
    hi = _mm512_add_epi64(hi, _mm512_cvtepu32_epi64(_mm512_extracti64x4_epi64(f, 1)));
    if (seen) seen[j / 16] |= static_cast<uint16_t>(m);
  }
  alignas(64) uint64_t sums[8];  // GCC 12's _mm512_reduce_add_epi64 trips -Wuninitialized
  _mm512_store_si512(sums, _mm512_add_epi64(lo, hi));
  for (const uint64_t v : sums) t.pairs += v;
  nonbinary = odd != 0;
#endif
  for (; j < n; ++j) {  // the tail, or everything without AVX-512: masks, no branch per unit
    const float v = x[j];
    const uint32_t fired = v != 0.0f;
    if (seen) seen[j / 16] |= static_cast<uint16_t>(fired << (j % 16));
    if (units) units[t.events] = static_cast<uint32_t>(j);
    t.events += fired;
    t.pairs += fired ? fanout[j] : 0u;
    nonbinary |= fired & static_cast<uint32_t>(v != 1.0f) & static_cast<uint32_t>(v != -1.0f);
  }
  t.binary = nonbinary == 0;
  return t;
}

}  // namespace evsim
