#pragma once
// Host stand-ins for the CUDA built-ins that the generated spiking kernels use
// (backends/cuda/snn_codegen.hpp), so that tests run a generated source on the CPU, without a GPU
// (tests/test_generated_on_cpu.cpp compiles it with this header in front). A block is 32
// std::threads, one per lane; every warp-wide operation (and __syncwarp) is a rendezvous of the
// 32 at a barrier.
// The roundings are the device's: each _rn intrinsic one IEEE operation (compiled with
// -ffp-contract=off), __fmaf_rn std::fma.
#include <math.h>

#include <algorithm>
#include <atomic>
#include <barrier>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <functional>
#include <thread>
#include <vector>

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

struct Warp {
  std::barrier<> meet{32};
  unsigned long long slot[32] = {};
};
inline thread_local Warp* warp = nullptr;

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
  warp->meet.arrive_and_wait();
  const T r = read(warp->slot);
  warp->meet.arrive_and_wait();
  return r;
}

// The blocks one after another, each as 32 threads.
inline void launch(int blocks, const std::function<void()>& kernel) {
  for (int b = 0; b < blocks; ++b) {
    Warp w;
    std::vector<std::thread> lanes;
    for (unsigned lane = 0; lane < 32; ++lane)
      lanes.emplace_back([&w, &kernel, lane, b] {
        threadIdx.x = lane;
        blockIdx.x = static_cast<unsigned>(b);
        warp = &w;
        kernel();
      });
    for (std::thread& t : lanes) t.join();
  }
}

}  // namespace evsim_emulated

template <class T>
T __shfl_sync(unsigned, T v, int src) {
  return evsim_emulated::rendezvous(
      v, [src](const unsigned long long* s) { return evsim_emulated::from_bits<T>(s[src & 31]); });
}

inline void __syncwarp(unsigned = 0xffffffffu) { evsim_emulated::warp->meet.arrive_and_wait(); }

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
