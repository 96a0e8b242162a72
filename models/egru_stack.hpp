#pragma once
// Deterministic EGRU stack: Input -> EGRU x layers -> Affine readout -> Output, with
// uniform weights scaled for unit-variance pre-activations, pruned column-wise to
// `density`. The embedded default model of `evsim compare` is one of these.
#include <cstdint>

#include "data/model_spec.hpp"

namespace evsim {

struct EgruStackConfig {
  int64_t inputs = 64;
  int64_t hidden = 512;
  int64_t layers = 3;
  int64_t outputs = 16;
  double density = 0.2;    // fraction of weights kept (0.2 = 80 % pruned)
  double threshold = 0.3;  // per-unit EGRU thresholds are drawn around this value
  // > 0: instead of `threshold`, each layer's threshold scale is found by bisection so
  // that the layer fires on about this fraction of unit-steps for N(0,1) input.
  double target_activity = 0.0;
  uint64_t seed = 1;
};

ModelSpec make_egru_stack(const EgruStackConfig& cfg);

// The model `evsim compare` runs with no arguments: 3 x 512, 80 % pruned, ~20 % activity.
EgruStackConfig default_model_config();

}  // namespace evsim
