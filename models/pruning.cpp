#include "models/pruning.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
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
  std::vector<int64_t> idx(static_cast<size_t>(n));
  std::iota(idx.begin(), idx.end(), 0);
  const auto first = [&](int64_t a, int64_t b) {
    const float x = std::abs(at(a)), y = std::abs(at(b));
    return x > y || (x == y && a < b);
  };
  std::nth_element(idx.begin(), idx.begin() + keep, idx.end(), first);
  for (auto k = static_cast<size_t>(keep); k < idx.size(); ++k) at(idx[k]) = 0.0f;
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
