#pragma once
// NIR IF and I: dv/dt = r * x (no leak), forward Euler: v += dt * r * x.
// IF spikes when v > v_threshold and resets to v_reset; I outputs v.
#include <optional>

#include "neurons/neuron_model.hpp"

namespace evsim {

class Integrator final : public NeuronModel {
 public:
  Integrator(Vector r, std::optional<FiringParams> firing, double dt, InitialState s0 = {});
  std::string_view type() const override { return firing_ ? "IF" : "I"; }
  int64_t size() const override { return gain_.size(); }
  void reset(int64_t batch) override {
    v_ = initial(s0_.v0, size(), batch);
    refractory_.reset(firing_, size(), batch);
  }
  void step(const Matrix& x, Matrix& out) override;
  const Matrix& state() const override { return v_; }
  PointNeuron describe() const override {
    PointNeuron d;
    d.kind = PointKind::Integrator;
    d.gain = gain_;
    describe_firing(firing_, s0_, d);
    return d;
  }

 private:
  Vector gain_;  // dt * r
  std::optional<FiringParams> firing_;
  InitialState s0_;
  Refractory refractory_;
  Matrix v_;
};

}  // namespace evsim
