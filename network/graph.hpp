#pragma once
// The executable graph: nodes in topological order, in-edges marked forward (same step)
// or back (closing a cycle: the value of the previous step).
#include <memory>
#include <string>
#include <vector>

#include "data/model_spec.hpp"
#include "network/operator.hpp"

namespace evsim {

struct InEdge {
  int source = -1;
  bool back = false;
};

struct GraphNode {
  std::string name, type;
  Shape in_shape, shape;         // per sample, batch excluded
  std::unique_ptr<Operator> op;  // null for the Input node
  std::vector<InEdge> inputs;
  int64_t size() const { return shape_size(shape); }
  int64_t in_size() const { return shape_size(in_shape); }
};

struct Graph {
  std::vector<GraphNode> nodes;
  std::vector<int> order;  // topological, back edges excluded
  int input = -1, output = -1;
  bool token_input = false;  // the Input feeds an Embedding: IN.h5 holds `tokens`
  ModelMeta meta;
  std::string source;
  // The checkpoint the graph was built from; nodes[k] is spec->graph.nodes[k]. Backends that
  // re-implement the nodes read their parameters from here (network/node_params.hpp).
  std::shared_ptr<const ModelSpec> spec;
  double dt = 0.0;  // seconds per step the neurons were discretised with

  int find(const std::string& name) const;
  int64_t input_width() const { return nodes[static_cast<size_t>(input)].size(); }
  int64_t output_width() const { return nodes[static_cast<size_t>(output)].size(); }
};

// Gives the checkpoint its meaning; dt (seconds) discretises the NIR ODEs.
// Throws CheckpointError("<file>: node 'n' ...") for anything inconsistent.
Graph build_graph(std::shared_ptr<const ModelSpec> spec, double dt);
Graph build_graph(const ModelSpec& spec, double dt);  // keeps a copy of `spec`

}  // namespace evsim
