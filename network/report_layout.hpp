#pragma once
// Which nodes a run reports, in graph (topological) order, the same for every backend:
// neuron nodes (events they emit, ops of their ports) and nodes with synaptic ports (events
// arriving on their input, ops of the projection).
#include <vector>

#include "core/run_result.hpp"
#include "network/graph.hpp"

namespace evsim {

struct ReportedNode {
  int node = -1;       // index in Graph::nodes
  LayerReport report;  // name, type, weights, nnz and `neuron` set; counts zero
};

std::vector<ReportedNode> report_layout(const Graph& g);

// Bytes of every reported node's float32 weights: where an energy table charges them from.
double weight_footprint_bytes(const Graph& g);

}  // namespace evsim
