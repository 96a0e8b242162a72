#include "core/tensor.hpp"

#include <algorithm>
#include <cmath>

namespace evsim {

int64_t shape_size(const Shape& shape) {
  int64_t n = 1;
  for (auto d : shape) n *= d;
  return n;
}

std::string shape_str(const Shape& shape) {
  std::string s = "(";
  for (size_t i = 0; i < shape.size(); ++i) {
    if (i) s += ", ";
    s += std::to_string(shape[i]);
  }
  return s + ")";
}

double max_relative_error(const Sequence& a, const Sequence& b) {
  double diff = 0.0, ref = 0.0;
  for (size_t k = 0; k < a.data.size() && k < b.data.size(); ++k) {
    diff = std::max(diff, static_cast<double>(std::fabs(a.data[k] - b.data[k])));
    ref = std::max(ref, static_cast<double>(std::fabs(b.data[k])));
  }
  return ref > 0 ? diff / ref : diff;
}

bool all_finite(const Matrix& m) {
  const float* p = m.data();
  const Eigen::Index n = m.size();
  float acc = 0.0f;
#pragma omp simd reduction(+ : acc)
  for (Eigen::Index i = 0; i < n; ++i) acc += p[i] - p[i];
  return acc == 0.0f;
}

double relative_l2_error(const Sequence& a, const Sequence& b) {
  double diff = 0.0, ref = 0.0;
  for (size_t k = 0; k < a.data.size() && k < b.data.size(); ++k) {
    const double d = static_cast<double>(a.data[k]) - static_cast<double>(b.data[k]);
    diff += d * d;
    ref += static_cast<double>(b.data[k]) * b.data[k];
  }
  return ref > 0 ? std::sqrt(diff / ref) : std::sqrt(diff);
}

}  // namespace evsim
