#pragma once
// Seeded random input sequences for demos, benchmarks and tests.
#include <cstdint>

#include "core/tensor.hpp"
#include "models/input_source.hpp"

namespace evsim {

// Standard-normal values (graded input).
Sequence gaussian_input(int64_t steps, int64_t batch, int64_t width, uint64_t seed, float scale = 1.0f);
// The same values, drawn as a run takes them.
InputSource gaussian_source(int64_t steps, int64_t batch, int64_t width, uint64_t seed, float scale = 1.0f);
// Token ids uniform in [0, vocab), drawn as a run takes them (batch streams, width 1).
InputSource token_source(int64_t steps, int64_t batch, int64_t vocab, uint64_t seed);
// Binary spikes with probability `rate` per unit and step.
Sequence spike_input(int64_t steps, int64_t batch, int64_t width, uint64_t seed, double rate);

}  // namespace evsim
