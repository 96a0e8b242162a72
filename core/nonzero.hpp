#pragma once
// Scans for the non-zero entries of a vector (NaN counts as non-zero, as `x != 0` does), 16 at
// a time through AVX-512 masks where the build has it. Spiking layers hand over a few percent of
// their units per step, and both modes count every input column each step: a compare and a
// branch per unit was most of a small projection's step, or of a 4,000-neuron network's.
#include <cstddef>
#include <cstdint>

namespace evsim {

// Writes the indices to out[0 .. returned count); out holds n entries.
size_t nonzero_indices(const float* x, int64_t n, uint32_t* out);
// The same for the non-zero bytes of `marks`.
size_t nonzero_byte_indices(const uint8_t* marks, int64_t n, uint32_t* out);

// One input column's events, as NeuroBench counts them: the non-zeros, the sum of their
// fan-outs (effective ops), and whether every non-zero is +-1 (then they are accumulates).
struct ColumnTally {
  uint64_t events = 0, pairs = 0;
  bool binary = true;
};
// `seen`, when given, gets 1 OR-ed in at every non-zero (the union over a batch's columns);
// `units`, when given (room for n), gets the non-zeros' indices, ascending (events of them).
ColumnTally tally_column(const float* x, const uint32_t* fanout, int64_t n, uint8_t* seen, uint32_t* units = nullptr);

}  // namespace evsim
