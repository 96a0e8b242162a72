#pragma once
// A point neuron's update rule, with no includes: the CUDA sources compiled at run time
// (backends/cuda/snn_codegen.hpp, NVRTC: no C++ library) include it through neuron_update.cuh.

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

}  // namespace evsim
