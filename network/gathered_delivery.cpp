#include "network/gathered_delivery.hpp"

#include <algorithm>
#include <cmath>

namespace evsim {
namespace {

// Below this many multiply-adds a step stays on one thread (a fork-join costs microseconds).
constexpr double kParallelWork = 1 << 16;

// Up to 4 columns added into out[r0, r1) in one pass (out read and written once instead of
// once per column), still one fused multiply-add per column in ascending order per output.
void add_columns(float* out, const float* const* col, const float* v, int n, int64_t r0, int64_t r1) {
  switch (n) {
    case 4:
      for (int64_t r = r0; r < r1; ++r)
        out[r] = std::fma(col[3][r], v[3],
                          std::fma(col[2][r], v[2], std::fma(col[1][r], v[1], std::fma(col[0][r], v[0], out[r]))));
      break;
    case 3:
      for (int64_t r = r0; r < r1; ++r)
        out[r] = std::fma(col[2][r], v[2], std::fma(col[1][r], v[1], std::fma(col[0][r], v[0], out[r])));
      break;
    case 2:
      for (int64_t r = r0; r < r1; ++r) out[r] = std::fma(col[1][r], v[1], std::fma(col[0][r], v[0], out[r]));
      break;
    case 1:
      for (int64_t r = r0; r < r1; ++r) out[r] = std::fma(col[0][r], v[0], out[r]);
      break;
    default:
      break;
  }
}

// Rows [r0, r1) of every sample. Blocks of active columns (ascending, so each output still
// sees its inputs in order) x tiles of rows: a block's tile of weights stays in cache while
// every sample that fired in it is added, so the weights come from memory once per step.
constexpr size_t kColumnBlock = 64;
constexpr int64_t kRowTile = 512;

void dense_rows(const Matrix& w, const GatheredInputs& in, Matrix& y, int64_t r0, int64_t r1) {
  const int64_t rows = w.rows(), batch = y.cols();
  const float* cols[kColumnBlock];
  float vals[kColumnBlock];
  for (size_t c0 = 0; c0 < in.active.size(); c0 += kColumnBlock) {
    const size_t c1 = std::min(in.active.size(), c0 + kColumnBlock);
    const int64_t tile = batch == 1 ? r1 - r0 : kRowTile;  // one sample: stream whole columns
    for (int64_t t0 = r0; t0 < r1; t0 += tile) {
      const int64_t t1 = std::min(r1, t0 + tile);
      for (int64_t b = 0; b < batch; ++b) {
        int n = 0;
        for (size_t c = c0; c < c1; ++c) {
          const uint32_t j = in.active[c];
          const float v = in.x(j, b);
          if (v == 0.0f) continue;
          cols[n] = w.data() + static_cast<size_t>(j) * static_cast<size_t>(rows);
          vals[n++] = v;
        }
        float* out = y.data() + static_cast<size_t>(b * rows);
        for (int k = 0; k < n; k += 4) add_columns(out, cols + k, vals + k, std::min(4, n - k), t0, t1);
      }
    }
  }
}

void sparse_block(const BlockedCsc& w, const GatheredInputs& in, Matrix& y, int64_t blk) {
  const uint64_t* ptr = w.block_ptr(blk);
  const int64_t base = blk * w.block_rows, rows = w.rows, batch = y.cols();
  const uint16_t* off = w.off.data();
  const float* val = w.val.data();
  for (const uint32_t j : in.active) {
    const uint64_t k0 = ptr[j], k1 = ptr[j + 1];
    if (k0 == k1) continue;
    for (int64_t b = 0; b < batch; ++b) {
      const float v = in.x(j, b);
      if (v == 0.0f) continue;
      float* out = y.data() + static_cast<size_t>(b * rows + base);
      for (uint64_t k = k0; k < k1; ++k) out[off[k]] = std::fma(val[k], v, out[off[k]]);
    }
  }
}

int threads_for(double work, int threads) { return work < kParallelWork ? 1 : std::max(1, threads); }

}  // namespace

const char* gather_path_name(GatherPath p) {
  return p == GatherPath::DenseColumns ? "dense columns" : "sparse columns";
}

uint64_t gather_dense_columns(const Matrix& w, const GatheredInputs& in, Matrix& y, int threads) {
  const int64_t rows = w.rows();
  const int t = threads_for(double(rows) * double(in.active.size()) * double(y.cols()), threads);
  // Chunks of whole cache lines (16 floats), one per thread.
  const int64_t chunk = ((rows + t - 1) / t + 15) / 16 * 16;
#ifdef _OPENMP
#pragma omp parallel for num_threads(t) schedule(static) if (t > 1)
#endif
  for (int c = 0; c < t; ++c) {
    const int64_t r0 = std::min(rows, c * chunk), r1 = std::min(rows, r0 + chunk);
    if (r0 < r1) dense_rows(w, in, y, r0, r1);
  }
  return static_cast<uint64_t>(in.active.size()) * static_cast<uint64_t>(rows) * sizeof(float);
}

uint64_t gather_sparse_columns(const BlockedCsc& w, const GatheredInputs& in, Matrix& y, int threads) {
  uint64_t nnz = 0;
  for (int64_t blk = 0; blk < w.blocks(); ++blk) {
    const uint64_t* ptr = w.block_ptr(blk);
    for (const uint32_t j : in.active) nnz += ptr[j + 1] - ptr[j];
  }
  const int t = threads_for(double(nnz) * double(y.cols()), threads);
  const auto blocks = static_cast<int>(w.blocks());
#ifdef _OPENMP
#pragma omp parallel for num_threads(t) schedule(static) if (t > 1)
#endif
  for (int blk = 0; blk < blocks; ++blk) sparse_block(w, in, y, blk);
  return nnz * BlockedCsc::kBytesPerNnz;
}

}  // namespace evsim
