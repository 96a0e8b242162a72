#include "backends/cuda/chain_params.hpp"

#include "core/error.hpp"
#include "network/matrix_projection.hpp"
#include "network/neuron_op.hpp"
#include "network/pointwise_ops.hpp"
#include "network/synapse_op.hpp"

namespace evsim::cuda {
namespace {

ChainStage stage_of(const GraphNode& n) {
  ChainStage s;
  s.name = n.name;
  s.in = n.in_size();
  s.out = n.size();
  if (auto* syn = dynamic_cast<const SynapseOp*>(n.op.get())) {
    const auto* m = dynamic_cast<const MatrixProjection*>(syn->ports()[0].projection.get());
    if (!m) throw UsageError("cuda backend: node '" + n.name + "' of type " + n.type + " is not supported yet");
    s.kind = ChainStage::Kind::Projection;
    s.w = m->weight();
    s.bias = syn->bias();
  } else if (auto* sc = dynamic_cast<const ScaleOp*>(n.op.get())) {
    s.kind = ChainStage::Kind::Scale;
    s.scale = sc->scale();
  } else if (auto* ne = dynamic_cast<const NeuronOp*>(n.op.get())) {
    s.kind = ChainStage::Kind::Neuron;
    s.neuron = ne->model().describe();
  } else if (n.type == "Flatten") {
    s.kind = ChainStage::Kind::Identity;
  } else {
    throw UsageError("cuda backend: node '" + n.name + "' of type " + n.type +
                     " is not supported yet (GPU: EGRU stacks, and chains of Affine/Linear/Scale/Flatten/LIF/LI/"
                     "CubaLIF/CubaLI/IF/I/Threshold/VSN)");
  }
  return s;
}

}  // namespace

ChainParams chain_from_graph(const Graph& g) {
  ChainParams p;
  p.inputs = g.input_width();
  int prev = g.input;
  for (int v : g.order) {
    const GraphNode& n = g.nodes[static_cast<size_t>(v)];
    if (v == g.input) continue;
    if (n.inputs.size() != 1 || n.inputs[0].back || n.inputs[0].source != prev)
      throw UsageError("cuda backend: node '" + n.name +
                       "' is not part of a feed-forward chain (recurrent or merging edges run on the CPU only)");
    prev = v;
    if (n.type == "Output") continue;
    p.stages.push_back(stage_of(n));
  }
  if (p.stages.empty()) throw UsageError("cuda backend: the model has no node to run");
  return p;
}

}  // namespace evsim::cuda
