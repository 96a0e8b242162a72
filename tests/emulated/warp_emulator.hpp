#pragma once
// Host stand-ins for the CUDA built-ins that the generated spiking kernels use
// (backends/cuda/snn_codegen.hpp), so that tests run a generated source on the CPU, without a GPU
// (tests/test_generated_on_cpu.cpp compiles it with this header in front). A block is 32
// fibres, one per lane; every warp-wide operation (and __syncwarp) is a rendezvous of the 32.
// The roundings are the device's: each _rn intrinsic one IEEE operation (compiled with
// -ffp-contract=off), __fmaf_rn std::fma.
#include <math.h>
#include <sys/mman.h>
#include <ucontext.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <functional>

#define __device__
#define __global__
#define __host__
#define __forceinline__ inline
#define __launch_bounds__(n)
// One block at a time runs (launch() below), so a function's static array is its block's.
#define __shared__ static

using std::min;
using std::size_t;

struct EmulatedDim {
  unsigned x = 0, y = 0, z = 0;
};
inline thread_local EmulatedDim threadIdx, blockIdx;

namespace evsim_emulated {

// A lane's stack, with an inaccessible page below it: a kernel that outgrows it stops with a
// segmentation fault instead of writing over the next lane's. 256 KB: the generated kernels
// keep their state in registers and small arrays; AddressSanitizer clears a stack's shadow at
// every switch into it, so the size is that build's cost (LifNetsMatchTheCpu under the
// sanitizers on the 2-core VM: 39 s with 1 MB stacks, 6 s with 256 KB).
class LaneStack {
 public:
  static constexpr size_t kSize = size_t{256} << 10;
  LaneStack() {
    base_ = mmap(nullptr, kSize + kGuard, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base_ == MAP_FAILED) std::abort();
    mprotect(base_, kGuard, PROT_NONE);
  }
  LaneStack(const LaneStack&) = delete;
  LaneStack& operator=(const LaneStack&) = delete;
  ~LaneStack() { munmap(base_, kSize + kGuard); }
  void* lowest() const { return static_cast<char*>(base_) + kGuard; }  // ucontext's ss_sp: stacks grow down to it

 private:
  static constexpr size_t kGuard = 4096;
  void* base_;
};

// A block is 32 fibres on the calling thread (ucontext), one per lane, run in turn: each runs
// until its next warp-wide operation or its end, then the next lane runs, so a lane resumes past
// an operation only once all 32 have reached it, as on a warp. As 32 std::threads meeting at a
// std::barrier, a test that took 7 s on an idle 2-core machine took 143 s beside two busy
// processes (every rendezvous waited for 32 threads to be scheduled); fibres do not depend on the
// scheduler. Every lane must reach the same warp-wide operations, as the generated kernels do.
struct Warp {
  ucontext_t scheduler{}, lane[32]{};
  LaneStack stack[32];
  bool done[32] = {};
  unsigned long long slot[32] = {};
  const std::function<void()>* kernel = nullptr;
  unsigned current = 0;
};
inline thread_local Warp* warp = nullptr;

// Back to the scheduler until every lane has reached this point (the next round).
inline void meet() { swapcontext(&warp->lane[warp->current], &warp->scheduler); }

template <class T>
unsigned long long bits_of(T v) {
  unsigned long long b = 0;
  std::memcpy(&b, &v, sizeof(T));
  return b;
}

template <class T>
T from_bits(unsigned long long b) {
  T v;
  std::memcpy(&v, &b, sizeof(T));
  return v;
}

// Every lane posts a value; each reads what `read` makes of the 32 posted.
template <class T, class Read>
T rendezvous(T v, Read read) {
  warp->slot[threadIdx.x] = bits_of(v);
  meet();
  const T r = read(warp->slot);
  meet();
  return r;
}

inline void run_lane() {
  (*warp->kernel)();
  warp->done[warp->current] = true;  // then back to the scheduler (uc_link)
}

// The blocks one after another; in each, the lanes in turn until all have ended.
inline void launch(int blocks, const std::function<void()>& kernel) {
  Warp w;
  warp = &w;
  w.kernel = &kernel;
  for (int b = 0; b < blocks; ++b) {
    blockIdx.x = static_cast<unsigned>(b);
    for (unsigned k = 0; k < 32; ++k) {
      w.done[k] = false;
      getcontext(&w.lane[k]);
      w.lane[k].uc_stack.ss_sp = w.stack[k].lowest();
      w.lane[k].uc_stack.ss_size = LaneStack::kSize;
      w.lane[k].uc_link = &w.scheduler;
      makecontext(&w.lane[k], run_lane, 0);
    }
    for (bool running = true; running;) {
      running = false;
      for (unsigned k = 0; k < 32; ++k) {
        if (w.done[k]) continue;
        w.current = k;
        threadIdx.x = k;
        swapcontext(&w.scheduler, &w.lane[k]);
        running = running || !w.done[k];
      }
    }
  }
  warp = nullptr;
}

}  // namespace evsim_emulated

template <class T>
T __shfl_sync(unsigned, T v, int src) {
  return evsim_emulated::rendezvous(
      v, [src](const unsigned long long* s) { return evsim_emulated::from_bits<T>(s[src & 31]); });
}

inline void __syncwarp(unsigned = 0xffffffffu) { evsim_emulated::meet(); }

inline unsigned __reduce_add_sync(unsigned, unsigned v) {
  return evsim_emulated::rendezvous(v, [](const unsigned long long* s) {
    unsigned sum = 0;
    for (int k = 0; k < 32; ++k) sum += evsim_emulated::from_bits<unsigned>(s[k]);
    return sum;
  });
}

inline int __any_sync(unsigned, int p) {
  return evsim_emulated::rendezvous(p, [](const unsigned long long* s) {
    int any = 0;
    for (int k = 0; k < 32; ++k) any |= evsim_emulated::from_bits<int>(s[k]) != 0;
    return any;
  });
}

inline unsigned long long atomicAdd(unsigned long long* p, unsigned long long v) {
  return std::atomic_ref<unsigned long long>(*p).fetch_add(v);
}
inline unsigned atomicAdd(unsigned* p, unsigned v) { return std::atomic_ref<unsigned>(*p).fetch_add(v); }
inline unsigned atomicOr(unsigned* p, unsigned v) { return std::atomic_ref<unsigned>(*p).fetch_or(v); }

template <class T>
T __ldg(const T* p) {
  return *p;
}

inline float __fmaf_rn(float a, float b, float c) { return std::fma(a, b, c); }
inline float __fadd_rn(float a, float b) { return a + b; }
inline float __fsub_rn(float a, float b) { return a - b; }
inline float __fmul_rn(float a, float b) { return a * b; }
