#include "backends/cuda/port_count.hpp"

namespace evsim::cuda {

PortCount sum_slots(const CountSlot* slots, int steps, const std::function<double(unsigned)>& bytes_of) {
  PortCount c;
  double bytes = 0;
  for (int t = 0; t < steps; ++t) {
    (slots[t].nonbinary ? c.macs : c.acs) += slots[t].pairs;
    c.nonzero += slots[t].nonzero;
    bytes += bytes_of(slots[t].active);
  }
  c.bytes = static_cast<uint64_t>(bytes + 0.5);
  return c;
}

std::vector<uint32_t> column_fanout(const float* w, int64_t rows, int64_t cols) {
  std::vector<uint32_t> f(static_cast<size_t>(cols), 0);
  for (int64_t j = 0; j < cols; ++j)
    for (int64_t r = 0; r < rows; ++r) f[static_cast<size_t>(j)] += w[j * rows + r] != 0.0f;
  return f;
}

}  // namespace evsim::cuda
