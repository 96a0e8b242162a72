#include "backends/cuda/activation.cuh"
#include "backends/cuda/cuda_check.hpp"
#include "backends/cuda/operator_kernels.cuh"

namespace evsim::cuda {
namespace {

constexpr int kThreads = 256;
unsigned blocks_for(size_t n) { return static_cast<unsigned>((n + kThreads - 1) / kThreads); }

__global__ void pad_crop_kernel(const float* __restrict__ x, float* __restrict__ y, ImageShape in, ImageShape out,
                                int top, int left, size_t total) {
  const size_t idx = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x;
  if (idx >= total) return;
  const int q = static_cast<int>(idx % out.w), r = static_cast<int>(idx / out.w % out.h);
  const size_t plane = idx / (static_cast<size_t>(out.w) * out.h);  // sample x channel
  const int ir = r - top, iq = q - left;
  y[idx] = ir >= 0 && ir < in.h && iq >= 0 && iq < in.w ? x[(plane * in.h + ir) * in.w + iq] : 0.0f;
}

__global__ void grid_kernel(const float* __restrict__ x, float* __restrict__ y, ImageShape in, size_t total) {
  const size_t idx = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x;
  if (idx >= total) return;
  const size_t plane = static_cast<size_t>(in.h) * in.w, per_sample = (in.c + 2) * plane;
  const size_t b = idx / per_sample, within = idx % per_sample;
  const int c = static_cast<int>(within / plane), pos = static_cast<int>(within % plane);
  float v;
  if (c < in.c) {
    v = x[b * in.c * plane + within];
  } else {
    const int i = c == in.c ? pos / in.w : pos % in.w, n = c == in.c ? in.h : in.w;
    v = n > 1 ? static_cast<float>(static_cast<double>(i) / static_cast<double>(n - 1)) : 0.0f;
  }
  y[idx] = v;
}

__global__ void normalize_kernel(const float* __restrict__ x, const float* __restrict__ mean,
                                 const float* __restrict__ scale, int inverse, float* __restrict__ y, int n,
                                 size_t total) {
  const size_t idx = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x;
  if (idx >= total) return;
  const int u = static_cast<int>(idx % n);
  y[idx] = inverse ? __fadd_rn(__fmul_rn(x[idx], scale[u]), mean[u]) : __fdiv_rn(__fsub_rn(x[idx], mean[u]), scale[u]);
}

__global__ void activation_kernel(int fn, const float* __restrict__ x, float* __restrict__ y, size_t total) {
  const size_t idx = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x;
  if (idx < total) y[idx] = activate(fn, x[idx]);
}

// One thread per (sample, output channel, coefficient of the 2w x 2h coarsest bands).
__global__ void wavelet_mix_kernel(const float* __restrict__ ct, const float* __restrict__ wa,
                                   const float* __restrict__ wd, float* __restrict__ mt, int ci, int co, int h, int w,
                                   int subtract, size_t total) {
  const size_t idx = blockIdx.x * static_cast<size_t>(blockDim.x) + threadIdx.x;
  if (idx >= total) return;
  const int coeffs = 4 * h * w, band = h * w;
  const int pos = static_cast<int>(idx % coeffs);
  const size_t bk = idx / coeffs;
  const int k = static_cast<int>(bk % co);
  const size_t b = bk / co;
  const int c = pos % (2 * w), r = pos / (2 * w);  // row of C^T: along the columns; column: along the rows
  const int rb = r >= h, cb = c >= w, y = r - rb * h, q = c - cb * w, which = rb + 2 * cb;
  const size_t step = static_cast<size_t>(co) * band;  // one input channel further
  const float* wt =
      which == 0 ? wa + static_cast<size_t>(k) * band : wd + (static_cast<size_t>(which - 1) * ci * co + k) * band;
  wt += y * w + q;
  const float* in = ct + b * ci * coeffs + pos;
  float acc = 0.0f;
  for (int i = 0; i < ci; ++i) acc = __fadd_rn(acc, __fmul_rn(in[static_cast<size_t>(i) * coeffs], wt[i * step]));
  if (subtract) acc = __fsub_rn(acc, in[static_cast<size_t>(k) * coeffs]);
  mt[idx] = acc;
}

constexpr int kTileWarps = 8;

// Warp = 32 positions x 32 output channels (lane: the output channel while scattering, the
// position while writing); block = 8 such tiles; grid: (position tiles, output chunks, samples).
__global__ void __launch_bounds__(kTileWarps * 32)
    pointwise_scatter_kernel(const float* __restrict__ x, const float* __restrict__ w, const float* __restrict__ bias,
                             float* __restrict__ y, int ci, int co, int positions) {
  __shared__ float acc_all[kTileWarps][32 * 33];
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  const int p0 = (blockIdx.x * kTileWarps + warp) * 32;
  if (p0 >= positions) return;  // whole warps only: no block-wide barrier below
  const int o0 = blockIdx.y * 32, o = o0 + lane, p = p0 + lane;
  const bool has_o = o < co, has_p = p < positions;
  float* acc = acc_all[warp];
  for (int s = 0; s < 32; ++s) acc[s * 33 + lane] = 0.0f;
  const float* xb = x + static_cast<size_t>(blockIdx.z) * ci * positions;
  for (int i = 0; i < ci; ++i) {
    const float v = has_p ? xb[static_cast<size_t>(i) * positions + p] : 0.0f;
    unsigned fired = __ballot_sync(0xffffffffu, v != 0.0f);
    if (!fired) continue;
    const float wv = has_o ? w[static_cast<size_t>(i) * co + o] : 0.0f;
    while (fired) {
      const int s = __ffs(fired) - 1;
      fired &= fired - 1;
      const float vs = __shfl_sync(0xffffffffu, v, s);
      acc[s * 33 + lane] = fmaf(wv, vs, acc[s * 33 + lane]);
    }
  }
  __syncwarp();
  if (!has_p) return;
  float* yb = y + static_cast<size_t>(blockIdx.z) * co * positions + p;
  for (int j = 0; j < 32 && o0 + j < co; ++j) {
    const float r = acc[lane * 33 + j];
    yb[static_cast<size_t>(o0 + j) * positions] = bias ? __fadd_rn(r, bias[o0 + j]) : r;
  }
}

constexpr int kProductThreads = 128, kProductOutputs = 16;

// Thread = one position x 16 output channels; grid: (position blocks, output chunks, samples).
// The chunk's weights sit in shared memory (every thread reads the same one: a broadcast).
__global__ void __launch_bounds__(kProductThreads)
    pointwise_product_kernel(const float* __restrict__ x, const float* __restrict__ w, const float* __restrict__ bias,
                             float* __restrict__ y, int ci, int co, int positions) {
  extern __shared__ float ws[];  // ci x kProductOutputs
  const int o0 = blockIdx.y * kProductOutputs, outs = min(kProductOutputs, co - o0);
  for (int k = threadIdx.x; k < ci * kProductOutputs; k += blockDim.x) {
    const int i = k / kProductOutputs, j = k % kProductOutputs;
    ws[k] = j < outs ? w[static_cast<size_t>(i) * co + o0 + j] : 0.0f;
  }
  __syncthreads();
  const int p = blockIdx.x * blockDim.x + threadIdx.x;
  if (p >= positions) return;
  const float* xb = x + static_cast<size_t>(blockIdx.z) * ci * positions + p;
  float acc[kProductOutputs];
#pragma unroll
  for (int j = 0; j < kProductOutputs; ++j) acc[j] = 0.0f;
  for (int i = 0; i < ci; ++i) {
    const float v = xb[static_cast<size_t>(i) * positions];
#pragma unroll
    for (int j = 0; j < kProductOutputs; ++j) acc[j] = fmaf(ws[i * kProductOutputs + j], v, acc[j]);
  }
  float* yb = y + (static_cast<size_t>(blockIdx.z) * co + o0) * positions + p;
  for (int j = 0; j < outs; ++j)
    yb[static_cast<size_t>(j) * positions] = bias ? __fadd_rn(acc[j], bias[o0 + j]) : acc[j];
}

}  // namespace

void launch_pointwise_product(const float* x, const float* w, const float* bias, float* y, int ci, int co,
                              int positions, int batch, cudaStream_t stream) {
  const size_t smem = static_cast<size_t>(ci) * kProductOutputs * sizeof(float);
  const dim3 grid(static_cast<unsigned>((positions + kProductThreads - 1) / kProductThreads),
                  static_cast<unsigned>((co + kProductOutputs - 1) / kProductOutputs), static_cast<unsigned>(batch));
  if (smem > 48 * 1024)
    EVSIM_CUDA_CHECK(cudaFuncSetAttribute(pointwise_product_kernel, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                          static_cast<int>(smem)));
  pointwise_product_kernel<<<grid, kProductThreads, smem, stream>>>(x, w, bias, y, ci, co, positions);
  EVSIM_KERNEL_CHECK();
}

void launch_pad_crop(const float* x, float* y, ImageShape in, ImageShape out, int top, int left, int batch,
                     cudaStream_t stream) {
  const size_t total = static_cast<size_t>(batch) * out.c * out.h * out.w;
  pad_crop_kernel<<<blocks_for(total), kThreads, 0, stream>>>(x, y, in, out, top, left, total);
  EVSIM_KERNEL_CHECK();
}

void launch_grid_channels(const float* x, float* y, ImageShape in, int batch, cudaStream_t stream) {
  const size_t total = static_cast<size_t>(batch) * (in.c + 2) * in.h * in.w;
  grid_kernel<<<blocks_for(total), kThreads, 0, stream>>>(x, y, in, total);
  EVSIM_KERNEL_CHECK();
}

void launch_normalize(const float* x, const float* mean, const float* scale, bool inverse, float* y, int n, int batch,
                      cudaStream_t stream) {
  const size_t total = static_cast<size_t>(n) * batch;
  normalize_kernel<<<blocks_for(total), kThreads, 0, stream>>>(x, mean, scale, inverse ? 1 : 0, y, n, total);
  EVSIM_KERNEL_CHECK();
}

void launch_activation(int fn, const float* x, float* y, size_t count, cudaStream_t stream) {
  activation_kernel<<<blocks_for(count), kThreads, 0, stream>>>(fn, x, y, count);
  EVSIM_KERNEL_CHECK();
}

void launch_wavelet_mix(const float* ct, const float* weight_approx, const float* weight_detail, float* mt, int ci,
                        int co, int h, int w, bool subtract, int batch, cudaStream_t stream) {
  const size_t total = static_cast<size_t>(batch) * co * 4 * h * w;
  wavelet_mix_kernel<<<blocks_for(total), kThreads, 0, stream>>>(ct, weight_approx, weight_detail, mt, ci, co, h, w,
                                                                 subtract ? 1 : 0, total);
  EVSIM_KERNEL_CHECK();
}

void launch_pointwise_scatter(const float* x, const float* w, const float* bias, float* y, int ci, int co,
                              int positions, int batch, cudaStream_t stream) {
  const int tiles = (positions + 31) / 32;
  const dim3 grid(static_cast<unsigned>((tiles + kTileWarps - 1) / kTileWarps), static_cast<unsigned>((co + 31) / 32),
                  static_cast<unsigned>(batch));
  pointwise_scatter_kernel<<<grid, kTileWarps * 32, 0, stream>>>(x, w, bias, y, ci, co, positions);
  EVSIM_KERNEL_CHECK();
}

}  // namespace evsim::cuda
