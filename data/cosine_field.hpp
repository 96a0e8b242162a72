#pragma once
// Gaussian random fields with covariance (-Laplacian + tau^2 I)^(-alpha) and Neumann boundary
// on the unit square, sampled by their cosine expansion on an s x s grid of cell centres: the
// field of the Darcy benchmark (Li et al., FNO; DESIGN.md section 7). Mode (k, l) gets a
// standard normal weight times s * tau^(alpha - 1) * (pi^2 (k^2 + l^2) + tau^2)^(-alpha / 2),
// the constant mode none, and an orthonormal 2-D inverse DCT (MATLAB's idct2) maps the modes
// to grid values. The transform is FFTW's (REDFT01), planned once; samples may be drawn from
// several threads at once.
#include <cstdint>
#include <random>
#include <vector>

namespace evsim {

struct CosineFieldOptions {
  double alpha = 2.0, tau = 3.0;
};

class CosineFieldSampler {
 public:
  CosineFieldSampler(int64_t size, CosineFieldOptions o = {});
  ~CosineFieldSampler();
  CosineFieldSampler(const CosineFieldSampler&) = delete;
  CosineFieldSampler& operator=(const CosineFieldSampler&) = delete;

  int64_t size() const { return size_; }
  // One field, row-major s x s (out[i * s + j] at cell centre ((i + 1/2) / s, (j + 1/2) / s)).
  void sample(std::mt19937_64& rng, std::vector<double>& out) const;
  // The field of given mode weights (modes[k * s + l]), without the random draw: the transform
  // the sampler applies, exposed so that it can be checked against a direct cosine sum.
  void from_modes(const std::vector<double>& modes, std::vector<double>& out) const;
  // The standard deviation the sampler gives mode (k, l).
  double mode_scale(int64_t k, int64_t l) const { return scale_[static_cast<size_t>(k * size_ + l)]; }

 private:
  int64_t size_;
  std::vector<double> scale_;
  void* plan_ = nullptr;  // fftw_plan
};

}  // namespace evsim
