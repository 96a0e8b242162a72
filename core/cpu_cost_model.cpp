#include "core/cpu_cost_model.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <string>

namespace evsim {
namespace {

// sysfs's cache size ("32768K"): glibc's sysconf reported 10x the last level in a VM.
double sysfs_cache_bytes(int index) {
  std::ifstream f("/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/size");
  double v = 0;
  char unit = 0;
  if (f >> v >> unit && v > 0) return v * (unit == 'K' ? 1024.0 : unit == 'M' ? 1048576.0 : 1.0);
  return 0;
}

int sysfs_cache_level(int index) {
  std::ifstream f("/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/level");
  int level = 0;
  return f >> level ? level : 0;
}

double sysfs_llc_bytes() {
  for (int i = 4; i >= 0; --i)
    if (const double b = sysfs_cache_bytes(i); b > 0) return b;
  return 0;
}

// One core's L2: sysfs where it lists levels, else sysconf (right for the L2 where a VM hides
// sysfs's caches: 1 MiB on the development VM).
double l2_bytes() {
  for (int i = 0; i <= 4; ++i)
    if (sysfs_cache_level(i) == 2)
      if (const double b = sysfs_cache_bytes(i); b > 0) return b;
#ifdef _SC_LEVEL2_CACHE_SIZE
  if (const long b = sysconf(_SC_LEVEL2_CACHE_SIZE); b > 0) return static_cast<double>(b);
#endif
  return 0;
}

CpuCostModel detected() {
  CpuCostModel m;
  if (const double b = sysfs_llc_bytes(); b > 0) m.cache_bytes = b;
  if (const double b = l2_bytes(); b > 0) m.l2_bytes = std::min(b, m.cache_bytes);
  return m;
}

CpuCostModel& current() {
  static CpuCostModel m = detected();
  return m;
}

}  // namespace

const char* gather_path_name(GatherPath p) {
  switch (p) {
    case GatherPath::DenseColumns:
      return "dense columns";
    case GatherPath::SparseColumns:
      return "sparse columns";
    case GatherPath::DenseProduct:
      return "dense product";
    case GatherPath::ShortColumns:
      return "short columns";
    case GatherPath::RowSlices:
      return "row slices";
  }
  return "?";
}

ThreadPlan plan_threads(const CpuCostModel& m, double one_thread_ns, int max_threads, int64_t units, int regions) {
  ThreadPlan split{1, 0.0};
  const int64_t n = std::max<int64_t>(1, units);
  const int top = static_cast<int>(std::min<int64_t>(std::max(1, max_threads), n));
  for (int t = 2; t <= top; ++t) {
    const double share = static_cast<double>((n + t - 1) / t) / static_cast<double>(n);
    const double ns = one_thread_ns * share + regions * (m.fork_ns + (t - 2) * m.fork_thread_ns);
    if (split.threads == 1 || ns < split.ns) split = {t, ns};
  }
  return split.threads > 1 && split.ns < kThreadMargin * one_thread_ns ? split : ThreadPlan{1, one_thread_ns};
}

namespace {

// The path's work in min_thread_work's units: multiply-adds / 4 for the product, rows of dense
// columns, non-zeros of pruned ones.
double path_work(GatherPath p, const GatherShape& s) {
  const auto rows = static_cast<double>(s.rows);
  switch (p) {
    case GatherPath::DenseProduct:
      return rows * static_cast<double>(s.cols * s.batch) / 4;
    case GatherPath::DenseColumns:
    case GatherPath::ShortColumns:
      return rows * s.pairs;
    case GatherPath::SparseColumns:
      return s.active_nnz * static_cast<double>(s.batch);
    case GatherPath::RowSlices:
      return s.row_entries * static_cast<double>(rows_groups(s.batch));
  }
  return 0.0;
}

}  // namespace

double cold_lines_ns(const CpuCostModel& m, GatherPath p, const GatherShape& s) {
  if (!s.evicted) return 0.0;
  const auto cols = static_cast<double>(s.cols);
  if (p == GatherPath::DenseProduct) {  // rows x cols floats, contiguous
    const double lines = std::ceil(4.0 * static_cast<double>(s.rows) * cols / 64);
    return 64 * lines <= m.l2_bytes ? lines * m.product_cold_line_ns : 0.0;
  }
  if (p == GatherPath::ShortColumns) {  // a line per 16 rows of a column (network/short_columns.hpp)
    const double vectors = std::ceil(static_cast<double>(s.rows) / 16);
    return 64 * vectors * cols <= m.l2_bytes ? vectors * s.active * m.short_cold_line_ns : 0.0;
  }
  return 0.0;
}

ThreadPlan plan_path(const CpuCostModel& m, GatherPath p, const GatherShape& s) {
  const bool blocks = p == GatherPath::SparseColumns;
  const double floor_threads = std::max(1.0, std::floor(path_work(p, s) / std::max(1.0, m.min_thread_work)));
  const int usable =
      static_cast<int>(std::min<double>(floor_threads, blocks ? std::min(s.threads, s.sparse_blocks) : s.threads));
  // Pruned columns split their row blocks, short columns groups of four samples, the rest rows
  // (row slices: slices of 16).
  const int64_t units = blocks                          ? s.sparse_blocks
                        : p == GatherPath::ShortColumns ? (s.batch + 3) / 4
                                                        : (s.rows + 15) / 16;
  const int regions = p == GatherPath::RowSlices && s.batch > 1 && kRowsGroup > 1 ? 3 : 1;
  ThreadPlan plan = plan_threads(m, predict_one_thread_ns(m, p, s), usable, units, regions);
  plan.ns += cold_lines_ns(m, p, s);
  return plan;
}

double predict_ns(const CpuCostModel& m, GatherPath p, const GatherShape& s) { return plan_path(m, p, s).ns; }

int path_threads(const CpuCostModel& m, GatherPath p, const GatherShape& s) { return plan_path(m, p, s).threads; }

int product_threads(const CpuCostModel& m, int64_t rows, int64_t cols, int64_t batch, int threads) {
  GatherShape s;
  s.rows = rows;
  s.cols = cols;
  s.batch = batch;
  s.cached = 4.0 * static_cast<double>(rows) * static_cast<double>(cols) <= m.cache_bytes;
  s.threads = threads;
  return path_threads(m, GatherPath::DenseProduct, s);
}

double predict_one_thread_ns(const CpuCostModel& m, GatherPath p, const GatherShape& s) {
  const auto rows = static_cast<double>(s.rows);
  switch (p) {
    case GatherPath::DenseProduct: {
      // Streaming the weights and multiplying overlap: whichever takes longer (GEMV is
      // bandwidth-bound, GEMM over a batch compute-bound). A batch multiplies whole vectors of 16
      // rows (a 1-row matrix at batch 64 took longer than a 16-row one).
      const auto cols = static_cast<double>(s.cols);
      const double weights = rows * cols, vector_rows = std::ceil(rows / 16) * 16;
      const double passes = s.batch == 1 ? std::ceil(cols / 8) : 0.0;
      return std::max(weights * (s.cached ? m.product_weight_cached_ns : m.product_weight_memory_ns),
                      vector_rows * cols * static_cast<double>(s.batch) * m.product_mac_ns) +
             passes * m.product_pass_ns;
    }
    case GatherPath::DenseColumns:
      return s.active * rows * (s.cached ? m.dense_row_cached_ns : m.dense_row_memory_ns) +
             (s.pairs - s.active) * rows * m.dense_pair_row_ns + s.pairs * m.pair_ns;
    case GatherPath::ShortColumns: {
      // A batch runs in groups of four lanes, the last group's missing samples idle.
      const auto b = static_cast<double>(s.batch);
      const double idle = s.batch == 1 ? 1.0 : 4 * std::ceil(b / 4) / b;
      return s.pairs * idle * (m.short_event_ns + std::ceil(rows / 16) * m.short_vector_ns);
    }
    case GatherPath::SparseColumns: {
      const double per_pair = s.active > 0 ? s.active_nnz / s.active : 0.0;
      return s.pairs * per_pair * (s.sparse_cached ? m.sparse_nnz_cached_ns : m.sparse_nnz_memory_ns) +
             s.pairs * m.sparse_pair_ns;
    }
    case GatherPath::RowSlices: {  // every entry, whatever the activity
      if (s.batch == 1)
        return s.row_entries * (m.rows_entry_cached_ns + (s.rows_cached ? 0.0 : m.rows_entry_memory_ns));
      const auto groups = static_cast<double>(rows_groups(s.batch));
      return s.row_entries * (groups * m.rows_group_entry_ns + (s.rows_cached ? 0.0 : m.rows_entry_memory_ns)) +
             std::ceil(rows / 16) * groups * m.rows_slice_ns;
    }
  }
  return 0.0;
}

const CpuCostModel& cpu_cost_model() { return current(); }
CpuCostModel builtin_cpu_cost_model() { return detected(); }
void set_cpu_cost_model(const CpuCostModel& m) { current() = m; }

}  // namespace evsim
