#include <algorithm>
#include <memory>
#include <vector>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/device_buffer.hpp"
#include "backends/cuda/device_weights.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/graph_timer.hpp"
#include "backends/cuda/snn_engine.hpp"

namespace evsim::cuda {
namespace {

// Device copy of a PointNeuron; state buffers are n x batch.
struct NeuronDev {
  int kind, fires, activation, spike_steps, n;
  const float *a_mem, *a_syn, *v_leak, *r, *w_in, *gain, *v_threshold, *v_reset, *beta, *threshold;
  float *v, *i;
  unsigned long long* events;
};

__device__ float activate(int f, float x) {
  switch (static_cast<ActivationFn>(f)) {
    case ActivationFn::Identity:
      return x;
    case ActivationFn::Relu:
      return x > 0.0f ? x : 0.0f;
    case ActivationFn::Gelu:
      return 0.5f * x * (1.0f + erff(x * 0.70710678f));
    case ActivationFn::Tanh:
      return tanhf(x);
    case ActivationFn::Sigmoid:
      return 1.0f / (1.0f + expf(-x));
    case ActivationFn::Mish:
      return x * tanhf(log1pf(expf(x)));
  }
  return x;
}

// v > threshold: spike and reset; without firing the output is v itself.
__device__ __forceinline__ float fire(const NeuronDev& d, int u, float& v) {
  if (!d.fires) return v;
  if (v > d.v_threshold[u]) {
    v = d.v_reset[u];
    return 1.0f;
  }
  return 0.0f;
}

// The CPU's update order and rounding (explicit _rn: no FMA contraction), so binary
// decisions match the CPU whenever the inputs do.
__global__ void neuron_kernel(const NeuronDev d, const float* __restrict__ x, float* __restrict__ y, int batch) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  float out = 0.0f;
  if (idx < d.n * batch) {
    const int u = idx % d.n;
    const float xv = x[idx];
    switch (static_cast<PointKind>(d.kind)) {
      case PointKind::Leaky: {
        float v = d.v[idx];
        const float inner = __fadd_rn(__fsub_rn(d.v_leak[u], v), __fmul_rn(d.r[u], xv));
        v = __fadd_rn(v, __fmul_rn(d.a_mem[u], inner));
        out = fire(d, u, v);
        d.v[idx] = v;
        break;
      }
      case PointKind::Cuba: {
        float cur = d.i[idx], v = d.v[idx];
        cur = __fadd_rn(cur, __fmul_rn(d.a_syn[u], __fadd_rn(-cur, __fmul_rn(d.w_in[u], xv))));
        const float inner = __fadd_rn(__fsub_rn(d.v_leak[u], v), __fmul_rn(d.r[u], cur));
        v = __fadd_rn(v, __fmul_rn(d.a_mem[u], inner));
        out = fire(d, u, v);
        d.i[idx] = cur;
        d.v[idx] = v;
        break;
      }
      case PointKind::Integrator: {
        float v = __fadd_rn(d.v[idx], __fmul_rn(xv, d.gain[u]));
        out = fire(d, u, v);
        d.v[idx] = v;
        break;
      }
      case PointKind::Threshold:
        out = xv > d.threshold[u] ? 1.0f : 0.0f;
        d.v[idx] = xv;
        break;
      case PointKind::Vsn: {
        const float phi = activate(d.activation, xv);
        float m = d.v[idx], acc = 0.0f;
        for (int s = 0; s < d.spike_steps; ++s) {
          m = __fadd_rn(__fmul_rn(d.beta[u], m), xv);
          if (m > d.threshold[u]) {
            acc = __fadd_rn(acc, phi);
            m = 0.0f;
          }
        }
        d.v[idx] = m;
        out = d.spike_steps == 1 ? acc : __fmul_rn(acc, 1.0f / static_cast<float>(d.spike_steps));
        break;
      }
    }
    y[idx] = out;
  }
  const unsigned ballot = __ballot_sync(0xffffffffu, out != 0.0f);
  if ((threadIdx.x & 31) == 0 && ballot) atomicAdd(d.events, static_cast<unsigned long long>(__popc(ballot)));
}

__global__ void add_bias_kernel(float* __restrict__ y, const float* __restrict__ bias, int n, int batch) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  if (idx < n * batch) y[idx] = __fadd_rn(y[idx], bias[idx % n]);
}

constexpr int kMaxSummed = 8;
struct Summands {
  const float* p[kMaxSummed];
  int count;
};

// dst = sum of the in-edges' outputs (merging edges, recurrent edges of the previous step).
__global__ void sum_kernel(const Summands in, float* __restrict__ dst, int n) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  if (idx >= n) return;
  float acc = in.p[0][idx];
  for (int k = 1; k < in.count; ++k) acc = __fadd_rn(acc, in.p[k][idx]);
  dst[idx] = acc;
}

__global__ void scale_kernel(const float* __restrict__ x, const float* __restrict__ s, float* __restrict__ y, int n,
                             int batch) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  if (idx < n * batch) y[idx] = __fmul_rn(x[idx], s[idx % n]);
}

std::vector<float> host(const Vector& v) { return std::vector<float>(v.data(), v.data() + v.size()); }

struct Stage {
  SnnNode::Kind kind;
  int in = 0, out = 0;
  std::vector<int> inputs, back;
  DeviceBuffer<float> sum;           // summed input when more than one edge arrives
  std::unique_ptr<DeviceWeights> w;  // Projection
  DeviceBuffer<float> bias, scale, y;
  // neuron
  PointNeuron desc;
  DeviceBuffer<float> a_mem, a_syn, v_leak, r, w_in, gain, v_threshold, v_reset, beta, threshold, v, i;
  int neuron_index = -1;
};

void upload_neuron(Stage& s, const PointNeuron& d, size_t n_batch) {
  s.desc = d;
  auto up = [](const Vector& v) { return v.size() ? DeviceBuffer<float>(host(v)) : DeviceBuffer<float>(); };
  s.a_mem = up(d.a_mem);
  s.a_syn = up(d.a_syn);
  s.v_leak = up(d.v_leak);
  s.r = up(d.r);
  s.w_in = up(d.w_in);
  s.gain = up(d.gain);
  s.v_threshold = up(d.v_threshold);
  s.v_reset = up(d.v_reset);
  s.beta = up(d.beta);
  s.threshold = up(d.threshold);
  s.v = DeviceBuffer<float>(n_batch);
  s.i = DeviceBuffer<float>(n_batch);
}

}  // namespace

struct SnnEngine::Impl {
  GpuMode mode;
  DistilePlan plan;  // the profile's launch shape (no PDL: cuBLAS and memsets sit between steps)
  int batch, steps, inputs, outputs = 0, neurons = 0, output = -1;
  std::vector<Stage> stages;
  DeviceBuffer<float> input, out_seq;
  DeviceBuffer<unsigned long long> events;
  std::vector<uint64_t> unit_steps;
  cublasHandle_t blas = nullptr;
  cudaStream_t stream = nullptr;
  cudaGraphExec_t exec = nullptr;
  DeviceBuffer<char> blas_workspace;

  static int blocks(int n) { return (n + 255) / 256; }

  void project(Stage& s, const float* x) {
    const int n = s.out * batch;
    if (mode == GpuMode::Dense) {
      const float one = 1.0f, zero = 0.0f;
      if (batch == 1)
        EVSIM_CUBLAS_CHECK(
            cublasSgemv(blas, CUBLAS_OP_N, s.out, s.in, &one, s.w->dense.get(), s.out, x, 1, &zero, s.y.get(), 1));
      else
        EVSIM_CUBLAS_CHECK(cublasSgemm(blas, CUBLAS_OP_N, CUBLAS_OP_N, s.out, batch, s.in, &one, s.w->dense.get(),
                                       s.out, x, s.in, &zero, s.y.get(), s.out));
    } else {
      EVSIM_CUDA_CHECK(cudaMemsetAsync(s.y.get(), 0, static_cast<size_t>(n) * sizeof(float), stream));
      DistileProblem q = s.w->problem();
      q.x = x;
      q.acc = s.y.get();
      distile_step(&q, 1, batch, plan, stream);
    }
    if (s.bias.size()) {
      add_bias_kernel<<<blocks(n), 256, 0, stream>>>(s.y.get(), s.bias.get(), s.out, batch);
      EVSIM_KERNEL_CHECK();
    }
  }

  void neuron(Stage& s, const float* x) {
    const PointNeuron& d = s.desc;
    NeuronDev nd{static_cast<int>(d.kind),
                 d.fires ? 1 : 0,
                 static_cast<int>(d.activation),
                 d.spike_steps,
                 s.out,
                 s.a_mem.get(),
                 s.a_syn.get(),
                 s.v_leak.get(),
                 s.r.get(),
                 s.w_in.get(),
                 s.gain.get(),
                 s.v_threshold.get(),
                 s.v_reset.get(),
                 s.beta.get(),
                 s.threshold.get(),
                 s.v.get(),
                 s.i.get(),
                 events.get() + s.neuron_index};
    neuron_kernel<<<blocks(s.out * batch), 256, 0, stream>>>(nd, x, s.y.get(), batch);
    EVSIM_KERNEL_CHECK();
  }

  const float* output_of(int stage, const float* graph_input) {
    return stage < 0 ? graph_input : stages[static_cast<size_t>(stage)].y.get();
  }

  // The stage's input for this step: one edge's output as is, or the sum of all of them.
  const float* input_of(Stage& s, const float* graph_input) {
    if (s.inputs.size() == 1 && s.back.empty()) return output_of(s.inputs[0], graph_input);
    Summands in{};
    for (int src : s.inputs) in.p[in.count++] = output_of(src, graph_input);
    for (int src : s.back) in.p[in.count++] = output_of(src, graph_input);  // not yet updated: step t - 1
    const int n = s.in * batch;
    sum_kernel<<<blocks(n), 256, 0, stream>>>(in, s.sum.get(), n);
    EVSIM_KERNEL_CHECK();
    return s.sum.get();
  }

  void record_sequence() {
    for (auto& s : stages) {
      EVSIM_CUDA_CHECK(cudaMemsetAsync(s.y.get(), 0, s.y.size() * sizeof(float), stream));  // recurrent inputs at t = 0
      if (s.kind == SnnNode::Kind::Neuron) {
        EVSIM_CUDA_CHECK(cudaMemsetAsync(s.v.get(), 0, s.v.size() * sizeof(float), stream));
        EVSIM_CUDA_CHECK(cudaMemsetAsync(s.i.get(), 0, s.i.size() * sizeof(float), stream));
      }
    }
    EVSIM_CUDA_CHECK(cudaMemsetAsync(events.get(), 0, events.size() * sizeof(unsigned long long), stream));
    for (int t = 0; t < steps; ++t) {
      const float* graph_input = input.get() + static_cast<size_t>(t) * batch * inputs;
      for (auto& s : stages) {
        const float* x = input_of(s, graph_input);
        const size_t bytes = s.y.size() * sizeof(float);
        switch (s.kind) {
          case SnnNode::Kind::Identity:
            EVSIM_CUDA_CHECK(cudaMemcpyAsync(s.y.get(), x, bytes, cudaMemcpyDeviceToDevice, stream));
            break;
          case SnnNode::Kind::Projection:
            project(s, x);
            break;
          case SnnNode::Kind::Scale:
            scale_kernel<<<blocks(s.out * batch), 256, 0, stream>>>(x, s.scale.get(), s.y.get(), s.out, batch);
            EVSIM_KERNEL_CHECK();
            break;
          case SnnNode::Kind::Neuron:
            neuron(s, x);
            break;
        }
      }
      EVSIM_CUDA_CHECK(cudaMemcpyAsync(
          out_seq.get() + static_cast<size_t>(t) * batch * outputs, stages[static_cast<size_t>(output)].y.get(),
          static_cast<size_t>(batch) * outputs * sizeof(float), cudaMemcpyDeviceToDevice, stream));
    }
  }
};

SnnEngine::SnnEngine(const SnnParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile)
    : impl_(new Impl) {
  Impl& m = *impl_;
  m.mode = mode;
  m.plan = plan_for(profile);
  m.batch = static_cast<int>(batch);
  m.steps = static_cast<int>(steps);
  m.inputs = static_cast<int>(p.inputs);
  if (p.stages.empty()) throw Error("cuda backend: the model has no node to run");
  EVSIM_CUBLAS_CHECK(cublasCreate(&m.blas));
  EVSIM_CUBLAS_CHECK(cublasSetMathMode(m.blas, CUBLAS_PEDANTIC_MATH));
  EVSIM_CUDA_CHECK(cudaStreamCreateWithFlags(&m.stream, cudaStreamNonBlocking));
  EVSIM_CUBLAS_CHECK(cublasSetStream(m.blas, m.stream));
  m.blas_workspace = DeviceBuffer<char>(size_t(32) << 20);
  EVSIM_CUBLAS_CHECK(cublasSetWorkspace(m.blas, m.blas_workspace.get(), m.blas_workspace.size()));
  if (p.output < 0 || p.output >= static_cast<int>(p.stages.size())) throw Error("cuda backend: no output node");
  for (const auto& cs : p.stages) {
    Stage s;
    s.kind = cs.kind;
    s.in = static_cast<int>(cs.in);
    s.out = static_cast<int>(cs.out);
    s.inputs = cs.inputs;
    s.back = cs.back;
    for (int src : cs.inputs)
      if (src >= static_cast<int>(m.stages.size())) throw Error("cuda backend: node '" + cs.name + "' is out of order");
    if (cs.inputs.size() + cs.back.size() > 8) throw Error("cuda backend: node '" + cs.name + "' has over 8 in-edges");
    if (mode == GpuMode::Distile && cs.kind == SnnNode::Kind::Projection && s.in > kMaxDistileCols)
      throw Error("cuda backend: node '" + cs.name + "' has more than 8192 inputs");
    const size_t nb = static_cast<size_t>(s.out) * m.batch;
    s.y = DeviceBuffer<float>(nb);
    if (cs.inputs.size() + cs.back.size() > 1) s.sum = DeviceBuffer<float>(static_cast<size_t>(s.in) * m.batch);
    if (cs.kind == SnnNode::Kind::Projection) {
      s.w = std::make_unique<DeviceWeights>(cs.w, profile);
      if (cs.bias.size()) s.bias = DeviceBuffer<float>(host(cs.bias));
    } else if (cs.kind == SnnNode::Kind::Scale) {
      s.scale = DeviceBuffer<float>(host(cs.scale));
    } else if (cs.kind == SnnNode::Kind::Neuron) {
      upload_neuron(s, cs.neuron, nb);
      s.neuron_index = m.neurons++;
      m.unit_steps.push_back(static_cast<uint64_t>(nb) * m.steps);
    }
    m.stages.push_back(std::move(s));
  }
  m.output = p.output;
  m.outputs = m.stages[static_cast<size_t>(p.output)].out;
  m.input = DeviceBuffer<float>(static_cast<size_t>(m.steps) * m.batch * m.inputs);
  m.out_seq = DeviceBuffer<float>(static_cast<size_t>(m.steps) * m.batch * m.outputs);
  m.events = DeviceBuffer<unsigned long long>(std::max(1, m.neurons));
  cudaGraph_t graph;
  EVSIM_CUDA_CHECK(cudaStreamBeginCapture(m.stream, cudaStreamCaptureModeThreadLocal));
  m.record_sequence();
  EVSIM_CUDA_CHECK(cudaStreamEndCapture(m.stream, &graph));
  EVSIM_CUDA_CHECK(cudaGraphInstantiate(&m.exec, graph, 0));
  cudaGraphDestroy(graph);
}

SnnEngine::~SnnEngine() {
  if (impl_->exec) cudaGraphExecDestroy(impl_->exec);
  if (impl_->blas) cublasDestroy(impl_->blas);
  if (impl_->stream) cudaStreamDestroy(impl_->stream);
}

GpuRunResult SnnEngine::run(const Sequence& input, int timing_repeats) {
  Impl& m = *impl_;
  if (input.steps != m.steps || input.batch != m.batch || input.width != m.inputs)
    throw InputError("cuda backend: input shape does not match the planned engine");
  m.input.upload(input.data);
  GpuRunResult res;
  res.seconds_per_step =
      median_of_replays(timing_repeats, [&] { return time_graph_replay(m.exec, m.stream) / m.steps; });
  res.output = Sequence(m.steps, m.batch, m.outputs);
  res.output.data = m.out_seq.download();
  const auto ev = m.events.download();
  res.events.assign(ev.begin(), ev.begin() + m.neurons);
  res.unit_steps = m.unit_steps;
  for (const auto& s : m.stages) res.pruned_projections += s.kind == SnnNode::Kind::Projection && s.w->pruned;
  return res;
}

}  // namespace evsim::cuda
