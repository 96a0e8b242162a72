#include "network/wavelet_conv_op.hpp"

#include "core/error.hpp"
#include "core/threads.hpp"

namespace evsim {
namespace {

// A row-major double array as a float matrix (rows x cols), or its transpose.
Matrix from_row_major(const std::vector<double>& a, int64_t rows, int64_t cols, bool transpose) {
  Matrix m(transpose ? cols : rows, transpose ? rows : cols);
  for (int64_t r = 0; r < rows; ++r)
    for (int64_t c = 0; c < cols; ++c) {
      const auto v = static_cast<float>(a[static_cast<size_t>(r * cols + c)]);
      (transpose ? m(c, r) : m(r, c)) = v;
    }
  return m;
}

// Coarsest-band blocks of C (rows: along H, columns: along W): approx, H (da), V (ad), D (dd).
constexpr int kRowBlock[4] = {0, 1, 0, 1}, kColBlock[4] = {0, 0, 1, 1};

}  // namespace

WaveletConvOp::WaveletConvOp(WaveletConvParams p)
    : p_(std::move(p)), dwt_(wavelet_filters(p_.wavelet), p_.levels, p_.rows, p_.cols) {
  const auto [h, w] = dwt_.sizes().back();
  h_ = h;
  w_ = w;
  band_ = h * w;
  const auto mix = static_cast<size_t>(p_.in_channels * p_.out_channels * band_);
  if (p_.weight_approx.size() != mix || p_.weight_detail.size() != 3 * mix)
    throw CheckpointError("WaveletConv2d: weights do not match the coarsest band");
  const WaveletFilters f = wavelet_filters(p_.wavelet);
  const CoarsestMaps rows = coarsest_maps(f, p_.levels, p_.rows), cols = coarsest_maps(f, p_.levels, p_.cols);
  dc_ = from_row_major(cols.analysis, 2 * w, p_.cols, false);
  drt_ = from_row_major(rows.analysis, 2 * h, p_.rows, true);
  rc_ = from_row_major(cols.synthesis, p_.cols, 2 * w, false);
  rrt_ = from_row_major(rows.synthesis, p_.rows, 2 * h, true);
}

// Output channel k of one sample from that sample's C^T of every input channel (ct[0..Cin)).
// Images are row-major H x W, i.e. column-major W x H: X^T.
void WaveletConvOp::mix_and_invert(const Matrix* ct, const float* x, int64_t k, float* out) const {
  const int64_t ci = p_.in_channels, co = p_.out_channels;
  Matrix mt = Matrix::Zero(2 * w_, 2 * h_);
  for (int b = 0; b < 4; ++b) {
    const int64_t r0 = kRowBlock[b] * h_, c0 = kColBlock[b] * w_;
    for (int64_t i = 0; i < ci; ++i) {
      const float* wt = b == 0 ? p_.weight_approx.data() + (i * co + k) * band_
                               : p_.weight_detail.data() + (((b - 1) * ci + i) * co + k) * band_;
      for (int64_t y = 0; y < h_; ++y)
        for (int64_t q = 0; q < w_; ++q) mt(c0 + q, r0 + y) += ct[i](c0 + q, r0 + y) * wt[y * w_ + q];
    }
  }
  Eigen::Map<Matrix> o(out, p_.cols, p_.rows);
  if (p_.keep_finer && p_.levels > 1) {
    mt -= ct[k];
    o = Eigen::Map<const Matrix>(x, p_.cols, p_.rows) + rc_ * mt * rrt_;
  } else {
    o.noalias() = rc_ * mt * rrt_;
  }
}

void WaveletConvOp::compute(const Matrix& input, std::span<const Matrix>, Matrix& out) {
  const int64_t batch = input.cols(), ci = p_.in_channels, co = p_.out_channels, plane = p_.rows * p_.cols;
  out.resize(co * plane, batch);
  ct_.resize(static_cast<size_t>(batch * ci));
  const int threads = cpu_threads();
  // Every (sample, channel) transform is independent; the outputs too, once all inputs are.
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
#endif
  for (int64_t t = 0; t < batch * ci; ++t) {
    const Eigen::Map<const Matrix> xt(input.col(t / ci).data() + (t % ci) * plane, p_.cols, p_.rows);
    ct_[static_cast<size_t>(t)].noalias() = dc_ * xt * drt_;
  }
#ifdef _OPENMP
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
#endif
  for (int64_t t = 0; t < batch * co; ++t) {
    const int64_t b = t / co, k = t % co;
    mix_and_invert(ct_.data() + b * ci, input.col(b).data() + k * plane, k, out.col(b).data() + k * plane);
  }
}

DenseWork WaveletConvOp::dense_work() const {
  const auto ci = static_cast<uint64_t>(p_.in_channels), co = static_cast<uint64_t>(p_.out_channels);
  const auto band = static_cast<uint64_t>(band_);
  return {ci * dwt_.forward_macs() + 4 * ci * co * band + co * dwt_.inverse_macs(), 4 * ci * co * band};
}

}  // namespace evsim
