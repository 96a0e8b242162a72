#pragma once
// Affine / Linear / Conv2d / pooling node: out = W x (+ bias per output unit).
#include "network/operator.hpp"

namespace evsim {

class SynapseOp final : public Operator {
 public:
  SynapseOp(std::string type, std::shared_ptr<const Projection> projection, Vector bias);
  std::string_view type() const override { return type_; }
  const std::vector<Port>& ports() const override { return ports_; }
  void compute(const Matrix&, std::span<const Matrix> port_out, Matrix& out) override;
  bool passes_port_through() const override { return bias_.size() == 0; }
  const Vector& bias() const { return bias_; }

 private:
  std::string type_;
  std::vector<Port> ports_;
  Vector bias_;  // empty: no bias
};

}  // namespace evsim
