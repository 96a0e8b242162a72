#pragma once
// Daubechies wavelet filters (db1 = Haar ... db20), built from their definition rather than
// from a table: the low-pass filter is ((1 + z^-1) / 2)^N times the minimum-phase spectral
// factor of P(y) = sum_{k<N} C(N-1+k, k) y^k, y = sin^2(w/2), scaled to sum sqrt(2). The four
// filters follow PyWavelets' conventions (dec_lo = reversed rec_lo, rec_hi[k] = (-1)^k dec_lo[k],
// dec_hi = reversed rec_hi), against which the tests check them.
#include <string>
#include <vector>

namespace evsim {

struct WaveletFilters {
  std::string name;
  std::vector<double> dec_lo, dec_hi, rec_lo, rec_hi;
  int64_t length() const { return static_cast<int64_t>(dec_lo.size()); }
};

WaveletFilters daubechies(int vanishing_moments);  // 1..20
// "db1".."db20" or "haar"; anything else is a UsageError naming what is supported.
WaveletFilters wavelet_filters(const std::string& name);

}  // namespace evsim
