#pragma once
// A flat description of a neuron population's update rule and parameters (dt already
// folded in, exactly as the CPU model uses them), for backends that re-implement the
// update elsewhere (the CUDA chain engine).
#include "core/tensor.hpp"
#include "neurons/activation.hpp"

namespace evsim {

enum class PointKind {
  Leaky,       // LIF / LI:   v += a_mem (v_leak - v + r x)
  Cuba,        // CubaLIF/LI: i += a_syn (-i + w_in x); v += a_mem (v_leak - v + r i)
  Integrator,  // IF / I:     v += gain x
  Threshold,   // out = H(x - threshold), stateless
  Vsn,         // m = beta m + x (spike_steps times); spike: y += phi(x), m = 0
  // The exact integrator (neurons/exact_integration.hpp), its fields reused:
  LeakyExact,  // v' = v + r x; v = v' - (v' - v_leak) a_mem   (r: the jump (dt/tau) r, a_mem: 1 - decay)
  CubaExact,   // i' = i + w_in x; v = v - (v - v_leak) a_mem + r i'; i = i' a_syn
  // Two synaptic currents (neurons/two_current.hpp): the input holds 2n rows, the excitatory
  // then the inhibitory ones; the second current's fields end in _inh.
  Cuba2,       // Cuba for each current; v sees r (i + i_inh)
  Cuba2Exact,  // CubaExact for each current; v gains r i' + r_inh i_inh'
  Coba,        // g' = g + w_in x (each); v += a_mem (v_leak - v + g'(e_exc - v) + g_inh'(e_inh - v));
               // g = g' a_syn (each)
};

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
