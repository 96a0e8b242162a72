#include "network/conv2d_projection.hpp"

#include <cmath>

#include "core/cpu_cost_model.hpp"
#include "core/threads.hpp"
#include "network/batched_product.hpp"

namespace evsim {

Conv2dProjection::Conv2dProjection(Conv2dGeometry g, std::vector<float> weight) : g_(g), w_(std::move(weight)) {
  weight_count_ = w_.size();
  taps_.resize(static_cast<size_t>(g_.in_channels));
  const int64_t cin_g = g_.group_in(), cout_g = g_.group_out();
  for (int64_t co = 0; co < g_.out_channels; ++co) {
    const int64_t group = co / cout_g;
    for (int64_t ci = 0; ci < cin_g; ++ci) {
      for (int64_t ky = 0; ky < g_.kernel_h; ++ky) {
        for (int64_t kx = 0; kx < g_.kernel_w; ++kx) {
          const float w = w_[static_cast<size_t>(((co * cin_g + ci) * g_.kernel_h + ky) * g_.kernel_w + kx)];
          if (w == 0.0f) continue;
          ++nnz_;
          taps_[static_cast<size_t>(group * cin_g + ci)].push_back(Tap{static_cast<int32_t>(co),
                                                                       static_cast<int16_t>(ky * g_.dilation[0]),
                                                                       static_cast<int16_t>(kx * g_.dilation[1]), w});
        }
      }
    }
  }
  count_fanout();
  pointwise_ = g_.kernel_h == 1 && g_.kernel_w == 1 && g_.stride[0] == 1 && g_.stride[1] == 1 && g_.padding[0] == 0 &&
               g_.padding[1] == 0 && g_.groups == 1;
  // (Cout, Cin) row-major is W^T column-major.
  if (pointwise_) wt_ = Eigen::Map<const Matrix>(w_.data(), g_.in_channels, g_.out_channels);
}

int64_t Conv2dProjection::target(int64_t in, int64_t d, int64_t pad, int64_t stride, int64_t limit) {
  const int64_t num = in + pad - d;
  if (num < 0 || num % stride) return -1;
  const int64_t o = num / stride;
  return o < limit ? o : -1;
}

void Conv2dProjection::count_fanout() {
  // Dense MACs count only in-bounds (input, weight, output) triples, zero weights included;
  // padding positions are not work. fanout_ counts the non-zero part per input pixel.
  const int64_t oh = g_.out_h(), ow = g_.out_w(), cout_g = g_.group_out();
  fanout_.assign(static_cast<size_t>(in_size()), 0);
  dense_macs_ = 0;
  for (int64_t ci = 0; ci < g_.in_channels; ++ci) {
    for (int64_t y = 0; y < g_.in_h; ++y) {
      for (int64_t x = 0; x < g_.in_w; ++x) {
        uint32_t count = 0;
        for (const Tap& t : taps_[static_cast<size_t>(ci)])
          count += target(y, t.dy, g_.padding[0], g_.stride[0], oh) >= 0 &&
                   target(x, t.dx, g_.padding[1], g_.stride[1], ow) >= 0;
        fanout_[static_cast<size_t>((ci * g_.in_h + y) * g_.in_w + x)] = count;
        for (int64_t ky = 0; ky < g_.kernel_h; ++ky)
          for (int64_t kx = 0; kx < g_.kernel_w; ++kx)
            if (target(y, ky * g_.dilation[0], g_.padding[0], g_.stride[0], oh) >= 0 &&
                target(x, kx * g_.dilation[1], g_.padding[1], g_.stride[1], ow) >= 0)
              dense_macs_ += static_cast<uint64_t>(cout_g);
      }
    }
  }
}

void Conv2dProjection::pointwise_product(const Matrix& x, Matrix& y) const {
  const int64_t npos = g_.in_h * g_.in_w;
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    // The sample's (C, H, W) input is X^T (P x Cin) column-major, its output Y^T (P x Cout).
    const Matrix xt = Eigen::Map<const Matrix>(x.col(b).data(), npos, g_.in_channels);
    Matrix yt = Eigen::Map<const Matrix>(y.col(b).data(), npos, g_.out_channels);
    batched_product_add(xt, wt_, yt, cpu_threads());
    Eigen::Map<Matrix>(y.col(b).data(), npos, g_.out_channels) = yt;
  }
}

void Conv2dProjection::pointwise_scatter(const GatheredInputs& in, Matrix& y) const {
  const int64_t npos = g_.in_h * g_.in_w, cout = g_.out_channels;
  for (Eigen::Index b = 0; b < in.x.cols(); ++b) {
    float* out = y.col(b).data();
    for (const uint32_t j : in.active) {  // ascending: channels in order for every output
      const float v = in.x(j, b);
      if (v == 0.0f) continue;
      const int64_t c = j / npos, p = j % npos;
      for (int64_t o = 0; o < cout; ++o) out[o * npos + p] = std::fma(wt_(c, o), v, out[o * npos + p]);
    }
  }
}

uint64_t Conv2dProjection::deliver_gathered(const GatheredInputs& in, Matrix& y, SumOrder) const {
  const CpuCostModel& m = cpu_cost_model();
  const double pairs = gathered_events(in);
  const double cout = double(g_.out_channels);
  const double product = double(in_size()) * cout * double(in.x.cols()) * m.product_mac_ns;
  if (pairs * cout * m.sparse_nnz_cached_ns < kGatherMargin * product) {
    pointwise_scatter(in, y);
    return static_cast<uint64_t>(pairs * cout) * sizeof(float);
  }
  pointwise_product(in.x, y);
  return dense_bytes();
}

void Conv2dProjection::forward_dense(const Matrix& x, Matrix& y) const {
  if (pointwise_) {
    y.setZero(out_size(), x.cols());
    pointwise_product(x, y);
    return;
  }
  const int64_t oh = g_.out_h(), ow = g_.out_w(), npos = oh * ow;
  const int64_t cin_g = g_.group_in(), cout_g = g_.group_out();
  const int64_t k = cin_g * g_.kernel_h * g_.kernel_w;
  y.resize(out_size(), x.cols());
  Matrix cols(npos, k);
  // Weight (Cout, K) row-major is (K, Cout) column-major: one GEMM per group.
  Eigen::Map<const Matrix> wt(w_.data(), k, g_.out_channels);
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    const float* in = x.col(b).data();
    for (int64_t grp = 0; grp < g_.groups; ++grp) {
      for (int64_t ci = 0; ci < cin_g; ++ci) {
        const float* plane = in + (grp * cin_g + ci) * g_.in_h * g_.in_w;
        for (int64_t ky = 0; ky < g_.kernel_h; ++ky) {
          for (int64_t kx = 0; kx < g_.kernel_w; ++kx) {
            float* col = cols.col((ci * g_.kernel_h + ky) * g_.kernel_w + kx).data();
            for (int64_t oy = 0; oy < oh; ++oy) {
              const int64_t iy = oy * g_.stride[0] - g_.padding[0] + ky * g_.dilation[0];
              for (int64_t ox = 0; ox < ow; ++ox) {
                const int64_t ix = ox * g_.stride[1] - g_.padding[1] + kx * g_.dilation[1];
                const bool inside = iy >= 0 && iy < g_.in_h && ix >= 0 && ix < g_.in_w;
                col[oy * ow + ox] = inside ? plane[iy * g_.in_w + ix] : 0.0f;
              }
            }
          }
        }
      }
      Eigen::Map<Matrix> out(y.col(b).data() + grp * cout_g * npos, npos, cout_g);
      out.noalias() = cols * wt.middleCols(grp * cout_g, cout_g);
    }
  }
}

void Conv2dProjection::deliver(uint32_t source, float value, float* y_col) const {
  const int64_t plane = g_.in_h * g_.in_w;
  const int64_t ci = source / plane, rem = source % plane;
  const int64_t iy = rem / g_.in_w, ix = rem % g_.in_w;
  const int64_t oh = g_.out_h(), ow = g_.out_w();
  for (const Tap& t : taps_[static_cast<size_t>(ci)]) {
    const int64_t oy = target(iy, t.dy, g_.padding[0], g_.stride[0], oh);
    const int64_t ox = target(ix, t.dx, g_.padding[1], g_.stride[1], ow);
    if (oy < 0 || ox < 0) continue;
    float& out = y_col[(t.out_channel * oh + oy) * ow + ox];
    out = pointwise_ ? std::fma(t.w, value, out) : out + value * t.w;  // pointwise: the gathered paths' rounding
  }
}

}  // namespace evsim
