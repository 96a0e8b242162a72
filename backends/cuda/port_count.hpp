#pragma once
// NeuroBench counts of a projection's inputs on the GPU (plain host code). The counting
// kernel (op_count.hpp) fills one CountSlot per step from the inputs the engine kept, outside
// the timed CUDA graph, so GPU runs report exactly the CPU's counts: the non-zero inputs, their
// (non-zero weight x input) pairs through the projection's fan-out, whether every non-zero
// input was binary (then the pairs are ACs, else MACs), and the active columns (the union over
// the batch: what DISTile reads).
#include <cstdint>
#include <functional>
#include <vector>

namespace evsim::cuda {

struct CountSlot {
  unsigned long long pairs = 0, nonzero = 0;
  unsigned int active = 0, nonbinary = 0;
};

// A projection's counts over a run.
struct PortCount {
  uint64_t macs = 0, acs = 0, nonzero = 0, bytes = 0;
};

// Sums downloaded slots; bytes_of(active columns) is what the engine's path read in that step.
PortCount sum_slots(const CountSlot* slots, int steps, const std::function<double(unsigned)>& bytes_of);

// Non-zero weights per column of a column-major rows x cols matrix.
std::vector<uint32_t> column_fanout(const float* w, int64_t rows, int64_t cols);

}  // namespace evsim::cuda
