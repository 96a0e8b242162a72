#include "network/node_factory.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "core/error.hpp"
#include "core/memory_budget.hpp"
#include "network/conv2d_projection.hpp"
#include "network/delay_op.hpp"
#include "network/delayed_projection.hpp"
#include "network/egru_op.hpp"
#include "network/embedding_op.hpp"
#include "network/matrix_projection.hpp"
#include "network/neuron_op.hpp"
#include "network/node_params.hpp"
#include "network/node_reader.hpp"
#include "network/pointwise_ops.hpp"
#include "network/pool2d_projection.hpp"
#include "network/source_op.hpp"
#include "network/spatial_ops.hpp"
#include "network/synapse_op.hpp"

namespace evsim {
namespace {

Conv2dGeometry conv_geometry(const NodeReader& c, bool one_d) {
  const Array& w = c.get("weight");
  Conv2dGeometry g;
  g.out_channels = w.shape[0];
  g.kernel_h = one_d ? 1 : w.shape[2];
  g.kernel_w = one_d ? w.shape[2] : w.shape[3];
  g.groups = c.scalar_int("groups", 1);
  if (g.groups < 1 || g.out_channels % g.groups)
    c.fail("groups", "must be >= 1 and divide the " + std::to_string(g.out_channels) + " output channels");
  g.in_channels = w.shape[1] * g.groups;
  auto pick = [&](const std::string& key, int64_t dflt, int64_t min_value) {
    auto p = c.pair(key, dflt, min_value);
    return one_d ? std::array<int64_t, 2>{dflt, c.has(key) ? c.ints(key)[0] : dflt} : p;
  };
  g.stride = pick("stride", 1, 1);
  g.dilation = pick("dilation", 1, 1);
  if (c.has("padding") && c.get("padding").kind == Array::Kind::String) {
    const std::string mode = c.text("padding");
    if (mode == "valid") {
      g.padding = {0, 0};
    } else if (mode == "same") {
      g.padding = {g.dilation[0] * (g.kernel_h - 1) / 2, g.dilation[1] * (g.kernel_w - 1) / 2};
    } else {
      c.fail("padding", "expected integers, 'same' or 'valid', got '" + mode + "'");
    }
  } else {
    g.padding = pick("padding", 0, 0);
  }
  // Spatial size: from a (C, H, W) input, else from `input_shape`.
  Shape in = c.in_shape;
  if (in.size() != (one_d ? 2u : 3u) && c.has("input_shape")) {
    auto hw = c.ints("input_shape");
    if (one_d) hw.insert(hw.begin(), 1);
    if (hw.size() == 2 && hw[0] * hw[1] > 0) in = {shape_size(c.in_shape) / (hw[0] * hw[1]), hw[0], hw[1]};
  } else if (one_d && in.size() == 2) {
    in = {in[0], 1, in[1]};
  }
  if (in.size() != 3)
    c.fail("", "cannot tell the input's spatial size: in-edges carry shape " + shape_str(c.in_shape) +
                   " and there is no usable 'input_shape'");
  if (in[0] != g.in_channels || shape_size(in) != shape_size(c.in_shape))
    c.fail("weight",
           "expects " + std::to_string(g.in_channels) + " input channels, input has shape " + shape_str(c.in_shape));
  g.in_h = in[1];
  g.in_w = in[2];
  if (g.out_h() < 1 || g.out_w() < 1) c.fail("weight", "kernel larger than the padded input");
  return g;
}

BuiltNode make_conv(const NodeReader& c, bool one_d) {
  Conv2dGeometry g = conv_geometry(c, one_d);
  const Array& w = c.get("weight");
  Vector bias;
  const int64_t plane = g.out_h() * g.out_w();
  if (c.has("bias")) {
    const Array& b = c.get("bias");
    if (b.size() != g.out_channels)
      c.fail("bias", "expected shape (" + std::to_string(g.out_channels) + "), got " + shape_str(b.shape));
    bias.resize(g.out_channels * plane);
    for (int64_t k = 0; k < g.out_channels; ++k)
      bias.segment(k * plane, plane).setConstant(b.f[static_cast<size_t>(k)]);
  }
  Shape out = one_d ? Shape{g.out_channels, g.out_w()} : Shape{g.out_channels, g.out_h(), g.out_w()};
  auto proj = std::make_shared<Conv2dProjection>(g, w.f);
  return {std::make_unique<SynapseOp>(c.node.type, proj, bias), out};
}

BuiltNode make_pool(const NodeReader& c, bool average) {
  if (c.in_shape.size() != 3) c.fail("", "expects a (C, H, W) input, in-edges carry shape " + shape_str(c.in_shape));
  Pool2dGeometry g;
  g.channels = c.in_shape[0];
  g.in_h = c.in_shape[1];
  g.in_w = c.in_shape[2];
  g.kernel = c.pair("kernel_size", 1, 1);
  g.stride = c.has("stride") ? c.pair("stride", 1, 1) : g.kernel;
  g.padding = c.pair("padding", 0, 0);
  if (g.out_h() < 1 || g.out_w() < 1) c.fail("kernel_size", "window larger than the padded input");
  auto proj = std::make_shared<Pool2dProjection>(g, average);
  return {std::make_unique<SynapseOp>(c.node.type, proj, Vector()), {g.channels, g.out_h(), g.out_w()}};
}

BuiltNode make_flatten(const NodeReader& c) {
  const auto rank = static_cast<int64_t>(c.in_shape.size());
  int64_t s = c.scalar_int("start_dim", 0), e = c.scalar_int("end_dim", -1);
  if (s < 0) s += rank;
  if (e < 0) e += rank;
  if (rank == 0 || s < 0 || e >= rank || s > e)
    c.fail("start_dim", "dims out of range for input " + shape_str(c.in_shape));
  Shape out(c.in_shape.begin(), c.in_shape.begin() + s);
  int64_t n = 1;
  for (int64_t k = s; k <= e; ++k) n *= c.in_shape[static_cast<size_t>(k)];
  out.push_back(n);
  out.insert(out.end(), c.in_shape.begin() + e + 1, c.in_shape.end());
  return {std::make_unique<IdentityOp>("Flatten"), out};
}

BuiltNode make_delay(const NodeReader& c) {
  Shape s = c.neuron_shape({"delay"});
  Vector d = c.per_unit("delay", s);
  std::vector<int64_t> steps;
  int64_t longest = 0;
  for (float v : d) {
    const double n = std::round(static_cast<double>(v) / c.dt);
    if (!(n >= 0 && n < 1e12)) c.fail("delay", "expected non-negative delays, got " + std::to_string(v));
    steps.push_back(static_cast<int64_t>(n));
    longest = std::max(longest, steps.back());
  }
  // The ring holds `longest + 1` past inputs of every unit (per sample).
  try {
    require_memory(4.0 * (double(longest) + 1) * double(d.size()),
                   "a ring of " + std::to_string(longest + 1) + " steps of " + std::to_string(d.size()) + " units");
  } catch (const InputError& e) {
    c.fail("delay", e.what());
  }
  return {std::make_unique<DelayOp>(std::move(steps)), s};
}

BuiltNode make_matrix_node(const NodeReader& c, bool affine) {
  MatrixParams p = read_matrix_params(c, affine);
  const int64_t rows = p.rows();
  std::shared_ptr<Projection> proj;
  if (!p.delayed.empty())
    proj = std::make_shared<DelayedProjection>(std::move(p.delayed));
  else if (p.sparse)
    proj = std::make_shared<MatrixProjection>(std::move(*p.sparse));
  else
    proj = std::make_shared<MatrixProjection>(std::move(p.weight));
  return {std::make_unique<SynapseOp>(c.node.type, proj, std::move(p.bias)), {rows}};
}

// PoissonSource / ConstantSource (network/source_op.hpp): no in-edges; the shape from `shape`,
// else from a per-unit `rate` / `value`.
BuiltNode make_source(const NodeReader& c, SourceOp::Kind kind) {
  const char* key = kind == SourceOp::Kind::Poisson ? "rate" : "value";
  if (!c.in_shape.empty()) c.fail("", "a source takes no input, but it has in-edges");
  Shape s;
  if (c.has("shape")) {
    const std::vector<int64_t> d = c.ints("shape");
    s.assign(d.begin(), d.end());
    int64_t units = 0;
    if (s.empty() || !bounded_product(d, int64_t(1) << 31, units) || units < 1)
      c.fail("shape", "expected positive sizes, at most 2^31 units");
  } else {
    s = c.get(key).shape;
    if (s.empty()) c.fail("shape", "missing: a scalar `" + std::string(key) + "` needs the source's shape");
  }
  Vector v = c.per_unit(key, s);
  if (!v.allFinite()) c.fail(key, "expected finite values");
  if (kind == SourceOp::Kind::Poisson) {
    for (Eigen::Index k = 0; k < v.size(); ++k) {
      const double p = static_cast<double>(v[k]) * c.dt;
      if (!(p >= 0.0 && p <= 100.0))
        c.fail("rate", "expected rates >= 0 Hz and at most 100 spikes per step (rate x dt)");
      v[k] = static_cast<float>(p);
    }
  }
  const uint64_t stream = c.has("seed") ? static_cast<uint64_t>(c.scalar_int("seed", 0)) : stream_of(c.node.name);
  return {std::make_unique<SourceOp>(kind, std::move(v), stream), s};
}

BuiltNode make_egru(const NodeReader& c) {
  EgruParams p = read_egru_params(c);
  const int64_t h = p.w_hh.cols();
  return {std::make_unique<EgruOp>(std::make_shared<MatrixProjection>(std::move(p.w_ih)),
                                   std::make_shared<MatrixProjection>(std::move(p.w_hh)), std::move(p.b_ih),
                                   std::move(p.b_hh), std::move(p.theta)),
          {h}};
}

BuiltNode make_neuron(const NodeReader& c) {
  Shape s;
  auto m = read_neuron_model(c, s);
  const int64_t in = m->input_size();
  return {std::make_unique<NeuronOp>(std::move(m)), s, in == shape_size(s) ? Shape{} : Shape{in}};
}

BuiltNode make_embedding(const NodeReader& c) {
  Matrix table = read_embedding_table(c);
  const int64_t e = table.rows();
  return {std::make_unique<EmbeddingOp>(std::move(table)), {e}};
}

Chw chw_input(const NodeReader& c) {
  if (c.in_shape.size() != 3) c.fail("", "expected a (channels, rows, cols) input, got " + shape_str(c.in_shape));
  return {c.in_shape[0], c.in_shape[1], c.in_shape[2]};
}

BuiltNode make_wavelet_conv(const NodeReader& c) {
  WaveletConvParams p = read_wavelet_conv_params(c);
  Shape out{p.out_channels, p.rows, p.cols};
  return {std::make_unique<WaveletConvOp>(std::move(p)), out};
}

// Pad2d `padding` / Crop2d `crop`: top, bottom, left, right (4 values, or 1 for all sides).
BuiltNode make_pad_crop(const NodeReader& c, bool crop) {
  const Chw in = chw_input(c);
  const char* key = crop ? "crop" : "padding";
  std::vector<int64_t> v = c.ints(key);
  if (v.size() == 1) v.assign(4, v[0]);
  if (v.size() != 4) c.fail(key, "expected 4 values (top, bottom, left, right)");
  std::array<int64_t, 4> pad{};
  for (size_t k = 0; k < 4; ++k) {
    if (v[k] < 0 || v[k] > 65536) c.fail(key, "expected values in [0, 65536]");
    pad[k] = crop ? -v[k] : v[k];
  }
  auto op = std::make_unique<PadCropOp>(c.node.type, in, pad);
  const Chw o = op->out_shape();
  if (o.h < 1 || o.w < 1) c.fail(key, "crops the whole " + shape_str(c.in_shape) + " input");
  return {std::move(op), {o.c, o.h, o.w}};
}

BuiltNode make_grid(const NodeReader& c) {
  const Chw in = chw_input(c);
  return {std::make_unique<GridChannelsOp>(in), {in.c + 2, in.h, in.w}};
}

BuiltNode make_normalize(const NodeReader& c) {
  if (c.in_shape.empty()) c.fail("", "has no forward input");
  const double eps = c.has("eps") ? c.get("eps").f.at(0) : 1e-5;
  if (!(eps >= 0)) c.fail("eps", "expected a non-negative value");
  Vector mean = c.per_unit("mean", c.in_shape), sd = c.per_unit("std", c.in_shape);
  if ((sd.array() + float(eps) <= 0).any()) c.fail("std", "std + eps must be positive");
  const bool inverse = c.scalar_int("inverse", 0) != 0;
  return {std::make_unique<NormalizeOp>(std::move(mean), std::move(sd), static_cast<float>(eps), inverse), c.in_shape};
}

using Maker = std::function<BuiltNode(const NodeReader&)>;

const std::map<std::string, Maker>& makers() {
  static const std::map<std::string, Maker> m = {
      {"Affine", [](const NodeReader& c) { return make_matrix_node(c, true); }},
      {"Linear", [](const NodeReader& c) { return make_matrix_node(c, false); }},
      {"Conv2d", [](const NodeReader& c) { return make_conv(c, false); }},
      {"Conv1d", [](const NodeReader& c) { return make_conv(c, true); }},
      {"SumPool2d", [](const NodeReader& c) { return make_pool(c, false); }},
      {"AvgPool2d", [](const NodeReader& c) { return make_pool(c, true); }},
      {"Flatten", make_flatten},
      {"WaveletConv2d", make_wavelet_conv},
      {"Pad2d", [](const NodeReader& c) { return make_pad_crop(c, false); }},
      {"Crop2d", [](const NodeReader& c) { return make_pad_crop(c, true); }},
      {"GridChannels", make_grid},
      {"Normalize", make_normalize},
      {"EGRU", make_egru},
      {"LIF", make_neuron},
      {"LI", make_neuron},
      {"CubaLIF", make_neuron},
      {"CubaLI", make_neuron},
      {"CobaLIF", make_neuron},
      {"IF", make_neuron},
      {"I", make_neuron},
      {"Threshold", make_neuron},
      {"VSN", make_neuron},
      {"Delay", make_delay},
      {"PoissonSource", [](const NodeReader& c) { return make_source(c, SourceOp::Kind::Poisson); }},
      {"ConstantSource", [](const NodeReader& c) { return make_source(c, SourceOp::Kind::Constant); }},
      {"Embedding", make_embedding},
      {"Scale",
       [](const NodeReader& c) {
         Shape s;
         Vector scale = read_scale(c, s);
         return BuiltNode{std::make_unique<ScaleOp>(std::move(scale)), s};
       }},
      {"Activation",
       [](const NodeReader& c) {
         try {
           return BuiltNode{std::make_unique<ActivationOp>(parse_activation(c.text("function"))), c.in_shape};
         } catch (const CheckpointError&) {
           throw;
         } catch (const Error& e) {
           c.fail("function", e.what());
         }
       }},
      {"Identity",
       [](const NodeReader& c) {
         return BuiltNode{std::make_unique<IdentityOp>("Identity"), c.in_shape};
       }},
      {"Output",
       [](const NodeReader& c) {
         if (c.has("shape") && !c.in_shape.empty()) {
           auto s = c.ints("shape");
           if (shape_size(Shape(s.begin(), s.end())) != shape_size(c.in_shape))
             c.fail("shape", "declares " + shape_str(Shape(s.begin(), s.end())) + " but the input has shape " +
                                 shape_str(c.in_shape));
         }
         return BuiltNode{std::make_unique<IdentityOp>("Output"), c.in_shape};
       }},
  };
  return m;
}

}  // namespace

BuiltNode make_node(const NodeSpec& node, const Shape& in_shape, double dt) {
  NodeReader c{node, in_shape, dt};
  auto it = makers().find(node.type);
  if (it == makers().end()) c.fail("type", "node type not supported by the simulator");
  return it->second(c);
}

int64_t consumed_size(const Operator& op, const Shape& in_shape) {
  for (const Port& p : op.ports())
    if (p.feed == Feed::InEdges) return p.projection->in_size();
  return shape_size(in_shape);
}

}  // namespace evsim
