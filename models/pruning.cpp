#include "models/pruning.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/error.hpp"

namespace evsim {
namespace {

// Zeroes all but the `keep` largest |values| among `n` entries reached through `at`.
template <typename At>
void keep_largest(int64_t n, int64_t keep, At at) {
  std::vector<int64_t> idx(static_cast<size_t>(n));
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](int64_t a, int64_t b) { return std::abs(at(a)) > std::abs(at(b)); });
  for (int64_t k = keep; k < n; ++k) at(idx[static_cast<size_t>(k)]) = 0.0f;
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
