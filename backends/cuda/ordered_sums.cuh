#pragma once
// Projections out = W x summed in the reference order (core/mode.hpp, SumOrder::Reference):
// for each output, the non-zero inputs in ascending index, each added with one fused
// multiply-add, as cpu-event's CscMatrix::axpy_column. A thread runs the whole chain of one
// output, so parallelism comes from rows and samples only; the weight loads of a chain are
// independent of it and issued ahead (memory-level parallelism), which is what keeps this
// within a few microseconds a step. Bit-identical to cpu-event, so an EGRU's threshold
// crossings are too.
#include <cuda_runtime.h>

namespace evsim::cuda {

struct OrderedProblem {
  const float* w = nullptr;  // rows x cols, column-major
  const float* x = nullptr;  // cols x batch (sample b at x + b * cols)
  float* out = nullptr;      // rows x batch, overwritten
  int rows = 0, cols = 0;
};

constexpr int kMaxOrderedProblems = 6;

// out = W x for every problem, `batch` samples each. Gather: each sample's non-zero inputs
// are compacted first and only their columns read (event mode, sparse x). Dense: every
// column is read, for tiles of samples at once (dense mode, and dense inputs such as
// embeddings); the same sums, since adding w * 0 changes nothing.
enum class OrderedPath { Gather, Dense };
void ordered_step(const OrderedProblem* problems, int count, int batch, OrderedPath path, cudaStream_t stream);

}  // namespace evsim::cuda
