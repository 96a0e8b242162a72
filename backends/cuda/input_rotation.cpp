#include "backends/cuda/input_rotation.hpp"

#include <algorithm>
#include <cmath>

namespace evsim::cuda {

int rotated_input_sets(double step_bytes, double matrix_bytes, double l2_bytes) {
  const double target = 2.0 * std::min(l2_bytes, matrix_bytes);
  if (!(step_bytes > 0) || !(target > 0)) return kMaxInputSets;  // nothing read: the bound
  const double sets = std::ceil(target / step_bytes);
  return static_cast<int>(std::clamp(sets, double(kMinInputSets), double(kMaxInputSets)));
}

}  // namespace evsim::cuda
