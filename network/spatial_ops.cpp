#include "network/spatial_ops.hpp"

namespace evsim {

PadCropOp::PadCropOp(std::string type, Chw in, std::array<int64_t, 4> pad)
    : type_(std::move(type)), in_(in), pad_(pad) {}

Chw PadCropOp::out_shape() const { return {in_.c, in_.h + pad_[0] + pad_[1], in_.w + pad_[2] + pad_[3]}; }

void PadCropOp::compute(const Matrix& input, std::span<const Matrix>, Matrix& out) {
  const Chw o = out_shape();
  out.setZero(o.c * o.h * o.w, input.cols());
  // Output (r, q) comes from input (r - top, q - left) where that lies inside the input.
  for (Eigen::Index b = 0; b < input.cols(); ++b)
    for (int64_t c = 0; c < o.c; ++c)
      for (int64_t r = 0; r < o.h; ++r) {
        const int64_t ir = r - pad_[0];
        if (ir < 0 || ir >= in_.h) continue;
        for (int64_t q = 0; q < o.w; ++q) {
          const int64_t iq = q - pad_[2];
          if (iq >= 0 && iq < in_.w) out((c * o.h + r) * o.w + q, b) = input((c * in_.h + ir) * in_.w + iq, b);
        }
      }
}

void GridChannelsOp::compute(const Matrix& input, std::span<const Matrix>, Matrix& out) {
  const int64_t plane = in_.h * in_.w;
  out.resize((in_.c + 2) * plane, input.cols());
  out.topRows(in_.c * plane) = input;
  auto coord = [](int64_t i, int64_t n) { return n > 1 ? static_cast<float>(double(i) / double(n - 1)) : 0.0f; };
  for (Eigen::Index b = 0; b < input.cols(); ++b)
    for (int64_t r = 0; r < in_.h; ++r)
      for (int64_t q = 0; q < in_.w; ++q) {
        out(in_.c * plane + r * in_.w + q, b) = coord(r, in_.h);
        out((in_.c + 1) * plane + r * in_.w + q, b) = coord(q, in_.w);
      }
}

}  // namespace evsim
