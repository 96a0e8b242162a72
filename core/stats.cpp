#include "core/stats.hpp"

#include <algorithm>
#include <cmath>

namespace evsim {

namespace {

// v sorted, p in [0, 1].
double quantile(const std::vector<double>& v, double p) {
  const double at = p * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<size_t>(std::floor(at));
  const size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (at - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

double median(std::vector<double> v) { return spread_of(std::move(v)).median; }

Spread spread_of(std::vector<double> v) {
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  return {v.front(), quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), v.back(), static_cast<int>(v.size())};
}

bool ranges_overlap(const Spread& a, const Spread& b) { return a.min <= b.max && b.min <= a.max; }

}  // namespace evsim
