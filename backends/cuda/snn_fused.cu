#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/snn_fused.cuh"

namespace evsim::cuda {
namespace {

constexpr unsigned kFull = 0xffffffffu;

__host__ __device__ size_t table_bytes(int count) {
  return (static_cast<size_t>(count) * sizeof(FusedStage) + 15) / 16 * 16;
}

// Shared memory beside the stage table: the state, then per window of steps the input, the
// output stage's outputs and the counts (flushed to global memory once per window: no global
// write waits at a step's barriers), then the scratch list of a projection's active inputs.
struct SharedLayout {
  size_t state, input, output, counts, list, total;  // offsets in 4-byte words; total
  __host__ __device__ explicit SharedLayout(const FusedLaunch& l) {
    state = 0;
    input = state + static_cast<size_t>(l.state_floats);
    output = input + static_cast<size_t>(l.window) * l.block_batch * l.inputs;
    counts = output + static_cast<size_t>(l.window) * l.block_batch * l.outputs;
    list = counts + (l.counted ? static_cast<size_t>(l.window) * l.count * 4 : 0);
    total = list + (l.skip_zero ? static_cast<size_t>(l.block_batch) * l.widest_input : 0);
  }
};

// One warp-wide sum per value, then one shared atomic per warp into the step's counters.
__device__ void add_counts(unsigned* c, unsigned nz, unsigned pairs, unsigned active, unsigned nonbinary) {
  nz = __reduce_add_sync(kFull, nz);
  pairs = __reduce_add_sync(kFull, pairs);
  active = __reduce_add_sync(kFull, active);
  nonbinary = __reduce_or_sync(kFull, nonbinary);
  if ((threadIdx.x & 31) != 0) return;
  if (nz) {
    atomicAdd(c, nz);
    atomicAdd(c + 1, pairs);
    atomicAdd(c + 2, active);
  }
  if (nonbinary) atomicOr(c + 3, 1u);
}

// A projection's input columns: non-zero values over the batch, their weight pairs, active
// columns (the union over the batch), whether any non-zero is not +-1.
__device__ void count_columns(const FusedStage& s, const float* x, int batch, unsigned* c) {
  unsigned nz = 0, pairs = 0, active = 0, nonbinary = 0;
  for (int j = threadIdx.x; j < s.in; j += blockDim.x) {
    unsigned col = 0;
    for (int b = 0; b < batch; ++b) {
      const float v = x[b * s.in + j];
      if (v != 0.0f) {
        ++col;
        nonbinary |= v != 1.0f && v != -1.0f;
      }
    }
    nz += col;
    pairs += col * s.fanout[j];
    active += col > 0;
  }
  add_counts(c, nz, pairs, active, nonbinary);
}

// Per sample, the non-zero inputs' indices in ascending order (one warp per sample, ballots),
// the count first: list[b * (in + 1)] = count, the indices after it.
__device__ void list_active(const float* x, int in, int batch, int* list) {
  const int lane = threadIdx.x & 31, warps = blockDim.x >> 5;
  for (int b = threadIdx.x >> 5; b < batch; b += warps) {
    int* out = list + b * (in + 1);
    int n = 0;
    for (int j0 = 0; j0 < in; j0 += 32) {
      const int j = j0 + lane;
      const bool on = j < in && x[b * in + j] != 0.0f;
      const unsigned m = __ballot_sync(kFull, on);
      if (on) out[1 + n + __popc(m & ((1u << lane) - 1u))] = j;
      n += __popc(m);
    }
    if (lane == 0) out[0] = n;
  }
}

__device__ float project(const FusedStage& s, const float* x, int idx, const int* list) {
  const int b = idx / s.out, o = idx - b * s.out;
  const float* xs = x + b * s.in;
  const float* w = s.w + o;
  float acc = 0.0f;
  if (list) {  // only the active inputs' weights are read
    const int* l = list + b * (s.in + 1);
    const int n = l[0];
#pragma unroll 4
    for (int k = 1; k <= n; ++k) {
      const int j = l[k];
      acc = __fmaf_rn(__ldg(w + static_cast<size_t>(j) * s.out), xs[j], acc);
    }
  } else {
#pragma unroll 8  // the loads of several inputs in flight; the sum stays in input order
    for (int j = 0; j < s.in; ++j) acc = __fmaf_rn(__ldg(w + static_cast<size_t>(j) * s.out), xs[j], acc);
  }
  return s.bias ? __fadd_rn(acc, __ldg(s.bias + o)) : acc;
}

// One stage of one step: its outputs (and, counted, its counters). The caller syncs after.
__device__ void run_stage(const FusedStage& s, const float* x, float* mem, int batch, const int* list,
                          unsigned* counters, float* out_step) {
  float* y = mem + s.y;
  const int n = s.out * batch;
  unsigned events = 0;
  for (int idx = threadIdx.x; idx < n; idx += blockDim.x) {
    float v;
    switch (static_cast<FusedOp>(s.op)) {
      case FusedOp::Projection:
        v = project(s, x, idx, list);
        break;
      case FusedOp::Scale:
        v = __fmul_rn(x[idx], __ldg(s.scale + idx % s.out));
        break;
      case FusedOp::Neuron:
        v = update_point_neuron(s.neuron, idx, x);
        events += v != 0.0f;
        break;
      default:
        v = x[idx];
        break;
    }
    y[idx] = v;
    if (out_step) out_step[idx] = v;
  }
  if (!counters) return;
  if (s.op == static_cast<int>(FusedOp::Projection))
    count_columns(s, x, batch, counters);
  else if (s.op == static_cast<int>(FusedOp::Neuron))
    add_counts(counters, events, 0, 0, 0);
}

// Global <-> shared copies of every stage's state (the block's samples b0..), at the chunk's
// start and end.
__device__ void move_state(FusedStage* st, int count, float* mem, int b0, int batch, bool load) {
  for (int k = 0; k < count; ++k) {
    const FusedStage& s = st[k];
    const int n = s.out * batch;
    const size_t first = static_cast<size_t>(b0) * s.out;
    const int offs[5] = {s.y, s.v, s.i, s.i_inh, s.left};
    float* glob[5] = {s.gy, s.gv, s.gi, s.gi_inh, s.gleft};
    for (int f = 0; f < 5; ++f)
      if (offs[f] >= 0)
        for (int idx = threadIdx.x; idx < n; idx += blockDim.x) {
          if (load)
            mem[offs[f] + idx] = glob[f][first + idx];
          else
            glob[f][first + idx] = mem[offs[f] + idx];
        }
  }
}

// The stage's input this step: one edge's source as is, or the in-edges summed in edge order
// (a recurrent source, later in the order, still holds step t - 1).
__device__ const float* stage_input(const FusedStage* st, const FusedStage& s, float* mem, const float* graph_input,
                                    int batch) {
  if (s.sources == 1) return s.src[0] < 0 ? graph_input : mem + st[s.src[0]].y;
  const int n = s.in * batch;
  for (int idx = threadIdx.x; idx < n; idx += blockDim.x) {
    float acc = 0.0f;
    for (int e = 0; e < s.sources; ++e) {
      const float v = s.src[e] < 0 ? graph_input[idx] : mem[st[s.src[e]].y + idx];
      acc = e == 0 ? v : __fadd_rn(acc, v);
    }
    mem[s.sum + idx] = acc;
  }
  __syncthreads();
  return mem + s.sum;
}

// A window's outputs (the block's samples b0..b0 + batch) and counts to global memory; the
// blocks add their counts (a projection's active columns are then each block's: what the
// blocks read).
__device__ void flush_window(const FusedLaunch& l, const FusedStage* st, const float* out_win, const unsigned* counts,
                             int t0, int n, int b0, int batch) {
  const int step_out = batch * l.outputs;
  for (int idx = threadIdx.x; idx < n * step_out; idx += blockDim.x) {
    const int w = idx / step_out;
    l.out_seq[(static_cast<size_t>(t0 + w) * l.batch + b0) * l.outputs + (idx - w * step_out)] = out_win[idx];
  }
  if (!l.counted) return;
  for (int idx = threadIdx.x; idx < n * l.count; idx += blockDim.x) {
    const int w = idx / l.count, k = idx - w * l.count;
    if (st[k].op != static_cast<int>(FusedOp::Projection) && st[k].op != static_cast<int>(FusedOp::Neuron)) continue;
    const unsigned* c = counts + 4 * idx;
    CountSlot& slot = l.slots[static_cast<size_t>(k) * l.steps + t0 + w];
    atomicAdd(&slot.nonzero, static_cast<unsigned long long>(c[0]));
    atomicAdd(&slot.pairs, static_cast<unsigned long long>(c[1]));
    atomicAdd(&slot.active, c[2]);
    if (c[3]) atomicOr(&slot.nonbinary, 1u);
  }
}

__global__ void fused_kernel(const FusedLaunch l) {
  extern __shared__ float4 shared_raw[];
  auto* st = reinterpret_cast<FusedStage*>(shared_raw);
  float* mem = reinterpret_cast<float*>(reinterpret_cast<char*>(shared_raw) + table_bytes(l.count));
  const SharedLayout at(l);
  float *in_win = mem + at.input, *out_win = mem + at.output;
  auto* counts = reinterpret_cast<unsigned*>(mem + at.counts);
  int* list = l.skip_zero ? reinterpret_cast<int*>(mem + at.list) : nullptr;
  {
    const auto* from = reinterpret_cast<const int*>(l.stages);
    auto* to = reinterpret_cast<int*>(st);
    for (size_t w = threadIdx.x; w < l.count * sizeof(FusedStage) / sizeof(int); w += blockDim.x) to[w] = from[w];
  }
  __syncthreads();
  for (int k = threadIdx.x; k < l.count; k += blockDim.x) {  // the neuron state lives in shared memory
    FusedStage& s = st[k];
    if (s.v >= 0) s.neuron.v = mem + s.v;
    if (s.i >= 0) s.neuron.i = mem + s.i;
    if (s.i_inh >= 0) s.neuron.i_inh = mem + s.i_inh;
    if (s.left >= 0) s.neuron.left = mem + s.left;
  }
  const int b0 = blockIdx.x * l.block_batch, batch = min(l.block_batch, l.batch - b0);
  move_state(st, l.count, mem, b0, batch, true);
  const int step_in = batch * l.inputs, step_out = batch * l.outputs;
  for (int t0 = 0; t0 < l.steps; t0 += l.window) {
    const int n = min(l.window, l.steps - t0);
    __syncthreads();  // the previous window is flushed
    for (int idx = threadIdx.x; idx < n * step_in; idx += blockDim.x) {
      const int w = idx / step_in;
      in_win[idx] = l.input[(static_cast<size_t>(t0 + w) * l.batch + b0) * l.inputs + (idx - w * step_in)];
    }
    if (l.counted)
      for (int idx = threadIdx.x; idx < n * l.count * 4; idx += blockDim.x) counts[idx] = 0;
    __syncthreads();
    for (int w = 0; w < n; ++w) {
      const float* graph_input = in_win + w * step_in;
      for (int k = 0; k < l.count; ++k) {
        const FusedStage& s = st[k];
        const float* x = stage_input(st, s, mem, graph_input, batch);
        const bool listed = list && s.op == static_cast<int>(FusedOp::Projection);
        if (listed) {
          list_active(x, s.in, batch, list);
          __syncthreads();
        }
        run_stage(s, x, mem, batch, listed ? list : nullptr, l.counted ? counts + 4 * (w * l.count + k) : nullptr,
                  k == l.output ? out_win + w * step_out : nullptr);
        __syncthreads();
      }
    }
    flush_window(l, st, out_win, counts, t0, n, b0, batch);
  }
  move_state(st, l.count, mem, b0, batch, false);
}

}  // namespace

size_t fused_shared_bytes(const FusedLaunch& l) { return table_bytes(l.count) + SharedLayout(l).total * 4; }

void launch_fused(const FusedLaunch& l, cudaStream_t stream) {
  const size_t bytes = fused_shared_bytes(l);
  EVSIM_CUDA_CHECK(
      cudaFuncSetAttribute(fused_kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(bytes)));
  const auto blocks = static_cast<unsigned>((l.batch + l.block_batch - 1) / l.block_batch);
  fused_kernel<<<blocks, static_cast<unsigned>(l.threads), bytes, stream>>>(l);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
