#include "network/node_factory.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "core/error.hpp"
#include "network/conv2d_projection.hpp"
#include "network/delay_op.hpp"
#include "network/egru_op.hpp"
#include "network/embedding_op.hpp"
#include "network/matrix_projection.hpp"
#include "network/neuron_op.hpp"
#include "network/pointwise_ops.hpp"
#include "network/pool2d_projection.hpp"
#include "network/synapse_op.hpp"
#include "neurons/cuba_lif.hpp"
#include "neurons/integrator.hpp"
#include "neurons/lif.hpp"
#include "neurons/threshold.hpp"
#include "neurons/vsn.hpp"

namespace evsim {
namespace {

struct Ctx {
  const NodeSpec& node;
  const Shape& in_shape;
  double dt;

  [[noreturn]] void fail(const std::string& key, const std::string& msg) const {
    throw CheckpointError("node '" + node.name + "' (" + node.type + ")" +
                          (key.empty() ? "" : " dataset '" + key + "'") + ": " + msg);
  }
  const Array& get(const std::string& key) const {
    const Array* a = node.find(key);
    if (!a) fail(key, "missing");
    return *a;
  }
  bool has(const std::string& key) const { return node.find(key) != nullptr; }

  std::vector<int64_t> ints(const std::string& key) const {
    const Array& a = get(key);
    if (a.kind == Array::Kind::Int) return a.i;
    std::vector<int64_t> v;
    for (float f : a.f) {
      if (f != std::round(f)) fail(key, "expected integer values");
      v.push_back(static_cast<int64_t>(f));
    }
    return v;
  }
  int64_t scalar_int(const std::string& key, int64_t dflt) const {
    if (!has(key)) return dflt;
    auto v = ints(key);
    if (v.size() != 1) fail(key, "expected a scalar, got shape " + shape_str(get(key).shape));
    return v[0];
  }
  std::array<int64_t, 2> pair(const std::string& key, int64_t dflt, int64_t min_value) const {
    if (!has(key)) return {dflt, dflt};
    auto v = ints(key);
    if (v.size() == 1) v.push_back(v[0]);
    if (v.size() != 2) fail(key, "expected 1 or 2 values, got shape " + shape_str(get(key).shape));
    for (auto x : v)
      if (x < min_value) fail(key, "expected values >= " + std::to_string(min_value) + ", got " + std::to_string(x));
    return {v[0], v[1]};
  }

  // One value per unit of `shape`: accepts a scalar, one per channel (C of (C, ...)),
  // or exactly one per unit.
  Vector per_unit(const std::string& key, const Shape& shape, std::optional<float> dflt = {}) const {
    const int64_t n = shape_size(shape);
    if (!has(key)) {
      if (!dflt) fail(key, "missing");
      return Vector::Constant(n, *dflt);
    }
    const Array& a = get(key);
    if (a.kind != Array::Kind::Float) fail(key, "expected float data");
    if (a.size() == n) return Eigen::Map<const Vector>(a.f.data(), n);
    if (a.size() == 1) return Vector::Constant(n, a.f[0]);
    if (shape.size() > 1 && a.size() == shape[0]) {
      const int64_t per = n / shape[0];
      Vector v(n);
      for (int64_t c = 0; c < shape[0]; ++c) v.segment(c * per, per).setConstant(a.f[static_cast<size_t>(c)]);
      return v;
    }
    fail(key, "expected 1, " + (shape.size() > 1 ? std::to_string(shape[0]) + ", " : std::string()) + "or " +
                  std::to_string(n) + " values for shape " + shape_str(shape) + ", got shape " + shape_str(a.shape));
  }

  Matrix matrix(const std::string& key) const {
    const Array& a = get(key);
    Matrix m(a.shape[0], a.shape[1]);
    // Stored row-major (out x in).
    for (int64_t r = 0; r < a.shape[0]; ++r)
      for (int64_t c = 0; c < a.shape[1]; ++c) m(r, c) = a.f[static_cast<size_t>(r * a.shape[1] + c)];
    return m;
  }

  // Neurons take their shape from the input, or from their parameters if unconnected.
  Shape neuron_shape(std::initializer_list<const char*> keys) const {
    if (!in_shape.empty()) return in_shape;
    Shape best = {1};
    for (const char* k : keys)
      if (has(k) && get(k).size() > shape_size(best)) best = get(k).shape;
    return best;
  }
  void require_in_size(int64_t expected, const std::string& key) const {
    if (!in_shape.empty() && shape_size(in_shape) != expected)
      fail(key, "expects input of size " + std::to_string(expected) + ", but its in-edges carry shape " +
                    shape_str(in_shape));
  }
};

std::optional<FiringParams> firing(const Ctx& c, const Shape& s) {
  return FiringParams{c.per_unit("v_threshold", s), c.per_unit("v_reset", s, 0.0f)};
}

void check_positive(const Ctx& c, const std::string& key, const Vector& v) {
  if ((v.array() <= 0.0f).any()) c.fail(key, "expected positive values");
}

BuiltNode make_matrix_node(const Ctx& c, bool affine) {
  Matrix w = c.matrix("weight");
  c.require_in_size(w.cols(), "weight");
  Vector bias;
  if (affine) {
    const Array& b = c.get("bias");
    if (b.size() != w.rows())
      c.fail("bias", "expected shape (" + std::to_string(w.rows()) + "), got " + shape_str(b.shape));
    bias = Eigen::Map<const Vector>(b.f.data(), w.rows());
  }
  const int64_t rows = w.rows();
  auto proj = std::make_shared<MatrixProjection>(std::move(w));
  return {std::make_unique<SynapseOp>(c.node.type, proj, bias), {rows}};
}

Conv2dGeometry conv_geometry(const Ctx& c, bool one_d) {
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
    const std::string mode = c.get("padding").s[0];
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

BuiltNode make_conv(const Ctx& c, bool one_d) {
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

BuiltNode make_pool(const Ctx& c, bool average) {
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

BuiltNode make_flatten(const Ctx& c) {
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

BuiltNode make_egru(const Ctx& c) {
  Matrix w_ih = c.matrix("weight_ih"), w_hh = c.matrix("weight_hh");
  const int64_t h = w_hh.cols();
  if (w_hh.rows() != 3 * h) c.fail("weight_hh", "expected shape (3H, H), got " + shape_str(c.get("weight_hh").shape));
  if (w_ih.rows() != 3 * h)
    c.fail("weight_ih", "expected " + std::to_string(3 * h) + " rows (3H), got " + shape_str(c.get("weight_ih").shape));
  c.require_in_size(w_ih.cols(), "weight_ih");
  auto bias = [&](const char* key) {
    if (!c.has(key)) return Vector::Zero(3 * h).eval();
    const Array& b = c.get(key);
    if (b.size() != 3 * h) c.fail(key, "expected shape (" + std::to_string(3 * h) + "), got " + shape_str(b.shape));
    return Vector(Eigen::Map<const Vector>(b.f.data(), 3 * h));
  };
  Vector theta = c.per_unit("threshold", {h});
  return {std::make_unique<EgruOp>(std::make_shared<MatrixProjection>(std::move(w_ih)),
                                   std::make_shared<MatrixProjection>(std::move(w_hh)), bias("bias_ih"),
                                   bias("bias_hh"), theta),
          {h}};
}

BuiltNode make_neuron(const Ctx& c) {
  const std::string& t = c.node.type;
  Shape s = c.neuron_shape({"r", "tau", "tau_mem", "v_threshold", "threshold", "beta"});
  std::unique_ptr<NeuronModel> m;
  if (t == "LIF" || t == "LI") {
    LeakyParams p{c.per_unit("tau", s), c.per_unit("r", s), c.per_unit("v_leak", s)};
    check_positive(c, "tau", p.tau);
    m = std::make_unique<Lif>(p, t == "LIF" ? firing(c, s) : std::nullopt, c.dt);
  } else if (t == "CubaLIF" || t == "CubaLI") {
    CubaParams p{c.per_unit("tau_syn", s), c.per_unit("tau_mem", s), c.per_unit("r", s), c.per_unit("v_leak", s),
                 c.per_unit("w_in", s, 1.0f)};
    check_positive(c, "tau_syn", p.tau_syn);
    check_positive(c, "tau_mem", p.tau_mem);
    m = std::make_unique<CubaLif>(p, t == "CubaLIF" ? firing(c, s) : std::nullopt, c.dt);
  } else if (t == "IF" || t == "I") {
    m = std::make_unique<Integrator>(c.per_unit("r", s), t == "IF" ? firing(c, s) : std::nullopt, c.dt);
  } else if (t == "Threshold") {
    m = std::make_unique<Threshold>(c.per_unit("threshold", s));
  } else {  // VSN
    ActivationFn phi = ActivationFn::Identity;
    if (c.has("activation")) {
      try {
        phi = parse_activation(c.get("activation").s[0]);
      } catch (const Error& e) {
        c.fail("activation", e.what());
      }
    }
    const int64_t steps = c.scalar_int("spike_steps", 1);
    if (steps < 1) c.fail("spike_steps", "expected >= 1");
    m = std::make_unique<Vsn>(c.per_unit("beta", s, 1.0f), c.per_unit("threshold", s), phi, static_cast<int>(steps));
  }
  return {std::make_unique<NeuronOp>(std::move(m)), s};
}

BuiltNode make_delay(const Ctx& c) {
  Shape s = c.neuron_shape({"delay"});
  Vector d = c.per_unit("delay", s);
  std::vector<int64_t> steps;
  for (float v : d) {
    if (v < 0) c.fail("delay", "expected non-negative delays");
    steps.push_back(static_cast<int64_t>(std::llround(v / c.dt)));
  }
  return {std::make_unique<DelayOp>(std::move(steps)), s};
}

BuiltNode make_embedding(const Ctx& c) {
  c.require_in_size(1, "weight");
  Matrix w = c.matrix("weight");  // V x E
  const int64_t e = w.cols();
  return {std::make_unique<EmbeddingOp>(w.transpose()), {e}};
}

using Maker = std::function<BuiltNode(const Ctx&)>;

const std::map<std::string, Maker>& makers() {
  static const std::map<std::string, Maker> m = {
      {"Affine", [](const Ctx& c) { return make_matrix_node(c, true); }},
      {"Linear", [](const Ctx& c) { return make_matrix_node(c, false); }},
      {"Conv2d", [](const Ctx& c) { return make_conv(c, false); }},
      {"Conv1d", [](const Ctx& c) { return make_conv(c, true); }},
      {"SumPool2d", [](const Ctx& c) { return make_pool(c, false); }},
      {"AvgPool2d", [](const Ctx& c) { return make_pool(c, true); }},
      {"Flatten", make_flatten},
      {"EGRU", make_egru},
      {"LIF", make_neuron},
      {"LI", make_neuron},
      {"CubaLIF", make_neuron},
      {"CubaLI", make_neuron},
      {"IF", make_neuron},
      {"I", make_neuron},
      {"Threshold", make_neuron},
      {"VSN", make_neuron},
      {"Delay", make_delay},
      {"Embedding", make_embedding},
      {"Scale",
       [](const Ctx& c) {
         Shape s = c.neuron_shape({"scale"});
         return BuiltNode{std::make_unique<ScaleOp>(c.per_unit("scale", s)), s};
       }},
      {"Activation",
       [](const Ctx& c) {
         try {
           return BuiltNode{std::make_unique<ActivationOp>(parse_activation(c.get("function").s[0])), c.in_shape};
         } catch (const CheckpointError&) {
           throw;
         } catch (const Error& e) {
           c.fail("function", e.what());
         }
       }},
      {"Identity",
       [](const Ctx& c) {
         return BuiltNode{std::make_unique<IdentityOp>("Identity"), c.in_shape};
       }},
      {"Output",
       [](const Ctx& c) {
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
  Ctx c{node, in_shape, dt};
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
