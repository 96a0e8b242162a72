#pragma once
// Graph -> ChainParams for the GPU chain engine (C++ side; the engine header stays C++17).
#include "backends/cuda/chain_engine.hpp"
#include "network/graph.hpp"

namespace evsim::cuda {

// Throws UsageError naming the first node the chain engine does not support.
ChainParams chain_from_graph(const Graph& g);

}  // namespace evsim::cuda
