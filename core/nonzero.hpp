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
// The same for the set bits of units [0, n) in 16-bit masks (unit j: bit j % 16 of masks[j / 16]).
size_t mask_indices(const uint16_t* masks, int64_t n, uint32_t* out);

// One input column's events, as NeuroBench counts them: the non-zeros, the sum of their
// fan-outs (effective ops), and whether every non-zero is +-1 (then they are accumulates).
struct ColumnTally {
  uint64_t events = 0, pairs = 0;
  bool binary = true;
  ColumnTally& operator+=(const ColumnTally& t) {
    events += t.events;
    pairs += t.pairs;
    binary = binary && t.binary;
    return *this;
  }
};
// `seen`, when given ((n + 15) / 16 masks), gets every non-zero's bit OR-ed in (the union over a
// batch's columns: one OR per 16 units, where a byte per unit cost a vector load and store);
// `units`, when given (room for n), gets the non-zeros' indices, ascending (events of them).
ColumnTally tally_column(const float* x, const uint32_t* fanout, int64_t n, uint16_t* seen, uint32_t* units = nullptr);

}  // namespace evsim
