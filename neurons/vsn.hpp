#pragma once
// Variable spiking neuron (Garg & Chakraborty), DESIGN.md section 7. Per sub-step with input z:
//   m = beta*m + z;  s = H(m - theta);  y = phi(z)*s;  m = m*(1 - s)
// The input is held for `spike_steps` sub-steps; the node's output is the mean of y over them.
#include "neurons/activation.hpp"
#include "neurons/neuron_model.hpp"

namespace evsim {

class Vsn final : public NeuronModel {
 public:
  Vsn(Vector beta, Vector threshold, ActivationFn phi, int spike_steps);
  std::string_view type() const override { return "VSN"; }
  int64_t size() const override { return beta_.size(); }
  void reset(int64_t batch) override { m_.setZero(size(), batch); }
  void step(const Matrix& x, Matrix& out) override;
  const Matrix& state() const override { return m_; }
  PointNeuron describe() const override {
    PointNeuron d;
    d.kind = PointKind::Vsn;
    d.beta = beta_;
    d.threshold = threshold_;
    d.activation = phi_;
    d.spike_steps = spike_steps_;
    return d;
  }

 private:
  Vector beta_, threshold_;
  ActivationFn phi_;
  int spike_steps_;
  Matrix m_;
};

}  // namespace evsim
