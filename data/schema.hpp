#pragma once
// Per node type: which datasets exist, their kind and rank. Shapes that depend on other
// datasets or on edges are checked where the node is built (network/node_factory.cpp).
#include <string>
#include <vector>

#include "data/model_spec.hpp"

namespace evsim {

struct ParamRule {
  const char* name;
  unsigned kinds;  // bit mask of (1 << Array::Kind)
  bool required;
  int min_rank, max_rank;
};

constexpr unsigned kFloat = 1u << static_cast<int>(Array::Kind::Float);
constexpr unsigned kInt = 1u << static_cast<int>(Array::Kind::Int);
constexpr unsigned kString = 1u << static_cast<int>(Array::Kind::String);
// Integer-valued parameters are accepted in float form too (exporters differ).
constexpr unsigned kNumber = kFloat | kInt;

// nullptr for an unknown type.
const std::vector<ParamRule>* node_rules(const std::string& type);
std::vector<std::string> known_node_types();

// Throws CheckpointError("node 'n' dataset 'd': ...") when a rule is violated,
// including NaN/Inf in float data.
void validate_node(const NodeSpec& node);

}  // namespace evsim
