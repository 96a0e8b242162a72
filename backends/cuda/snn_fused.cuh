#pragma once
// The fused small-graph kernel: a whole chunk of steps of a spiking graph in ONE launch, one
// thread block per group of samples, every stage's output and neuron state in shared memory, a
// __syncthreads() between stages. Small NIR graphs (a few hundred units) are launch-bound with a kernel per node
// and step (~1-2 us each, whatever the work): here a step costs a few shared-memory round trips.
// Same arithmetic as the per-node path: projections sum W x with one fused multiply-add per
// weight in input order (the CPU's reference order, network/csc_matrix.hpp), bias after; the
// neuron update is neuron_update.cuh. Counting (optional) writes the same per-step CountSlots
// as count_inputs(). Include from .cu files only.
#include <cstddef>
#include <cstdint>

#include "backends/cuda/neuron_update.cuh"
#include "backends/cuda/port_count.hpp"

namespace evsim::cuda {

enum class FusedOp : int { Identity = 0, Projection = 1, Scale = 2, Neuron = 3 };

constexpr int kFusedMaxSources = 8;

struct FusedStage {
  int op = 0, in = 0, out = 0, sources = 0;
  int src[kFusedMaxSources] = {};  // -1: the graph input; else an earlier (or, recurrent, a later) stage
  // Offsets (floats) into the kernel's shared state; -1: none.
  int y = -1, sum = -1, v = -1, i = -1, i_inh = -1, left = -1;
  const float *w = nullptr, *bias = nullptr, *scale = nullptr;  // w: out x in, column-major
  const uint32_t* fanout = nullptr;                             // Projection: non-zero weights per column
  NeuronDev neuron{};                                           // Neuron: parameters (state bound in-kernel)
  float *gy = nullptr, *gv = nullptr, *gi = nullptr, *gi_inh = nullptr, *gleft = nullptr;  // the state in global memory
};

struct FusedLaunch {
  const FusedStage* stages = nullptr;  // device array
  int count = 0, batch = 0, steps = 0, inputs = 0, outputs = 0, output = 0;
  int block_batch = 1;           // samples per block (the grid covers the batch; the last block may hold fewer)
  const float* input = nullptr;  // steps x batch x inputs
  float* out_seq = nullptr;      // steps x batch x outputs
  CountSlot* slots = nullptr;    // stages x steps (each Projection and Neuron stage's added to; zeroed before)
  bool counted = false;
  bool skip_zero = false;  // cuda-distile: a projection reads the weights of its active inputs only
  int widest_input = 0;    // the widest projection input (the active-input list's room)
  int threads = 32;
  int state_floats = 0;  // shared state of a block's samples (outputs, sums, neuron state)
  int window = 1;        // steps whose input, outputs and counts are held in shared memory
};

// Bytes of shared memory one launch may use (stage table, state and input window).
constexpr size_t kFusedSharedBytes = 200 * 1024;

size_t fused_shared_bytes(const FusedLaunch& l);
void launch_fused(const FusedLaunch& l, cudaStream_t stream);

}  // namespace evsim::cuda
