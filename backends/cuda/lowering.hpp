#pragma once
// Graph -> the CUDA engines' parameters, read from the checkpoint's node parameters
// (network/node_params.hpp) along the graph's topology, the same parse the CPU operators are
// built from. Host code, built with or without CUDA.
#include "backends/cuda/egru_engine.hpp"
#include "backends/cuda/snn_engine.hpp"
#include "network/graph.hpp"

namespace evsim::cuda {

// [Embedding ->] EGRU x L [-> Affine/Linear readout]. Throws UsageError naming the first node
// that does not fit.
EgruStackParams lower_egru_stack(const Graph& g);

// Graphs of Affine/Linear/Scale/Flatten and the point neurons. Throws UsageError naming the
// first node the SNN engine does not support.
SnnParams lower_snn(const Graph& g);

// Whether the graph is an EGRU stack (else it is lowered as a spiking graph).
bool is_egru_stack(const Graph& g);

}  // namespace evsim::cuda
