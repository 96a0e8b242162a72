#include "backends/cuda/snn_params.hpp"

#include "core/error.hpp"
#include "network/matrix_projection.hpp"
#include "network/neuron_op.hpp"
#include "network/pointwise_ops.hpp"
#include "network/synapse_op.hpp"

namespace evsim::cuda {
namespace {

SnnNode stage_of(const GraphNode& n) {
  SnnNode s;
  s.name = n.name;
  s.in = n.in_size();
  s.out = n.size();
  if (auto* syn = dynamic_cast<const SynapseOp*>(n.op.get())) {
    const auto* m = dynamic_cast<const MatrixProjection*>(syn->ports()[0].projection.get());
    if (!m) throw UsageError("cuda backend: node '" + n.name + "' of type " + n.type + " is not supported yet");
    s.kind = SnnNode::Kind::Projection;
    s.w = m->weight();
    s.bias = syn->bias();
  } else if (auto* sc = dynamic_cast<const ScaleOp*>(n.op.get())) {
    s.kind = SnnNode::Kind::Scale;
    s.scale = sc->scale();
  } else if (auto* ne = dynamic_cast<const NeuronOp*>(n.op.get())) {
    s.kind = SnnNode::Kind::Neuron;
    s.neuron = ne->model().describe();
  } else if (n.type == "Flatten") {
    s.kind = SnnNode::Kind::Identity;
  } else {
    throw UsageError("cuda backend: node '" + n.name + "' of type " + n.type +
                     " is not supported yet (GPU: EGRU stacks, and graphs of Affine/Linear/Scale/Flatten/LIF/LI/"
                     "CubaLIF/CubaLI/IF/I/Threshold/VSN)");
  }
  return s;
}

}  // namespace

SnnParams snn_from_graph(const Graph& g) {
  SnnParams p;
  p.inputs = g.input_width();
  std::vector<int> index(g.nodes.size(), -2);  // graph node -> stage (-1: the input)
  index[static_cast<size_t>(g.input)] = -1;
  int next = 0;
  for (int v : g.order)
    if (v != g.input) index[static_cast<size_t>(v)] = next++;
  for (int v : g.order) {
    const GraphNode& n = g.nodes[static_cast<size_t>(v)];
    if (v == g.input) continue;
    SnnNode s = n.type == "Output" ? SnnNode{} : stage_of(n);
    s.name = n.name;
    s.in = n.in_size();
    s.out = n.size();
    for (const InEdge& e : n.inputs) (e.back ? s.back : s.inputs).push_back(index[static_cast<size_t>(e.source)]);
    if (s.inputs.empty()) throw UsageError("cuda backend: node '" + n.name + "' has no forward input");
    p.stages.push_back(std::move(s));
  }
  if (p.stages.empty()) throw UsageError("cuda backend: the model has no node to run");
  p.output = index[static_cast<size_t>(g.output)];
  return p;
}

}  // namespace evsim::cuda
