#pragma once
// NIR CubaLIF / CubaLI: a synaptic current filters the input before the membrane.
//   I += dt/tau_syn * (-I + w_in * x);  v += dt/tau_mem * (v_leak - v + r * I)
// CubaLIF spikes when v > v_threshold and resets v to v_reset (I is not reset).
#include <optional>

#include "neurons/neuron_model.hpp"

namespace evsim {

struct CubaParams {
  Vector tau_syn, tau_mem, r, v_leak, w_in;
};

class CubaLif final : public NeuronModel {
 public:
  CubaLif(CubaParams p, std::optional<FiringParams> firing, double dt, InitialState s0 = {});
  std::string_view type() const override { return firing_ ? "CubaLIF" : "CubaLI"; }
  int64_t size() const override { return p_.r.size(); }
  void reset(int64_t batch) override;
  void step(const Matrix& x, Matrix& out) override;
  const Matrix& state() const override { return v_; }
  const Matrix& current() const { return i_; }
  PointNeuron describe() const override {
    PointNeuron d;
    d.kind = PointKind::Cuba;
    d.a_syn = a_syn_;
    d.a_mem = a_mem_;
    d.w_in = p_.w_in;
    d.v_leak = p_.v_leak;
    d.r = p_.r;
    describe_firing(firing_, s0_, d);
    return d;
  }

 private:
  CubaParams p_;
  Vector a_syn_, a_mem_;
  std::optional<FiringParams> firing_;
  InitialState s0_;
  Refractory refractory_;
  Matrix v_, i_;
};

}  // namespace evsim
