#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/snn_fused.cuh"

namespace evsim::cuda {
namespace {

constexpr unsigned kFull = 0xffffffffu;

__host__ __device__ size_t table_bytes(int count) {
  return (static_cast<size_t>(count) * sizeof(FusedStage) + 15) / 16 * 16;
}

// One warp-wide sum per value, then one atomic per warp into the step's slot (the slots are
// zeroed before a counted replay, as for count_inputs()).
__device__ void add_counts(CountSlot* slot, unsigned nz, unsigned pairs, unsigned active, unsigned nonbinary) {
  nz = __reduce_add_sync(kFull, nz);
  pairs = __reduce_add_sync(kFull, pairs);
  active = __reduce_add_sync(kFull, active);
  nonbinary = __reduce_or_sync(kFull, nonbinary);
  if ((threadIdx.x & 31) != 0) return;
  if (nz) {
    atomicAdd(&slot->nonzero, static_cast<unsigned long long>(nz));
    atomicAdd(&slot->pairs, static_cast<unsigned long long>(pairs));
    atomicAdd(&slot->active, active);
  }
  if (nonbinary) atomicOr(&slot->nonbinary, 1u);
}

// A projection's input columns: non-zero values over the batch, their weight pairs, active
// columns (the union over the batch), whether any non-zero is not +-1.
__device__ void count_columns(const FusedStage& s, const float* x, int batch, CountSlot* slot) {
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
  add_counts(slot, nz, pairs, active, nonbinary);
}

__device__ float project(const FusedStage& s, const float* x, int idx, bool skip_zero) {
  const int b = idx / s.out, o = idx - b * s.out;
  const float* xs = x + b * s.in;
  const float* w = s.w + o;
  float acc = 0.0f;
  for (int j = 0; j < s.in; ++j) {
    const float v = xs[j];
    if (!skip_zero || v != 0.0f) acc = __fmaf_rn(__ldg(w + static_cast<size_t>(j) * s.out), v, acc);
  }
  return s.bias ? __fadd_rn(acc, __ldg(s.bias + o)) : acc;
}

// Stage k of one step: its outputs (and, counted, its slot). The caller syncs after.
__device__ void run_stage(const FusedStage& s, const float* x, float* mem, int batch, bool skip_zero, CountSlot* slot,
                          float* out_step) {
  float* y = mem + s.y;
  const int n = s.out * batch;
  unsigned events = 0;
  for (int idx = threadIdx.x; idx < n; idx += blockDim.x) {
    float v;
    switch (static_cast<FusedOp>(s.op)) {
      case FusedOp::Projection:
        v = project(s, x, idx, skip_zero);
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
  if (!slot) return;
  if (s.op == static_cast<int>(FusedOp::Projection))
    count_columns(s, x, batch, slot);
  else if (s.op == static_cast<int>(FusedOp::Neuron))
    add_counts(slot, events, 0, 0, 0);
}

// Global <-> shared copies of every stage's state, at the chunk's start and end.
__device__ void move_state(FusedStage* st, int count, float* mem, int batch, bool load) {
  for (int k = 0; k < count; ++k) {
    const FusedStage& s = st[k];
    const int n = s.out * batch;
    const int offs[5] = {s.y, s.v, s.i, s.i_inh, s.left};
    float* glob[5] = {s.gy, s.gv, s.gi, s.gi_inh, s.gleft};
    for (int f = 0; f < 5; ++f)
      if (offs[f] >= 0)
        for (int idx = threadIdx.x; idx < n; idx += blockDim.x) {
          if (load)
            mem[offs[f] + idx] = glob[f][idx];
          else
            glob[f][idx] = mem[offs[f] + idx];
        }
  }
}

__global__ void fused_kernel(const FusedLaunch l) {
  extern __shared__ float4 shared_raw[];
  auto* st = reinterpret_cast<FusedStage*>(shared_raw);
  float* mem = reinterpret_cast<float*>(reinterpret_cast<char*>(shared_raw) + table_bytes(l.count));
  float* window = mem + l.state_floats;
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
  move_state(st, l.count, mem, l.batch, true);
  const int step_in = l.batch * l.inputs, step_out = l.batch * st[l.output].out;
  for (int t = 0; t < l.steps; ++t) {
    const int w = t % l.window;
    if (w == 0) {
      __syncthreads();  // the previous window is read
      const int n = min(l.window, l.steps - t) * step_in;
      for (int idx = threadIdx.x; idx < n; idx += blockDim.x)
        window[idx] = l.input[static_cast<size_t>(t) * step_in + idx];
    }
    __syncthreads();
    const float* graph_input = window + w * step_in;
    for (int k = 0; k < l.count; ++k) {
      const FusedStage& s = st[k];
      const float* x;
      if (s.sources == 1) {
        x = s.src[0] < 0 ? graph_input : mem + st[s.src[0]].y;
      } else {  // merging and recurrent edges summed in edge order (a recurrent source: step t - 1)
        const int n = s.in * l.batch;
        for (int idx = threadIdx.x; idx < n; idx += blockDim.x) {
          float acc = 0.0f;
          for (int e = 0; e < s.sources; ++e) {
            const float v = s.src[e] < 0 ? graph_input[idx] : mem[st[s.src[e]].y + idx];
            acc = e == 0 ? v : __fadd_rn(acc, v);
          }
          mem[s.sum + idx] = acc;
        }
        __syncthreads();
        x = mem + s.sum;
      }
      run_stage(s, x, mem, l.batch, l.skip_zero, l.slots ? l.slots + static_cast<size_t>(k) * l.steps + t : nullptr,
                k == l.output ? l.out_seq + static_cast<size_t>(t) * step_out : nullptr);
      __syncthreads();
    }
  }
  move_state(st, l.count, mem, l.batch, false);
}

}  // namespace

size_t fused_shared_bytes(const FusedLaunch& l) {
  return table_bytes(l.count) +
         (static_cast<size_t>(l.state_floats) + static_cast<size_t>(l.window) * l.batch * l.inputs) * sizeof(float);
}

void launch_fused(const FusedLaunch& l, cudaStream_t stream) {
  const size_t bytes = fused_shared_bytes(l);
  EVSIM_CUDA_CHECK(
      cudaFuncSetAttribute(fused_kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, static_cast<int>(bytes)));
  fused_kernel<<<1, static_cast<unsigned>(l.threads), bytes, stream>>>(l);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
