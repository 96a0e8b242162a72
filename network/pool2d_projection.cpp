#include "network/pool2d_projection.hpp"

#include <algorithm>

namespace evsim {

Pool2dProjection::Pool2dProjection(Pool2dGeometry g, bool average)
    : g_(g), average_(average), scale_(average ? 1.0f / static_cast<float>(g.kernel[0] * g.kernel[1]) : 1.0f) {
  fanout_.assign(static_cast<size_t>(in_size()), 0);
}

void Pool2dProjection::forward_dense(const Matrix& x, Matrix& y) const {
  const int64_t oh = g_.out_h(), ow = g_.out_w();
  y.setZero(out_size(), x.cols());
  for (Eigen::Index b = 0; b < x.cols(); ++b) {
    for (int64_t c = 0; c < g_.channels; ++c) {
      const float* in = x.col(b).data() + c * g_.in_h * g_.in_w;
      float* out = y.col(b).data() + c * oh * ow;
      for (int64_t oy = 0; oy < oh; ++oy) {
        for (int64_t ox = 0; ox < ow; ++ox) {
          float s = 0.0f;
          for (int64_t ky = 0; ky < g_.kernel[0]; ++ky) {
            const int64_t iy = oy * g_.stride[0] - g_.padding[0] + ky;
            if (iy < 0 || iy >= g_.in_h) continue;
            for (int64_t kx = 0; kx < g_.kernel[1]; ++kx) {
              const int64_t ix = ox * g_.stride[1] - g_.padding[1] + kx;
              if (ix >= 0 && ix < g_.in_w) s += in[iy * g_.in_w + ix];
            }
          }
          out[oy * ow + ox] = s * scale_;
        }
      }
    }
  }
}

void Pool2dProjection::deliver(uint32_t source, float value, float* y_col) const {
  const int64_t plane = g_.in_h * g_.in_w, oh = g_.out_h(), ow = g_.out_w();
  const int64_t c = source / plane, iy = (source % plane) / g_.in_w, ix = source % g_.in_w;
  // Windows containing (iy, ix): oy*stride - pad <= iy < oy*stride - pad + kernel.
  auto range = [](int64_t i, int64_t k, int64_t s, int64_t p, int64_t lim) {
    const int64_t hi = std::min(lim - 1, (i + p) / s);
    const int64_t lo = std::max<int64_t>(0, (i + p - k + s) / s);
    return std::pair{lo, hi};
  };
  const auto [y0, y1] = range(iy, g_.kernel[0], g_.stride[0], g_.padding[0], oh);
  const auto [x0, x1] = range(ix, g_.kernel[1], g_.stride[1], g_.padding[1], ow);
  float* out = y_col + c * oh * ow;
  for (int64_t oy = y0; oy <= y1; ++oy)
    for (int64_t ox = x0; ox <= x1; ++ox) out[oy * ow + ox] += value * scale_;
}

}  // namespace evsim
