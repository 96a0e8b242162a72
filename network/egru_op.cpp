#include "network/egru_op.hpp"

namespace evsim {

EgruOp::EgruOp(std::shared_ptr<const Projection> w_ih, std::shared_ptr<const Projection> w_hh, Vector b_ih, Vector b_hh,
               Vector threshold)
    : ports_{Port{std::move(w_ih), Feed::InEdges}, Port{std::move(w_hh), Feed::OwnOutput}},
      b_ih_(std::move(b_ih)),
      b_hh_(std::move(b_hh)),
      cell_(std::move(threshold)) {}

void EgruOp::compute(const Matrix&, std::span<const Matrix> port_out, Matrix& out) {
  cell_.step(port_out[0], b_ih_, port_out[1], b_hh_, out);
}

}  // namespace evsim
