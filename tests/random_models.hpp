#pragma once
// Random models for parity tests, each drawn from a seed the test prints on failure.
#include <cstdint>
#include <random>

#include "core/tensor.hpp"
#include "data/model_spec.hpp"
#include "network/gathered_delivery.hpp"

namespace evsim::testing {

// A fresh seed per run (tests print it), unless EVSIM_TEST_SEED is set.
uint64_t fresh_seed();

// Weights are multiples of 1/64 so that, with binary inputs, every sum is exact in float
// and dense and event mode must agree bit for bit.
ModelSpec random_lif_net(std::mt19937_64& rng, bool cuba, bool recurrent, int64_t hidden = 0);  // 0: 4-24 units
// Input -> Linear (2n rows) -> a population with excitatory and inhibitory synaptic currents
// (CubaLIF with tau_syn_inh, Euler or exact, or CobaLIF) with a recurrent E/I Linear ->
// Affine -> LIF -> Output; refractoriness and initial state in half the nets.
enum class EiKind { Cuba, CubaExact, Coba };
ModelSpec random_ei_net(std::mt19937_64& rng, EiKind kind);
// A recurrent LIF population (20-60 units) whose recurrent synapses (a csr weight group,
// weights 0.5 / -0.75) have delays of 0-5 steps, fed through a Linear by the graph input (6
// units) or, with `poisson`, by a Poisson source of 6 units at 300 Hz (counts of 0-3 at dt 1 ms;
// the graph input unused). `delay_node`: a NIR Delay (0-4 steps per unit) before the Linear.
// `flat`: the same draws with every synaptic delay 0.
struct DelayedNetOptions {
  bool poisson = false, delay_node = false, flat = false;
};
ModelSpec random_delayed_net(std::mt19937_64& rng, DelayedNetOptions o = {});
ModelSpec random_conv_net(std::mt19937_64& rng);
ModelSpec random_vsn_mlp(std::mt19937_64& rng);
// A small WNO / VS-WNO (tools/evsim_tools/wno.py's graph): Normalize, GridChannels, pointwise
// Conv2d lift, Pad2d, two WaveletConv2d + Conv2d layers into GELU or VSN, Crop2d, the
// projection (VSN or GELU between two pointwise convolutions), inverse Normalize.
ModelSpec random_wno(std::mt19937_64& rng, bool spiking);
// Small EGRU stack with a random pruning level; graded events.
ModelSpec random_egru_stack(std::mt19937_64& rng);

// Language model: Input(token id) -> Embedding (vocab x emb) -> EGRU x 1-2 -> Affine decoder
// (vocab) -> Output, thresholds low enough that units fire.
ModelSpec random_lm(std::mt19937_64& rng);

Array random_weight(std::mt19937_64& rng, int64_t rows, int64_t cols, double density, bool dyadic);

// Uniform(-1, 1) weights, each kept with probability `density` (exact zeros otherwise).
Matrix random_matrix(std::mt19937_64& rng, int64_t rows, int64_t cols, double density);
// A step's gathered events: each (unit, sample) fires with probability `activity`, with value
// 1 (binary) or uniform in [0.1, 2); `active` lists the units that fired in some sample.
GatheredInputs random_gathered(std::mt19937_64& rng, int64_t in, int64_t batch, double activity, bool binary);

}  // namespace evsim::testing
