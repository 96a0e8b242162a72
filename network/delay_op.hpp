#pragma once
// NIR Delay: out_i(t) = in_i(t - d_i), d_i = round(delay_i / dt) steps, per unit.
// A ring of past inputs makes any delay O(1) per step.
#include <vector>

#include "network/operator.hpp"

namespace evsim {

class DelayOp final : public Operator {
 public:
  explicit DelayOp(std::vector<int64_t> delay_steps);
  std::string_view type() const override { return "Delay"; }
  void reset(int64_t batch) override;
  void compute(const Matrix& input, std::span<const Matrix>, Matrix& out) override;
  const std::vector<int64_t>& delay_steps() const { return delay_; }

 private:
  std::vector<int64_t> delay_;
  std::vector<Matrix> ring_;
  int64_t now_ = 0;
};

}  // namespace evsim
