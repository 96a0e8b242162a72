#pragma once
// Numeric containers shared by all layers. Activations of one time step are a
// column-major N x B matrix (one column per batch entry), so a projection is one GEMM.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace evsim {

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using Vector = Eigen::VectorXf;
using Shape = std::vector<int64_t>;

int64_t shape_size(const Shape& shape);
std::string shape_str(const Shape& shape);

// A T x B x N sequence stored row-major, exactly the HDF5 layout of `input`/`output`.
// Step t is then a contiguous N x B column-major block.
struct Sequence {
  int64_t steps = 0, batch = 0, width = 0;
  std::vector<float> data;

  Sequence() = default;
  Sequence(int64_t t, int64_t b, int64_t n)
      : steps(t), batch(b), width(n), data(static_cast<size_t>(t * b * n), 0.0f) {}
  Eigen::Map<Matrix> step(int64_t t) { return {data.data() + t * batch * width, width, batch}; }
  Eigen::Map<const Matrix> step(int64_t t) const { return {data.data() + t * batch * width, width, batch}; }
};

// No NaN or Inf in m. One vectorised pass (x - x is 0 for every finite x, NaN otherwise):
// Eigen's allFinite ran element by element and was a fifth of a 4,000-neuron network's step.
bool all_finite(const Matrix& m);

// max |a - b| / max |b| over all elements: one scale-free number that catches any diverging
// unit (0 when equal; |a - b| itself when b is all zeros).
double max_relative_error(const Sequence& a, const Sequence& b);
// ||a - b|| / ||b|| (L2 over all elements): one unit that differs moves it little, a diverging
// output much.
double relative_l2_error(const Sequence& a, const Sequence& b);

}  // namespace evsim
