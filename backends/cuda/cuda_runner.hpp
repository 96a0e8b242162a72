#pragma once
// cuda-dense and cuda-distile behind the Runner interface: the graph is lowered to the EGRU
// engine or the spiking-graph engine once (an unsupported node is an error before anything
// runs), the weights are uploaded once, and each chunk length gets its own captured engine
// sharing them; the state moves from engine to engine when a stream changes chunk length.
#include <memory>

#include "backends/runner.hpp"

namespace evsim::cuda {

std::unique_ptr<Runner> make_cuda_runner(Mode mode, Graph& graph, const RunnerOptions& options);

}  // namespace evsim::cuda
