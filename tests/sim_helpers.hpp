#pragma once
#include "backends/backend.hpp"
#include "network/graph.hpp"
#include "network/simulator.hpp"

namespace evsim::testing {

inline RunResult run_mode(const ModelSpec& spec, Mode mode, const Sequence& input, bool record = false,
                          double dt = 1e-3) {
  Graph g = build_graph(spec, dt);
  auto backend = make_backend("cpu", mode);
  return Simulator(g, *backend).run(input, record);
}

inline const LayerReport& layer(const RunResult& r, const std::string& name) {
  for (const auto& l : r.layers)
    if (l.name == name) return l;
  throw std::runtime_error("no layer " + name);
}

inline double rel_err(const Sequence& a, const Sequence& b) { return max_relative_error(a, b); }

}  // namespace evsim::testing
