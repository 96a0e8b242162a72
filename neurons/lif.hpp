#pragma once
// NIR LIF and LI: tau dv/dt = (v_leak - v) + r*I, forward Euler with step dt.
// LIF spikes when v > v_threshold and resets to v_reset; LI has no threshold and
// outputs its membrane potential.
#include <optional>

#include "neurons/neuron_model.hpp"

namespace evsim {

struct LeakyParams {
  Vector tau, r, v_leak;
};

class Lif final : public NeuronModel {
 public:
  Lif(LeakyParams p, std::optional<FiringParams> firing, double dt, InitialState s0 = {});
  std::string_view type() const override { return firing_ ? "LIF" : "LI"; }
  int64_t size() const override { return alpha_.size(); }
  void reset(int64_t batch) override {
    v_ = initial(s0_.v0, size(), batch);
    refractory_.reset(firing_, size(), batch);
  }
  void step(const Matrix& x, Matrix& out) override;
  const Matrix& state() const override { return v_; }
  PointNeuron describe() const override {
    PointNeuron d;
    d.kind = PointKind::Leaky;
    d.a_mem = alpha_;
    d.v_leak = p_.v_leak;
    d.r = p_.r;
    describe_firing(firing_, s0_, d);
    return d;
  }

 private:
  Vector alpha_;  // dt / tau
  LeakyParams p_;
  std::optional<FiringParams> firing_;
  InitialState s0_;
  Refractory refractory_;
  Matrix v_;
};

}  // namespace evsim
