#include "network/report_layout.hpp"

namespace evsim {

std::vector<ReportedNode> report_layout(const Graph& g) {
  std::vector<ReportedNode> out;
  for (int v : g.order) {
    const GraphNode& node = g.nodes[static_cast<size_t>(v)];
    if (!node.op) continue;
    LayerReport rep{node.name, node.type, {}, 0, 0, node.op->is_neuron()};
    bool synaptic = false;
    for (const Port& p : node.op->ports()) {
      if (!p.projection->synaptic()) continue;
      synaptic = true;
      rep.weights += p.projection->weight_count();
      rep.nnz += p.projection->nnz();
    }
    if (const DenseWork w = node.op->dense_work(); w.macs > 0) {
      synaptic = true;
      rep.weights += w.weights;
      rep.nnz += w.weights;
    }
    if (synaptic || rep.neuron) out.push_back({v, rep});
  }
  return out;
}

double weight_footprint_bytes(const Graph& g) {
  double weights = 0;
  for (const ReportedNode& n : report_layout(g)) weights += static_cast<double>(n.report.weights);
  return 4.0 * weights;
}

}  // namespace evsim
