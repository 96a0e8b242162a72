#include "backends/cuda/egru_stack_params.hpp"

#include "core/error.hpp"
#include "network/egru_op.hpp"
#include "network/embedding_op.hpp"
#include "network/matrix_projection.hpp"
#include "network/synapse_op.hpp"

namespace evsim::cuda {

EgruStackParams egru_stack_from_graph(const Graph& g) {
  EgruStackParams p;
  for (int v : g.order) {
    const GraphNode& n = g.nodes[static_cast<size_t>(v)];
    if (v == g.input || n.type == "Output") continue;
    if (n.inputs.size() != 1 || n.inputs[0].back)
      throw UsageError("cuda backend: node '" + n.name + "' is not part of a simple chain");
    if (auto* emb = dynamic_cast<const EmbeddingOp*>(n.op.get()); emb && p.layers.empty() && p.embedding.size() == 0) {
      p.embedding = emb->table();
    } else if (auto* e = dynamic_cast<const EgruOp*>(n.op.get())) {
      if (p.readout_w.size() != 0) throw UsageError("cuda backend: EGRU after the readout is not supported");
      EgruLayerParams l;
      const auto& ih = dynamic_cast<const MatrixProjection&>(*e->ports()[0].projection);
      const auto& hh = dynamic_cast<const MatrixProjection&>(*e->ports()[1].projection);
      l.w_ih = ih.weight();
      l.w_hh = hh.weight();
      l.inputs = l.w_ih.cols();
      l.hidden = l.w_hh.cols();
      l.b_ih = e->bias_ih();
      l.b_hh = e->bias_hh();
      l.theta = e->threshold();
      p.layers.push_back(std::move(l));
    } else if ((n.type == "Affine" || n.type == "Linear") && !p.layers.empty() && p.readout_w.size() == 0) {
      const auto* s = dynamic_cast<const SynapseOp*>(n.op.get());
      p.readout_w = dynamic_cast<const MatrixProjection&>(*s->ports()[0].projection).weight();
      p.readout_b = s->bias().size() ? s->bias() : Vector::Zero(p.readout_w.rows());
    } else {
      throw UsageError("cuda backend: node '" + n.name + "' of type " + n.type +
                       " is not supported yet (supported: [Embedding ->] EGRU stack [-> Affine/Linear readout])");
    }
  }
  if (p.layers.empty()) throw UsageError("cuda backend: the model has no EGRU layer");
  return p;
}

}  // namespace evsim::cuda
