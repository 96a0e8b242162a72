#pragma once
// DISTile: dense-in-sparse tiles for activity-sparse projections acc += W x on the GPU.
//
// One launch does a whole step for up to kMaxProblems projections (e.g. every W_ih and W_hh
// of an EGRU stack in one wavefront phase). Each block turns the step's activity bitmask
// (written by the producer with warp ballots, or derived here from x) into the ordered list
// of active columns in shared memory (prefix sum over mask words), takes a contiguous,
// balanced share of that list and reads only those weight columns:
//  - DenseColumns: weights column-major, a column is one coalesced stream read with 16-byte
//    loads (4 rows per thread; rows a multiple of 4);
//  - PrunedColumns: the pruned weights as per-row-block segments of (value, row) entries
//    (backends/cuda/pruned_segments.hpp), added into the block's rows in shared memory.
// Partial sums are added into `acc` with float atomics, so no second reduction launch is
// needed; `acc` must be zero before the launch (the consumer zeroes what it read, or the
// launch zeroes the next step's buffer through `zero`). With one split, dense-column sums are
// plain stores and bit-reproducible; with atomics the order of additions varies (last bits).
//
// PolyKernel: the variant (column format, samples per pass, loads per lane when streaming, or
// no streaming path at all when no problem of the launch can stream: fewer registers) is
// compiled per template and chosen per launch and problem; gather or stream (all columns) is chosen per step on the
// device from the active count (DistileProblem::stream_above, set from the cost model); the number of splits is chosen
// on the device per step from the number of active columns (DistilePlan::min_cols_per_split: enough columns per block
// to amortize its prologue and atomics), so a quiet step uses few blocks and a busy one many.
#include <cstdint>

#include "backends/cuda/cost_model.hpp"

namespace evsim::cuda {

enum class ColumnFormat : int { DenseColumns = 0, PrunedColumns = 1 };

struct DistileProblem {
  ColumnFormat format = ColumnFormat::DenseColumns;
  const float* w = nullptr;           // DenseColumns: rows x cols, column-major
  const float* w_rows = nullptr;      // streaming fallback: the same weights row-major
  const float* seg_val = nullptr;     // PrunedColumns: PrunedSegments::val
  const uint16_t* seg_row = nullptr;  //             PrunedSegments::row
  int seg_width = 0;                  //             PrunedSegments::width
  const float* x = nullptr;           // cols x batch (sample b at x + b * cols)
  const uint32_t* mask = nullptr;     // ceil(cols / 32) words, union over the batch; null: from x
  float* acc = nullptr;               // rows x batch (sample b at acc + b * rows), += W x
  float* zero = nullptr;              // optional rows x batch buffer zeroed by this launch
  int rows = 0, cols = 0;
  // In-kernel fallback: with more active columns than this, the step streams every row of
  // `w_rows` (a dense GEMV) instead of gathering the active columns (the cost model's crossover).
  int stream_above = 1 << 30;
};

constexpr int kMaxProblems = 6;
constexpr int kMaxDistileCols = 8192;

// Build with plan_for(profile): the launch-shape defaults live in GpuProfile only.
struct DistilePlan {
  int max_splits = 0;             // grid.y: most blocks along the active-column list
  int min_cols_per_split = 0;     // fewer splits when fewer columns are active
  int pruned_cols_per_split = 0;  // the same for pruned columns (less work per column)
  int stream_unroll = 0;          // 16-byte loads in flight per thread when streaming: 8 or 16
  bool pdl_early = false;         // trigger the next launch at entry (else when each block exits)
  // Programmatic dependent launch (sm_90): the launch is scheduled while the previous kernel
  // in the stream still runs, and its blocks wait (griddepcontrol.wait) for that kernel's
  // completion before touching memory, hiding the launch latency between dependent steps.
  bool pdl = false;
};

// The launch shape and PDL trigger a profile sets; `pdl` stays off (it depends on what the
// previous launch in the stream was, which only the caller knows).
inline DistilePlan plan_for(const GpuProfile& p) {
  DistilePlan plan;
  plan.max_splits = p.max_splits;
  plan.min_cols_per_split = p.min_cols_per_split;
  plan.pruned_cols_per_split = p.pruned_cols_per_split;
  plan.stream_unroll = p.stream_unroll;
  plan.pdl_early = p.pdl_early;
  return plan;
}

// acc += W x for every problem; `batch` samples (any number: passes of up to 8).
void distile_step(const DistileProblem* problems, int count, int batch, const DistilePlan& plan, cudaStream_t stream);

}  // namespace evsim::cuda
