#include "core/dwt2d.hpp"

#include <algorithm>
#include <string>

#include "core/error.hpp"

namespace evsim {
namespace {

// Index i of a signal of length n extended by half-sample mirroring (period 2n).
inline int64_t mirror(int64_t i, int64_t n) {
  const int64_t p = 2 * n;
  int64_t m = i % p;
  if (m < 0) m += p;
  return m < n ? m : p - 1 - m;
}

// One level along one axis: n inputs x[k * stride] -> a, d (each out = (n + F - 1) / 2 long,
// written at out_stride): a[i] = sum_j lo[j] x[2i + 1 - j] (PyWavelets' downsampling convolution).
// T: float for the transform, double for the maps of coarsest_maps.
template <typename T>
void analyse(const T* x, int64_t n, int64_t stride, const std::vector<T>& lo, const std::vector<T>& hi, T* a, T* d,
             int64_t out_stride) {
  const auto f = static_cast<int64_t>(lo.size());
  const int64_t m = dwt_coeff_len(n, f);
  for (int64_t i = 0; i < m; ++i) {
    T sa = 0, sd = 0;
    for (int64_t j = 0; j < f; ++j) {
      const T v = x[mirror(2 * i + 1 - j, n) * stride];
      sa += lo[static_cast<size_t>(j)] * v;
      sd += hi[static_cast<size_t>(j)] * v;
    }
    a[i * out_stride] = sa;
    d[i * out_stride] = sd;
  }
}

// The inverse of one level (PyWavelets' idwt, 'symmetric'): y has 2n - F + 2 values,
// y[t] = sum_k a[k] lo[t + F - 2 - 2k] + d[k] hi[t + F - 2 - 2k].
template <typename T>
void synthesise(const T* a, const T* d, int64_t n, int64_t stride, const std::vector<T>& lo, const std::vector<T>& hi,
                T* y, int64_t out_stride) {
  const auto f = static_cast<int64_t>(lo.size());
  const int64_t len = 2 * n - f + 2;
  for (int64_t t = 0; t < len; ++t) {
    T s = 0;
    // Filter index t + F - 2 - 2k in [0, F): k from ceil((t - 1) / 2) = floor(t / 2) to floor((t + F - 2) / 2).
    const int64_t k0 = t / 2, k1 = std::min<int64_t>(n - 1, (t + f - 2) / 2);
    for (int64_t k = k0; k <= k1; ++k) {
      const auto j = static_cast<size_t>(t + f - 2 - 2 * k);
      s += lo[j] * a[k * stride] + hi[j] * d[k * stride];
    }
    y[t * out_stride] = s;
  }
}

std::vector<float> to_float(const std::vector<double>& v) { return {v.begin(), v.end()}; }

}  // namespace

Dwt2d::Dwt2d(const WaveletFilters& f, int levels, int64_t rows, int64_t cols)
    : dec_lo_(to_float(f.dec_lo)),
      dec_hi_(to_float(f.dec_hi)),
      rec_lo_(to_float(f.rec_lo)),
      rec_hi_(to_float(f.rec_hi)),
      levels_(levels) {
  if (levels < 1 || levels > 16)
    throw UsageError("wavelet transform: levels must be in [1, 16], got " + std::to_string(levels));
  if (rows < 1 || cols < 1) throw UsageError("wavelet transform: empty image");
  sizes_.emplace_back(rows, cols);
  for (int l = 0; l < levels; ++l) {
    const auto [r, c] = sizes_.back();
    sizes_.emplace_back(dwt_coeff_len(r, f.length()), dwt_coeff_len(c, f.length()));
  }
}

void Dwt2d::forward(const float* image, Wavelet2dCoeffs& c) const {
  c.detail.resize(static_cast<size_t>(levels_));
  std::vector<float> cur(image, image + sizes_[0].first * sizes_[0].second), lo, hi;
  for (int l = 1; l <= levels_; ++l) {
    const auto [r, cc] = sizes_[static_cast<size_t>(l - 1)];
    const auto [r2, c2] = sizes_[static_cast<size_t>(l)];
    // Along axis -2 (down each column), then axis -1 (along each row) of both halves.
    lo.assign(static_cast<size_t>(r2 * cc), 0.0f);
    hi.assign(lo.size(), 0.0f);
    for (int64_t j = 0; j < cc; ++j) analyse(cur.data() + j, r, cc, dec_lo_, dec_hi_, lo.data() + j, hi.data() + j, cc);
    std::vector<float> aa(static_cast<size_t>(r2 * c2)), ad(aa.size()), da(aa.size()), dd(aa.size());
    for (int64_t i = 0; i < r2; ++i) {
      analyse(lo.data() + i * cc, cc, 1, dec_lo_, dec_hi_, aa.data() + i * c2, ad.data() + i * c2, 1);
      analyse(hi.data() + i * cc, cc, 1, dec_lo_, dec_hi_, da.data() + i * c2, dd.data() + i * c2, 1);
    }
    // PyWavelets' (cH, cV, cD) = ('da', 'ad', 'dd').
    c.detail[static_cast<size_t>(l - 1)] = {std::move(da), std::move(ad), std::move(dd)};
    cur = std::move(aa);
  }
  c.approx = std::move(cur);
}

void Dwt2d::inverse(const Wavelet2dCoeffs& c, float* image) const {
  const int64_t f = static_cast<int64_t>(rec_lo_.size());
  std::vector<float> a = c.approx, lo, hi;
  for (int l = levels_; l >= 1; --l) {
    const auto [r2, c2] = sizes_[static_cast<size_t>(l)];
    // waverec2 trims an approximation longer than its details: here the details are r2 x c2
    // and `a` (the inverse of the level below) has the rows and columns it produced.
    const auto& [dh, dv, dd] = c.detail[static_cast<size_t>(l - 1)];
    const int64_t ac = l == levels_ ? c2 : 2 * sizes_[static_cast<size_t>(l + 1)].second - f + 2;
    std::vector<float> at(static_cast<size_t>(r2 * c2));
    for (int64_t i = 0; i < r2; ++i)
      for (int64_t j = 0; j < c2; ++j) at[static_cast<size_t>(i * c2 + j)] = a[static_cast<size_t>(i * ac + j)];
    // Along axis -1 first (rows), then axis -2 (columns): idwtn's order.
    const int64_t cw = 2 * c2 - f + 2, rh = 2 * r2 - f + 2;
    lo.assign(static_cast<size_t>(r2 * cw), 0.0f);
    hi.assign(lo.size(), 0.0f);
    for (int64_t i = 0; i < r2; ++i) {
      synthesise(at.data() + i * c2, dv.data() + i * c2, c2, 1, rec_lo_, rec_hi_, lo.data() + i * cw, 1);
      synthesise(dh.data() + i * c2, dd.data() + i * c2, c2, 1, rec_lo_, rec_hi_, hi.data() + i * cw, 1);
    }
    a.assign(static_cast<size_t>(rh * cw), 0.0f);
    for (int64_t j = 0; j < cw; ++j)
      synthesise(lo.data() + j, hi.data() + j, r2, cw, rec_lo_, rec_hi_, a.data() + j, cw);
    if (l == 1) {
      const auto [r0, c0] = sizes_[0];
      for (int64_t i = 0; i < r0; ++i)
        for (int64_t j = 0; j < c0; ++j) image[i * c0 + j] = a[static_cast<size_t>(i * cw + j)];
    }
  }
}

uint64_t Dwt2d::forward_macs() const {
  const auto f = static_cast<uint64_t>(dec_lo_.size());
  uint64_t macs = 0;
  for (int l = 1; l <= levels_; ++l) {
    const auto [r, c] = sizes_[static_cast<size_t>(l - 1)];
    const auto [r2, c2] = sizes_[static_cast<size_t>(l)];
    macs += 2 * f * static_cast<uint64_t>(r2 * c + 2 * r2 * c2);  // columns, then rows of both halves
  }
  return macs;
}

uint64_t Dwt2d::inverse_macs() const {
  const auto f = static_cast<uint64_t>(rec_lo_.size());
  uint64_t macs = 0;
  for (int l = 1; l <= levels_; ++l) {
    const auto [r2, c2] = sizes_[static_cast<size_t>(l)];
    // Each output sums about F / 2 taps of each of its two inputs: F per output.
    const auto cw = static_cast<uint64_t>(2 * c2 - static_cast<int64_t>(f) + 2);
    const auto rh = static_cast<uint64_t>(2 * r2 - static_cast<int64_t>(f) + 2);
    macs += f * (2 * static_cast<uint64_t>(r2) * cw + rh * cw);
  }
  return macs;
}

CoarsestMaps coarsest_maps(const WaveletFilters& f, int levels, int64_t n) {
  std::vector<int64_t> sizes{n};
  for (int l = 0; l < levels; ++l) sizes.push_back(dwt_coeff_len(sizes.back(), f.length()));
  CoarsestMaps c;
  c.n = n;
  c.m = sizes.back();
  c.analysis.assign(static_cast<size_t>(2 * c.m * n), 0.0);
  c.synthesis.assign(static_cast<size_t>(n * 2 * c.m), 0.0);
  const int64_t flen = f.length();
  for (int64_t col = 0; col < n; ++col) {  // the response to unit sample `col`
    std::vector<double> a(static_cast<size_t>(n), 0.0), d;
    a[static_cast<size_t>(col)] = 1.0;
    for (int l = 0; l < levels; ++l) {
      const int64_t len = static_cast<int64_t>(a.size());
      std::vector<double> next(static_cast<size_t>(dwt_coeff_len(len, flen)));
      d.assign(next.size(), 0.0);
      analyse(a.data(), len, 1, f.dec_lo, f.dec_hi, next.data(), d.data(), 1);
      a = std::move(next);
    }
    for (int64_t i = 0; i < c.m; ++i) {
      c.analysis[static_cast<size_t>(i * n + col)] = a[static_cast<size_t>(i)];
      c.analysis[static_cast<size_t>((c.m + i) * n + col)] = d[static_cast<size_t>(i)];
    }
  }
  for (int64_t band = 0; band < 2 * c.m; ++band) {  // the signal rebuilt from one coefficient
    std::vector<double> a(static_cast<size_t>(c.m), 0.0), d(a.size(), 0.0);
    (band < c.m ? a : d)[static_cast<size_t>(band % c.m)] = 1.0;
    for (int l = levels; l >= 1; --l) {
      a.resize(static_cast<size_t>(sizes[static_cast<size_t>(l)]));  // waverec's trim
      d.resize(a.size(), 0.0);
      std::vector<double> y(static_cast<size_t>(2 * static_cast<int64_t>(a.size()) - flen + 2));
      synthesise(a.data(), d.data(), static_cast<int64_t>(a.size()), 1, f.rec_lo, f.rec_hi, y.data(), 1);
      a = std::move(y);
      d.assign(d.size(), 0.0);  // finer levels: no details
    }
    for (int64_t t = 0; t < n; ++t) c.synthesis[static_cast<size_t>(t * 2 * c.m + band)] = a[static_cast<size_t>(t)];
  }
  return c;
}

}  // namespace evsim
