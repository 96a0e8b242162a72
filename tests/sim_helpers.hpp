#pragma once
#include <stdexcept>
#include <string>

#include "backends/runner.hpp"
#include "network/graph.hpp"

namespace evsim::testing {

inline RunResult run_on(const std::string& backend, Graph& g, Mode mode, const Sequence& input, bool record = false,
                        SumOrder order = SumOrder::Fast) {
  RunnerOptions o;
  o.record = record;
  o.sum_order = order;
  return make_runner(backend, mode, g, o)->run(input);
}

inline RunResult run_mode(const ModelSpec& spec, Mode mode, const Sequence& input, bool record = false,
                          double dt = 1e-3, SumOrder order = SumOrder::Fast) {
  Graph g = build_graph(spec, dt);
  return run_on("cpu", g, mode, input, record, order);
}

inline const LayerReport& layer(const RunResult& r, const std::string& name) {
  for (const auto& l : r.layers)
    if (l.name == name) return l;
  throw std::runtime_error("no layer " + name);
}

inline double rel_err(const Sequence& a, const Sequence& b) { return max_relative_error(a, b); }

}  // namespace evsim::testing
