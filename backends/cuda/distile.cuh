#pragma once
// DISTile: dense-in-sparse tiles for activity-sparse projections acc += W x on the GPU.
//
// One launch does a whole step for up to kMaxProblems projections (e.g. every W_ih and W_hh
// of an EGRU stack in one wavefront phase). Block row s owns a fixed range of columns (32 rw
// consecutive columns: bitmask words s rw .. s rw + rw - 1) and reads only the active ones:
// a few mask words, then the weights, one dependent round trip (the bitmask is written by the
// producer with warp ballots, or derived here from x). When the producer also wrote a
// compacted list of the active columns (DistileProblem::list), block row s instead takes the
// list's chunks s, s + grid.y, ... of 8 entries: every block gets at most 8 columns per round
// of loads whatever the bitmask looks like (a fixed range with more than 8 active columns
// takes a second round: at 10 % of 2048 columns almost every step has such a range).
//  - DenseColumns: weights column-major, a column is one coalesced stream read with 16-byte
//    loads (4 rows per thread; rows a multiple of 4);
//  - PrunedColumns: the pruned weights as per-row-block segments of (value, row) entries
//    (backends/cuda/pruned_segments.hpp), added into the block's rows in shared memory.
// Partial sums of the ranges are added into `acc` with float atomics, so no second reduction
// launch is needed; `acc` must be zero before the launch (the consumer zeroes what it read, or
// the launch zeroes the next step's buffer through `zero`). With one range, sums are plain
// stores and bit-reproducible; with atomics the order of additions varies (last bits).
//
// PolyKernel: the variant (column format, samples per pass, loads per lane when streaming, or
// no streaming path at all when no problem of the launch can stream: fewer registers) is
// compiled per template and chosen per launch and problem; gather or stream (all columns) is
// chosen per step on the device from the step's active count (DistileProblem::stream_above,
// set from the cost model). Fixed ranges need no ranking of the bitmask (v8's block scan cost
// 1 us of a 3.8 us step); the price is imbalance: a range with more than 8 active columns
// takes a second round of loads.
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
  const uint32_t* count = nullptr;    // optional: the mask's set bits, written by its producer
  // Optional: the active columns compacted by the producer, in any order, `*count` of them
  // (needs `count`). It must have room for `cols` entries: a block loads its first chunk
  // together with the count, so entries past the count are read (and ignored) and must be
  // valid memory.
  const int* list = nullptr;
  float* acc = nullptr;   // rows x batch (sample b at acc + b * rows), += W x
  float* zero = nullptr;  // optional rows x batch buffer zeroed by this launch
  int rows = 0, cols = 0;
  // In-kernel fallback: with more active columns than this, the step streams every row of
  // `w_rows` (a dense GEMV) instead of gathering the active columns (the cost model's crossover).
  int stream_above = 1 << 30;
};

constexpr int kMaxProblems = 6;

// Build with plan_for(profile): the launch-shape defaults live in GpuProfile only.
struct DistilePlan {
  int range_cols = 0;     // columns per block row (a multiple of 32)...
  int max_ranges = 0;     // ...widened to keep at most this many ranges (grid.y) per projection
  int stream_unroll = 0;  // 16-byte loads in flight per thread when streaming: 8 or 16
  // Programmatic dependent launch (sm_90): the launch is scheduled while the previous kernel
  // in the stream still runs, and its blocks wait (griddepcontrol.wait) for that kernel's
  // completion before touching memory, hiding the launch latency between dependent steps.
  bool pdl = false;
};

// The launch shape a profile sets; `pdl` stays off (it depends on what the
// previous launch in the stream was, which only the caller knows).
inline DistilePlan plan_for(const GpuProfile& p) {
  DistilePlan plan;
  plan.range_cols = p.range_cols;
  plan.max_ranges = p.max_ranges;
  plan.stream_unroll = p.stream_unroll;
  return plan;
}

// acc += W x for every problem; `batch` samples (any number: passes of up to 8).
void distile_step(const DistileProblem* problems, int count, int batch, const DistilePlan& plan, cudaStream_t stream);

}  // namespace evsim::cuda
