#include "network/synapse_op.hpp"

namespace evsim {

SynapseOp::SynapseOp(std::string type, std::shared_ptr<const Projection> projection, Vector bias)
    : type_(std::move(type)), ports_{Port{std::move(projection), Feed::InEdges}}, bias_(std::move(bias)) {}

void SynapseOp::compute(const Matrix&, std::span<const Matrix> port_out, Matrix& out) {
  out = port_out[0];
  if (bias_.size()) out.colwise() += bias_;
}

}  // namespace evsim
