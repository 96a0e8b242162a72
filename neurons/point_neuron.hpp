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
  LeakyExact,  // v = v_leak + (v + r x - v_leak) a_mem              (r: the jump (dt/tau) r)
  CubaExact,   // i' = i + w_in x; v = v_leak + (v - v_leak) a_mem + r i'; i = i' a_syn
};

struct PointNeuron {
  PointKind kind = PointKind::Leaky;
  bool fires = false;                    // LIF/CubaLIF/IF: spike when v > v_threshold, v = v_reset
  Vector a_mem, a_syn, v_leak, r, w_in;  // Leaky, Cuba
  Vector gain;                           // Integrator
  Vector v_threshold, v_reset;           // firing neurons
  Vector refractory_steps;               // firing neurons: held steps after a spike (empty: none)
  Vector v0, i0;                         // initial membrane / synaptic state (empty: zeros)
  Vector beta, threshold;                // Vsn (threshold also for Threshold)
  ActivationFn activation = ActivationFn::Identity;
  int spike_steps = 1;
};

}  // namespace evsim
