#pragma once
// In-memory form of a checkpoint: the NIR graph (flattened) plus evsim metadata.
// data/ reads and writes it; network/ gives it meaning.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/tensor.hpp"

namespace evsim {

struct Array {
  enum class Kind { Float, Int, String };
  Kind kind = Kind::Float;
  Shape shape;  // empty = scalar
  std::vector<float> f;
  std::vector<int64_t> i;
  std::vector<std::string> s;

  static Array floats(Shape shape, std::vector<float> v);
  static Array ints(Shape shape, std::vector<int64_t> v);
  static Array scalar(double v) { return floats({}, {static_cast<float>(v)}); }
  static Array integer(int64_t v) { return ints({}, {v}); }
  static Array text(std::string v);
  int64_t size() const { return shape_size(shape); }
  int rank() const { return static_cast<int>(shape.size()); }
  bool operator==(const Array&) const = default;
};

const char* kind_name(Array::Kind k);

struct NodeSpec {
  std::string name;
  std::string type;
  std::map<std::string, Array> params;

  const Array* find(const std::string& key) const;
  bool operator==(const NodeSpec&) const = default;
};

struct GraphSpec {
  std::vector<NodeSpec> nodes;
  std::vector<std::pair<std::string, std::string>> edges;

  const NodeSpec* find(const std::string& name) const;
  NodeSpec& add(std::string name, std::string type);
  void connect(const std::string& src, const std::string& dst) { edges.emplace_back(src, dst); }
  bool operator==(const GraphSpec&) const = default;
};

struct ModelMeta {
  std::string model = "snn";
  double dt = 0.0;  // 0: not stored; the run option decides
  std::vector<std::string> vocab;
  std::map<std::string, double> metrics;
  std::string pruning_method;
  double pruning_level = 0.0;
  bool operator==(const ModelMeta&) const = default;
};

struct ModelSpec {
  std::string version = "0.2.0";
  GraphSpec graph;
  ModelMeta meta;
  std::string source;  // file the spec was read from, for error messages
};

}  // namespace evsim
