#include "models/pruning.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/error.hpp"

namespace evsim {
namespace {

// Zeroes all but the `keep` largest |values| among `n` entries reached through `at`; of equal
// magnitudes the lower index stays (the order a stable sort gave, so models built before keep
// their weights). A selection, not a sort: the default model's seven matrices took a tenth of
// its start-up sorted.
template <typename At>
void keep_largest(int64_t n, int64_t keep, At at) {
  if (keep >= n) return;
  std::vector<std::pair<float, int64_t>> e(static_cast<size_t>(n));  // (magnitude, index): no indirect loads
  for (int64_t i = 0; i < n; ++i) e[static_cast<size_t>(i)] = {std::abs(at(i)), i};
  std::nth_element(e.begin(), e.begin() + keep, e.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });
  for (auto k = static_cast<size_t>(keep); k < e.size(); ++k) at(e[k].second) = 0.0f;
}

void check_density(double density) {
  if (!(density > 0.0 && density <= 1.0)) throw UsageError("density must be in (0, 1], got " + std::to_string(density));
}

}  // namespace

void prune_columns(Matrix& w, double density) {
  check_density(density);
  const auto keep = static_cast<int64_t>(std::llround(density * static_cast<double>(w.rows())));
  for (Eigen::Index j = 0; j < w.cols(); ++j)
    keep_largest(w.rows(), keep, [&](int64_t i) -> float& { return w(i, j); });
}

}  // namespace evsim
