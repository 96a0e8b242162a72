#include "backends/cuda/lowering.hpp"

#include "core/error.hpp"
#include "network/conv2d_projection.hpp"
#include "network/delay_op.hpp"
#include "network/delayed_projection.hpp"
#include "network/node_params.hpp"
#include "network/pointwise_ops.hpp"
#include "network/source_op.hpp"
#include "network/spatial_ops.hpp"
#include "network/synapse_op.hpp"
#include "network/wavelet_conv_op.hpp"

namespace evsim::cuda {
namespace {

const NodeSpec& spec_of(const Graph& g, int v) {
  if (!g.spec) throw Error("cuda backend: the graph keeps no checkpoint to lower");
  return g.spec->graph.nodes[static_cast<size_t>(v)];
}

[[noreturn]] void unsupported(const GraphNode& n, const std::string& what) {
  throw UsageError("cuda backend: node '" + n.name + "' of type " + n.type + " is not supported (" + what + ")");
}

const char* kSnnTypes =
    "GPU graphs: Affine/Linear/Scale/Flatten/LIF/LI/CubaLIF/CubaLI/CobaLIF/IF/I/Threshold/VSN and the neural-operator "
    "nodes "
    "Conv2d (pointwise: 1 x 1, stride 1, no padding, one group)/WaveletConv2d/Pad2d/Crop2d/GridChannels/Normalize/"
    "Activation, and Delay/PoissonSource/ConstantSource";

template <typename T>
const T& op_as(const GraphNode& n) {
  const auto* op = dynamic_cast<const T*>(n.op.get());
  if (!op) throw Error("cuda backend: node '" + n.name + "' was not built as its type");
  return *op;
}

void set_chw(int64_t (&dst)[3], int64_t c, int64_t h, int64_t w) {
  dst[0] = c;
  dst[1] = h;
  dst[2] = w;
}

void lower_pointwise_conv(const GraphNode& n, SnnNode& s) {
  const auto& syn = op_as<SynapseOp>(n);
  const auto* conv = dynamic_cast<const Conv2dProjection*>(syn.ports().at(0).projection.get());
  if (!conv || !conv->pointwise()) unsupported(n, "only pointwise (1 x 1, stride 1, unpadded, one group) Conv2d");
  const Conv2dGeometry& g = conv->geometry();
  s.kind = SnnNode::Kind::PointwiseConv;
  s.positions = g.in_h * g.in_w;
  // (Cout, Cin) row-major is Cin x Cout column-major; the engine keeps Cout x Cin.
  s.w = Eigen::Map<const Matrix>(conv->weight().data(), g.in_channels, g.out_channels).transpose();
  if (syn.bias().size()) {  // per output unit, constant over each channel's positions
    s.bias.resize(g.out_channels);
    for (int64_t o = 0; o < g.out_channels; ++o) s.bias[o] = syn.bias()[o * s.positions];
  }
  s.dense_macs = static_cast<uint64_t>(g.in_channels * g.out_channels * s.positions);
}

void lower_wavelet_conv(const GraphNode& n, SnnNode& s) {
  const auto& op = op_as<WaveletConvOp>(n);
  const WaveletConvParams& p = op.params();
  const WaveletMaps m = op.maps();
  WaveletStage& w = s.wavelet;
  s.kind = SnnNode::Kind::WaveletConv;
  w.rows = p.rows;
  w.cols = p.cols;
  w.h = m.h;
  w.w = m.w;
  w.ci = p.in_channels;
  w.co = p.out_channels;
  w.subtract = p.keep_finer && p.levels > 1;
  w.dc = *m.dc;
  w.drt = *m.drt;
  w.rc = *m.rc;
  w.rrt = *m.rrt;
  w.weight_approx = p.weight_approx;
  w.weight_detail = p.weight_detail;
  const DenseWork work = op.dense_work();
  s.dense_work = true;
  s.dense_macs = work.macs;
  s.dense_work_weights = work.weights;
}

// Where a dense copy of a sparse weight is kept beside it (the dense paths: cuda-dense,
// DISTile's columns, the fused kernel).
bool dense_copy_fits(int64_t rows, int64_t cols) {
  constexpr uint64_t kDenseBytes = uint64_t(512) << 20;
  return cols <= kMaxDistileCols &&
         static_cast<uint64_t>(rows) * static_cast<uint64_t>(cols) * sizeof(float) <= kDenseBytes;
}

void lower_delayed(const GraphNode& n, const DelayedProjection& p, SnnNode& s) {
  s.kind = SnnNode::Kind::Projection;
  s.dense_macs = p.dense_macs();
  for (const DelayedProjection::Group& g : p.groups()) {
    SnnNode::DelayedWeights d;
    d.steps = g.steps;
    d.csc = g.projection->csc();
    if (dense_copy_fits(d.csc.rows, d.csc.cols)) d.w = d.csc.to_dense("node '" + n.name + "'");
    s.delayed.push_back(std::move(d));
  }
  s.bias = op_as<SynapseOp>(n).bias();
}

void lower_source(const GraphNode& n, SnnNode& s) {
  const auto& op = op_as<SourceOp>(n);
  s.kind = SnnNode::Kind::Source;
  s.poisson = op.kind() == SourceOp::Kind::Poisson;
  s.per_unit = op.per_unit();
  s.stream = op.stream();
  std::vector<int> start;
  for (const std::vector<double>& t : op.tables()) {
    start.push_back(static_cast<int>(s.cdf.size()));
    s.cdf.insert(s.cdf.end(), t.begin(), t.end());
  }
  for (const size_t k : op.table_of()) {
    s.table_start.push_back(start[k]);
    s.table_length.push_back(static_cast<int>(op.tables()[k].size()));
  }
}

bool lower_operator_node(const GraphNode& n, SnnNode& s) {
  if (n.type == "PoissonSource" || n.type == "ConstantSource") {
    lower_source(n, s);
  } else if (n.type == "Delay") {
    s.kind = SnnNode::Kind::UnitDelay;
    s.unit_delay = op_as<DelayOp>(n).delay_steps();
  } else if (n.type == "Conv2d") {
    lower_pointwise_conv(n, s);
  } else if (n.type == "WaveletConv2d") {
    lower_wavelet_conv(n, s);
  } else if (n.type == "Pad2d" || n.type == "Crop2d") {
    const auto& op = op_as<PadCropOp>(n);
    const Chw in = op.in_shape(), out = op.out_shape();
    s.kind = SnnNode::Kind::PadCrop;
    set_chw(s.shape_in, in.c, in.h, in.w);
    set_chw(s.shape_out, out.c, out.h, out.w);
    s.top = op.pad()[0];
    s.left = op.pad()[2];
  } else if (n.type == "GridChannels") {
    const Chw in = op_as<GridChannelsOp>(n).in_shape();
    s.kind = SnnNode::Kind::Grid;
    set_chw(s.shape_in, in.c, in.h, in.w);
    set_chw(s.shape_out, in.c + 2, in.h, in.w);
  } else if (n.type == "Normalize") {
    const auto& op = op_as<NormalizeOp>(n);
    s.kind = SnnNode::Kind::Normalize;
    s.mean = op.mean();
    s.scale = op.scale();
    s.inverse = op.inverse();
  } else if (n.type == "Activation") {
    s.kind = SnnNode::Kind::Activation;
    s.activation = op_as<ActivationOp>(n).fn();
  } else {
    return false;
  }
  return true;
}

SnnNode stage_of(const Graph& g, int v) {
  const GraphNode& n = g.nodes[static_cast<size_t>(v)];
  const NodeReader r{spec_of(g, v), n.in_shape, g.dt};
  SnnNode s;
  if (lower_operator_node(n, s)) return s;
  if (n.type == "Affine" || n.type == "Linear") {
    if (const DelayedProjection* d = op_as<SynapseOp>(n).ports().at(0).projection->delayed()) {
      lower_delayed(n, *d, s);
      return s;
    }
    MatrixParams p = read_matrix_params(r, n.type == "Affine");
    s.kind = SnnNode::Kind::Projection;
    s.dense_macs = static_cast<uint64_t>(p.rows()) * static_cast<uint64_t>(p.cols());
    if (p.sparse) {
      // Sparse connectivity: delivered from its compressed columns; the dense copy too when it is
      // small enough for the dense paths (cuda-dense, DISTile's columns, the fused kernel).
      if (dense_copy_fits(p.rows(), p.cols())) s.w = p.sparse->to_dense("node '" + n.name + "'");
      s.csc = std::move(p.sparse);
    } else {
      s.w = p.dense();
    }
    s.bias = std::move(p.bias);
  } else if (n.type == "Scale") {
    Shape shape;
    s.kind = SnnNode::Kind::Scale;
    s.scale = read_scale(r, shape);
  } else if (n.type == "Flatten" || n.type == "Output" || n.type == "Identity") {
    s.kind = SnnNode::Kind::Identity;
  } else if (n.type == "LIF" || n.type == "LI" || n.type == "CubaLIF" || n.type == "CubaLI" || n.type == "CobaLIF" ||
             n.type == "IF" || n.type == "I" || n.type == "Threshold" || n.type == "VSN") {
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
      p.readout_b = m.bias.size() ? m.bias : Vector::Zero(m.rows());
      p.readout_w = m.dense();
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
    if (s.kind == SnnNode::Kind::Source) s.in = 0;
    if (s.inputs.empty() && s.back.empty() && s.kind != SnnNode::Kind::Source)
      throw UsageError("cuda backend: node '" + n.name + "' has no input");
    s.spiking_input = s.kind == SnnNode::Kind::PointwiseConv && s.back.empty();
    for (int src : s.inputs)
      s.spiking_input &= src >= 0 && p.stages[static_cast<size_t>(src)].kind == SnnNode::Kind::Neuron;
    p.stages.push_back(std::move(s));
  }
  if (p.stages.empty()) throw UsageError("cuda backend: the model has no node to run");
  p.output = index[static_cast<size_t>(g.output)];
  return p;
}

}  // namespace evsim::cuda
