#pragma once
// The exact (exponential) integrator of LIF/LI and CubaLIF/CubaLI (`integrator` = "exact", an
// evsim extension; forward Euler is NIR's reference and the default). Each step's weighted
// input x arrives as an instantaneous charge x dt, the NIR meaning of a current held for one
// step, and the linear dynamics between inputs are solved in closed form, so a neuron's
// trajectory no longer depends on dt beyond when inputs arrive (Brian2's `method='exact'`
// with `on_pre: v += w` or `g += w`, Rotter & Diesmann 1999):
//   LIF:     v' = v + (dt/tau) r x;  v <- v' - (v' - v_leak) c
//   CubaLIF: i' = i + (dt/tau_syn) w_in x;  v <- v - (v - v_leak) c + k i';  i <- i' b
//            c = 1 - e^(-dt/tau_mem) (computed without cancellation), b = e^(-dt/tau_syn),
//            k = r tau_syn (b - a) / (tau_syn - tau_mem), a = 1 - c (k = r (dt/tau_mem) a when
//            the two are equal).
// A Brian2 weight w (a jump of v, or of the current) is x = w tau / (r dt), or w tau_syn /
// (w_in dt). Refractory units hold v (the current keeps decaying and receiving).
#include <optional>

#include "neurons/cuba_lif.hpp"
#include "neurons/lif.hpp"

namespace evsim {

enum class Integration { Euler, Exact };
Integration parse_integration(const std::string& name);  // "euler" | "exact"

// k above: how much a unit of synaptic current moves v over one step.
double current_coupling(double tau_syn, double tau_mem, double r, double dt);

class LifExact final : public NeuronModel {
 public:
  LifExact(const LeakyParams& p, std::optional<FiringParams> firing, double dt, InitialState s0 = {});
  std::string_view type() const override { return firing_ ? "LIF" : "LI"; }
  int64_t size() const override { return decay_.size(); }
  void reset(int64_t batch) override;
  void step(const Matrix& x, Matrix& out) override;
  const Matrix& state() const override { return v_; }
  PointNeuron describe() const override;

 private:
  Vector decay_, jump_, v_leak_;  // 1 - e^(-dt/tau), (dt/tau) r
  std::optional<FiringParams> firing_;
  InitialState s0_;
  Refractory refractory_;
  Matrix v_;
};

class CubaLifExact final : public NeuronModel {
 public:
  CubaLifExact(const CubaParams& p, std::optional<FiringParams> firing, double dt, InitialState s0 = {});
  std::string_view type() const override { return firing_ ? "CubaLIF" : "CubaLI"; }
  int64_t size() const override { return a_.size(); }
  void reset(int64_t batch) override;
  void step(const Matrix& x, Matrix& out) override;
  const Matrix& state() const override { return v_; }
  PointNeuron describe() const override;

 private:
  Vector a_, b_, k_, jump_, v_leak_;  // membrane leak fraction, current decay, coupling, (dt/tau_syn) w_in
  std::optional<FiringParams> firing_;
  InitialState s0_;
  Refractory refractory_;
  Matrix v_, i_;
};

}  // namespace evsim
