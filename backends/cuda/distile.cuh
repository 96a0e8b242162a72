#pragma once
// DISTile: dense-in-sparse tiles for activity-sparse projections y = W x on the GPU.
//
// Weights are stored column-major (column j of W, M floats, contiguous), so an active
// input unit's column is one coalesced stream read with 16-byte loads (4 rows per thread).
// Per step: column_flags builds a bitmask of active input units with warp ballots (a unit
// is active if non-zero in any sample: union tiles), compact_tiles turns it into the list
// of active tiles of g units (block-wide prefix sum, ascending, deterministic, on the
// device), and distile_gemv reads only the columns of active tiles (inactive units inside
// an active tile are computed as zeros: relaxed sparsity; columns past K are phantom,
// zero-filled). Work is split over `splits` partial sums, which reduce_partials adds.
// When more than `dense_above` tiles are active the kernel walks all tiles in order
// instead (the in-kernel dense fallback: no list overhead).
#include <cstdint>

namespace evsim::cuda {

struct DistileShape {
  int rows;    // M (multiple of 4)
  int cols;    // K
  int batch;   // B
  int tile;    // g: 1, 4, 8, 16 or 32 units per tile
  int splits;  // partial sums over the active-tile list
};

// flags: ceil(K/32) words. x: K x B column-major (ld K).
void column_flags(const float* x, const DistileShape& s, uint32_t* flags, cudaStream_t stream);
// list: active tile ids (ascending); count: their number. Needs ceil(K/g) <= 8192.
void compact_tiles(const uint32_t* flags, const DistileShape& s, int* list, int* count, cudaStream_t stream);
// partials: splits x (M x B). w: column-major M x K (phantom columns past K read as zero).
void distile_gemv(const float* w, const float* x, const int* list, const int* count, int dense_above,
                  const DistileShape& s, float* partials, cudaStream_t stream);
// The one-launch form (what the engine and the benchmark use): each block compacts the active
// columns of x itself, then gathers; tile size 1, splits partial sums.
void distile_fused(const float* w, const float* x, const DistileShape& s, float* partials, cudaStream_t stream);
// y (M x B) = sum of partials (+ bias when not null).
void reduce_partials(const float* partials, const float* bias, const DistileShape& s, float* y, cudaStream_t stream);


}  // namespace evsim::cuda
