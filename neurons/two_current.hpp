#pragma once
// Neurons with two synaptic currents, excitatory and inhibitory, each with its own time constant
// (evsim extensions; Vogels & Abbott 2005, Brette et al. 2007). The input holds 2n rows per
// sample: rows [0, n) feed the excitatory current, rows [n, 2n) the inhibitory one, so one
// projection with 2n rows (excitatory targets on top) carries a whole E/I population.
//   CubaLIF with `tau_syn_inh` (current-based): CubaLIF's rule for each current, and the membrane
//     sees r (i + i_inh). Euler or exact as CubaLIF; with x_inh = 0 it is CubaLIF bit for bit.
//   CobaLIF (conductance-based): conductances g, g_inh in units of the leak conductance, reversal
//     potentials e_exc, e_inh. An input x arrives as a charge x dt (as the exact integrator's):
//       g' = g + (dt/tau_syn) x;  v += (dt/tau_mem) (v_leak - v + g'(e_exc - v) + g_inh'(e_inh - v));
//       g = g' (1 - dt/tau_syn)
//     forward Euler, Brian2's own choice for these equations; a Brian2 jump w (`g += w`) is
//     x = w tau_syn / dt.
// Refractory units hold v; the currents keep decaying and receiving.
#include <optional>

#include "neurons/exact_integration.hpp"

namespace evsim {

struct TwoCurrentParams {
  Vector tau_syn, tau_syn_inh, tau_mem, r, v_leak, w_in;  // CubaLIF: r, w_in as there
  Vector e_exc, e_inh;                                    // CobaLIF
};

// The shared state and plumbing of the three models: v and the two currents.
class TwoCurrentNeuron : public NeuronModel {
 public:
  TwoCurrentNeuron(Vector v_leak, std::optional<FiringParams> firing, InitialState s0)
      : v_leak_(std::move(v_leak)), firing_(std::move(firing)), s0_(std::move(s0)) {}
  int64_t size() const override { return v_leak_.size(); }
  int64_t input_size() const override { return 2 * size(); }
  void reset(int64_t batch) override;
  const Matrix& state() const override { return v_; }
  const Matrix& current() const { return i_; }
  const Matrix& current_inh() const { return i_inh_; }

 protected:
  // Runs f(units [k0, k1), input x of sample b, v, i, i_inh, held) over samples and unit ranges,
  // then fires.
  template <class F>
  void update(const Matrix& x, Matrix& out, F f);
  PointNeuron describe_common(PointKind kind) const;

  Vector v_leak_;
  std::optional<FiringParams> firing_;
  InitialState s0_;
  Refractory refractory_;
  Matrix v_, i_, i_inh_;
};

class CubaLif2 final : public TwoCurrentNeuron {
 public:
  CubaLif2(const TwoCurrentParams& p, std::optional<FiringParams> firing, double dt, InitialState s0 = {});
  std::string_view type() const override { return firing_ ? "CubaLIF" : "CubaLI"; }
  void step(const Matrix& x, Matrix& out) override;
  PointNeuron describe() const override;

 private:
  Vector a_syn_, a_inh_, a_mem_, r_, w_in_;  // dt / tau
};

class CubaLif2Exact final : public TwoCurrentNeuron {
 public:
  CubaLif2Exact(const TwoCurrentParams& p, std::optional<FiringParams> firing, double dt, InitialState s0 = {});
  std::string_view type() const override { return firing_ ? "CubaLIF" : "CubaLI"; }
  void step(const Matrix& x, Matrix& out) override;
  PointNeuron describe() const override;

 private:
  Vector a_, b_, b_inh_, k_, k_inh_, jump_, jump_inh_;  // as CubaLifExact, per current
};

class CobaLif final : public TwoCurrentNeuron {
 public:
  CobaLif(const TwoCurrentParams& p, std::optional<FiringParams> firing, double dt, InitialState s0 = {});
  std::string_view type() const override { return "CobaLIF"; }
  void step(const Matrix& x, Matrix& out) override;
  PointNeuron describe() const override;

 private:
  Vector a_mem_, jump_, jump_inh_, decay_, decay_inh_, e_exc_, e_inh_;  // dt/tau_mem, dt/tau_syn, 1 - dt/tau_syn
};

}  // namespace evsim
