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
#include "backends/cuda/pdl.cuh"

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
  unsigned long long* events;
  int h;
  float next_bytes_per_col;  // weight bytes the next phase reads per event of this layer (DISTile)
};

struct CellSet {
  CellLayer l[kMaxCellLayers];
};

// PolyKernel selection for the next phase, made on the device by the producer: the last
// block of the cell launch sums the bytes DISTile would read for the events just emitted
// and sets the phase's graph conditional (1: DISTile, 0: cuBLAS on the whole matrices).
struct Selector {
  const cudaGraphConditionalHandle* next = nullptr;  // null: no choice to make
  unsigned int* done = nullptr;                      // blocks finished (reset by the last)
  float sparse_below_bytes = 0;                      // DISTile while its bytes stay below this
};

// The count of set bits the cell kernel keeps behind a step's bitmask, and the list behind it.
__device__ __forceinline__ unsigned* event_count(const CellLayer& L) { return L.mask + (L.h + 31) / 32; }
__device__ __forceinline__ int* event_list(const CellLayer& L) {
  return reinterpret_cast<int*>(L.mask + (L.h + 31) / 32 + 1);
}

__device__ void select_next_phase(const CellSet& set, int layers, const Selector& sel) {
  __shared__ bool last;
  __syncthreads();
  if (threadIdx.x == 0) {
    __threadfence();  // this block's mask bits and counts are visible before it counts as done
    const unsigned blocks = gridDim.x * gridDim.y;
    last = atomicAdd(sel.done, 1u) == blocks - 1;
  }
  __syncthreads();
  if (!last) return;
  __threadfence();
  if (threadIdx.x != 0) return;
  float bytes = 0;
  for (int l = 0; l < layers; ++l)  // L2: the other blocks' atomics
    bytes += static_cast<float>(__ldcg(event_count(set.l[l]))) * set.l[l].next_bytes_per_col;
  cudaGraphSetConditional(*sel.next, bytes < sel.sparse_below_bytes ? 1u : 0u);
  *sel.done = 0;
}

__global__ void egru_cell_kernel(const CellSet set, int layers, int batch, const Selector sel) {
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
    const float r = 1.0f / (1.0f + expf(-(ar + hr)));
    const float z = 1.0f / (1.0f + expf(-(az + hz)));
    const float n = tanhf(an + r * hn);
    const float c_hat = z * L.c[idx] + (1.0f - z) * n;
    const bool fire = c_hat > L.theta[i];
    out = fire ? c_hat : 0.0f;
    L.c[idx] = fire ? c_hat - L.theta[i] : c_hat;
    L.y[idx] = out;
    if (fire) {
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
  const unsigned ballot = __ballot_sync(0xffffffffu, out != 0.0f);
  if ((threadIdx.x & 31) == 0 && ballot) atomicAdd(L.events, static_cast<unsigned long long>(__popc(ballot)));
  if (sel.next) select_next_phase(set, layers, sel);
}

std::vector<float> col_major(const Matrix& m) { return std::vector<float>(m.data(), m.data() + m.size()); }
std::vector<float> vec(const Vector& v) { return std::vector<float>(v.data(), v.data() + v.size()); }

struct Layer {
  int in = 0, h = 0, words = 0, slot_words = 0;  // a mask slot: `words` words, their count, the list
  std::unique_ptr<DeviceWeights> w_ih, w_hh;
  DeviceBuffer<float> b_ih, b_hh, theta, c, ys;  // ys: (T + 1) slots of H x B, slot 0 = zeros
  DeviceBuffer<uint32_t> masks;                  // (T + 1) slots of `slot_words`
  DeviceBuffer<float> acc_ih, acc_hh;            // 3H x B
};

// One projection of a phase: acc = W x.
struct Projection {
  const DeviceWeights* w;
  const float* x;
  const uint32_t* mask;
  float* acc;
};

}  // namespace

struct EgruEngine::Impl {
  GpuMode mode;
  GpuProfile profile;
  int batch, steps, inputs, outputs;
  std::vector<Layer> layers;
  DeviceBuffer<float> input, gi0, readout_w, out;
  Vector readout_b;
  DeviceBuffer<unsigned long long> events;
  DeviceBuffer<const float*> ptrs;   // cuBLAS batched pointer arrays, all phases
  std::vector<size_t> phase_cursor;  // each phase's first entry in ptrs
  bool select = false;               // DISTile phases choose DISTile or cuBLAS on the device
  bool gemm_projections = false;     // event mode at a batch of GpuProfile::gemm_batch_from or more
  bool chained = false;              // the last launch recorded was one of ours (a PDL edge is allowed)
  std::vector<cudaGraphConditionalHandle> handles;
  DeviceBuffer<cudaGraphConditionalHandle> d_handles;
  DeviceBuffer<unsigned int> done;
  DeviceBuffer<char> blas_workspace;  // cuBLAS must not allocate while captured into a graph
  cublasHandle_t blas = nullptr;
  cudaStream_t stream = nullptr, side = nullptr;
  cudaGraphExec_t exec = nullptr;

  float* y_slot(Layer& l, int t) { return l.ys.get() + static_cast<size_t>(t) * l.h * batch; }
  uint32_t* mask_slot(Layer& l, int t) { return l.masks.get() + static_cast<size_t>(t) * l.slot_words; }

  void gemm(const float* w, int m, int k, const float* x, float* y, int n) {
    const float one = 1.0f, zero = 0.0f;
    if (n == 1)
      EVSIM_CUBLAS_CHECK(cublasSgemv(blas, CUBLAS_OP_N, m, k, &one, w, m, x, 1, &zero, y, 1));
    else
      EVSIM_CUBLAS_CHECK(cublasSgemm(blas, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, &one, w, m, x, k, &zero, y, m));
  }

  std::vector<Projection> phase_projections(int p) {
    std::vector<Projection> out;
    for (int l = 0; l < static_cast<int>(layers.size()); ++l) {
      const int t = p - l;
      if (t < 0 || t >= steps) continue;
      Layer& L = layers[static_cast<size_t>(l)];
      out.push_back({L.w_hh.get(), y_slot(L, t), mask_slot(L, t), L.acc_hh.get()});
      if (l > 0) {
        Layer& below = layers[static_cast<size_t>(l - 1)];
        out.push_back({L.w_ih.get(), y_slot(below, t + 1), mask_slot(below, t + 1), L.acc_ih.get()});
      }
    }
    return out;
  }

  int phases() const { return steps + static_cast<int>(layers.size()) - 1; }

  void distile_phase(const std::vector<Projection>& projs, cudaStream_t st) {
    DistilePlan plan = plan_for(profile);
    plan.pdl = profile.pdl && chained && st == stream;
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
      distile_step(qs.data(), static_cast<int>(qs.size()), batch, plan, st);
      plan.pdl = profile.pdl && st == stream;
    }
    chained = st == stream;
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

  // Cost (dense-column byte equivalents) DISTile pays in phase p + 1 per event that layer l
  // emits in phase p: a column of its own W_hh and of the next layer's W_ih.
  float next_bytes_per_col(int p, int l) {
    auto cost = [&](const DeviceWeights& w) { return equivalent_column_bytes(profile, w.rows, w.pruned, w.width); };
    double bytes = 0;
    if (p + 1 - l < steps) bytes += cost(*layers[static_cast<size_t>(l)].w_hh);
    if (l + 1 < static_cast<int>(layers.size())) bytes += cost(*layers[static_cast<size_t>(l + 1)].w_ih);
    return static_cast<float>(bytes);
  }

  // DISTile runs phase p while the bytes of its active columns stay below this.
  float sparse_budget(int p) {
    double dense_bytes = 0;
    for (const auto& q : phase_projections(p)) dense_bytes += 4.0 * q.w->rows * q.w->cols;
    return static_cast<float>(distile_budget_bytes(profile, dense_bytes));
  }

  void cell_phase(int p) {
    std::vector<CellLayer> cells;
    int max_h = 0;
    for (int l = 0; l < static_cast<int>(layers.size()); ++l) {
      const int t = p - l;
      if (t < 0 || t >= steps) continue;
      Layer& L = layers[static_cast<size_t>(l)];
      const bool accumulating = mode == GpuMode::Distile && !gemm_projections;
      CellLayer c{};
      c.gi = l == 0 ? gi0.get() + static_cast<size_t>(t) * 3 * L.h * batch : L.acc_ih.get();
      c.gh = L.acc_hh.get();
      c.zero_gi = accumulating && l > 0 ? L.acc_ih.get() : nullptr;
      c.zero_gh = accumulating ? L.acc_hh.get() : nullptr;
      c.b_ih = L.b_ih.get();
      c.b_hh = L.b_hh.get();
      c.theta = L.theta.get();
      c.c = L.c.get();
      c.y = y_slot(L, t + 1);
      c.mask = mask_slot(L, t + 1);
      c.events = events.get() + l;
      c.h = L.h;
      c.next_bytes_per_col = select ? next_bytes_per_col(p, l) : 0.0f;
      cells.push_back(c);
      max_h = std::max(max_h, L.h);
    }
    Selector sel;
    if (select && p + 1 < phases()) {
      if (cells.size() > size_t(kMaxCellLayers)) throw Error("cuda backend: the selector supports up to 8 layers");
      sel.next = d_handles.get() + p + 1;
      sel.done = done.get();
      sel.sparse_below_bytes = sparse_budget(p + 1);
    }
    for (size_t i = 0; i < cells.size(); i += kMaxCellLayers) {
      CellSet set{};
      const size_t n = std::min(cells.size() - i, size_t(kMaxCellLayers));
      std::copy(cells.begin() + static_cast<long>(i), cells.begin() + static_cast<long>(i + n), set.l);
      const int threads = 256, work = max_h * batch;
      launch_kernel(egru_cell_kernel, dim3((work + threads - 1) / threads, static_cast<unsigned>(n)), dim3(threads), 0,
                    stream, profile.pdl && chained, set, static_cast<int>(n), batch, sel);
      chained = true;
    }
  }

  // Records fn's launches on the side stream into a conditional node's body graph.
  template <typename Fn>
  void capture_into(cudaGraph_t body, Fn fn) {
    EVSIM_CUDA_CHECK(cudaStreamBeginCaptureToGraph(side, body, nullptr, nullptr, 0, cudaStreamCaptureModeRelaxed));
    EVSIM_CUBLAS_CHECK(cublasSetStream(blas, side));
    fn();
    EVSIM_CUBLAS_CHECK(cublasSetStream(blas, stream));
    cudaGraph_t captured;
    EVSIM_CUDA_CHECK(cudaStreamEndCapture(side, &captured));
  }

  // Phase p as an if/else graph node: DISTile when the producer set the condition, else cuBLAS.
  void selected_phase(int p, const std::vector<Projection>& projs) {
    cudaStreamCaptureStatus status;
    cudaGraph_t graph;
    const cudaGraphNode_t* deps = nullptr;
    size_t n_deps = 0;
    EVSIM_CUDA_CHECK(cudaStreamGetCaptureInfo(stream, &status, nullptr, &graph, &deps, nullptr, &n_deps));
    cudaGraphConditionalHandle h;
    EVSIM_CUDA_CHECK(cudaGraphConditionalHandleCreate(&h, graph, 1, cudaGraphCondAssignDefault));
    handles[static_cast<size_t>(p)] = h;
    cudaGraphNodeParams cp{};
    cp.type = cudaGraphNodeTypeConditional;
    cp.conditional.handle = h;
    cp.conditional.type = cudaGraphCondTypeIf;
    cp.conditional.size = 2;
    cudaGraphNode_t node;
    EVSIM_CUDA_CHECK(cudaGraphAddNode(&node, graph, deps, nullptr, n_deps, &cp));
    EVSIM_CUDA_CHECK(cudaStreamUpdateCaptureDependencies(stream, &node, nullptr, 1, cudaStreamSetCaptureDependencies));
    capture_into(cp.conditional.phGraph_out[0], [&] { distile_phase(projs, side); });
    capture_into(cp.conditional.phGraph_out[1], [&] { dense_phase(p, projs); });
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

  // The last step's events (values and bitmask) become slot 0 of the next replay.
  void carry_last_step() {
    for (auto& l : layers) {
      const size_t hb = static_cast<size_t>(l.h) * batch;
      EVSIM_CUDA_CHECK(
          cudaMemcpyAsync(l.ys.get(), y_slot(l, steps), hb * sizeof(float), cudaMemcpyDeviceToDevice, stream));
      EVSIM_CUDA_CHECK(cudaMemcpyAsync(l.masks.get(), mask_slot(l, steps), static_cast<size_t>(l.slot_words) * 4,
                                       cudaMemcpyDeviceToDevice, stream));
    }
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
    Layer& first = layers[0];
    gemm(first.w_ih->dense.get(), 3 * first.h, inputs, input.get(), gi0.get(), steps * batch);
    chained = false;
    for (int p = 0; p < phases(); ++p) {
      const auto projs = phase_projections(p);
      if (mode == GpuMode::Dense || gemm_projections) {
        dense_phase(p, projs);
        chained = false;
      } else if (select && p > 0) {
        selected_phase(p, projs);
        chained = false;
      } else {
        distile_phase(projs, stream);
      }
      cell_phase(p);
    }
    if (readout_w.size()) {
      Layer& last = layers.back();
      gemm(readout_w.get(), outputs, last.h, y_slot(last, 1), out.get(), steps * batch);
    }
    carry_last_step();
  }

  // Uploads the input, replays the graph (from the current state), returns time per step.
  double replay() {
    EVSIM_CUDA_CHECK(cudaMemsetAsync(events.get(), 0, events.size() * sizeof(unsigned long long), stream));
    return time_graph_replay(exec, stream) / steps;
  }

  GpuRunResult result(double seconds_per_step) {
    GpuRunResult res;
    res.seconds_per_step = seconds_per_step;
    res.gemm_projections = gemm_projections;
    res.output = Sequence(steps, batch, outputs);
    if (readout_w.size()) {
      res.output.data = out.download();
      for (size_t k = 0; k < res.output.data.size(); ++k)
        res.output.data[k] += readout_b[static_cast<long>(k % outputs)];
    } else {
      const auto ys = layers.back().ys.download();
      std::copy(ys.begin() + static_cast<long>(outputs) * batch, ys.end(), res.output.data.begin());
    }
    const auto ev = events.download();
    res.events.assign(ev.begin(), ev.end());
    for (const auto& l : layers) {
      res.unit_steps.push_back(static_cast<uint64_t>(l.h) * batch * steps);
      res.pruned_projections += int(l.w_ih->pruned) + int(l.w_hh->pruned);
    }
    return res;
  }
};

EgruEngine::EgruEngine(const EgruStackParams& p, GpuMode mode, int64_t batch, int64_t steps, const GpuProfile& profile)
    : impl_(new Impl) {
  Impl& m = *impl_;
  m.mode = mode;
  m.profile = profile;
  m.batch = static_cast<int>(batch);
  m.steps = static_cast<int>(steps);
  m.inputs = static_cast<int>(p.layers.front().inputs);
  EVSIM_CUBLAS_CHECK(cublasCreate(&m.blas));
  EVSIM_CUBLAS_CHECK(cublasSetMathMode(m.blas, CUBLAS_PEDANTIC_MATH));  // float32, no TF32
  EVSIM_CUDA_CHECK(cudaStreamCreateWithFlags(&m.stream, cudaStreamNonBlocking));
  EVSIM_CUBLAS_CHECK(cublasSetStream(m.blas, m.stream));
  m.blas_workspace = DeviceBuffer<char>(size_t(32) << 20);
  EVSIM_CUBLAS_CHECK(cublasSetWorkspace(m.blas, m.blas_workspace.get(), m.blas_workspace.size()));
  for (const auto& lp : p.layers) {
    Layer l;
    l.in = static_cast<int>(lp.inputs);
    l.h = static_cast<int>(lp.hidden);
    l.words = (l.h + 31) / 32;
    l.slot_words = l.words + 1 + l.h;
    if ((3 * l.h) % 4) throw Error("cuda backend: 3 x hidden must be a multiple of 4");
    if (l.h > kMaxDistileCols) throw Error("cuda backend: at most 8192 units per EGRU layer");
    const size_t hb = static_cast<size_t>(l.h) * m.batch;
    l.w_ih = std::make_unique<DeviceWeights>(lp.w_ih, profile);
    l.w_hh = std::make_unique<DeviceWeights>(lp.w_hh, profile);
    l.b_ih = DeviceBuffer<float>(vec(lp.b_ih));
    l.b_hh = DeviceBuffer<float>(vec(lp.b_hh));
    l.theta = DeviceBuffer<float>(vec(lp.theta));
    l.c = DeviceBuffer<float>(hb);
    l.ys = DeviceBuffer<float>((m.steps + 1) * hb);
    l.masks = DeviceBuffer<uint32_t>(static_cast<size_t>(m.steps + 1) * l.slot_words);
    l.acc_ih = DeviceBuffer<float>(3 * hb);
    l.acc_hh = DeviceBuffer<float>(3 * hb);
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
  // A large batch makes every projection step a GEMM: cuBLAS for them, the cells (events,
  // bitmasks, counts) as in event mode.
  m.gemm_projections = mode == GpuMode::Distile && batch >= profile.gemm_batch_from;
  m.select = mode == GpuMode::Distile && profile.cublas_fallback && !m.gemm_projections;
  if (mode == GpuMode::Dense || m.select || m.gemm_projections) m.ptrs = DeviceBuffer<const float*>(m.pointer_arrays());
  if (m.select) {
    EVSIM_CUDA_CHECK(cudaStreamCreateWithFlags(&m.side, cudaStreamNonBlocking));
    m.handles.assign(static_cast<size_t>(m.phases()), cudaGraphConditionalHandle{});
    m.d_handles = DeviceBuffer<cudaGraphConditionalHandle>(m.handles.size());
    m.done = DeviceBuffer<unsigned int>(std::vector<unsigned int>{0});
  }
  cudaGraph_t graph;
  EVSIM_CUDA_CHECK(cudaStreamBeginCapture(m.stream, cudaStreamCaptureModeThreadLocal));
  m.record_sequence();
  EVSIM_CUDA_CHECK(cudaStreamEndCapture(m.stream, &graph));
  if (m.select) m.d_handles.upload(m.handles);  // the handles exist only once captured
  EVSIM_CUDA_CHECK(cudaGraphInstantiate(&m.exec, graph, 0));
  cudaGraphDestroy(graph);
  m.reset_state();
}

EgruEngine::~EgruEngine() {
  if (impl_->exec) cudaGraphExecDestroy(impl_->exec);
  if (impl_->blas) cublasDestroy(impl_->blas);
  if (impl_->stream) cudaStreamDestroy(impl_->stream);
  if (impl_->side) cudaStreamDestroy(impl_->side);
}

void EgruEngine::reset_state() {
  impl_->reset_state();
  EVSIM_CUDA_CHECK(cudaStreamSynchronize(impl_->stream));
}

void EgruEngine::copy_state_from(const EgruEngine& other) {
  Impl &m = *impl_, &o = *other.impl_;
  if (m.layers.size() != o.layers.size() || m.batch != o.batch)
    throw Error("cuda backend: engines of different shapes cannot share state");
  for (size_t k = 0; k < m.layers.size(); ++k) {
    Layer &a = m.layers[k], &b = o.layers[k];
    if (a.h != b.h) throw Error("cuda backend: engines of different shapes cannot share state");
    const size_t hb = static_cast<size_t>(a.h) * m.batch;
    EVSIM_CUDA_CHECK(cudaMemcpy(a.c.get(), b.c.get(), hb * sizeof(float), cudaMemcpyDeviceToDevice));
    EVSIM_CUDA_CHECK(cudaMemcpy(a.ys.get(), b.ys.get(), hb * sizeof(float), cudaMemcpyDeviceToDevice));
    EVSIM_CUDA_CHECK(
        cudaMemcpy(a.masks.get(), b.masks.get(), static_cast<size_t>(a.slot_words) * 4, cudaMemcpyDeviceToDevice));
  }
}

GpuRunResult EgruEngine::run(const Sequence& input, int timing_repeats) {
  Impl& m = *impl_;
  if (input.steps != m.steps || input.batch != m.batch || input.width != m.inputs)
    throw InputError("cuda backend: input shape does not match the planned engine");
  m.input.upload(input.data);
  return m.result(median_of_replays(timing_repeats, [&] {
    m.reset_state();
    return m.replay();
  }));
}

GpuRunResult EgruEngine::run_continued(const Sequence& input) {
  Impl& m = *impl_;
  if (input.steps != m.steps || input.batch != m.batch || input.width != m.inputs)
    throw InputError("cuda backend: input shape does not match the planned engine");
  m.input.upload(input.data);
  return m.result(m.replay());
}

}  // namespace evsim::cuda
