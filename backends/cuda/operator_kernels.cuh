#pragma once
// Kernels of the neural-operator nodes on the GPU (channels x rows x cols per sample, samples
// one after another, as the CPU's columns): Pad2d / Crop2d, GridChannels, Normalize,
// Activation, WaveletConv2d's mixing of the coarsest bands, and pointwise convolutions (every
// input, or the events scattered). Include from .cu files.
#include <cuda_runtime.h>

#include <cstdint>

namespace evsim::cuda {

struct ImageShape {
  int c = 0, h = 0, w = 0;
};

// out (c x oh x ow) from in (c x ih x iw): out(r, q) = in(r - top, q - left) inside, else 0
// (Pad2d: top, left >= 0; Crop2d: negative).
void launch_pad_crop(const float* x, float* y, ImageShape in, ImageShape out, int top, int left, int batch,
                     cudaStream_t stream);
// in's channels, then the row and column coordinates (0..1).
void launch_grid_channels(const float* x, float* y, ImageShape in, int batch, cudaStream_t stream);
// (x - mean) / scale, or with inverse x scale + mean (per unit of n; the CPU's roundings).
void launch_normalize(const float* x, const float* mean, const float* scale, bool inverse, float* y, int n, int batch,
                      cudaStream_t stream);
void launch_activation(int fn, const float* x, float* y, size_t count, cudaStream_t stream);

// WaveletConv2d: mt[b][k] (2w x 2h, column-major) = sum_i ct[b][i] * weight of its band,
// minus ct[b][k] when `subtract` (finer details kept: X + R (M(C) - C) R^T).
void launch_wavelet_mix(const float* ct, const float* weight_approx, const float* weight_detail, float* mt, int ci,
                        int co, int h, int w, bool subtract, int batch, cudaStream_t stream);

// Pointwise convolutions, y[b][o][p] = sum_i w[o][i] x[b][i][p] (+ bias[o]); w: co x ci
// column-major (input channel i's weights contiguous), bias per output channel or null. Both
// paths add each output as one fused multiply-add chain over the input channels in ascending
// order, then the bias: the CPU's sums (network/conv2d_projection.hpp), bit for bit, since a
// skipped zero input would have added nothing.
// The product: every input.
void launch_pointwise_product(const float* x, const float* w, const float* bias, float* y, int ci, int co,
                              int positions, int batch, cudaStream_t stream);
// The event path: per tile of 32 positions, each input channel's
// non-zero values (a warp ballot) scatter through that channel's weights; zero inputs cost one
// load and no multiply.
void launch_pointwise_scatter(const float* x, const float* w, const float* bias, float* y, int ci, int co,
                              int positions, int batch, cudaStream_t stream);

}  // namespace evsim::cuda
