#include "network/node_reader.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"

namespace evsim {

void NodeReader::fail(const std::string& key, const std::string& msg) const {
  throw CheckpointError("node '" + node.name + "' (" + node.type + ")" + (key.empty() ? "" : " dataset '" + key + "'") +
                        ": " + msg);
}

const Array& NodeReader::get(const std::string& key) const {
  const Array* a = node.find(key);
  if (!a) fail(key, "missing");
  return *a;
}

std::vector<int64_t> NodeReader::ints(const std::string& key) const {
  const Array& a = get(key);
  if (a.kind == Array::Kind::Int) return a.i;
  std::vector<int64_t> v;
  for (float f : a.f) {
    if (f != std::round(f)) fail(key, "expected integer values");
    v.push_back(static_cast<int64_t>(f));
  }
  return v;
}

int64_t NodeReader::scalar_int(const std::string& key, int64_t dflt) const {
  if (!has(key)) return dflt;
  auto v = ints(key);
  if (v.size() != 1) fail(key, "expected a scalar, got shape " + shape_str(get(key).shape));
  return v[0];
}

std::array<int64_t, 2> NodeReader::pair(const std::string& key, int64_t dflt, int64_t min_value) const {
  if (!has(key)) return {dflt, dflt};
  auto v = ints(key);
  if (v.size() == 1) v.push_back(v[0]);
  if (v.size() != 2) fail(key, "expected 1 or 2 values, got shape " + shape_str(get(key).shape));
  // Geometry (kernel, stride, padding, dilation): bounded, so sizes computed from it cannot
  // overflow (the fuzzer found 2 * padding with padding = 2^63 - 1).
  constexpr int64_t kMaxGeometry = int64_t{1} << 24;
  for (auto x : v)
    if (x < min_value || x > kMaxGeometry)
      fail(key, "expected values in [" + std::to_string(min_value) + ", " + std::to_string(kMaxGeometry) + "], got " +
                    std::to_string(x));
  return {v[0], v[1]};
}

Vector NodeReader::per_unit(const std::string& key, const Shape& shape, std::optional<float> dflt) const {
  const int64_t n = shape_size(shape);
  if (!has(key)) {
    if (!dflt) fail(key, "missing");
    return Vector::Constant(n, *dflt);
  }
  const Array& a = get(key);
  if (a.kind != Array::Kind::Float) fail(key, "expected float data");
  if (a.size() == n) return Eigen::Map<const Vector>(a.f.data(), n);
  if (a.size() == 1) return Vector::Constant(n, a.f[0]);
  if (shape.size() > 1 && a.size() == shape[0]) {
    const int64_t per = n / shape[0];
    Vector v(n);
    for (int64_t c = 0; c < shape[0]; ++c) v.segment(c * per, per).setConstant(a.f[static_cast<size_t>(c)]);
    return v;
  }
  fail(key, "expected 1, " + (shape.size() > 1 ? std::to_string(shape[0]) + ", " : std::string()) + "or " +
                std::to_string(n) + " values for shape " + shape_str(shape) + ", got shape " + shape_str(a.shape));
}

const std::string& NodeReader::text(const std::string& key) const {
  const Array& a = get(key);
  if (a.kind != Array::Kind::String || a.s.size() != 1)
    fail(key, "expected one string, got " + std::string(kind_name(a.kind)) + " " + shape_str(a.shape));
  return a.s[0];
}

// The array's row-major (C) order into Eigen's column-major one, in tiles: element by element
// one side strode a whole row or column per element, a TLB miss each on a 1536 x 512 matrix (a
// quarter of the default model's start-up).
Matrix NodeReader::matrix(const std::string& key) const {
  constexpr int64_t kTile = 64;
  const Array& a = get(key);
  const int64_t rows = a.shape[0], cols = a.shape[1];
  Matrix m(rows, cols);
  for (int64_t r0 = 0; r0 < rows; r0 += kTile)
    for (int64_t c0 = 0; c0 < cols; c0 += kTile) {
      const int64_t r1 = std::min(rows, r0 + kTile), c1 = std::min(cols, c0 + kTile);
      for (int64_t c = c0; c < c1; ++c)
        for (int64_t r = r0; r < r1; ++r) m(r, c) = a.f[static_cast<size_t>(r * cols + c)];
    }
  return m;
}

Shape NodeReader::neuron_shape(std::initializer_list<const char*> keys) const {
  if (!in_shape.empty()) return in_shape;
  Shape best = {1};
  for (const char* k : keys)
    if (has(k) && get(k).size() > shape_size(best)) best = get(k).shape;
  return best;
}

void NodeReader::require_in_size(int64_t expected, const std::string& key) const {
  if (!in_shape.empty() && shape_size(in_shape) != expected)
    fail(key,
         "expects input of size " + std::to_string(expected) + ", but its in-edges carry shape " + shape_str(in_shape));
}

}  // namespace evsim
