#include <algorithm>

#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/op_count.hpp"

namespace evsim::cuda {
namespace {

constexpr int kThreads = 256;

enum : unsigned { kNonzero = 1, kPairs = 2, kFlags = 4 };  // what a launch adds: flags = active, non-binary

// Where step t's inputs are: x + t step_stride, or (ring.base set) the ring's slot `delay` steps back.
struct Inputs {
  const float* x = nullptr;
  size_t step_stride = 0;
  RingView ring{};
  int step = 0, delay = 0;  // ring: the replay step of the launch's first step; the delay read
};

// One thread per column and step: its samples' non-zero values; warp sums, one atomic per warp.
__global__ void count_kernel(const Inputs in, int t0, int cols, int batch, const uint32_t* __restrict__ fanout,
                             unsigned what, CountSlot* slots) {
  const int j = blockIdx.x * blockDim.x + threadIdx.x;
  const float* xt = in.ring.base ? ring_slot(in.ring, in.step + t0 + static_cast<int>(blockIdx.y), in.delay)
                                 : in.x + blockIdx.y * in.step_stride;
  if (!xt) return;  // nothing sent that long ago (the whole block)
  unsigned long long nz = 0;
  bool nonbinary = false;
  if (j < cols)
    for (int b = 0; b < batch; ++b) {
      const float v = xt[static_cast<size_t>(b) * cols + j];
      if (v != 0.0f) {
        ++nz;
        nonbinary |= v != 1.0f && v != -1.0f;
      }
    }
  unsigned long long pairs = fanout && j < cols ? nz * fanout[j] : 0ull;
  unsigned int active = nz > 0;
  for (int off = 16; off > 0; off /= 2) {
    nz += __shfl_down_sync(0xffffffffu, nz, off);
    pairs += __shfl_down_sync(0xffffffffu, pairs, off);
    active += __shfl_down_sync(0xffffffffu, active, off);
  }
  const bool any_nonbinary = __any_sync(0xffffffffu, nonbinary);
  if ((threadIdx.x & 31) != 0) return;
  CountSlot& s = slots[blockIdx.y];
  if (nz) {
    if (what & kNonzero) atomicAdd(&s.nonzero, nz);
    if (what & kPairs) atomicAdd(&s.pairs, pairs);
    if (what & kFlags) atomicAdd(&s.active, active);
  }
  if (any_nonbinary && (what & kFlags)) atomicOr(&s.nonbinary, 1u);
}

void launch(Inputs in, int steps, int cols, int batch, const uint32_t* fanout, unsigned what, CountSlot* slots,
            cudaStream_t stream) {
  constexpr int kMaxGridY = 65535;
  const unsigned blocks = static_cast<unsigned>((cols + kThreads - 1) / kThreads);
  for (int t0 = 0; t0 < steps; t0 += kMaxGridY) {
    const int n = std::min(kMaxGridY, steps - t0);
    count_kernel<<<dim3(blocks, static_cast<unsigned>(n)), kThreads, 0, stream>>>(in, t0, cols, batch, fanout, what,
                                                                                  slots + t0);
    EVSIM_KERNEL_CHECK();
    if (!in.ring.base) in.x += static_cast<size_t>(n) * in.step_stride;
  }
}

}  // namespace

void count_inputs(const float* x, size_t step_stride, int steps, int cols, int batch, const uint32_t* fanout,
                  CountSlot* slots, cudaStream_t stream) {
  launch(Inputs{x, step_stride, {}, 0, 0}, steps, cols, batch, fanout, kNonzero | kPairs | kFlags, slots, stream);
}

void count_arrivals(const float* x, int cols, int batch, CountSlot* slot, cudaStream_t stream) {
  launch(Inputs{x, 0, {}, 0, 0}, 1, cols, batch, nullptr, kNonzero, slot, stream);
}

void count_delayed_pairs(const RingView& ring, int t, int delay, int cols, int batch, const uint32_t* fanout,
                         CountSlot* slot, cudaStream_t stream) {
  launch(Inputs{nullptr, 0, ring, t, delay}, 1, cols, batch, fanout, kPairs | kFlags, slot, stream);
}

}  // namespace evsim::cuda
