#pragma once
// A flat description of a neuron population's update rule and parameters (dt already
// folded in, exactly as the CPU model uses them), for backends that re-implement the
// update elsewhere (the CUDA chain engine).
#include "core/tensor.hpp"
#include "neurons/activation.hpp"
#include "neurons/point_kind.hpp"

namespace evsim {

struct PointNeuron {
  PointKind kind = PointKind::Leaky;
  bool fires = false;                    // LIF/CubaLIF/IF: spike when v > v_threshold, v = v_reset
  Vector a_mem, a_syn, v_leak, r, w_in;  // Leaky, Cuba
  Vector gain;                           // Integrator
  Vector v_threshold, v_reset;           // firing neurons
  Vector refractory_steps;               // firing neurons: held steps after a spike (empty: none)
  Vector a_syn_inh, w_in_inh, r_inh;     // Cuba2, Cuba2Exact, Coba: the inhibitory current
  Vector e_exc, e_inh;                   // Coba: reversal potentials
  Vector v0, i0, i0_inh;                 // initial membrane / synaptic state (empty: zeros)
  Vector beta, threshold;                // Vsn (threshold also for Threshold)
  ActivationFn activation = ActivationFn::Identity;
  int spike_steps = 1;
};

}  // namespace evsim
