#pragma once
// The indices of a vector's non-zero entries, ascending (NaN counts as non-zero, as `x != 0`
// does). Spiking layers hand over a few percent of their units per step: a mask over 16 units
// at a time skips the silent ones, where a pass with a compare per unit was most of the
// event bookkeeping of a 4,000-neuron network's step.
#include <cstddef>
#include <cstdint>

namespace evsim {

// Writes the indices to out[0 .. returned count); out holds n entries.
size_t nonzero_indices(const float* x, int64_t n, uint32_t* out);

}  // namespace evsim
