#include "network/l2_residency.hpp"

#include <algorithm>

#include "network/blocked_csc.hpp"

namespace evsim {

double step_weight_bytes(const Projection& p) {
  return std::min(static_cast<double>(p.dense_bytes()), static_cast<double>(BlockedCsc::kBytesPerNnz * p.nnz()));
}

std::vector<bool> evicted_between_steps(const std::vector<const Projection*>& ports, double l2_bytes) {
  double total = 0;
  for (const Projection* p : ports) total += step_weight_bytes(*p);
  std::vector<bool> evicted;
  evicted.reserve(ports.size());
  for (const Projection* p : ports) evicted.push_back(total - step_weight_bytes(*p) > l2_bytes);
  return evicted;
}

}  // namespace evsim
