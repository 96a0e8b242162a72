#pragma once
#include <string>

#include "network/graph.hpp"

namespace evsim {

// dt: the run option; <= 0 means "the checkpoint's evsim/dt if stored, else 1e-4 s".
double resolve_dt(double requested, const ModelSpec& spec);

// read_checkpoint + build_graph.
Graph load_graph(const std::string& path, double dt_option);

}  // namespace evsim
