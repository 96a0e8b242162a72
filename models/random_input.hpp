#pragma once
// Seeded random input sequences for demos, benchmarks and tests.
#include <cstdint>

#include "core/tensor.hpp"

namespace evsim {

// Standard-normal values (graded input).
Sequence gaussian_input(int64_t steps, int64_t batch, int64_t width, uint64_t seed, float scale = 1.0f);
// Binary spikes with probability `rate` per unit and step.
Sequence spike_input(int64_t steps, int64_t batch, int64_t width, uint64_t seed, double rate);

}  // namespace evsim
