#include <algorithm>
#include <vector>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/device_buffer.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/egru_engine.hpp"

namespace evsim::cuda {
namespace {

constexpr int kSplits = 16;

// Projection results arrive as `splits` partial sums (DISTile) or one plain sum (cuBLAS).
struct Partials {
  const float* p;
  int splits;
  size_t stride;  // elements between splits
};

__device__ __forceinline__ float sum_partials(const Partials& q, size_t i) {
  float s = 0.0f;
  for (int k = 0; k < q.splits; ++k) s += q.p[k * q.stride + i];
  return s;
}

// EGRU cell for every (unit, sample); counts events with warp ballots.
__global__ void egru_cell_kernel(Partials gi, Partials gh, const float* __restrict__ b_ih,
                                 const float* __restrict__ b_hh, const float* __restrict__ theta, float* __restrict__ c,
                                 float* __restrict__ y, unsigned long long* __restrict__ events, int h, int batch) {
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  const bool valid = idx < h * batch;
  const int i = valid ? idx % h : 0, b = valid ? idx / h : 0;
  const int rows = 3 * h;
  float out = 0.0f;
  if (valid) {
    const size_t base = static_cast<size_t>(b) * rows;
    const float ar = sum_partials(gi, base + i) + b_ih[i], hr = sum_partials(gh, base + i) + b_hh[i];
    const float az = sum_partials(gi, base + h + i) + b_ih[h + i], hz = sum_partials(gh, base + h + i) + b_hh[h + i];
    const float an = sum_partials(gi, base + 2 * h + i) + b_ih[2 * h + i];
    const float hn = sum_partials(gh, base + 2 * h + i) + b_hh[2 * h + i];
    const float r = 1.0f / (1.0f + expf(-(ar + hr)));
    const float z = 1.0f / (1.0f + expf(-(az + hz)));
    const float n = tanhf(an + r * hn);
    const float c_hat = z * c[idx] + (1.0f - z) * n;
    const bool fire = c_hat > theta[i];
    out = fire ? c_hat : 0.0f;
    c[idx] = fire ? c_hat - theta[i] : c_hat;
    y[idx] = out;
  }
  const unsigned ballot = __ballot_sync(0xffffffffu, out != 0.0f);
  if ((threadIdx.x & 31) == 0 && ballot) atomicAdd(events, static_cast<unsigned long long>(__popc(ballot)));
}

std::vector<float> col_major(const Matrix& m) { return std::vector<float>(m.data(), m.data() + m.size()); }
std::vector<float> vec(const Vector& v) { return std::vector<float>(v.data(), v.data() + v.size()); }

struct Layer {
  int in = 0, h = 0;
  DeviceBuffer<float> w_ih, w_hh, b_ih, b_hh, theta, c, ys;  // ys: (T + 1) slots of H x B, slot 0 = zeros
  DeviceBuffer<float> gi, gh, part_ih, part_hh;
};

}  // namespace

struct EgruEngine::Impl {
  GpuMode mode;
  int batch, steps, inputs, outputs;
  std::vector<Layer> layers;
  DeviceBuffer<float> input, gi0, readout_w, out;
  Vector readout_b;
  DeviceBuffer<unsigned long long> events;
  cublasHandle_t blas = nullptr;
  cudaStream_t stream = nullptr;
  cudaGraphExec_t exec = nullptr;

  float* y_slot(Layer& l, int t) { return l.ys.get() + static_cast<size_t>(t) * l.h * batch; }

  void gemm(const float* w, int m, int k, const float* x, float* y, int n) {
    const float one = 1.0f, zero = 0.0f;
    if (n == 1)
      EVSIM_CUBLAS_CHECK(cublasSgemv(blas, CUBLAS_OP_N, m, k, &one, w, m, x, 1, &zero, y, 1));
    else
      EVSIM_CUBLAS_CHECK(cublasSgemm(blas, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, w, m, x, k, &zero, y, m));
  }

  // W x for layer input x at slot `t` of `src` (events of layer src at step t - 1 + ...).
  Partials project(Layer& l, const float* w, int k, Layer* src, int slot, DeviceBuffer<float>& dense_out,
                   DeviceBuffer<float>& partials) {
    const float* x = src ? y_slot(*src, slot) : nullptr;
    if (mode == GpuMode::Dense) {
      gemm(w, 3 * l.h, k, x, dense_out.get(), batch);
      return {dense_out.get(), 1, 0};
    }
    DistileShape s{3 * l.h, k, batch, 1, kSplits};
    distile_fused(w, x, s, partials.get(), stream);
    return {partials.get(), kSplits, static_cast<size_t>(3 * l.h) * batch};
  }

  void record_sequence() {
    for (auto& l : layers) {
      EVSIM_CUDA_CHECK(cudaMemsetAsync(l.c.get(), 0, l.c.size() * sizeof(float), stream));
      EVSIM_CUDA_CHECK(cudaMemsetAsync(l.ys.get(), 0, l.ys.size() * sizeof(float), stream));
    }
    EVSIM_CUDA_CHECK(cudaMemsetAsync(events.get(), 0, events.size() * sizeof(unsigned long long), stream));
    // Layer 1's input is dense: one GEMM for all steps, in both modes.
    Layer& first = layers[0];
    gemm(first.w_ih.get(), 3 * first.h, inputs, input.get(), gi0.get(), steps * batch);
    for (int t = 0; t < steps; ++t) {
      for (size_t li = 0; li < layers.size(); ++li) {
        Layer& l = layers[li];
        Partials gi = li == 0 ? Partials{gi0.get() + static_cast<size_t>(t) * 3 * l.h * batch, 1, 0}
                              : project(l, l.w_ih.get(), l.in, &layers[li - 1], t + 1, l.gi, l.part_ih);
        Partials gh = project(l, l.w_hh.get(), l.h, &l, t, l.gh, l.part_hh);
        const int n = l.h * batch, threads = 256;
        egru_cell_kernel<<<(n + threads - 1) / threads, threads, 0, stream>>>(
            gi, gh, l.b_ih.get(), l.b_hh.get(), l.theta.get(), l.c.get(), y_slot(l, t + 1), events.get() + li, l.h,
            batch);
        EVSIM_KERNEL_CHECK();
      }
    }
    if (readout_w.size()) {
      Layer& last = layers.back();
      gemm(readout_w.get(), outputs, last.h, y_slot(last, 1), out.get(), steps * batch);
    }
  }
};

EgruEngine::EgruEngine(const EgruStackParams& p, GpuMode mode, int64_t batch, int64_t steps) : impl_(new Impl) {
  Impl& m = *impl_;
  m.mode = mode;
  m.batch = static_cast<int>(batch);
  m.steps = static_cast<int>(steps);
  m.inputs = static_cast<int>(p.layers.front().inputs);
  EVSIM_CUBLAS_CHECK(cublasCreate(&m.blas));
  EVSIM_CUBLAS_CHECK(cublasSetMathMode(m.blas, CUBLAS_PEDANTIC_MATH));  // float32, no TF32
  EVSIM_CUDA_CHECK(cudaStreamCreateWithFlags(&m.stream, cudaStreamNonBlocking));
  EVSIM_CUBLAS_CHECK(cublasSetStream(m.blas, m.stream));
  for (const auto& lp : p.layers) {
    Layer l;
    l.in = static_cast<int>(lp.inputs);
    l.h = static_cast<int>(lp.hidden);
    if ((3 * l.h) % 4) throw Error("cuda backend: 3 x hidden must be a multiple of 4");
    const size_t hb = static_cast<size_t>(l.h) * m.batch;
    l.w_ih = DeviceBuffer<float>(col_major(lp.w_ih));
    l.w_hh = DeviceBuffer<float>(col_major(lp.w_hh));
    l.b_ih = DeviceBuffer<float>(vec(lp.b_ih));
    l.b_hh = DeviceBuffer<float>(vec(lp.b_hh));
    l.theta = DeviceBuffer<float>(vec(lp.theta));
    l.c = DeviceBuffer<float>(hb);
    l.ys = DeviceBuffer<float>((m.steps + 1) * hb);
    l.gi = DeviceBuffer<float>(3 * hb);
    l.gh = DeviceBuffer<float>(3 * hb);
    l.part_ih = DeviceBuffer<float>(kSplits * 3 * hb);
    l.part_hh = DeviceBuffer<float>(kSplits * 3 * hb);
    m.layers.push_back(std::move(l));
  }
  m.input = DeviceBuffer<float>(static_cast<size_t>(m.steps) * m.batch * m.inputs);
  m.gi0 = DeviceBuffer<float>(static_cast<size_t>(m.steps) * m.batch * 3 * m.layers[0].h);
  m.events = DeviceBuffer<unsigned long long>(m.layers.size());
  m.outputs = p.readout_w.size() ? static_cast<int>(p.readout_w.rows()) : m.layers.back().h;
  if (p.readout_w.size()) {
    m.readout_w = DeviceBuffer<float>(col_major(p.readout_w));
    m.readout_b = p.readout_b;
    m.out = DeviceBuffer<float>(static_cast<size_t>(m.steps) * m.batch * m.outputs);
  }
  cudaGraph_t graph;
  EVSIM_CUDA_CHECK(cudaStreamBeginCapture(m.stream, cudaStreamCaptureModeThreadLocal));
  m.record_sequence();
  EVSIM_CUDA_CHECK(cudaStreamEndCapture(m.stream, &graph));
  EVSIM_CUDA_CHECK(cudaGraphInstantiate(&m.exec, graph, 0));
  cudaGraphDestroy(graph);
}

EgruEngine::~EgruEngine() {
  if (impl_->exec) cudaGraphExecDestroy(impl_->exec);
  if (impl_->blas) cublasDestroy(impl_->blas);
  if (impl_->stream) cudaStreamDestroy(impl_->stream);
}

GpuRunResult EgruEngine::run(const Sequence& input, int timing_repeats) {
  Impl& m = *impl_;
  if (input.steps != m.steps || input.batch != m.batch || input.width != m.inputs)
    throw InputError("cuda backend: input shape does not match the planned engine");
  m.input.upload(input.data);
  cudaEvent_t a, b;
  EVSIM_CUDA_CHECK(cudaEventCreate(&a));
  EVSIM_CUDA_CHECK(cudaEventCreate(&b));
  std::vector<double> times;
  for (int r = 0; r <= timing_repeats; ++r) {
    EVSIM_CUDA_CHECK(cudaEventRecord(a, m.stream));
    EVSIM_CUDA_CHECK(cudaGraphLaunch(m.exec, m.stream));
    EVSIM_CUDA_CHECK(cudaEventRecord(b, m.stream));
    EVSIM_CUDA_CHECK(cudaEventSynchronize(b));
    float ms = 0;
    EVSIM_CUDA_CHECK(cudaEventElapsedTime(&ms, a, b));
    if (r > 0 || timing_repeats == 0) times.push_back(ms * 1e-3 / m.steps);  // replay 0 is the warm-up
  }
  cudaEventDestroy(a);
  cudaEventDestroy(b);
  std::nth_element(times.begin(), times.begin() + static_cast<long>(times.size() / 2), times.end());
  GpuRunResult res;
  res.seconds_per_step = times[times.size() / 2];
  res.output = Sequence(m.steps, m.batch, m.outputs);
  if (m.readout_w.size()) {
    res.output.data = m.out.download();
    for (size_t k = 0; k < res.output.data.size(); ++k)
      res.output.data[k] += m.readout_b[static_cast<long>(k % m.outputs)];
  } else {
    const auto ys = m.layers.back().ys.download();
    std::copy(ys.begin() + static_cast<long>(m.outputs) * m.batch, ys.end(), res.output.data.begin());
  }
  const auto ev = m.events.download();
  res.events.assign(ev.begin(), ev.end());
  for (const auto& l : m.layers) res.unit_steps.push_back(static_cast<uint64_t>(l.h) * m.batch * m.steps);
  return res;
}

}  // namespace evsim::cuda
