#include <algorithm>
#include <map>
#include <memory>
#include <utility>
#include <vector>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/device_buffer.hpp"
#include "backends/cuda/device_weights.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/egru_engine.hpp"
#include "backends/cuda/graph_timer.hpp"
#include "backends/cuda/op_count.hpp"
#include "backends/cuda/ordered_sums.cuh"
#include "backends/cuda/pdl.cuh"
#include "neurons/egru_update.hpp"

namespace evsim::cuda {
namespace {

// Layers advance as a wavefront: in phase p, layer l computes step t = p - l. Its inputs
// (its own events of step t - 1, the layer below's of step t) were both produced in phase
// p - 1, so all layers of a phase are independent: one projection launch and one cell
// launch per phase, whatever the depth.
constexpr int kMaxCellLayers = 8;

struct CellLayer {
  const float* gi;  // 3H x B gate inputs (W_ih x), sample b at b * 3H
  const float* gh;  // 3H x B recurrent gate inputs (W_hh y)
  float* zero_gi;   // accumulators to clear after reading (DISTile adds into them), or null
  float* zero_gh;
  const float *b_ih, *b_hh, *theta;
  float *c, *y;
  uint32_t* mask;  // this step's event bitmask (union over the batch), for the next projections,
                   // followed by its count of set bits (DistileProblem::count) and the list of
                   // the units that fired, compacted in any order (DistileProblem::list)
  int h;
};

struct CellSet {
  CellLayer l[kMaxCellLayers];
};

// The count of set bits the cell kernel keeps behind a step's bitmask, and the list behind it.
__device__ __forceinline__ unsigned* event_count(const CellLayer& L) { return L.mask + (L.h + 31) / 32; }
__device__ __forceinline__ int* event_list(const CellLayer& L) {
  return reinterpret_cast<int*>(L.mask + (L.h + 31) / 32 + 1);
}

__global__ void egru_cell_kernel(const CellSet set, int batch) {
  pdl_trigger();
  pdl_wait();
  const CellLayer& L = set.l[blockIdx.y];
  const int h = L.h, rows = 3 * h;
  const int idx = blockIdx.x * blockDim.x + threadIdx.x;
  const bool valid = idx < h * batch;
  const int i = valid ? idx % h : 0, b = valid ? idx / h : 0;
  float out = 0.0f;
  bool newly_set = false;
  if (valid) {
    const size_t base = static_cast<size_t>(b) * rows;
    const size_t ir = base + i, iz = base + h + i, in = base + 2 * h + i;
    const float ar = L.gi[ir] + L.b_ih[i], hr = L.gh[ir] + L.b_hh[i];
    const float az = L.gi[iz] + L.b_ih[h + i], hz = L.gh[iz] + L.b_hh[h + i];
    const float an = L.gi[in] + L.b_ih[2 * h + i], hn = L.gh[in] + L.b_hh[2 * h + i];
    if (L.zero_gi) L.zero_gi[ir] = L.zero_gi[iz] = L.zero_gi[in] = 0.0f;
    if (L.zero_gh) L.zero_gh[ir] = L.zero_gh[iz] = L.zero_gh[in] = 0.0f;
    const EgruUnit u = egru_update(ar, hr, az, hz, an, hn, L.c[idx], L.theta[i]);
    out = u.y;
    L.c[idx] = u.c;
    L.y[idx] = out;
    if (out != 0.0f) {
      const uint32_t bit = 1u << (i & 31);
      if (batch == 1) {  // every event sets a new bit: no returned value to wait for
        atomicOr(L.mask + (i >> 5), bit);
        newly_set = true;
      } else {  // a unit may fire in several samples: count it once, where its bit is new
        newly_set = !(atomicOr(L.mask + (i >> 5), bit) & bit);
      }
    }
  }
  // The units that fired, compacted for DISTile: a warp reserves room for its new units in
  // the step's list with one atomic on the count and writes them there. The count also
  // drives DISTile's stream-or-gather choice (one read, not a pass over the bitmask).
  const unsigned fresh = __ballot_sync(0xffffffffu, newly_set);
  if (fresh) {
    const int lane = threadIdx.x & 31;
    unsigned at = 0;
    if (lane == 0) at = atomicAdd(event_count(L), static_cast<unsigned>(__popc(fresh)));
    at = __shfl_sync(0xffffffffu, at, 0);
    if (newly_set) event_list(L)[at + __popc(fresh & ((1u << lane) - 1u))] = i;
  }
}

// Token ids -> embedding columns: out (n tokens x e) from the table (e x vocab, column-major).
__global__ void embed_kernel(const float* __restrict__ table, int e, const int* __restrict__ ids, int n,
                             float* __restrict__ out) {
  const size_t idx = static_cast<size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (idx >= static_cast<size_t>(n) * e) return;
  const size_t tok = idx / e, k = idx % e;
  out[idx] = table[static_cast<size_t>(ids[tok]) * e + k];
}

// y (n x columns) += bias per row, in float as the CPU's Affine.
__global__ void add_bias_kernel(float* __restrict__ y, const float* __restrict__ bias, int n, size_t total) {
  const size_t idx = static_cast<size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (idx < total) y[idx] = __fadd_rn(y[idx], bias[idx % n]);
}

// -log softmax(logits[:, c])[target[c]] per column c, in double as the CPU (core/log_softmax).
constexpr int kNllThreads = 256;
__global__ void nll_kernel(const float* __restrict__ logits, int vocab, const int* __restrict__ targets,
                           double* __restrict__ nll) {
  __shared__ float smax[kNllThreads];
  __shared__ double ssum[kNllThreads];
  const float* z = logits + static_cast<size_t>(blockIdx.x) * vocab;
  float mx = -INFINITY;
  for (int v = threadIdx.x; v < vocab; v += blockDim.x) mx = fmaxf(mx, z[v]);
  smax[threadIdx.x] = mx;
  __syncthreads();
  for (int s = blockDim.x / 2; s > 0; s /= 2) {
    if (threadIdx.x < s) smax[threadIdx.x] = fmaxf(smax[threadIdx.x], smax[threadIdx.x + s]);
    __syncthreads();
  }
  const double m = smax[0];
  double sum = 0.0;
  for (int v = threadIdx.x; v < vocab; v += blockDim.x) sum += exp(static_cast<double>(z[v]) - m);
  ssum[threadIdx.x] = sum;
  __syncthreads();
  for (int s = blockDim.x / 2; s > 0; s /= 2) {
    if (threadIdx.x < s) ssum[threadIdx.x] += ssum[threadIdx.x + s];
    __syncthreads();
  }
  // log(sum) - (z_t - max): as the CPU (core/log_softmax.cpp), exact for huge logits.
  if (threadIdx.x == 0) nll[blockIdx.x] = log(ssum[0]) - (static_cast<double>(z[targets[blockIdx.x]]) - m);
}

unsigned blocks_for(size_t n, int threads) { return static_cast<unsigned>((n + threads - 1) / threads); }

std::vector<float> col_major(const Matrix& m) { return std::vector<float>(m.data(), m.data() + m.size()); }
std::vector<float> vec(const Vector& v) { return std::vector<float>(v.data(), v.data() + v.size()); }

}  // namespace

struct DeviceLayer {
  int in = 0, h = 0;
  std::unique_ptr<DeviceWeights> w_ih, w_hh;
  DeviceBuffer<float> b_ih, b_hh, theta;
  DeviceBuffer<uint32_t> fanout_ih, fanout_hh;
};

struct EgruDeviceModel {
  GpuProfile profile;
  int inputs = 0, outputs = 0, embed = 0, vocab = 0;
  std::vector<DeviceLayer> layers;
  DeviceBuffer<float> embedding;  // embed x vocab, column-major
  DeviceBuffer<float> readout_w, readout_b;
  DeviceBuffer<uint32_t> fanout_readout;
  bool has_readout() const { return readout_w.size() > 0; }
};

std::shared_ptr<const EgruDeviceModel> upload_egru_stack(const EgruStackParams& p, const GpuProfile& profile) {
  if (p.layers.empty()) throw Error("cuda backend: the model has no EGRU layer");
  auto m = std::make_shared<EgruDeviceModel>();
  m->profile = profile;
  m->inputs = static_cast<int>(p.layers.front().inputs);
  for (const auto& lp : p.layers) {
    DeviceLayer l;
    l.in = static_cast<int>(lp.inputs);
    l.h = static_cast<int>(lp.hidden);
    if ((3 * l.h) % 4) throw Error("cuda backend: 3 x hidden must be a multiple of 4");
    if (l.h > kMaxDistileCols) throw Error("cuda backend: at most 8192 units per EGRU layer");
    l.w_ih = std::make_unique<DeviceWeights>(lp.w_ih, profile);
    l.w_hh = std::make_unique<DeviceWeights>(lp.w_hh, profile);
    l.b_ih = DeviceBuffer<float>(vec(lp.b_ih));
    l.b_hh = DeviceBuffer<float>(vec(lp.b_hh));
    l.theta = DeviceBuffer<float>(vec(lp.theta));
    l.fanout_ih = DeviceBuffer<uint32_t>(column_fanout(lp.w_ih.data(), lp.w_ih.rows(), lp.w_ih.cols()));
    l.fanout_hh = DeviceBuffer<uint32_t>(column_fanout(lp.w_hh.data(), lp.w_hh.rows(), lp.w_hh.cols()));
    m->layers.push_back(std::move(l));
  }
  m->outputs = p.readout_w.size() ? static_cast<int>(p.readout_w.rows()) : m->layers.back().h;
  if (p.readout_w.size()) {
    m->readout_w = DeviceBuffer<float>(col_major(p.readout_w));
    m->readout_b = DeviceBuffer<float>(vec(p.readout_b));
    m->fanout_readout =
        DeviceBuffer<uint32_t>(column_fanout(p.readout_w.data(), p.readout_w.rows(), p.readout_w.cols()));
  }
  if (p.embedding.size()) {
    m->embed = static_cast<int>(p.embedding.rows());
    m->vocab = static_cast<int>(p.embedding.cols());
    m->embedding = DeviceBuffer<float>(col_major(p.embedding));
  }
  return m;
}

namespace {

struct Layer {
  int words = 0, slot_words = 0;       // a mask slot: `words` words, their count, the list
  DeviceBuffer<float> c, ys;           // ys: (T + 1) slots of H x B, slot 0 = the step before
  DeviceBuffer<uint32_t> masks;        // (T + 1) slots of `slot_words`
  DeviceBuffer<float> acc_ih, acc_hh;  // 3H x B
};

// One projection of a phase: acc = W x.
struct Projection {
  const DeviceWeights* w;
  const float* x;
  const uint32_t* mask;
  float* acc;
};

double dense_bytes(const DeviceWeights& w) { return 4.0 * w.rows * w.cols; }

}  // namespace

struct EgruEngine::Impl {
  std::shared_ptr<const EgruDeviceModel> model;
  GpuMode mode;
  SumOrder order = SumOrder::Fast;
  int batch, steps;
  std::vector<Layer> layers;
  DeviceBuffer<float> input, gi0, out;
  DeviceBuffer<int> ids, targets;
  DeviceBuffer<double> nll;
  DeviceBuffer<CountSlot> slots;      // count(): (3 L + 1) x steps
  DeviceBuffer<const float*> ptrs;    // cuBLAS batched pointer arrays, all phases
  std::vector<size_t> phase_cursor;   // each phase's first entry in ptrs
  bool gemm_projections = false;      // event mode at a batch of GpuProfile::gemm_batch_from or more
  bool chained = false;               // the last launch recorded was one of ours (a PDL edge is allowed)
  DeviceBuffer<char> blas_workspace;  // cuBLAS must not allocate while captured into a graph
  cublasHandle_t blas = nullptr;
  cudaStream_t stream = nullptr;
  cudaGraphExec_t exec = nullptr;

  const DeviceLayer& weights(size_t l) const { return model->layers[l]; }
  float* y_slot(Layer& l, size_t li, int t) { return l.ys.get() + static_cast<size_t>(t) * weights(li).h * batch; }
  uint32_t* mask_slot(Layer& l, int t) { return l.masks.get() + static_cast<size_t>(t) * l.slot_words; }

  void gemm(const float* w, int m, int k, const float* x, float* y, int n) {
    const float one = 1.0f, zero = 0.0f;
    if (n == 1)
      EVSIM_CUBLAS_CHECK(cublasSgemv(blas, CUBLAS_OP_N, m, k, &one, w, m, x, 1, &zero, y, 1));
    else
      EVSIM_CUBLAS_CHECK(cublasSgemm(blas, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, w, m, x, k, &zero, y, m));
  }

  std::vector<Projection> phase_projections(int p) {
    std::vector<Projection> projs;
    for (size_t l = 0; l < layers.size(); ++l) {
      const int t = p - static_cast<int>(l);
      if (t < 0 || t >= steps) continue;
      Layer& L = layers[l];
      projs.push_back({weights(l).w_hh.get(), y_slot(L, l, t), mask_slot(L, t), L.acc_hh.get()});
      if (l > 0) {
        Layer& below = layers[l - 1];
        projs.push_back({weights(l).w_ih.get(), y_slot(below, l - 1, t + 1), mask_slot(below, t + 1), L.acc_ih.get()});
      }
    }
    return projs;
  }

  int phases() const { return steps + static_cast<int>(layers.size()) - 1; }

  void distile_phase(const std::vector<Projection>& projs) {
    const GpuProfile& profile = model->profile;
    DistilePlan plan = plan_for(profile);
    plan.pdl = profile.pdl && chained;
    for (size_t i = 0; i < projs.size(); i += kMaxProblems) {
      std::vector<DistileProblem> qs;
      for (size_t j = i; j < std::min(projs.size(), i + kMaxProblems); ++j) {
        DistileProblem q = projs[j].w->problem();
        q.x = projs[j].x;
        q.mask = projs[j].mask;
        q.count = projs[j].mask + (q.cols + 31) / 32;        // the cell kernel counts behind the words...
        q.list = reinterpret_cast<const int*>(q.count + 1);  // ...and lists the units that fired
        q.acc = projs[j].acc;
        qs.push_back(q);
      }
      distile_step(qs.data(), static_cast<int>(qs.size()), batch, plan, stream);
      plan.pdl = profile.pdl;
    }
    chained = true;
  }

  // Reference order: each projection overwrites its accumulator; event mode reads only the
  // columns of the units that fired, dense mode every column.
  void ordered_phase(const std::vector<Projection>& projs) {
    std::vector<OrderedProblem> qs;
    for (const auto& q : projs) qs.push_back({q.w->dense.get(), q.x, q.acc, q.w->rows, q.w->cols});
    const OrderedPath path = mode == GpuMode::Dense ? OrderedPath::Dense : OrderedPath::Gather;
    ordered_step(qs.data(), static_cast<int>(qs.size()), batch, path, stream);
    chained = false;
  }

  // Dense mode: projections of one shape go to cuBLAS as one batched call.
  using Groups = std::map<std::pair<int, int>, std::vector<Projection>>;
  static Groups by_shape(const std::vector<Projection>& projs) {
    Groups g;
    for (const auto& q : projs) g[{q.w->rows, q.w->cols}].push_back(q);
    return g;
  }

  std::vector<const float*> pointer_arrays() {
    std::vector<const float*> host;
    for (int p = 0; p < phases(); ++p) {
      phase_cursor.push_back(host.size());
      for (auto& [shape, qs] : by_shape(phase_projections(p))) {
        for (const auto& q : qs) host.push_back(q.w->dense.get());
        for (const auto& q : qs) host.push_back(q.x);
        for (const auto& q : qs) host.push_back(q.acc);
      }
    }
    return host;
  }

  void dense_phase(int p, const std::vector<Projection>& projs) {
    const float one = 1.0f, zero = 0.0f;
    size_t cursor = phase_cursor[static_cast<size_t>(p)];
    for (auto& [shape, qs] : by_shape(projs)) {
      const int m = shape.first, k = shape.second, n = static_cast<int>(qs.size());
      const float* const* a = ptrs.get() + cursor;
      const float* const* x = a + n;
      float* const* y = const_cast<float* const*>(a + 2 * n);
      cursor += 3 * static_cast<size_t>(n);
      if (batch == 1)
        EVSIM_CUBLAS_CHECK(cublasSgemvBatched(blas, CUBLAS_OP_N, m, k, &one, a, m, x, 1, &zero, y, 1, n));
      else
        EVSIM_CUBLAS_CHECK(
            cublasSgemmBatched(blas, CUBLAS_OP_N, CUBLAS_OP_N, m, batch, k, &one, a, m, x, k, &zero, y, m, n));
    }
  }

  void cell_phase(int p) {
    std::vector<CellLayer> cells;
    int max_h = 0;
    for (size_t l = 0; l < layers.size(); ++l) {
      const int t = p - static_cast<int>(l);
      if (t < 0 || t >= steps) continue;
      Layer& L = layers[l];
      const DeviceLayer& W = weights(l);
      const bool accumulating = mode == GpuMode::Distile && !gemm_projections && order == SumOrder::Fast;
      CellLayer c{};
      c.gi = l == 0 ? gi0.get() + static_cast<size_t>(t) * 3 * W.h * batch : L.acc_ih.get();
      c.gh = L.acc_hh.get();
      c.zero_gi = accumulating && l > 0 ? L.acc_ih.get() : nullptr;
      c.zero_gh = accumulating ? L.acc_hh.get() : nullptr;
      c.b_ih = W.b_ih.get();
      c.b_hh = W.b_hh.get();
      c.theta = W.theta.get();
      c.c = L.c.get();
      c.y = y_slot(L, l, t + 1);
      c.mask = mask_slot(L, t + 1);
      c.h = W.h;
      cells.push_back(c);
      max_h = std::max(max_h, W.h);
    }
    for (size_t i = 0; i < cells.size(); i += kMaxCellLayers) {
      CellSet set{};
      const size_t n = std::min(cells.size() - i, size_t(kMaxCellLayers));
      std::copy(cells.begin() + static_cast<long>(i), cells.begin() + static_cast<long>(i + n), set.l);
      const int threads = 256, work = max_h * batch;
      launch_kernel(egru_cell_kernel, dim3((work + threads - 1) / threads, static_cast<unsigned>(n)), dim3(threads), 0,
                    stream, model->profile.pdl && chained, set, batch);
      chained = true;
    }
  }

  // Zero state (outside the graph: a replay continues from whatever state it finds).
  void reset_state() {
    for (auto& l : layers) {
      EVSIM_CUDA_CHECK(cudaMemsetAsync(l.c.get(), 0, l.c.size() * sizeof(float), stream));
      EVSIM_CUDA_CHECK(cudaMemsetAsync(l.ys.get(), 0, l.ys.size() * sizeof(float), stream));
      EVSIM_CUDA_CHECK(cudaMemsetAsync(l.masks.get(), 0, l.masks.size() * sizeof(uint32_t), stream));
      EVSIM_CUDA_CHECK(cudaMemsetAsync(l.acc_ih.get(), 0, l.acc_ih.size() * sizeof(float), stream));
      EVSIM_CUDA_CHECK(cudaMemsetAsync(l.acc_hh.get(), 0, l.acc_hh.size() * sizeof(float), stream));
    }
  }

  // The last step's events (values and bitmask) become slot 0 of the next replay. Slot 0 of
  // the last replay is kept in slot T + 1 for count() (W_hh's input at the chunk's first step).
  void carry_last_step() {
    for (size_t li = 0; li < layers.size(); ++li) {
      Layer& l = layers[li];
      const size_t hb = static_cast<size_t>(weights(li).h) * batch;
      EVSIM_CUDA_CHECK(
          cudaMemcpyAsync(y_slot(l, li, steps + 1), l.ys.get(), hb * sizeof(float), cudaMemcpyDeviceToDevice, stream));
      EVSIM_CUDA_CHECK(
          cudaMemcpyAsync(l.ys.get(), y_slot(l, li, steps), hb * sizeof(float), cudaMemcpyDeviceToDevice, stream));
      EVSIM_CUDA_CHECK(cudaMemcpyAsync(l.masks.get(), mask_slot(l, steps), static_cast<size_t>(l.slot_words) * 4,
                                       cudaMemcpyDeviceToDevice, stream));
    }
  }

  void readout() {
    if (!model->has_readout()) return;
    Layer& last = layers.back();
    const size_t li = layers.size() - 1;
    gemm(model->readout_w.get(), model->outputs, weights(li).h, y_slot(last, li, 1), out.get(), steps * batch);
    const size_t total = static_cast<size_t>(model->outputs) * steps * batch;
    add_bias_kernel<<<blocks_for(total, 256), 256, 0, stream>>>(out.get(), model->readout_b.get(), model->outputs,
                                                                total);
    EVSIM_KERNEL_CHECK();
  }

  void record_sequence() {
    // Masks and counts of slots 1..T are built by atomics: clear them first (slot 0 is carried
    // in). The lists need no clearing: entries past the count are never used.
    for (auto& l : layers) {
      const size_t pitch = static_cast<size_t>(l.slot_words) * 4;
      EVSIM_CUDA_CHECK(cudaMemset2DAsync(mask_slot(l, 1), pitch, 0, static_cast<size_t>(l.words + 1) * 4,
                                         static_cast<size_t>(steps), stream));
    }
    // Layer 1's input is dense: one GEMM for all steps, in both modes.
    const DeviceLayer& first = weights(0);
    if (order == SumOrder::Reference) {
      const OrderedProblem q{first.w_ih->dense.get(), input.get(), gi0.get(), 3 * first.h, model->inputs};
      ordered_step(&q, 1, steps * batch, OrderedPath::Dense, stream);
    } else {
      gemm(first.w_ih->dense.get(), 3 * first.h, model->inputs, input.get(), gi0.get(), steps * batch);
    }
    chained = false;
    for (int p = 0; p < phases(); ++p) {
      const auto projs = phase_projections(p);
      if (order == SumOrder::Reference) {
        ordered_phase(projs);
      } else if (mode == GpuMode::Dense || gemm_projections) {
        dense_phase(p, projs);
        chained = false;
      } else {
        distile_phase(projs);
      }
      cell_phase(p);
    }
    readout();
    carry_last_step();
  }

  // Bytes a projection's path read in a step with `active` active columns.
  double step_bytes(const DeviceWeights& w, unsigned active) const {
    if (order == SumOrder::Reference) return 4.0 * w.rows * (mode == GpuMode::Dense ? w.cols : active);
    return w.step_bytes(active, mode == GpuMode::Dense || gemm_projections);
  }

  EgruCounts count() {
    const size_t L = layers.size(), T = static_cast<size_t>(steps);
    EVSIM_CUDA_CHECK(cudaMemsetAsync(slots.get(), 0, slots.size() * sizeof(CountSlot), stream));
    auto job = [&](size_t k) { return slots.get() + k * T; };
    for (size_t l = 0; l < L; ++l) {
      const DeviceLayer& W = weights(l);
      const size_t hb = static_cast<size_t>(W.h) * batch;
      Layer& lay = layers[l];
      if (l == 0)
        count_inputs(input.get(), static_cast<size_t>(model->inputs) * batch, steps, model->inputs, batch,
                     W.fanout_ih.get(), job(0), stream);
      else
        count_inputs(y_slot(layers[l - 1], l - 1, 1), static_cast<size_t>(weights(l - 1).h) * batch, steps,
                     weights(l - 1).h, batch, W.fanout_ih.get(), job(3 * l), stream);
      // W_hh reads slot t at step t: the step before the chunk (kept in slot T + 1), then 1..T-1.
      count_inputs(y_slot(lay, l, steps + 1), hb, 1, W.h, batch, W.fanout_hh.get(), job(3 * l + 1), stream);
      if (steps > 1)
        count_inputs(y_slot(lay, l, 1), hb, steps - 1, W.h, batch, W.fanout_hh.get(), job(3 * l + 1) + 1, stream);
      count_inputs(y_slot(lay, l, 1), hb, steps, W.h, batch, nullptr, job(3 * l + 2), stream);
    }
    if (model->has_readout()) {
      const size_t li = L - 1;
      const size_t hb = static_cast<size_t>(weights(li).h) * batch;
      count_inputs(y_slot(layers[li], li, 1), hb, steps, weights(li).h, batch, model->fanout_readout.get(), job(3 * L),
                   stream);
    }
    EVSIM_CUDA_CHECK(cudaStreamSynchronize(stream));
    const std::vector<CountSlot> host = slots.download();
    auto at = [&](size_t k) { return host.data() + k * T; };
    EgruCounts c;
    for (size_t l = 0; l < L; ++l) {
      const DeviceWeights &ih = *weights(l).w_ih, &hh = *weights(l).w_hh;
      // Layer 1's input projection is one GEMM over the chunk, whatever the mode.
      PortCount in = l == 0 ? sum_slots(at(0), steps, [](unsigned) { return 0.0; })
                            : sum_slots(at(3 * l), steps, [&](unsigned a) { return step_bytes(ih, a); });
      if (l == 0) in.bytes = static_cast<uint64_t>(dense_bytes(ih));
      c.ih.push_back(in);
      c.hh.push_back(sum_slots(at(3 * l + 1), steps, [&](unsigned a) { return step_bytes(hh, a); }));
      c.events.push_back(sum_slots(at(3 * l + 2), steps, [](unsigned) { return 0.0; }).nonzero);
    }
    if (model->has_readout()) {
      c.readout = sum_slots(at(3 * L), steps, [](unsigned) { return 0.0; });
      c.readout.bytes = static_cast<uint64_t>(4.0 * model->outputs * weights(L - 1).h);  // one GEMM per chunk
    }
    return c;
  }
};

EgruEngine::EgruEngine(const EgruStackParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile,
                       SumOrder order)
    : EgruEngine(upload_egru_stack(p, profile), mode, batch, steps, order) {}

EgruEngine::EgruEngine(std::shared_ptr<const EgruDeviceModel> model, GpuMode mode, int64_t batch, int64_t steps,
                       SumOrder order)
    : impl_(new Impl) {
  Impl& m = *impl_;
  if (batch < 1 || steps < 1) throw Error("cuda backend: a run needs at least one step and one sample");
  m.model = std::move(model);
  m.mode = mode;
  m.order = order;
  m.batch = static_cast<int>(batch);
  m.steps = static_cast<int>(steps);
  const GpuProfile& profile = m.model->profile;
  EVSIM_CUBLAS_CHECK(cublasCreate(&m.blas));
  EVSIM_CUBLAS_CHECK(cublasSetMathMode(m.blas, CUBLAS_PEDANTIC_MATH));  // float32, no TF32
  EVSIM_CUDA_CHECK(cudaStreamCreateWithFlags(&m.stream, cudaStreamNonBlocking));
  EVSIM_CUBLAS_CHECK(cublasSetStream(m.blas, m.stream));
  m.blas_workspace = DeviceBuffer<char>(size_t(32) << 20);
  EVSIM_CUBLAS_CHECK(cublasSetWorkspace(m.blas, m.blas_workspace.get(), m.blas_workspace.size()));
  for (const DeviceLayer& w : m.model->layers) {
    Layer l;
    l.words = (w.h + 31) / 32;
    l.slot_words = l.words + 1 + w.h;
    const size_t hb = static_cast<size_t>(w.h) * m.batch;
    l.c = DeviceBuffer<float>(hb);
    l.ys = DeviceBuffer<float>((m.steps + 2) * hb);
    l.masks = DeviceBuffer<uint32_t>(static_cast<size_t>(m.steps + 1) * l.slot_words);
    l.acc_ih = DeviceBuffer<float>(3 * hb);
    l.acc_hh = DeviceBuffer<float>(3 * hb);
    m.layers.push_back(std::move(l));
  }
  const size_t tokens = static_cast<size_t>(m.steps) * m.batch;
  m.input = DeviceBuffer<float>(tokens * m.model->inputs);
  m.gi0 = DeviceBuffer<float>(tokens * 3 * m.model->layers[0].h);
  if (m.model->has_readout()) m.out = DeviceBuffer<float>(tokens * m.model->outputs);
  m.slots = DeviceBuffer<CountSlot>((3 * m.layers.size() + 1) * m.steps);
  // A large batch makes every projection step a GEMM: cuBLAS for them, the cells (events,
  // bitmasks, counts) as in event mode.
  m.gemm_projections = mode == GpuMode::Distile && order == SumOrder::Fast && takes_gemms(profile, batch);
  if (order == SumOrder::Fast && (mode == GpuMode::Dense || m.gemm_projections))
    m.ptrs = DeviceBuffer<const float*>(m.pointer_arrays());
  cudaGraph_t graph;
  EVSIM_CUDA_CHECK(cudaStreamBeginCapture(m.stream, cudaStreamCaptureModeThreadLocal));
  m.record_sequence();
  EVSIM_CUDA_CHECK(cudaStreamEndCapture(m.stream, &graph));
  EVSIM_CUDA_CHECK(cudaGraphInstantiate(&m.exec, graph, 0));
  cudaGraphDestroy(graph);
  m.reset_state();
  EVSIM_CUDA_CHECK(cudaStreamSynchronize(m.stream));
}

EgruEngine::~EgruEngine() {
  if (impl_->exec) cudaGraphExecDestroy(impl_->exec);
  if (impl_->blas) cublasDestroy(impl_->blas);
  if (impl_->stream) cudaStreamDestroy(impl_->stream);
}

int64_t EgruEngine::steps() const { return impl_->steps; }
int64_t EgruEngine::batch() const { return impl_->batch; }
bool EgruEngine::gemm_projections() const { return impl_->gemm_projections; }

int EgruEngine::pruned_projections() const {
  int n = 0;
  for (const DeviceLayer& l : impl_->model->layers) n += int(l.w_ih->pruned) + int(l.w_hh->pruned);
  return n;
}

void check_input_shape(const Sequence& x, int64_t steps, int64_t batch, int64_t inputs) {
  if (x.steps != steps || x.batch != batch || x.width != inputs)
    throw InputError("cuda backend: input is " + std::to_string(x.steps) + " x " + std::to_string(x.batch) + " x " +
                     std::to_string(x.width) + ", the engine was planned for " + std::to_string(steps) + " x " +
                     std::to_string(batch) + " x " + std::to_string(inputs));
}

void EgruEngine::set_input(const Sequence& x) {
  Impl& m = *impl_;
  check_input_shape(x, m.steps, m.batch, m.model->inputs);
  m.input.upload(x.data);
}

void EgruEngine::set_tokens(const std::vector<int32_t>& ids) {
  Impl& m = *impl_;
  if (m.model->vocab == 0) throw InputError("cuda backend: the model has no embedding for token ids");
  const size_t n = static_cast<size_t>(m.steps) * m.batch;
  if (ids.size() != n) throw InputError("cuda backend: expected one token id per step and sample");
  if (m.ids.size() != n) m.ids = DeviceBuffer<int>(n);
  m.ids.upload(ids);
  const size_t total = n * m.model->embed;
  embed_kernel<<<blocks_for(total, 256), 256, 0, m.stream>>>(m.model->embedding.get(), m.model->embed, m.ids.get(),
                                                             static_cast<int>(n), m.input.get());
  EVSIM_KERNEL_CHECK();
}

double EgruEngine::replay() { return time_graph_replay(impl_->exec, impl_->stream); }

void EgruEngine::reset_state() {
  impl_->reset_state();
  EVSIM_CUDA_CHECK(cudaStreamSynchronize(impl_->stream));
}

void EgruEngine::copy_state_from(const EgruEngine& other) {
  Impl &m = *impl_, &o = *other.impl_;
  if (m.model != o.model || m.batch != o.batch)
    throw Error("cuda backend: engines of different shapes cannot share state");
  EVSIM_CUDA_CHECK(cudaStreamSynchronize(o.stream));
  for (size_t k = 0; k < m.layers.size(); ++k) {
    Layer &a = m.layers[k], &b = o.layers[k];
    const size_t hb = static_cast<size_t>(m.weights(k).h) * m.batch;
    EVSIM_CUDA_CHECK(cudaMemcpy(a.c.get(), b.c.get(), hb * sizeof(float), cudaMemcpyDeviceToDevice));
    EVSIM_CUDA_CHECK(cudaMemcpy(a.ys.get(), b.ys.get(), hb * sizeof(float), cudaMemcpyDeviceToDevice));
    EVSIM_CUDA_CHECK(
        cudaMemcpy(a.masks.get(), b.masks.get(), static_cast<size_t>(a.slot_words) * 4, cudaMemcpyDeviceToDevice));
  }
}

EgruCounts EgruEngine::count() { return impl_->count(); }

Sequence EgruEngine::output() const {
  Impl& m = *impl_;
  Sequence s(m.steps, m.batch, m.model->outputs);
  if (m.model->has_readout()) {
    s.data = m.out.download();
  } else {
    const size_t li = m.layers.size() - 1;
    const auto ys = m.layers.back().ys.download();
    const size_t hb = static_cast<size_t>(m.weights(li).h) * m.batch;
    std::copy(ys.begin() + static_cast<long>(hb), ys.begin() + static_cast<long>(hb * (m.steps + 1)), s.data.begin());
  }
  return s;
}

double EgruEngine::nll(const std::vector<int32_t>& targets) {
  Impl& m = *impl_;
  if (!m.model->has_readout()) throw InputError("cuda backend: the model has no readout to predict tokens with");
  const size_t n = static_cast<size_t>(m.steps) * m.batch;
  if (targets.size() != n) throw InputError("cuda backend: expected one target per step and sample");
  if (m.targets.size() != n) {
    m.targets = DeviceBuffer<int>(n);
    m.nll = DeviceBuffer<double>(n);
  }
  m.targets.upload(targets);
  nll_kernel<<<static_cast<unsigned>(n), kNllThreads, 0, m.stream>>>(m.out.get(), m.model->outputs, m.targets.get(),
                                                                     m.nll.get());
  EVSIM_KERNEL_CHECK();
  EVSIM_CUDA_CHECK(cudaStreamSynchronize(m.stream));
  double sum = 0;
  for (double v : m.nll.download()) sum += v;
  return sum;
}

EgruRun EgruEngine::run(const Sequence& input, int timing_repeats) {
  set_input(input);
  EgruRun r;
  for (int k = 0; k <= timing_repeats; ++k) {
    reset_state();
    const double t = replay();
    if (k > 0 || timing_repeats == 0) r.replay_s.push_back(t);
  }
  r.counts = count();
  r.output = output();
  return r;
}

}  // namespace evsim::cuda
