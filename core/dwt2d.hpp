#pragma once
// Multi-level 2-D discrete wavelet transform with PyWavelets' 'symmetric' boundary (the signal
// mirrored about its edges, x[-1] = x[0]) and its coefficient lengths floor((n + F - 1) / 2):
// forward = pywt.wavedec2(x, w, mode='symmetric', level=J), inverse = pywt.waverec2 (which
// trims an approximation one longer than its details). Level 1 is the finest. Single precision,
// as the models run; the filters are exact doubles rounded once.
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/wavelet_filters.hpp"

namespace evsim {

struct Wavelet2dCoeffs {
  std::vector<float> approx;                              // level J, rows x cols of sizes[J]
  std::vector<std::array<std::vector<float>, 3>> detail;  // detail[l - 1]: level l's (H, V, D)
};

class Dwt2d {
 public:
  Dwt2d(const WaveletFilters& f, int levels, int64_t rows, int64_t cols);
  // Coefficient sizes per level: sizes()[0] = the image, sizes()[l] = level l's bands.
  const std::vector<std::pair<int64_t, int64_t>>& sizes() const { return sizes_; }
  int levels() const { return levels_; }
  void forward(const float* image, Wavelet2dCoeffs& c) const;
  void inverse(const Wavelet2dCoeffs& c, float* image) const;
  // Multiply-adds of one forward (or inverse) transform of one image (for the counts).
  uint64_t forward_macs() const;
  uint64_t inverse_macs() const;

 private:
  std::vector<float> dec_lo_, dec_hi_, rec_lo_, rec_hi_;
  int levels_;
  std::vector<std::pair<int64_t, int64_t>> sizes_;
};

// One axis of n samples at J levels, as two linear maps (double): `analysis` (2m x n, row-major)
// gives the coarsest approximation (rows 0..m-1) and detail (rows m..2m-1) of a signal;
// `synthesis` (n x 2m, row-major) rebuilds a signal from those two bands alone (finer details
// zero), through every level with PyWavelets' trimming and the final crop. Built by pushing
// unit vectors through the same filter bank as Dwt2d.
struct CoarsestMaps {
  int64_t n = 0, m = 0;
  std::vector<double> analysis, synthesis;
};
CoarsestMaps coarsest_maps(const WaveletFilters& f, int levels, int64_t n);

// The length of one level's coefficients (pywt.dwt_coeff_len, mode 'symmetric').
inline int64_t dwt_coeff_len(int64_t n, int64_t filter) { return (n + filter - 1) / 2; }

}  // namespace evsim
