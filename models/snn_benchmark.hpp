#pragma once
// Classic spiking benchmark networks as checkpoints (`evsim convert snn-benchmark`).
//   brunel: Brunel (2000), J. Comput. Neurosci. 8:183, model A: N_E = 0.8 N excitatory and
//           0.2 N inhibitory LIF neurons (tau 20 ms, threshold 20 mV, reset 10 mV, t_ref 2 ms),
//           each receiving eps N_E excitatory (J) and eps N_I inhibitory (-g J) synapses with
//           delay D, plus external Poisson input: C_E synapses of weight J at rate
//           eta nu_thr, nu_thr = theta / (J C_E tau), one PoissonSource unit per neuron standing
//           for all of them. Synapses jump the membrane (exact integration; evsim's input x =
//           J tau / dt per spike). g = 5, eta = 2: the asynchronous irregular state.
// Connectivity, initial membranes (uniform in [0, threshold)) and delays are drawn from `seed`.
//   cuba / coba: the Vogels & Abbott (2005) network of benchmarks 2 and 1 of Brette et al.
//           (2007), as Brian2 runs them: 0.8 N excitatory and 0.2 N inhibitory neurons, each pair
//           connected with probability p (default 80 / N: 2 % at 4,000), tau_mem 20 ms, synaptic
//           time constants 5 ms (E) and 10 ms (I), threshold -50 mV, reset -60 mV, refractory 5 ms
//           (counted from the spike's step, as Brian2: t_ref = 5 ms - dt).
//           cuba: current-based (CubaLIF with tau_syn_inh, exact integration), v_leak -49 mV,
//             jumps of 1.62 mV (E) and -9 mV (I); v0 uniform in [-60, -50) mV; no input.
//           coba: conductance-based (CobaLIF, Euler), v_leak -60 mV, reversal potentials 0 and
//             -80 mV, jumps of 0.6 and 6.7 leak conductances; v0 = -65 + 5 N(0,1) mV, initial
//             conductances 4 + 1.5 N(0,1) (E) and 20 + 12 N(0,1) (I) leak conductances.
//           Potentials are stored relative to v_leak (cuba: threshold -1, reset -11 mV; coba: 10
//             and 0 mV), where float32 resolves them ~40x finer.
//           The synapses form one Linear of 2N x N (excitatory targets in rows [0, N), inhibitory
//           ones below: neurons/two_current.hpp).
#include <cstdint>

#include "data/model_spec.hpp"

namespace evsim {

struct BrunelConfig {
  int64_t neurons = 10000;
  double epsilon = 0.1, g = 5.0, eta = 2.0;
  double j_mv = 0.1, delay_s = 1.5e-3, tau_s = 0.02, theta_mv = 20.0, reset_mv = 10.0, t_ref_s = 2e-3;
  double dt = 1e-4;
  uint64_t seed = 1;
};

ModelSpec make_brunel(const BrunelConfig& c);

struct VogelsAbbottConfig {
  bool conductance = false;  // coba
  int64_t neurons = 4000;
  double p = 0.0;  // connection probability; 0: 80 / neurons
  double dt = 1e-4;
  uint64_t seed = 1;
};

ModelSpec make_vogels_abbott(const VogelsAbbottConfig& c);

}  // namespace evsim
