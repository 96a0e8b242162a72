#include "core/counters.hpp"

#include <algorithm>
#include <limits>

namespace evsim {

OpCounts& OpCounts::operator+=(const OpCounts& o) {
  dense_macs += o.dense_macs;
  effective_macs += o.effective_macs;
  effective_acs += o.effective_acs;
  events += o.events;
  unit_steps += o.unit_steps;
  weight_bytes += o.weight_bytes;
  return *this;
}

double count_discrepancy(const OpCounts& a, const OpCounts& b) {
  if (a.dense_macs != b.dense_macs || a.unit_steps != b.unit_steps) return std::numeric_limits<double>::infinity();
  auto rel = [](uint64_t x, uint64_t y) {
    const double d = x > y ? static_cast<double>(x - y) : static_cast<double>(y - x);
    return d / static_cast<double>(std::max<uint64_t>(y, 1));
  };
  return std::max(
      {rel(a.effective_macs, b.effective_macs), rel(a.effective_acs, b.effective_acs), rel(a.events, b.events)});
}

}  // namespace evsim
