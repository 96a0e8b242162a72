#pragma once
// Projections out = W x summed in the reference order (core/mode.hpp, SumOrder::Reference):
// for each output, the non-zero inputs in ascending index, each added with one fused
// multiply-add, as cpu-event's CscMatrix::axpy_column. One thread runs the whole chain of one row for up
// to kOrderedTile samples, reading each weight once for them: slower than DISTile or cuBLAS,
// but bit-identical to cpu-event, so an EGRU's threshold crossings are too.
#include <cuda_runtime.h>

#include <cstdint>

namespace evsim::cuda {

struct OrderedProblem {
  const float* w = nullptr;         // rows x cols, column-major
  const float* x = nullptr;         // cols x batch (sample b at x + b * cols)
  const uint32_t* mask = nullptr;   // optional: the columns any sample may have non-zero (union
                                    // over the batch); null: every column is read (dense mode)
  float* out = nullptr;             // rows x batch, overwritten
  int rows = 0, cols = 0;
};

constexpr int kMaxOrderedProblems = 6;

// out = W x for every problem, `batch` samples each.
void ordered_step(const OrderedProblem* problems, int count, int batch, cudaStream_t stream);

}  // namespace evsim::cuda
