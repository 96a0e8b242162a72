#pragma once
// Structural nodes of channels x rows x cols tensors (evsim extensions for neural operators):
// Pad2d (zeros on the four sides), Crop2d (the inverse), GridChannels (appends two channels
// holding each position's coordinates, 0..1 down the rows and along the columns, as the WNO
// and FNO reference models do). No weights: nothing to count.
#include <array>

#include "network/operator.hpp"

namespace evsim {

struct Chw {
  int64_t c = 0, h = 0, w = 0;
};

// Pad2d (`pad` >= 0) and Crop2d (`pad` < 0, the amounts cut): top, bottom, left, right.
class PadCropOp final : public Operator {
 public:
  PadCropOp(std::string type, Chw in, std::array<int64_t, 4> pad);
  std::string_view type() const override { return type_; }
  Chw out_shape() const;
  Chw in_shape() const { return in_; }
  const std::array<int64_t, 4>& pad() const { return pad_; }
  void compute(const Matrix& input, std::span<const Matrix> port_out, Matrix& out) override;

 private:
  std::string type_;
  Chw in_;
  std::array<int64_t, 4> pad_;
};

class GridChannelsOp final : public Operator {
 public:
  explicit GridChannelsOp(Chw in) : in_(in) {}
  std::string_view type() const override { return "GridChannels"; }
  Chw in_shape() const { return in_; }
  void compute(const Matrix& input, std::span<const Matrix> port_out, Matrix& out) override;

 private:
  Chw in_;
};

}  // namespace evsim
