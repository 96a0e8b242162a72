#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <tuple>
#include <vector>

#include "backends/cuda/activation.cuh"
#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/delay_ring.cuh"
#include "backends/cuda/device_buffer.hpp"
#include "backends/cuda/device_weights.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/generated_kernel.hpp"
#include "backends/cuda/neuron_update.cuh"
#include "backends/cuda/op_count.hpp"
#include "backends/cuda/operator_kernels.cuh"
#include "backends/cuda/pinned_buffer.hpp"
#include "backends/cuda/poisson_source.cuh"
#include "backends/cuda/row_blocks.hpp"
#include "backends/cuda/snn_engine.hpp"
#include "backends/cuda/snn_fused.cuh"
#include "backends/cuda/sparse_delivery.cuh"
#include "backends/cuda/state_reset.cuh"
#include "core/run_seed.hpp"

namespace evsim::cuda {
namespace {

// One thread per unit and sample.
__global__ void neuron_kernel(const NeuronDev d, const float* __restrict__ x, float* __restrict__ y, int batch) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  if (idx < d.n * batch) y[idx] = update_point_neuron(d, idx, x);
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

__global__ void add_kernel(float* __restrict__ y, const float* __restrict__ x, int n) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  if (idx < n) y[idx] = __fadd_rn(y[idx], x[idx]);
}

std::vector<float> host(const Vector& v) { return std::vector<float>(v.data(), v.data() + v.size()); }
DeviceBuffer<float> up(const Vector& v) { return v.size() ? DeviceBuffer<float>(host(v)) : DeviceBuffer<float>(); }
unsigned blocks(size_t n) { return static_cast<unsigned>((n + 255) / 256); }

}  // namespace

// Compressed columns and their row-block offsets on the device (sparse_delivery.cuh).
struct SparseUpload {
  DeviceBuffer<uint32_t> block_ptr, row_idx, row_ptr, col_idx;
  DeviceBuffer<float> values, row_val;
  SparseColumns cols;  // over the buffers above (val null: none)
};

// One delay's synapses of a projection with per-synapse delays.
struct DelayGroupDevice {
  int steps = 0;
  SparseUpload sparse;            // cuda-distile
  DeviceBuffer<float> dense;      // cuda-dense (empty: too large to form)
  DeviceBuffer<uint32_t> fanout;  // non-zero weights per input
};

struct DeviceStage {
  SnnNode::Kind kind;
  std::string name;
  int in = 0, out = 0;
  std::vector<int> inputs, back;
  std::unique_ptr<DeviceWeights> w;      // Projection (null: sparse only, or delayed)
  SparseUpload sparse;                   // Projection from sparse connectivity
  std::vector<DelayGroupDevice> groups;  // Projection with per-synapse delays, ascending
  DeviceBuffer<uint32_t> fanout;
  DeviceBuffer<float> bias, scale;
  PointNeuron desc;
  DeviceBuffer<float> a_mem, a_syn, v_leak, r, w_in, gain, v_threshold, v_reset, beta, threshold;
  DeviceBuffer<float> a_syn_inh, w_in_inh, r_inh, e_exc, e_inh;
  DeviceBuffer<float> ref_steps;      // refractory steps per unit (empty: none)
  std::vector<float> v0, i0, i0_inh;  // initial state per unit (empty: zeros), set by reset_state
  // Neural-operator nodes
  DeviceBuffer<float> conv_w, mean;  // PointwiseConv: Cout x Cin column-major; Normalize (scale: `scale`)
  int positions = 0;
  bool spiking_input = false;
  WaveletStage wl;  // host copy of the shapes (its matrices are uploaded below)
  DeviceBuffer<float> dc, drt, rc, rrt, wa, wd;
  ImageShape in_img, out_img;
  int top = 0, left = 0;
  bool inverse = false;
  int activation = 0;
  int depth = 0;                 // delayed Projection, UnitDelay: past inputs kept (max delay + 1)
  DeviceBuffer<int> unit_delay;  // UnitDelay
  bool poisson = false;          // Source
  DeviceBuffer<double> cdf;
  DeviceBuffer<int> table_start, table_length;
  uint64_t stream = 0;
  std::vector<float> constant;  // ConstantSource: the value per unit
};

struct SnnDeviceModel {
  GpuProfile profile;
  int inputs = 0, output = -1;
  std::vector<DeviceStage> stages;
  std::optional<GenGraph> gen;  // the graph as a generated kernel sees it, where one can run it
};

namespace {

ImageShape image(const int64_t (&chw)[3]) {
  return {static_cast<int>(chw[0]), static_cast<int>(chw[1]), static_cast<int>(chw[2])};
}

DeviceBuffer<float> up_matrix(const Matrix& m) {
  return DeviceBuffer<float>(std::vector<float>(m.data(), m.data() + m.size()));
}

void upload_operator(const SnnNode& cs, DeviceStage& s) {
  switch (cs.kind) {
    case SnnNode::Kind::PointwiseConv: {
      s.conv_w = up_matrix(cs.w);
      if (cs.bias.size()) s.bias = up(cs.bias);
      s.positions = static_cast<int>(cs.positions);
      s.spiking_input = cs.spiking_input;
      // The counted pairs: a non-zero input pixel of channel i meets column i's non-zero weights.
      const std::vector<uint32_t> per_channel = column_fanout(cs.w.data(), cs.w.rows(), cs.w.cols());
      std::vector<uint32_t> per_pixel(static_cast<size_t>(cs.in));
      for (size_t k = 0; k < per_pixel.size(); ++k) per_pixel[k] = per_channel[k / static_cast<size_t>(cs.positions)];
      s.fanout = DeviceBuffer<uint32_t>(per_pixel);
      break;
    }
    case SnnNode::Kind::WaveletConv: {
      const WaveletStage& w = cs.wavelet;
      s.wl = {w.rows, w.cols, w.h, w.w, w.ci, w.co, w.subtract, {}, {}, {}, {}, {}, {}};  // shapes only
      s.dc = up_matrix(w.dc);
      s.drt = up_matrix(w.drt);
      s.rc = up_matrix(w.rc);
      s.rrt = up_matrix(w.rrt);
      s.wa = DeviceBuffer<float>(w.weight_approx);
      s.wd = DeviceBuffer<float>(w.weight_detail);
      break;
    }
    case SnnNode::Kind::PadCrop:
    case SnnNode::Kind::Grid:
      s.in_img = image(cs.shape_in);
      s.out_img = image(cs.shape_out);
      s.top = static_cast<int>(cs.top);
      s.left = static_cast<int>(cs.left);
      break;
    case SnnNode::Kind::Normalize:
      s.mean = up(cs.mean);
      s.scale = up(cs.scale);
      s.inverse = cs.inverse;
      break;
    case SnnNode::Kind::Activation:
      s.activation = static_cast<int>(cs.activation);
      break;
    default:
      break;
  }
}

// Compressed columns and their row-block offsets (sparse_delivery.cuh).
SparseUpload upload_sparse(const CscMatrix& c, const std::string& name) {
  const std::string what = "cuda backend: node '" + name + "'";
  if (c.cols > kSparseMaxCols)
    throw Error(what + " has " + std::to_string(c.cols) + " inputs; the GPU's sparse delivery takes at most " +
                std::to_string(kSparseMaxCols));
  constexpr uint64_t kTableBytes = uint64_t(4) << 30;
  SparseUpload u;
  u.block_ptr = DeviceBuffer<uint32_t>(row_block_offsets(c, kSparseRows, kTableBytes, what));
  u.row_idx = DeviceBuffer<uint32_t>(c.row_idx);
  u.values = DeviceBuffer<float>(c.values);
  u.cols = {u.block_ptr.get(),        u.row_idx.get(),
            u.values.get(),           static_cast<int>(c.rows),
            static_cast<int>(c.cols), static_cast<int>((c.rows + kSparseRows - 1) / kSparseRows)};
  const RowMajorEntries m = row_major_entries(c);
  u.row_ptr = DeviceBuffer<uint32_t>(m.row_ptr);
  u.col_idx = DeviceBuffer<uint32_t>(m.col_idx);
  u.row_val = DeviceBuffer<float>(m.values);
  u.cols.row_ptr = u.row_ptr.get();
  u.cols.col_idx = u.col_idx.get();
  u.cols.row_val = u.row_val.get();
  u.cols.pull_above = sparse_pull_above(c.nnz(), c.rows);
  return u;
}

std::vector<uint32_t> csc_fanout(const CscMatrix& c) {
  std::vector<uint32_t> fanout(static_cast<size_t>(c.cols));
  for (int64_t j = 0; j < c.cols; ++j) fanout[static_cast<size_t>(j)] = c.col_nnz(j);
  return fanout;
}

void upload_delayed(const SnnNode& cs, DeviceStage& s) {
  for (const SnnNode::DelayedWeights& d : cs.delayed) {
    DelayGroupDevice g;
    g.steps = static_cast<int>(d.steps);
    g.sparse = upload_sparse(d.csc, cs.name);
    if (d.w.size()) g.dense = up_matrix(d.w);
    g.fanout = DeviceBuffer<uint32_t>(csc_fanout(d.csc));
    s.groups.push_back(std::move(g));
  }
  s.depth = s.groups.back().steps + 1;
}

void upload_source(const SnnNode& cs, DeviceStage& s) {
  s.poisson = cs.poisson;
  if (!s.poisson) {
    s.constant = host(cs.per_unit);
    return;
  }
  s.cdf = DeviceBuffer<double>(cs.cdf);
  s.table_start = DeviceBuffer<int>(cs.table_start);
  s.table_length = DeviceBuffer<int>(cs.table_length);
  s.stream = cs.stream;
}

}  // namespace

std::shared_ptr<const SnnDeviceModel> upload_snn(const SnnParams& p, const GpuProfile& profile) {
  if (p.stages.empty()) throw Error("cuda backend: the model has no node to run");
  if (p.output < 0 || p.output >= static_cast<int>(p.stages.size())) throw Error("cuda backend: no output node");
  auto m = std::make_shared<SnnDeviceModel>();
  m->profile = profile;
  m->inputs = static_cast<int>(p.inputs);
  m->output = p.output;
  m->gen = gen_graph(p, false);
  for (const auto& cs : p.stages) {
    DeviceStage s;
    s.kind = cs.kind;
    s.name = cs.name;
    s.in = static_cast<int>(cs.in);
    s.out = static_cast<int>(cs.out);
    s.inputs = cs.inputs;
    s.back = cs.back;
    for (int src : cs.inputs)
      if (src >= static_cast<int>(m->stages.size()))
        throw Error("cuda backend: node '" + cs.name + "' is out of order");
    if (cs.inputs.size() + cs.back.size() > 8) throw Error("cuda backend: node '" + cs.name + "' has over 8 in-edges");
    if (cs.kind == SnnNode::Kind::Projection && !cs.delayed.empty()) {
      upload_delayed(cs, s);
      if (cs.bias.size()) s.bias = up(cs.bias);
    } else if (cs.kind == SnnNode::Kind::Source) {
      upload_source(cs, s);
    } else if (cs.kind == SnnNode::Kind::UnitDelay) {
      s.unit_delay = DeviceBuffer<int>(std::vector<int>(cs.unit_delay.begin(), cs.unit_delay.end()));
      s.depth = static_cast<int>(*std::max_element(cs.unit_delay.begin(), cs.unit_delay.end())) + 1;
    } else if (cs.kind == SnnNode::Kind::Projection) {
      if (cs.w.size()) {
        if (s.in > kMaxDistileCols)
          throw Error("cuda backend: node '" + cs.name + "' has more than 8192 inputs (dense weights)");
        s.w = std::make_unique<DeviceWeights>(cs.w, profile);
        s.fanout = DeviceBuffer<uint32_t>(column_fanout(cs.w.data(), cs.w.rows(), cs.w.cols()));
      }
      if (cs.csc && !s.w) {  // else DISTile reads the dense copy
        s.sparse = upload_sparse(*cs.csc, cs.name);
        s.fanout = DeviceBuffer<uint32_t>(csc_fanout(*cs.csc));
      }
      if (cs.bias.size()) s.bias = up(cs.bias);
    } else if (cs.kind == SnnNode::Kind::Scale) {
      s.scale = up(cs.scale);
    } else if (cs.kind != SnnNode::Kind::Neuron) {
      upload_operator(cs, s);
    } else if (cs.kind == SnnNode::Kind::Neuron) {
      const PointNeuron& d = cs.neuron;
      s.desc = d;
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
      s.ref_steps = up(d.refractory_steps);
      s.a_syn_inh = up(d.a_syn_inh);
      s.w_in_inh = up(d.w_in_inh);
      s.r_inh = up(d.r_inh);
      s.e_exc = up(d.e_exc);
      s.e_inh = up(d.e_inh);
      s.v0 = host(d.v0);
      s.i0 = host(d.i0);
      s.i0_inh = host(d.i0_inh);
    }
    m->stages.push_back(std::move(s));
  }
  return m;
}

namespace {

struct StageState {
  DeviceBuffer<float> sum, y, v, i, i_inh;  // summed input (several edges), output, neuron state
  DeviceBuffer<float> left;                 // refractory steps left
  DeviceBuffer<uint32_t> mask;              // sparse delivery: the active inputs
  DeviceBuffer<float> t1, ct, mt, t3;       // WaveletConv: the four products' intermediates
  DeviceBuffer<float> ring;                 // delayed Projection, UnitDelay: depth past inputs
  DeviceBuffer<float> fetched, part;        // delayed Projection in cuda-dense: one delay's inputs, product
  bool scatter = false;                     // PointwiseConv in cuda-distile: the event path chosen
};

}  // namespace

struct SnnEngine::Impl {
  std::shared_ptr<const SnnDeviceModel> model;
  GpuMode mode;
  DistilePlan plan;  // the profile's launch shape (no PDL: cuBLAS and memsets sit between steps)
  int batch, steps, outputs = 0;
  std::vector<StageState> state;
  DeviceBuffer<float> input, out_seq;
  DeviceBuffer<CountSlot> slots;  // stages x steps
  cublasHandle_t blas = nullptr;
  cudaStream_t stream = nullptr;
  cudaGraphExec_t exec = nullptr, counted_exec = nullptr;
  bool tuned = false;      // cuda-distile's pointwise choices measured (tune())
  bool use_fused = false;  // one fused kernel per chunk (plan_fused())
  FusedLaunch fused;
  DeviceBuffer<FusedStage> fused_table;
  std::shared_ptr<const GeneratedSnnKernel> generated;  // plan_generated()
  DeviceBuffer<void*> gen_table;                        // its pointer table (snn_codegen.hpp)
  std::vector<bool> gen_registers;                      // projections whose weights it holds in registers
  GenArgs gen_args;
  DeviceBuffer<char> blas_workspace;
  DeviceBuffer<long long> clock{1};            // steps of the replays since the reset (delay_ring.cuh)
  long long host_clock = 0, replay_start = 0;  // the same, on the host; the last replay's first step
  bool clocked = false;                        // some stage reads the step: rings, Poisson draws
  // A run's fixed costs kept small (pinned_buffer.hpp, state_reset.cuh): page-locked staging of
  // the input, outputs and counts (up to kPinnedBytes each), the reset as one launch over every
  // state buffer, the events of the timed replay and of the input's copy made once.
  static constexpr size_t kPinnedBytes = size_t(64) << 20;
  PinnedBuffer<float> input_host, out_host;
  PinnedBuffer<CountSlot> slots_host;
  std::vector<DeviceBuffer<float>> initial;  // constant sources' outputs, v0, i0 over the batch
  DeviceBuffer<ResetItem> reset_items;
  size_t reset_largest = 0;
  cudaEvent_t began = nullptr, ended = nullptr, input_copied = nullptr;
  bool staged = false;  // the last replay queued its outputs' and counts' copies to the staging

  const DeviceStage& stage(size_t k) const { return model->stages[k]; }

  RingView ring_of(const DeviceStage& s, StageState& st) const {
    return {st.ring.get(), static_cast<size_t>(s.in) * batch, s.depth, clock.get()};
  }

  // y (rows x batch) = w x with cuBLAS (a matrix-vector product for one sample).
  void dense_product(const float* w, int rows, int cols, const float* x, float* y) {
    const float one = 1.0f, zero = 0.0f;
    if (batch == 1)
      EVSIM_CUBLAS_CHECK(cublasSgemv(blas, CUBLAS_OP_N, rows, cols, &one, w, rows, x, 1, &zero, y, 1));
    else
      EVSIM_CUBLAS_CHECK(
          cublasSgemm(blas, CUBLAS_OP_N, CUBLAS_OP_N, rows, batch, cols, &one, w, rows, x, cols, &zero, y, rows));
  }

  void add_bias(const DeviceStage& s, StageState& st) {
    if (!s.bias.size()) return;
    add_bias_kernel<<<blocks(static_cast<size_t>(s.out) * batch), 256, 0, stream>>>(st.y.get(), s.bias.get(), s.out,
                                                                                    batch);
    EVSIM_KERNEL_CHECK();
  }

  // Per-synapse delays (the CPU's DelayLine): step t's input joins the ring, then each delay's
  // synapses add the input that many steps back, in ascending delay. cuda-distile delivers each
  // delay's compressed columns (the CPU event mode's sums); cuda-dense multiplies each delay's
  // dense copy and adds the product (the CPU dense mode's structure).
  void project_delayed(size_t k, const DeviceStage& s, StageState& st, const float* x, int t, bool counted) {
    const RingView r = ring_of(s, st);
    ring_store(r, t, x, stream);
    if (counted) count_arrivals(x, s.in, batch, slot(k, t), stream);
    const int n = s.out * batch;
    if (mode == GpuMode::Dense)
      EVSIM_CUDA_CHECK(cudaMemsetAsync(st.y.get(), 0, static_cast<size_t>(n) * sizeof(float), stream));
    for (size_t g = 0; g < s.groups.size(); ++g) {
      const DelayGroupDevice& d = s.groups[g];
      if (counted) count_delayed_pairs(r, t, d.steps, s.in, batch, d.fanout.get(), slot(k, t), stream);
      if (mode == GpuMode::Distile) {
        sparse_deliver_delayed(d.sparse.cols, r, t, d.steps, batch, st.mask.get(), st.y.get(), g > 0, stream);
        continue;
      }
      ring_fetch(r, t, d.steps, st.fetched.get(), stream);
      dense_product(d.dense.get(), s.out, s.in, st.fetched.get(), st.part.get());
      add_kernel<<<blocks(static_cast<size_t>(n)), 256, 0, stream>>>(st.y.get(), st.part.get(), n);
      EVSIM_KERNEL_CHECK();
    }
    add_bias(s, st);
  }

  // Poisson: this step's draws; constant: nothing (its output is set at the reset).
  void source(const DeviceStage& s, StageState& st, int t) {
    if (!s.poisson) return;
    const PoissonDev p{s.cdf.get(), s.table_start.get(), s.table_length.get(), s.out, run_seed(),
                       s.stream,    clock.get()};
    poisson_draw(p, t, batch, st.y.get(), stream);
  }

  void unit_delay(const DeviceStage& s, StageState& st, const float* x, int t) {
    const RingView r = ring_of(s, st);
    ring_store(r, t, x, stream);
    ring_unit_delays(r, t, s.unit_delay.get(), s.out, st.y.get(), stream);
  }

  // cuda-distile takes the sparse delivery where the weights came sparse and too large for a
  // dense copy (DISTile's dense columns measured faster where both fit: CUBA at 4,000 neurons,
  // 105 vs 138 ms per simulated second on the H200).
  bool sparse_path(const DeviceStage& s) const { return s.sparse.cols.val && !s.w && mode == GpuMode::Distile; }

  void project(const DeviceStage& s, StageState& st, const float* x) {
    const int n = s.out * batch;
    if (sparse_path(s)) {
      sparse_deliver(s.sparse.cols, x, batch, st.mask.get(), st.y.get(), stream);
    } else if (mode == GpuMode::Dense) {
      dense_product(s.w->dense.get(), s.out, s.in, x, st.y.get());
    } else {
      EVSIM_CUDA_CHECK(cudaMemsetAsync(st.y.get(), 0, static_cast<size_t>(n) * sizeof(float), stream));
      DistileProblem q = s.w->problem();
      q.x = x;
      q.acc = st.y.get();
      distile_step(&q, 1, batch, plan, stream);
    }
    add_bias(s, st);
  }

  static NeuronDev neuron_dev(const DeviceStage& s, StageState& st) {
    const PointNeuron& d = s.desc;
    return NeuronDev{static_cast<int>(d.kind),
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
                     s.a_syn_inh.get(),
                     s.w_in_inh.get(),
                     s.r_inh.get(),
                     s.e_exc.get(),
                     s.e_inh.get(),
                     st.v.get(),
                     st.i.get(),
                     st.i_inh.get(),
                     s.ref_steps.size() ? s.ref_steps.get() : nullptr,
                     st.left.get()};
  }

  void neuron(const DeviceStage& s, StageState& st, const float* x) {
    const NeuronDev nd = neuron_dev(s, st);
    neuron_kernel<<<blocks(static_cast<size_t>(s.out) * batch), 256, 0, stream>>>(nd, x, st.y.get(), batch);
    EVSIM_KERNEL_CHECK();
  }

  // The product of every input, or the spikes scattered (the same sums: operator_kernels.cuh).
  void pointwise(const DeviceStage& s, const float* x, float* y, bool scatter) {
    const int ci = s.in / s.positions, co = s.out / s.positions, p = s.positions;
    (scatter ? launch_pointwise_scatter : launch_pointwise_product)(x, s.conv_w.get(), s.bias.get(), y, ci, co, p,
                                                                    batch, stream);
  }

  // Images are row-major rows x cols: column-major cols x rows matrices (X^T).
  void wavelet(const DeviceStage& s, StageState& st, const float* x) {
    const WaveletStage& w = s.wl;
    const int R = static_cast<int>(w.rows), C = static_cast<int>(w.cols), h2 = 2 * static_cast<int>(w.h),
              w2 = 2 * static_cast<int>(w.w);
    const int in_images = batch * static_cast<int>(w.ci), out_images = batch * static_cast<int>(w.co);
    const long long image = static_cast<long long>(R) * C, coeffs = static_cast<long long>(h2) * w2;
    const float one = 1.0f, zero = 0.0f;
    auto gemm = [&](int m, int n, int kk, const float* a, int lda, long long sa, const float* b, int ldb, long long sb,
                    const float* beta, float* c, int ldc, long long sc, int count) {
      EVSIM_CUBLAS_CHECK(cublasSgemmStridedBatched(blas, CUBLAS_OP_N, CUBLAS_OP_N, m, n, kk, &one, a, lda, sa, b, ldb,
                                                   sb, beta, c, ldc, sc, count));
    };
    gemm(w2, R, C, s.dc.get(), w2, 0, x, C, image, &zero, st.t1.get(), w2, static_cast<long long>(w2) * R, in_images);
    gemm(w2, h2, R, st.t1.get(), w2, static_cast<long long>(w2) * R, s.drt.get(), R, 0, &zero, st.ct.get(), w2, coeffs,
         in_images);
    launch_wavelet_mix(st.ct.get(), s.wa.get(), s.wd.get(), st.mt.get(), static_cast<int>(w.ci), static_cast<int>(w.co),
                       static_cast<int>(w.h), static_cast<int>(w.w), w.subtract, batch, stream);
    gemm(C, h2, w2, s.rc.get(), C, 0, st.mt.get(), w2, coeffs, &zero, st.t3.get(), C, static_cast<long long>(C) * h2,
         out_images);
    if (w.subtract)
      EVSIM_CUDA_CHECK(cudaMemcpyAsync(st.y.get(), x, st.y.size() * sizeof(float), cudaMemcpyDeviceToDevice, stream));
    gemm(C, R, h2, st.t3.get(), C, static_cast<long long>(C) * h2, s.rrt.get(), h2, 0, w.subtract ? &one : &zero,
         st.y.get(), C, image, out_images);
  }

  // The weightless operator nodes.
  void reshape(const DeviceStage& s, StageState& st, const float* x) {
    switch (s.kind) {
      case SnnNode::Kind::PadCrop:
        launch_pad_crop(x, st.y.get(), s.in_img, s.out_img, s.top, s.left, batch, stream);
        break;
      case SnnNode::Kind::Grid:
        launch_grid_channels(x, st.y.get(), s.in_img, batch, stream);
        break;
      case SnnNode::Kind::Normalize:
        launch_normalize(x, s.mean.get(), s.scale.get(), s.inverse, st.y.get(), s.out, batch, stream);
        break;
      case SnnNode::Kind::Activation:
        launch_activation(s.activation, x, st.y.get(), st.y.size(), stream);
        break;
      default:
        throw Error("cuda backend: node '" + s.name + "' has no GPU kernel");
    }
  }

  const float* output_of(int k, const float* graph_input) {
    return k < 0 ? graph_input : state[static_cast<size_t>(k)].y.get();
  }

  // The stage's input for this step: one edge's output as is, or the sum of all of them.
  const float* input_of(const DeviceStage& s, StageState& st, const float* graph_input) {
    // One edge: read its source directly (a recurrent one's source, later in the order, still
    // holds the previous step's output).
    if (s.inputs.size() + s.back.size() == 1) return output_of(s.inputs.empty() ? s.back[0] : s.inputs[0], graph_input);
    Summands in{};
    for (int src : s.inputs) in.p[in.count++] = output_of(src, graph_input);
    for (int src : s.back) in.p[in.count++] = output_of(src, graph_input);  // not yet updated: step t - 1
    const int n = s.in * batch;
    sum_kernel<<<blocks(n), 256, 0, stream>>>(in, st.sum.get(), n);
    EVSIM_KERNEL_CHECK();
    return st.sum.get();
  }

  CountSlot* slot(size_t k, int t) { return slots.get() + k * steps + t; }

  // The fused kernel (snn_fused.cuh) when the graph is small enough for one thread block per
  // group of samples: only projections, scales, identities and point neurons, no node fed by
  // itself, at most 2^20 multiply-adds per step and block, and the state of a block's samples
  // plus one step of input in shared memory. Samples are independent, so a batch is split over
  // blocks (on their own SMs) of a few samples each: a block's step then costs what a batch of 4
  // costs (measured on braille: 1.3 ms per 200 steps at batch 4, 3.9 ms at batch 64 in one
  // block, 156 ms at batch 256 where one block no longer fitted and a kernel ran per node).
  // Else false.
  bool plan_fused() {
    constexpr int64_t kTargetThreads = 128;
    constexpr int kMaxBlockBatch = 8;
    int64_t per_sample = 1;
    for (const DeviceStage& s : model->stages) per_sample = std::max<int64_t>({per_sample, s.in, s.out});
    int bb = static_cast<int>(std::clamp<int64_t>(kTargetThreads / per_sample, 1, kMaxBlockBatch));
    for (bb = std::min(bb, batch);; bb = (bb + 1) / 2) {
      if (plan_fused_for(bb)) return true;
      if (bb == 1) return false;
    }
  }

  bool plan_fused_for(int block_batch) {
    constexpr int64_t kMaxMacs = int64_t(1) << 20, kMaxThreads = 1024;
    constexpr int kMaxWindow = 512;
    std::vector<FusedStage> table;
    int64_t macs = 0, floats = 0, widest = 32, widest_input = 0;
    auto place = [&](int64_t n) {
      floats += n;
      return static_cast<int>(floats - n);
    };
    for (size_t k = 0; k < model->stages.size(); ++k) {
      const DeviceStage& s = stage(k);
      StageState& st = state[k];
      FusedStage f;
      switch (s.kind) {
        case SnnNode::Kind::Identity:
          f.op = static_cast<int>(FusedOp::Identity);
          break;
        case SnnNode::Kind::Projection:
          if (!s.w) return false;
          f.op = static_cast<int>(FusedOp::Projection);
          f.w = s.w->dense.get();
          f.bias = s.bias.size() ? s.bias.get() : nullptr;
          f.fanout = s.fanout.get();
          macs += static_cast<int64_t>(s.in) * s.out * block_batch;
          widest = std::max<int64_t>(widest, s.in);
          widest_input = std::max<int64_t>(widest_input, s.in);
          break;
        case SnnNode::Kind::Scale:
          f.op = static_cast<int>(FusedOp::Scale);
          f.scale = s.scale.get();
          break;
        case SnnNode::Kind::Neuron:
          f.op = static_cast<int>(FusedOp::Neuron);
          f.neuron = neuron_dev(s, st);
          break;
        default:
          return false;
      }
      f.in = s.in;
      f.out = s.out;
      for (int src : s.inputs) f.src[f.sources++] = src;
      for (int src : s.back) f.src[f.sources++] = src;
      for (int e = 0; e < f.sources; ++e)
        if (f.src[e] == static_cast<int>(k)) return false;
      const int64_t nb = static_cast<int64_t>(s.out) * block_batch;
      widest = std::max(widest, nb);
      f.y = place(nb);
      f.gy = st.y.get();
      if (f.sources > 1) f.sum = place(static_cast<int64_t>(s.in) * block_batch);
      for (auto [off, glob, buf] : {std::tuple{&f.v, &f.gv, &st.v},
                                    {&f.i, &f.gi, &st.i},
                                    {&f.i_inh, &f.gi_inh, &st.i_inh},
                                    {&f.left, &f.gleft, &st.left}})
        if (buf->size()) {
          *off = place(nb);
          *glob = buf->get();
        }
      table.push_back(f);
    }
    FusedLaunch l;
    l.count = static_cast<int>(table.size());
    l.batch = batch;
    l.block_batch = block_batch;
    l.steps = steps;
    l.inputs = model->inputs;
    l.output = model->output;
    l.input = input.get();
    l.out_seq = out_seq.get();
    l.skip_zero = mode == GpuMode::Distile;
    l.outputs = stage(static_cast<size_t>(model->output)).out;
    l.widest_input = static_cast<int>(widest_input + 1);
    l.threads = static_cast<int>(std::min(kMaxThreads, (widest + 31) / 32 * 32));
    l.state_floats = static_cast<int>(std::min<int64_t>(floats, 1 << 30));
    l.counted = true;  // room for the counters: the counted and the timed graph share the window
    if (macs > kMaxMacs || fused_shared_bytes(l) > kFusedSharedBytes) return false;
    while (l.window < std::min(steps, kMaxWindow)) {
      ++l.window;
      if (fused_shared_bytes(l) > kFusedSharedBytes) {
        --l.window;
        break;
      }
    }
    fused_table = DeviceBuffer<FusedStage>(table);
    l.stages = fused_table.get();
    fused = l;
    return true;
  }

  // The generated kernel (snn_codegen.hpp), compiled for this graph (cached per source); false
  // when the graph is not one it can run.
  bool plan_generated() {
    if (!model->gen) return false;
    GenGraph g = *model->gen;
    g.skip_zero = mode == GpuMode::Distile;
    std::vector<void*> table(g.stages.size() * kGenFields, nullptr);
    for (size_t k = 0; k < g.stages.size(); ++k) {
      const DeviceStage& s = stage(k);
      StageState& st = state[k];
      const void* arrays[kGenFields] = {s.w ? s.w->dense.get() : nullptr,
                                        s.bias.get(),
                                        s.scale.get(),
                                        s.fanout.get(),
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
                                        s.a_syn_inh.get(),
                                        s.w_in_inh.get(),
                                        s.r_inh.get(),
                                        s.e_exc.get(),
                                        s.e_inh.get(),
                                        s.ref_steps.get(),
                                        st.y.get(),
                                        st.v.get(),
                                        st.i.get(),
                                        st.i_inh.get(),
                                        st.left.get()};
      for (size_t f = 0; f < kGenFields; ++f) {
        if (!g.stages[k].has[f]) continue;
        if (!arrays[f]) return false;  // the host's view of the arrays and the engine's disagree
        table[k * kGenFields + f] = const_cast<void*>(arrays[f]);
      }
    }
    generated = GeneratedSnnKernel::get(generate_snn_source(g));
    gen_registers = register_weights(g);
    gen_table = DeviceBuffer<void*>(table);
    gen_args.input = input.get();
    gen_args.out_seq = out_seq.get();
    gen_args.table = gen_table.get();
    gen_args.batch = batch;
    gen_args.steps = steps;
    return true;
  }

  void record_sequence(bool counted) {
    if (generated) {
      GenArgs a = gen_args;
      a.slots = slots.get();
      generated->launch(a, counted, stream);
      return;
    }
    if (use_fused) {
      FusedLaunch l = fused;
      l.counted = counted;
      l.slots = slots.get();
      launch_fused(l, stream);
      return;
    }
    for (int t = 0; t < steps; ++t) {
      const float* graph_input = input.get() + static_cast<size_t>(t) * batch * model->inputs;
      for (size_t k = 0; k < model->stages.size(); ++k) {
        const DeviceStage& s = stage(k);
        StageState& st = state[k];
        const float* x = s.kind == SnnNode::Kind::Source ? nullptr : input_of(s, st, graph_input);
        const size_t bytes = st.y.size() * sizeof(float);
        switch (s.kind) {
          case SnnNode::Kind::Source:
            source(s, st, t);
            if (counted && s.poisson) count_inputs(st.y.get(), 0, 1, s.out, batch, nullptr, slot(k, t), stream);
            break;
          case SnnNode::Kind::UnitDelay:
            unit_delay(s, st, x, t);
            break;
          case SnnNode::Kind::Identity:
            EVSIM_CUDA_CHECK(cudaMemcpyAsync(st.y.get(), x, bytes, cudaMemcpyDeviceToDevice, stream));
            break;
          case SnnNode::Kind::Projection:
            if (!s.groups.empty()) {
              project_delayed(k, s, st, x, t, counted);
              break;
            }
            if (counted) count_inputs(x, 0, 1, s.in, batch, s.fanout.get(), slot(k, t), stream);
            project(s, st, x);
            break;
          case SnnNode::Kind::Scale:
            scale_kernel<<<blocks(static_cast<size_t>(s.out) * batch), 256, 0, stream>>>(x, s.scale.get(), st.y.get(),
                                                                                         s.out, batch);
            EVSIM_KERNEL_CHECK();
            break;
          case SnnNode::Kind::Neuron:
            neuron(s, st, x);
            if (counted) count_inputs(st.y.get(), 0, 1, s.out, batch, nullptr, slot(k, t), stream);
            break;
          case SnnNode::Kind::PointwiseConv:
            if (counted) count_inputs(x, 0, 1, s.in, batch, s.fanout.get(), slot(k, t), stream);
            pointwise(s, x, st.y.get(), st.scatter);
            break;
          case SnnNode::Kind::WaveletConv:
            if (counted) count_inputs(x, 0, 1, s.in, batch, nullptr, slot(k, t), stream);
            wavelet(s, st, x);
            break;
          default:
            reshape(s, st, x);
            break;
        }
      }
      EVSIM_CUDA_CHECK(cudaMemcpyAsync(
          out_seq.get() + static_cast<size_t>(t) * batch * outputs, state[static_cast<size_t>(model->output)].y.get(),
          static_cast<size_t>(batch) * outputs * sizeof(float), cudaMemcpyDeviceToDevice, stream));
    }
    if (clocked) advance_clock(clock.get(), steps, stream);
  }

  cudaGraphExec_t capture(bool counted) {
    cudaGraph_t graph;
    cudaGraphExec_t e;
    EVSIM_CUDA_CHECK(cudaStreamBeginCapture(stream, cudaStreamCaptureModeThreadLocal));
    if (counted) EVSIM_CUDA_CHECK(cudaMemsetAsync(slots.get(), 0, slots.size() * sizeof(CountSlot), stream));
    record_sequence(counted);
    EVSIM_CUDA_CHECK(cudaStreamEndCapture(stream, &graph));
    EVSIM_CUDA_CHECK(cudaGraphInstantiate(&e, graph, 0));
    cudaGraphDestroy(graph);
    return e;
  }

  // A pointwise convolution of spikes in cuda-distile: scatter or product, chosen by tune().
  bool may_scatter(const DeviceStage& s) const {
    return mode == GpuMode::Distile && s.kind == SnnNode::Kind::PointwiseConv && s.spiking_input;
  }

  // Seconds per call of f on the stream (CUDA events; the best of 3 rounds of 10 after a warm-up).
  double time_calls(const std::function<void()>& f) {
    cudaEvent_t a, b;
    EVSIM_CUDA_CHECK(cudaEventCreate(&a));
    EVSIM_CUDA_CHECK(cudaEventCreate(&b));
    f();
    float best = 1e30f;
    for (int round = 0; round < 3; ++round) {
      EVSIM_CUDA_CHECK(cudaEventRecord(a, stream));
      for (int k = 0; k < 10; ++k) f();
      EVSIM_CUDA_CHECK(cudaEventRecord(b, stream));
      EVSIM_CUDA_CHECK(cudaEventSynchronize(b));
      float ms = 0;
      EVSIM_CUDA_CHECK(cudaEventElapsedTime(&ms, a, b));
      best = std::min(best, ms);
    }
    cudaEventDestroy(a);
    cudaEventDestroy(b);
    return best * 1e-4;
  }

  // cuda-distile, after the first replay: each pointwise convolution of spikes keeps the
  // faster of the scatter and the product, timed on the spikes that replay left in its input (into
  // a scratch output: the state stays as the replay left it); the graphs are re-captured if a
  // choice changed. So the event path never runs a scatter that loses on this run's activity.
  void tune() {
    tuned = true;
    bool changed = false;
    DeviceBuffer<float> scratch;
    const float* last_input = input.get() + static_cast<size_t>(steps - 1) * batch * model->inputs;
    for (size_t k = 0; k < model->stages.size(); ++k) {
      const DeviceStage& s = stage(k);
      StageState& st = state[k];
      if (!may_scatter(s)) continue;
      const float* x = s.inputs.size() == 1 ? output_of(s.inputs[0], last_input) : st.sum.get();
      if (scratch.size() < st.y.size()) scratch = DeviceBuffer<float>(st.y.size());
      const double scatter_s = time_calls([&] { pointwise(s, x, scratch.get(), true); });
      const double product_s = time_calls([&] { pointwise(s, x, scratch.get(), false); });
      if ((scatter_s < product_s) != st.scatter) {
        st.scatter = !st.scatter;
        changed = true;
      }
      if (std::getenv("EVSIM_GPU_VERBOSE"))
        std::fprintf(stderr, "evsim: cuda-distile: %s: scatter %.2f us, product %.2f us: %s\n", s.name.c_str(),
                     scatter_s * 1e6, product_s * 1e6, st.scatter ? "scatter" : "product");
    }
    if (!changed) return;
    cudaGraphExecDestroy(exec);
    cudaGraphExecDestroy(counted_exec);
    exec = counted_exec = nullptr;
    exec = capture(false);
    counted_exec = capture(true);
  }

  // Weight bytes a projection's step reads, from the step's active columns (the slot's count).
  // The per-node path: DISTile's choice or cuBLAS. The fused kernel: each block the whole matrix
  // (cuda-dense) or the dense columns of its samples' active inputs (cuda-distile; the slot
  // then holds the sum of the blocks' active columns). The generated kernel's cached weights:
  // each warp (sample) the whole matrix, or the columns of its sample's non-zero inputs.
  std::function<double(unsigned)> projection_bytes(const DeviceStage& s) const {
    const DeviceWeights& w = *s.w;
    const double matrix = 4.0 * s.in * s.out, column = 4.0 * s.out;
    const bool dense = mode == GpuMode::Dense;
    if (generated) {
      const double samples = batch;
      return [=](unsigned active) { return dense ? samples * matrix : active * column; };
    }
    if (use_fused) {
      const double blocks = (batch + fused.block_batch - 1) / fused.block_batch;
      return [=](unsigned active) { return dense ? blocks * matrix : active * column; };
    }
    return [&w, dense](unsigned active) { return w.step_bytes(active, dense); };
  }

  // Bytes read: cuda-distile a value and a row index per synapse reached; cuda-dense every
  // delay's whole matrix at each step that delay has inputs for (the CPU's rule).
  PortCount delayed_counts(const DeviceStage& s, const CountSlot* at) const {
    PortCount p = sum_slots(at, steps, [](unsigned) { return 0.0; });
    if (mode == GpuMode::Distile) {
      p.bytes = (p.macs + p.acs) * (sizeof(float) + sizeof(uint32_t));
      return p;
    }
    p.bytes = 0;
    for (int t = 0; t < steps; ++t)
      for (const DelayGroupDevice& g : s.groups)
        if (replay_start + t - g.steps >= 0) p.bytes += static_cast<uint64_t>(s.in) * s.out * sizeof(float);
    return p;
  }

  // The past inputs of a delayed projection or a Delay node, and a delayed projection's
  // scratch: the mask of the sparse delivery, or one delay's inputs and product (cuda-dense,
  // which needs every delay's dense copy).
  void add_ring(const DeviceStage& s, StageState& st) {
    const double bytes = 4.0 * s.depth * static_cast<double>(s.in) * batch;
    constexpr double kMaxRingBytes = double(uint64_t(32) << 30);
    if (bytes > kMaxRingBytes)
      throw UsageError("cuda backend: node '" + s.name + "': its delays keep " + std::to_string(s.depth) +
                       " steps of " + std::to_string(s.in) + " inputs x batch " + std::to_string(batch) +
                       " (over 32 GiB); use a smaller batch or the CPU, which keeps only the events");
    st.ring = DeviceBuffer<float>(static_cast<size_t>(s.depth) * s.in * batch);
    if (s.groups.empty()) return;
    if (mode == GpuMode::Distile) {
      st.mask = DeviceBuffer<uint32_t>(static_cast<size_t>(s.in + 31) / 32);
      return;
    }
    for (const DelayGroupDevice& g : s.groups)
      if (!g.dense.size())
        throw UsageError("cuda backend: node '" + s.name +
                         "' keeps its delayed weights sparse (too large to form dense on the GPU): cuda-dense cannot "
                         "run it; use --mode event (cuda-distile) or the CPU");
    st.fetched = DeviceBuffer<float>(static_cast<size_t>(s.in) * batch);
    st.part = DeviceBuffer<float>(static_cast<size_t>(s.out) * batch);
  }

  // The reset's items: each state buffer once, zeroed or set to its initial values (outputs of
  // constant sources, v0 / i0: the same for every sample), and the clock.
  void plan_reset() {
    std::vector<ResetItem> items;
    auto add = [&](DeviceBuffer<float>& buf, const std::vector<float>* init) {
      if (!buf.size()) return;
      ResetItem it{buf.get(), nullptr, buf.size()};
      if (init && init->size()) {
        std::vector<float> all;
        for (int b = 0; b < batch; ++b) all.insert(all.end(), init->begin(), init->end());
        initial.emplace_back(all);
        it.src = initial.back().get();
      }
      items.push_back(it);
    };
    for (size_t k = 0; k < state.size(); ++k) {
      const DeviceStage& s = stage(k);
      StageState& st = state[k];
      add(st.y, s.constant.empty() ? nullptr : &s.constant);
      add(st.v, &s.v0);
      add(st.i, &s.i0);
      add(st.i_inh, &s.i0_inh);
      add(st.left, nullptr);
      add(st.ring, nullptr);
    }
    items.push_back({reinterpret_cast<float*>(clock.get()), nullptr, sizeof(long long) / sizeof(float)});
    for (const ResetItem& it : items) reset_largest = std::max(reset_largest, it.n);
    reset_items = DeviceBuffer<ResetItem>(items);
  }

  // Outputs of every stage (recurrent inputs at the first step) and neuron states.
  void reset_state() {
    reset_buffers(reset_items.get(), static_cast<int>(reset_items.size()), reset_largest, stream);
    host_clock = replay_start = 0;
  }

  // Staging in page-locked memory where the run's transfers are small enough.
  void plan_staging() {
    auto fits = [](size_t n, size_t size) { return n * size <= kPinnedBytes; };
    if (fits(input.size(), sizeof(float))) input_host = make_pinned<float>(input.size());
    if (fits(out_seq.size(), sizeof(float))) out_host = make_pinned<float>(out_seq.size());
    if (fits(slots.size(), sizeof(CountSlot))) slots_host = make_pinned<CountSlot>(slots.size());
    for (cudaEvent_t* e : {&began, &ended, &input_copied}) EVSIM_CUDA_CHECK(cudaEventCreate(e));
  }

  // `from` on the host: through its staging buffer (already queued by a counted replay), else a
  // pageable copy.
  template <typename T>
  const T* download(const DeviceBuffer<T>& from, const PinnedBuffer<T>& staging, std::vector<T>& fallback) {
    if (!staging) {
      EVSIM_CUDA_CHECK(cudaStreamSynchronize(stream));
      fallback = from.download();
      return fallback.data();
    }
    if (!staged)
      EVSIM_CUDA_CHECK(
          cudaMemcpyAsync(staging.get(), from.get(), from.size() * sizeof(T), cudaMemcpyDeviceToHost, stream));
    EVSIM_CUDA_CHECK(cudaStreamSynchronize(stream));
    return staging.get();
  }
};

SnnEngine::SnnEngine(const SnnParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile,
                     SnnPath path)
    : SnnEngine(upload_snn(p, profile), mode, batch, steps, path) {}

SnnEngine::SnnEngine(std::shared_ptr<const SnnDeviceModel> model, GpuMode mode, int64_t batch, int64_t steps,
                     SnnPath path)
    : impl_(new Impl) {
  Impl& m = *impl_;
  if (batch < 1 || steps < 1) throw Error("cuda backend: a run needs at least one step and one sample");
  m.model = std::move(model);
  m.mode = mode;
  m.plan = plan_for(m.model->profile);
  m.batch = static_cast<int>(batch);
  m.steps = static_cast<int>(steps);
  EVSIM_CUBLAS_CHECK(cublasCreate(&m.blas));
  EVSIM_CUBLAS_CHECK(cublasSetMathMode(m.blas, CUBLAS_PEDANTIC_MATH));
  EVSIM_CUDA_CHECK(cudaStreamCreateWithFlags(&m.stream, cudaStreamNonBlocking));
  EVSIM_CUBLAS_CHECK(cublasSetStream(m.blas, m.stream));
  m.blas_workspace = DeviceBuffer<char>(size_t(32) << 20);
  EVSIM_CUBLAS_CHECK(cublasSetWorkspace(m.blas, m.blas_workspace.get(), m.blas_workspace.size()));
  for (const DeviceStage& s : m.model->stages) {
    StageState st;
    const size_t nb = static_cast<size_t>(s.out) * m.batch;
    st.y = DeviceBuffer<float>(nb);
    if (s.inputs.size() + s.back.size() > 1) st.sum = DeviceBuffer<float>(static_cast<size_t>(s.in) * m.batch);
    if (!s.groups.empty() || s.kind == SnnNode::Kind::UnitDelay) m.add_ring(s, st);
    m.clocked |= s.depth > 0 || s.poisson;
    if (s.kind == SnnNode::Kind::Projection && s.groups.empty() && !s.w && !m.sparse_path(s))
      throw UsageError("cuda backend: node '" + s.name + "' keeps its " + std::to_string(s.out) + " x " +
                       std::to_string(s.in) +
                       " weights sparse (too large to form dense on the GPU): cuda-dense cannot run it; use --mode "
                       "event (cuda-distile) or the CPU");
    if (s.kind == SnnNode::Kind::Projection && m.sparse_path(s))
      st.mask = DeviceBuffer<uint32_t>(static_cast<size_t>(s.in + 31) / 32);
    if (s.kind == SnnNode::Kind::Neuron) {
      st.v = DeviceBuffer<float>(nb);
      st.i = DeviceBuffer<float>(nb);
      if (s.a_syn_inh.size()) st.i_inh = DeviceBuffer<float>(nb);
      if (s.ref_steps.size()) st.left = DeviceBuffer<float>(nb);
    }
    if (s.kind == SnnNode::Kind::WaveletConv) {
      const WaveletStage& w = s.wl;
      const auto in_images = static_cast<size_t>(m.batch * w.ci), out_images = static_cast<size_t>(m.batch * w.co);
      st.t1 = DeviceBuffer<float>(in_images * static_cast<size_t>(2 * w.w * w.rows));
      st.ct = DeviceBuffer<float>(in_images * static_cast<size_t>(4 * w.h * w.w));
      st.mt = DeviceBuffer<float>(out_images * static_cast<size_t>(4 * w.h * w.w));
      st.t3 = DeviceBuffer<float>(out_images * static_cast<size_t>(2 * w.h * w.cols));
    }
    // Optimistic until measured (tune()): the spikes scattered.
    st.scatter = m.may_scatter(s);
    m.state.push_back(std::move(st));
  }
  m.outputs = m.model->stages[static_cast<size_t>(m.model->output)].out;
  m.input = DeviceBuffer<float>(static_cast<size_t>(m.steps) * m.batch * m.model->inputs);
  m.out_seq = DeviceBuffer<float>(static_cast<size_t>(m.steps) * m.batch * m.outputs);
  m.slots = DeviceBuffer<CountSlot>(m.model->stages.size() * m.steps);
  if (const char* env = std::getenv("EVSIM_SNN_PATH"); env && path == SnnPath::Auto) {
    const std::string e = env;
    path = e == "launches"    ? SnnPath::Launches
           : e == "fused"     ? SnnPath::Fused
           : e == "generated" ? SnnPath::Generated
                              : SnnPath::Auto;
  }
  // Auto: the kernel generated for the graph where it can run one (the fastest path for small
  // graphs, docs/measurements.md), else the fused interpreter, else a kernel per node.
  const bool generated = (path == SnnPath::Generated || path == SnnPath::Auto) && m.plan_generated();
  if (path == SnnPath::Generated && !generated)
    throw Error("cuda backend: the graph is too large (or has a node) for a generated kernel");
  m.use_fused = !m.generated && path != SnnPath::Launches && m.plan_fused();
  if (path == SnnPath::Fused && !m.use_fused)
    throw Error("cuda backend: the graph is too large (or has a node) for the fused kernel");
  m.exec = m.capture(false);
  m.counted_exec = m.capture(true);
  m.plan_staging();
  m.plan_reset();
  m.reset_state();
}

SnnEngine::~SnnEngine() {
  if (impl_->exec) cudaGraphExecDestroy(impl_->exec);
  if (impl_->counted_exec) cudaGraphExecDestroy(impl_->counted_exec);
  if (impl_->blas) cublasDestroy(impl_->blas);
  if (impl_->stream) cudaStreamDestroy(impl_->stream);
  for (cudaEvent_t e : {impl_->began, impl_->ended, impl_->input_copied})
    if (e) cudaEventDestroy(e);
}

int64_t SnnEngine::steps() const { return impl_->steps; }
bool SnnEngine::fused() const { return impl_->use_fused; }
bool SnnEngine::generated() const { return impl_->generated != nullptr; }
const char* SnnEngine::path_name() const {
  return generated() ? "generated kernel" : fused() ? "fused kernel" : "a kernel per node";
}
int64_t SnnEngine::batch() const { return impl_->batch; }

void SnnEngine::set_input(const Sequence& x) {
  Impl& m = *impl_;
  check_input_shape(x, m.steps, m.batch, m.model->inputs);
  if (!m.input_host) {
    EVSIM_CUDA_CHECK(cudaStreamSynchronize(m.stream));
    m.input.upload(x.data);
    return;
  }
  EVSIM_CUDA_CHECK(cudaEventSynchronize(m.input_copied));  // the staging buffer's last copy is done
  std::copy(x.data.begin(), x.data.end(), m.input_host.get());
  EVSIM_CUDA_CHECK(cudaMemcpyAsync(m.input.get(), m.input_host.get(), m.input.size() * sizeof(float),
                                   cudaMemcpyHostToDevice, m.stream));
  EVSIM_CUDA_CHECK(cudaEventRecord(m.input_copied, m.stream));
}

double SnnEngine::replay(bool counted) {
  Impl& m = *impl_;
  m.replay_start = m.host_clock;
  m.host_clock += m.steps;
  EVSIM_CUDA_CHECK(cudaEventRecord(m.began, m.stream));
  EVSIM_CUDA_CHECK(cudaGraphLaunch(counted ? m.counted_exec : m.exec, m.stream));
  EVSIM_CUDA_CHECK(cudaEventRecord(m.ended, m.stream));
  // A counted replay's outputs and counts are read next (CudaRunner): their copies queue behind
  // the replay, outside the timed span, and counts() / output() only wait for them.
  m.staged = counted && m.out_host && m.slots_host;
  if (m.staged) {
    EVSIM_CUDA_CHECK(cudaMemcpyAsync(m.out_host.get(), m.out_seq.get(), m.out_seq.size() * sizeof(float),
                                     cudaMemcpyDeviceToHost, m.stream));
    EVSIM_CUDA_CHECK(cudaMemcpyAsync(m.slots_host.get(), m.slots.get(), m.slots.size() * sizeof(CountSlot),
                                     cudaMemcpyDeviceToHost, m.stream));
  }
  EVSIM_CUDA_CHECK(cudaEventSynchronize(m.ended));
  float ms = 0;
  EVSIM_CUDA_CHECK(cudaEventElapsedTime(&ms, m.began, m.ended));
  if (!m.tuned) m.tune();
  return ms * 1e-3;
}

void SnnEngine::reset_state() { impl_->reset_state(); }

void SnnEngine::copy_state_from(const SnnEngine& other) {
  Impl &m = *impl_, &o = *other.impl_;
  if (m.model != o.model || m.batch != o.batch)
    throw Error("cuda backend: engines of different shapes cannot share state");
  // (The copies below run on the legacy stream: the engines' streams are non-blocking.)
  EVSIM_CUDA_CHECK(cudaStreamSynchronize(m.stream));
  EVSIM_CUDA_CHECK(cudaStreamSynchronize(o.stream));
  for (size_t k = 0; k < m.state.size(); ++k)
    for (auto [a, b] : {std::pair{&m.state[k].y, &o.state[k].y},
                        {&m.state[k].v, &o.state[k].v},
                        {&m.state[k].i, &o.state[k].i},
                        {&m.state[k].i_inh, &o.state[k].i_inh},
                        {&m.state[k].left, &o.state[k].left},
                        {&m.state[k].ring, &o.state[k].ring}})
      if (a->size())
        EVSIM_CUDA_CHECK(cudaMemcpy(a->get(), b->get(), a->size() * sizeof(float), cudaMemcpyDeviceToDevice));
  EVSIM_CUDA_CHECK(cudaMemcpy(m.clock.get(), o.clock.get(), sizeof(long long), cudaMemcpyDeviceToDevice));
  m.host_clock = o.host_clock;
}

SnnCounts SnnEngine::counts() const {
  Impl& m = *impl_;
  std::vector<CountSlot> pageable;
  const CountSlot* host = m.download(m.slots, m.slots_host, pageable);
  SnnCounts c;
  for (size_t k = 0; k < m.model->stages.size(); ++k) {
    const DeviceStage& s = m.stage(k);
    const CountSlot* at = host + k * m.steps;
    if (s.kind == SnnNode::Kind::Projection && !s.groups.empty()) {
      c.stages.push_back(m.delayed_counts(s, at));
      c.events.push_back(0);
    } else if (s.kind == SnnNode::Kind::Projection && m.sparse_path(s)) {  // a value and a row index per weight read
      PortCount p = sum_slots(at, m.steps, [](unsigned) { return 0.0; });
      p.bytes = (p.macs + p.acs) * (sizeof(float) + sizeof(uint32_t));
      c.stages.push_back(p);
      c.events.push_back(0);
    } else if (s.kind == SnnNode::Kind::Projection && m.generated && m.gen_registers[k]) {
      // The generated kernel holds these weights in registers: each warp (sample) loads the
      // matrix once per chunk, then reads no weight bytes a step.
      PortCount p = sum_slots(at, m.steps, [](unsigned) { return 0.0; });
      p.bytes =
          static_cast<uint64_t>(s.in) * static_cast<uint64_t>(s.out) * sizeof(float) * static_cast<uint64_t>(m.batch);
      c.stages.push_back(p);
      c.events.push_back(0);
    } else if (s.kind == SnnNode::Kind::Projection) {
      c.stages.push_back(sum_slots(at, m.steps, m.projection_bytes(s)));
      c.events.push_back(0);
    } else if (s.kind == SnnNode::Kind::PointwiseConv) {  // every path reads the whole (small) matrix
      const double bytes = static_cast<double>(s.conv_w.size() * sizeof(float));
      c.stages.push_back(sum_slots(at, m.steps, [bytes](unsigned) { return bytes; }));
      c.events.push_back(0);
    } else if (s.kind == SnnNode::Kind::WaveletConv) {  // the non-zero inputs it cannot skip
      c.stages.push_back({});
      c.events.push_back(sum_slots(at, m.steps, [](unsigned) { return 0.0; }).nonzero);
    } else {
      c.stages.push_back({});
      const bool spikes = s.kind == SnnNode::Kind::Neuron || s.poisson;
      c.events.push_back(spikes ? sum_slots(at, m.steps, [](unsigned) { return 0.0; }).nonzero : 0);
    }
  }
  return c;
}

Sequence SnnEngine::output() const {
  Impl& m = *impl_;
  Sequence s(m.steps, m.batch, m.outputs);
  std::vector<float> pageable;
  const float* host = m.download(m.out_seq, m.out_host, pageable);
  std::copy(host, host + s.data.size(), s.data.begin());
  return s;
}

SnnRun SnnEngine::run(const Sequence& input, int timing_repeats) {
  set_input(input);
  SnnRun r;
  reset_state();
  const double t = replay(true);
  r.counts = counts();
  r.output = output();
  if (timing_repeats == 0) r.replay_s.push_back(t);
  for (int k = 0; k < timing_repeats; ++k) {
    reset_state();
    r.replay_s.push_back(replay(false));
  }
  return r;
}

}  // namespace evsim::cuda
