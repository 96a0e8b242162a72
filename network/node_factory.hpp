#pragma once
// One NodeSpec + the shape arriving on its in-edges -> an Operator and its output shape.
#include <memory>

#include "data/model_spec.hpp"
#include "network/operator.hpp"

namespace evsim {

struct BuiltNode {
  std::unique_ptr<Operator> op;
  Shape shape;
  Shape in_shape = {};  // what it consumes when that is not `shape` (two synaptic currents: 2n)
};

// in_shape may be empty when the node has no forward input (then parameters decide).
// Throws CheckpointError naming node and dataset.
BuiltNode make_node(const NodeSpec& node, const Shape& in_shape, double dt);

// Size of what the node consumes on its in-edges (for edge shape checks).
int64_t consumed_size(const Operator& op, const Shape& in_shape);

}  // namespace evsim
