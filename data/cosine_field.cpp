#include "data/cosine_field.hpp"

#include <cmath>
#include <numbers>
#include <string>

#include "core/error.hpp"

#if EVSIM_HAVE_FFTW
#include <fftw3.h>
#endif

namespace evsim {
namespace {

#if EVSIM_HAVE_FFTW
// FFTW's arrays (SIMD-aligned, so that a plan made on one array runs on any other).
struct FftwBuffer {
  explicit FftwBuffer(size_t n) : p(static_cast<double*>(fftw_malloc(n * sizeof(double)))) {
    if (!p) throw Error("cosine field: out of memory for " + std::to_string(n) + " values");
  }
  ~FftwBuffer() { fftw_free(p); }
  FftwBuffer(const FftwBuffer&) = delete;
  FftwBuffer& operator=(const FftwBuffer&) = delete;
  double* p;
};
#endif

// REDFT01 computes Y_m = X_0 + 2 sum_{k>0} X_k cos(pi k (m + 1/2) / n); the orthonormal
// inverse DCT weighs X_0 by 1/sqrt(n) and the others by sqrt(2/n).
double orthonormal_weight(int64_t k, int64_t n) {
  const auto dn = static_cast<double>(n);
  return k == 0 ? 1.0 / std::sqrt(dn) : 1.0 / std::sqrt(2.0 * dn);
}

}  // namespace

CosineFieldSampler::CosineFieldSampler(int64_t size, CosineFieldOptions o) : size_(size) {
  if (size < 2 || size > 16384)
    throw UsageError("cosine field: grid size must be in [2, 16384], got " + std::to_string(size));
  if (!(o.alpha > 0) || !(o.tau > 0)) throw UsageError("cosine field: alpha and tau must be positive");
  const auto n = static_cast<size_t>(size * size);
  scale_.assign(n, 0.0);
  const double pi2 = std::numbers::pi * std::numbers::pi;
  for (int64_t k = 0; k < size; ++k)
    for (int64_t l = 0; l < size; ++l) {
      if (k == 0 && l == 0) continue;  // the field has mean zero
      const auto kk = static_cast<double>(k * k + l * l);
      scale_[static_cast<size_t>(k * size + l)] = static_cast<double>(size) * std::pow(o.tau, o.alpha - 1.0) *
                                                  std::pow(pi2 * kk + o.tau * o.tau, -o.alpha / 2.0);
    }
#if EVSIM_HAVE_FFTW
  FftwBuffer in(n), out(n);
  const int s = static_cast<int>(size);
  plan_ = fftw_plan_r2r_2d(s, s, in.p, out.p, FFTW_REDFT01, FFTW_REDFT01, FFTW_ESTIMATE);
  if (!plan_) throw Error("cosine field: FFTW could not plan a " + std::to_string(size) + "^2 inverse DCT");
#else
  throw UsageError("cosine field: this build has no FFTW (install libfftw3-dev and rebuild)");
#endif
}

CosineFieldSampler::~CosineFieldSampler() {
#if EVSIM_HAVE_FFTW
  if (plan_) fftw_destroy_plan(static_cast<fftw_plan>(plan_));
#endif
}

void CosineFieldSampler::from_modes(const std::vector<double>& modes, std::vector<double>& out) const {
  const auto n = static_cast<size_t>(size_ * size_);
  if (modes.size() != n) throw Error("cosine field: expected " + std::to_string(n) + " modes");
  out.resize(n);
#if EVSIM_HAVE_FFTW
  FftwBuffer in(n), res(n);
  for (int64_t k = 0; k < size_; ++k)
    for (int64_t l = 0; l < size_; ++l) {
      const auto i = static_cast<size_t>(k * size_ + l);
      in.p[i] = modes[i] * orthonormal_weight(k, size_) * orthonormal_weight(l, size_);
    }
  // The new-array execute is the one FFTW call that is safe from several threads at once.
  fftw_execute_r2r(static_cast<fftw_plan>(plan_), in.p, res.p);
  out.assign(res.p, res.p + n);
#endif
}

void CosineFieldSampler::sample(std::mt19937_64& rng, std::vector<double>& out) const {
  std::normal_distribution<double> normal(0.0, 1.0);
  std::vector<double> modes(scale_.size());
  for (size_t i = 0; i < modes.size(); ++i) modes[i] = normal(rng) * scale_[i];
  from_modes(modes, out);
}

}  // namespace evsim
