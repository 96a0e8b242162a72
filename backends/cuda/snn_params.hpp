#pragma once
// Graph -> SnnParams for the GPU SNN engine (C++ side; the engine header stays C++17).
#include "backends/cuda/snn_engine.hpp"
#include "network/graph.hpp"

namespace evsim::cuda {

// Throws UsageError naming the first node the SNN engine does not support.
SnnParams snn_from_graph(const Graph& g);

}  // namespace evsim::cuda
