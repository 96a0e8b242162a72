#pragma once
// EGRU layer node: port 0 = W_ih (fed by the in-edges), port 1 = W_hh (fed by the
// layer's own events of the previous step), then the EGRU cell.
#include "network/operator.hpp"
#include "neurons/egru_cell.hpp"

namespace evsim {

class EgruOp final : public Operator {
 public:
  EgruOp(std::shared_ptr<const Projection> w_ih, std::shared_ptr<const Projection> w_hh, Vector b_ih, Vector b_hh,
         Vector threshold);
  std::string_view type() const override { return "EGRU"; }
  const std::vector<Port>& ports() const override { return ports_; }
  void reset(int64_t batch) override { cell_.reset(batch); }
  void compute(const Matrix&, std::span<const Matrix> port_out, Matrix& out) override;
  bool is_neuron() const override { return true; }
  const Matrix* state() const override { return &cell_.cell(); }
  const Vector& bias_ih() const { return b_ih_; }
  const Vector& bias_hh() const { return b_hh_; }
  const Vector& threshold() const { return cell_.threshold(); }
  void set_threshold(const Vector& theta) { cell_.set_threshold(theta); }

 private:
  std::vector<Port> ports_;
  Vector b_ih_, b_hh_;
  EgruCell cell_;
};

}  // namespace evsim
