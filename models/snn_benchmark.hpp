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

}  // namespace evsim
