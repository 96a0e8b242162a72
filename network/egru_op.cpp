#include "network/egru_op.hpp"

namespace evsim {

EgruOp::EgruOp(std::shared_ptr<const Projection> w_ih, std::shared_ptr<const Projection> w_hh, Vector b_ih, Vector b_hh,
               Vector threshold)
    : ports_{Port{std::move(w_ih), Feed::InEdges}, Port{std::move(w_hh), Feed::OwnOutput}},
      b_ih_(std::move(b_ih)),
      b_hh_(std::move(b_hh)),
      cell_(std::move(threshold)) {}

void EgruOp::compute(const Matrix&, std::span<const Matrix> port_out, Matrix& out) {
  a_ = port_out[0];
  a_.colwise() += b_ih_;
  h_ = port_out[1];
  h_.colwise() += b_hh_;
  cell_.step(a_, h_, out);
}

}  // namespace evsim
