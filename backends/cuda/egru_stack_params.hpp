#pragma once
// Graph -> EgruStackParams for the GPU engine (C++ side; the engine header stays C++17
// for nvcc).
#include "backends/cuda/egru_engine.hpp"
#include "network/graph.hpp"

namespace evsim::cuda {

// Throws UsageError naming the first node the GPU engine does not support.
EgruStackParams egru_stack_from_graph(const Graph& g);

}  // namespace evsim::cuda
