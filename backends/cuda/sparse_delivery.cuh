#pragma once
// Event delivery through sparse connectivity (compressed columns) on the GPU, for networks
// whose weights are never formed dense (a checkpoint's csr/csc weight group: the classic
// recurrent benchmark networks, 64,000 neurons and more).
//
// Two launches per step: a mask of the active inputs (a column is active when any sample's
// value is non-zero), then the delivery. Each block owns kSparseRows consecutive output rows
// and kSparseSamples samples; it reads the mask, lists the active columns in ascending order,
// finds each column's entries within its rows through a per-(column, row block) offset table
// built at upload (one load instead of a binary search), stages them in shared memory and
// each thread sums its row's entries in column order with one fused multiply-add each: the
// CPU's reference order (network/csc_matrix.hpp), without atomics, so bit for bit the CPU's
// sums. Work and weight reads grow with the active columns' non-zeros, not rows x cols.
// Include from .cu files only.
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdint>

#include "backends/cuda/delay_ring.cuh"

namespace evsim::cuda {

constexpr int kSparseRows = 256;                 // output rows per block (one per thread)
constexpr int kSparseSamples = 4;                // samples per block (grid.y covers the batch)
constexpr int kSparseMaxCols = 32 * 4096;        // the mask of the active inputs is staged in shared memory
constexpr int64_t kSparseMaxNnz = 0xffffffffLL;  // 32-bit entry offsets

struct SparseColumns {
  const uint32_t* block_ptr = nullptr;  // cols x (row_blocks + 1): column j's first entry at or past row block r
  const uint32_t* row_idx = nullptr;    // nnz, ascending within a column
  const float* val = nullptr;           // nnz
  int rows = 0, cols = 0, row_blocks = 0;
  // The same weights by row (row_major_entries(): each row's entries in ascending column), for
  // steps with more than pull_above active columns: each thread then walks its own row and adds
  // the entries whose input is non-zero, in column order (the same sums). Listing thousands of
  // active columns in every block cost more (a Poisson drive of one input per neuron: 8,650
  // active columns of one entry each per step). Null: never.
  const uint32_t* row_ptr = nullptr;  // rows + 1
  const uint32_t* col_idx = nullptr;  // nnz
  const float* row_val = nullptr;     // nnz
  int pull_above = 0x7fffffff;
};

// When a step pulls by row: more active columns than one listing round (512) and than four
// times a row's mean length (a thread then walks fewer entries than the block would list).
inline int sparse_pull_above(uint64_t nnz, int64_t rows) {
  const uint64_t mean_row = rows > 0 ? (nnz + static_cast<uint64_t>(rows) - 1) / static_cast<uint64_t>(rows) : 0;
  return static_cast<int>(std::min<uint64_t>(0x7fffffff, std::max<uint64_t>(512, 4 * mean_row)));
}

// mask: ceil(cols / 32) words (scratch). y (rows x batch, sample b at b * rows) is overwritten.
void sparse_deliver(const SparseColumns& w, const float* x, int batch, uint32_t* mask, float* y, cudaStream_t stream);
// One delay's synapses (network/delayed_projection.hpp): the inputs `delay` steps before step t
// from the ring (none before the run began), added into y when `accumulate` (each row's sum
// continues from y in column order: the delays in ascending order give the CPU's sums).
void sparse_deliver_delayed(const SparseColumns& w, const RingView& ring, int t, int delay, int batch, uint32_t* mask,
                            float* y, bool accumulate, cudaStream_t stream);

}  // namespace evsim::cuda
