#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "core/table.hpp"
#include "data/checkpoint.hpp"
#include "network/graph.hpp"
#include "network/model_loader.hpp"

namespace evsim {

namespace {

struct InfoOptions {
  ModelChoice model;
};

void run_info(const InfoOptions& o) {
  ModelSpec spec = read_checkpoint(o.model.path);
  const double dt = resolve_dt(o.model.dt, spec);
  Graph g = build_graph(spec, dt);
  std::printf("model: %s\nNIR version: %s   evsim model: %s   dt: %g s   pruning: %s %.3g\n\n", o.model.path.c_str(),
              spec.version.c_str(), spec.meta.model.c_str(), dt,
              spec.meta.pruning_method.empty() ? "-" : spec.meta.pruning_method.c_str(), spec.meta.pruning_level);
  Table t({"node", "type", "in shape", "out shape", "parameters", "weights", "non-zero", "density"});
  uint64_t params_total = 0, weights_total = 0, nnz_total = 0;
  for (int v : g.order) {  // topological order reads like the network
    const auto k = static_cast<size_t>(v);
    const GraphNode& n = g.nodes[k];
    uint64_t params = 0, weights = 0, nnz = 0;
    for (const auto& [key, a] : spec.graph.nodes[k].params)
      if (a.kind == Array::Kind::Float) params += static_cast<uint64_t>(a.size());
    if (n.op)
      for (const Port& p : n.op->ports()) {
        weights += p.projection->weight_count();
        nnz += p.projection->nnz();
      }
    params_total += params;
    weights_total += weights;
    nnz_total += nnz;
    t.add({n.name, n.type, shape_str(n.in_shape), shape_str(n.shape), fmt_count(double(params)),
           weights ? fmt_count(double(weights)) : "", weights ? fmt_count(double(nnz)) : "",
           weights ? fmt_pct(double(nnz) / double(weights)) : ""});
  }
  t.add({"total", "", "", "", fmt_count(double(params_total)), fmt_count(double(weights_total)),
         fmt_count(double(nnz_total)), weights_total ? fmt_pct(double(nnz_total) / double(weights_total)) : ""});
  std::printf("%s\nedges:\n", t.str().c_str());
  for (const auto& n : g.nodes)
    for (const InEdge& e : n.inputs)
      std::printf("  %s -> %s%s\n", g.nodes[static_cast<size_t>(e.source)].name.c_str(), n.name.c_str(),
                  e.back ? "   (recurrent: previous step)" : "");
  if (!spec.meta.metrics.empty()) {
    std::printf("\nmetrics:\n");
    for (const auto& [k, v] : spec.meta.metrics) std::printf("  %s = %g\n", k.c_str(), v);
  }
}

}  // namespace

void register_info(CLI::App& app) {
  auto o = std::make_shared<InfoOptions>();
  auto* cmd = app.add_subcommand("info", "Nodes, types, shapes, parameter counts and weight density of a checkpoint");
  add_model_options(*cmd, o->model, true);
  cmd->callback([o] { run_info(*o); });
}

}  // namespace evsim
