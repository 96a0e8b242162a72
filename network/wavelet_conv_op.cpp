#include "network/wavelet_conv_op.hpp"

#include "core/error.hpp"
#include "core/threads.hpp"

namespace evsim {

WaveletConvOp::WaveletConvOp(WaveletConvParams p)
    : p_(std::move(p)), dwt_(wavelet_filters(p_.wavelet), p_.levels, p_.rows, p_.cols) {
  const auto [h, w] = dwt_.sizes().back();
  band_ = h * w;
  const auto mix = static_cast<size_t>(p_.in_channels * p_.out_channels * band_);
  if (p_.weight_approx.size() != mix || p_.weight_detail.size() != 3 * mix)
    throw CheckpointError("WaveletConv2d: weights do not match the coarsest band");
}

// Output channel k of one sample from that sample's input coefficients c[0..Cin).
void WaveletConvOp::mix_and_invert(const Wavelet2dCoeffs* c, int64_t k, float* out) const {
  const int64_t ci = p_.in_channels, co = p_.out_channels, band = band_;
  const size_t coarsest = static_cast<size_t>(p_.levels - 1);
  Wavelet2dCoeffs o;
  o.approx.assign(static_cast<size_t>(band), 0.0f);
  o.detail.resize(static_cast<size_t>(p_.levels));
  for (int b = 0; b < 3; ++b) o.detail[coarsest][static_cast<size_t>(b)].assign(static_cast<size_t>(band), 0.0f);
  for (int64_t i = 0; i < ci; ++i) {
    const Wavelet2dCoeffs& x = c[i];
    const float* wa = p_.weight_approx.data() + (i * co + k) * band;
    for (int64_t q = 0; q < band; ++q) o.approx[static_cast<size_t>(q)] += x.approx[static_cast<size_t>(q)] * wa[q];
    for (int b = 0; b < 3; ++b) {
      const float* wd = p_.weight_detail.data() + ((b * ci + i) * co + k) * band;
      const auto& xb = x.detail[coarsest][static_cast<size_t>(b)];
      auto& ob = o.detail[coarsest][static_cast<size_t>(b)];
      for (int64_t q = 0; q < band; ++q) ob[static_cast<size_t>(q)] += xb[static_cast<size_t>(q)] * wd[q];
    }
  }
  for (size_t l = 0; l < coarsest; ++l)
    for (int b = 0; b < 3; ++b) {
      const auto& own = c[k].detail[l][static_cast<size_t>(b)];
      if (p_.keep_finer)
        o.detail[l][static_cast<size_t>(b)] = own;
      else
        o.detail[l][static_cast<size_t>(b)].assign(own.size(), 0.0f);
    }
  dwt_.inverse(o, out);
}

void WaveletConvOp::compute(const Matrix& input, std::span<const Matrix>, Matrix& out) {
  const int64_t batch = input.cols(), ci = p_.in_channels, co = p_.out_channels, plane = p_.rows * p_.cols;
  out.resize(co * plane, batch);
  coeffs_.resize(static_cast<size_t>(batch * ci));
  const int threads = cpu_threads();
  // Every (sample, channel) transform is independent; the outputs too, once all inputs are.
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
#endif
  for (int64_t t = 0; t < batch * ci; ++t)
    dwt_.forward(input.col(t / ci).data() + (t % ci) * plane, coeffs_[static_cast<size_t>(t)]);
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
#endif
  for (int64_t t = 0; t < batch * co; ++t)
    mix_and_invert(coeffs_.data() + (t / co) * ci, t % co, out.col(t / co).data() + (t % co) * plane);
}

DenseWork WaveletConvOp::dense_work() const {
  const auto ci = static_cast<uint64_t>(p_.in_channels), co = static_cast<uint64_t>(p_.out_channels);
  const auto band = static_cast<uint64_t>(band_);
  return {ci * dwt_.forward_macs() + 4 * ci * co * band + co * dwt_.inverse_macs(), 4 * ci * co * band};
}

}  // namespace evsim
