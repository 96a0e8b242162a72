#include "backends/cuda/lowering.hpp"

#include "core/error.hpp"
#include "network/node_params.hpp"

namespace evsim::cuda {
namespace {

const NodeSpec& spec_of(const Graph& g, int v) {
  if (!g.spec) throw Error("cuda backend: the graph keeps no checkpoint to lower");
  return g.spec->graph.nodes[static_cast<size_t>(v)];
}

[[noreturn]] void unsupported(const GraphNode& n, const std::string& what) {
  throw UsageError("cuda backend: node '" + n.name + "' of type " + n.type + " is not supported (" + what + ")");
}

const char* kSnnTypes = "GPU spiking graphs: Affine/Linear/Scale/Flatten/LIF/LI/CubaLIF/CubaLI/IF/I/Threshold/VSN";

SnnNode stage_of(const Graph& g, int v) {
  const GraphNode& n = g.nodes[static_cast<size_t>(v)];
  const NodeReader r{spec_of(g, v), n.in_shape, g.dt};
  SnnNode s;
  if (n.type == "Affine" || n.type == "Linear") {
    MatrixParams p = read_matrix_params(r, n.type == "Affine");
    s.kind = SnnNode::Kind::Projection;
    s.w = std::move(p.weight);
    s.bias = std::move(p.bias);
  } else if (n.type == "Scale") {
    Shape shape;
    s.kind = SnnNode::Kind::Scale;
    s.scale = read_scale(r, shape);
  } else if (n.type == "Flatten" || n.type == "Output" || n.type == "Identity") {
    s.kind = SnnNode::Kind::Identity;
  } else if (n.type == "LIF" || n.type == "LI" || n.type == "CubaLIF" || n.type == "CubaLI" || n.type == "IF" ||
             n.type == "I" || n.type == "Threshold" || n.type == "VSN") {
    Shape shape;
    s.kind = SnnNode::Kind::Neuron;
    s.neuron = read_neuron_model(r, shape)->describe();
  } else {
    unsupported(n, kSnnTypes);
  }
  return s;
}

}  // namespace

bool is_egru_stack(const Graph& g) {
  for (const GraphNode& n : g.nodes)
    if (n.type == "EGRU") return true;
  return false;
}

EgruStackParams lower_egru_stack(const Graph& g) {
  EgruStackParams p;
  const char* shape = "GPU EGRU models: [Embedding ->] EGRU stack [-> Affine/Linear readout]";
  for (int v : g.order) {
    const GraphNode& n = g.nodes[static_cast<size_t>(v)];
    if (v == g.input || n.type == "Output") continue;
    if (n.inputs.size() != 1 || n.inputs[0].back) unsupported(n, "not part of a simple chain; " + std::string(shape));
    const NodeReader r{spec_of(g, v), n.in_shape, g.dt};
    if (n.type == "Embedding" && p.layers.empty() && p.embedding.size() == 0) {
      p.embedding = read_embedding_table(r);
    } else if (n.type == "EGRU" && p.readout_w.size() == 0) {
      EgruParams e = read_egru_params(r);
      const auto h = e.w_hh.cols();
      if ((3 * h) % 4 || h > 8192)
        unsupported(n, "the GPU EGRU engine needs 3 x hidden a multiple of 4 and at most 8192 units; hidden is " +
                           std::to_string(h));
      EgruLayerParams l;
      l.inputs = e.w_ih.cols();
      l.hidden = e.w_hh.cols();
      l.w_ih = std::move(e.w_ih);
      l.w_hh = std::move(e.w_hh);
      l.b_ih = std::move(e.b_ih);
      l.b_hh = std::move(e.b_hh);
      l.theta = std::move(e.theta);
      p.layers.push_back(std::move(l));
    } else if ((n.type == "Affine" || n.type == "Linear") && !p.layers.empty() && p.readout_w.size() == 0) {
      MatrixParams m = read_matrix_params(r, n.type == "Affine");
      p.readout_b = m.bias.size() ? m.bias : Vector::Zero(m.weight.rows());
      p.readout_w = std::move(m.weight);
    } else {
      unsupported(n, shape);
    }
  }
  if (p.layers.empty()) throw UsageError("cuda backend: the model has no EGRU layer");
  return p;
}

SnnParams lower_snn(const Graph& g) {
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
    SnnNode s = stage_of(g, v);
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
