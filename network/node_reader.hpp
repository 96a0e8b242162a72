#pragma once
// Reads a node's parameters from its checkpoint datasets, checked against the node type:
// every backend takes a node's parameters through here (the CPU node factory and the CUDA
// lowering), so a dataset means the same thing everywhere. Failures are CheckpointErrors
// naming node and dataset.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/tensor.hpp"
#include "data/model_spec.hpp"

namespace evsim {

struct NodeReader {
  const NodeSpec& node;
  const Shape& in_shape;  // arriving on the in-edges (empty: the node has no forward input)
  double dt;

  [[noreturn]] void fail(const std::string& key, const std::string& msg) const;
  const Array& get(const std::string& key) const;
  bool has(const std::string& key) const { return node.find(key) != nullptr; }
  std::vector<int64_t> ints(const std::string& key) const;
  int64_t scalar_int(const std::string& key, int64_t dflt) const;
  std::array<int64_t, 2> pair(const std::string& key, int64_t dflt, int64_t min_value) const;
  // One value per unit of `shape`: a scalar, one per channel (C of (C, ...)), or one per unit.
  Vector per_unit(const std::string& key, const Shape& shape, std::optional<float> dflt = {}) const;
  // A dataset holding exactly one string.
  const std::string& text(const std::string& key) const;
  // A 2-D dataset stored row-major (out x in).
  Matrix matrix(const std::string& key) const;
  // Neurons take their shape from the input, or from their parameters if unconnected.
  Shape neuron_shape(std::initializer_list<const char*> keys) const;
  void require_in_size(int64_t expected, const std::string& key) const;
};

}  // namespace evsim
