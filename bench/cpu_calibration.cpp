#include "bench/cpu_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <random>
#include <sstream>

#include "backends/batch_gathering.hpp"
#include "bench/profile_check.hpp"
#include "core/machine_load.hpp"
#include "core/stats.hpp"
#include "core/table.hpp"
#include "core/threads.hpp"
#include "core/timer.hpp"
#include "data/cpu_profile.hpp"
#include "data/machine_profile.hpp"
#include "network/blocked_csc.hpp"
#include "network/dense_product.hpp"
#include "network/gathered_delivery.hpp"
#include "network/matrix_projection.hpp"
#include "network/row_slices.hpp"
#include "network/short_columns.hpp"

namespace evsim {
namespace {

constexpr int kSets = 4;  // input sets rotated between timed calls

Matrix random_matrix(int64_t rows, int64_t cols, double density, std::mt19937_64& rng) {
  std::uniform_real_distribution<float> u(-1, 1);
  std::bernoulli_distribution keep(density);
  Matrix w(rows, cols);
  for (int64_t k = 0; k < w.size(); ++k) w.data()[k] = keep(rng) ? u(rng) : 0.0f;
  return w;
}

// `active` columns, each fired in every one of `batch` samples.
std::vector<GatheredInputs> input_sets(int64_t cols, int64_t batch, int64_t active, std::mt19937_64& rng) {
  std::vector<GatheredInputs> sets(kSets);
  std::vector<uint32_t> units(static_cast<size_t>(cols));
  std::iota(units.begin(), units.end(), 0u);
  for (GatheredInputs& g : sets) {
    std::shuffle(units.begin(), units.end(), rng);
    g.active.assign(units.begin(), units.begin() + active);
    std::sort(g.active.begin(), g.active.end());
    g.x.setZero(cols, batch);
    for (const uint32_t j : g.active) g.x.row(j).setConstant(0.5f);
  }
  return sets;
}

// Each unit fired in each sample with probability `activity`, the samples' events listed as
// the event backend's gatherer lists them.
std::vector<GatheredInputs> sampled_sets(int64_t cols, int64_t batch, double activity, std::mt19937_64& rng) {
  std::vector<GatheredInputs> sets(kSets);
  std::bernoulli_distribution fire(activity);
  for (GatheredInputs& g : sets) {
    g.x.setZero(cols, batch);
    for (int64_t k = 0; k < g.x.size(); ++k) g.x.data()[k] = fire(rng) ? 0.5f : 0.0f;
    for (int64_t j = 0; j < cols; ++j)
      if ((g.x.row(j).array() != 0.0f).any()) g.active.push_back(static_cast<uint32_t>(j));
    list_sample_events(g);
  }
  return sets;
}

// Median ns of f(set) over rotating input sets, after two warm-up calls.
template <typename F>
double median_ns(int repeats, F f) {
  std::vector<double> t;
  for (int k = -2; k < repeats; ++k) {
    Stopwatch clock;
    f(static_cast<size_t>((k + kSets) % kSets));
    if (k >= 0) t.push_back(clock.seconds() * 1e9);
  }
  return median(t);
}

// One block of `rows` (<= 65536) rows, each column's rows drawn at `density`, ascending.
BlockedCsc random_blocked_csc(int64_t rows, int64_t cols, double density, std::mt19937_64& rng) {
  BlockedCsc m;
  m.rows = m.block_rows = rows;
  m.cols = cols;
  std::bernoulli_distribution keep(density);
  std::uniform_real_distribution<float> u(-1, 1);
  m.ptr.push_back(0);
  for (int64_t j = 0; j < cols; ++j) {
    for (int64_t r = 0; r < rows; ++r)
      if (keep(rng)) {
        m.off.push_back(static_cast<uint16_t>(r));
        m.val.push_back(u(rng));
      }
    m.ptr.push_back(m.val.size());
  }
  return m;
}

// A pruned rows x cols CSC at `density`, each column's rows drawn by geometric gaps (the tall
// matrices below would take billions of coin flips).
CscMatrix random_csc(int64_t rows, int64_t cols, double density, std::mt19937_64& rng) {
  std::geometric_distribution<int64_t> gap(density);
  std::uniform_real_distribution<float> u(-1, 1);
  CscMatrix m;
  m.rows = rows;
  m.cols = cols;
  m.col_ptr.push_back(0);
  for (int64_t j = 0; j < cols; ++j) {
    for (int64_t r = gap(rng); r < rows; r += 1 + gap(rng)) {
      m.row_idx.push_back(static_cast<uint32_t>(r));
      m.values.push_back(u(rng));
    }
    m.col_ptr.push_back(m.values.size());
  }
  return m;
}

// Row slices of a 10 %-density matrix with every column active (they read every entry at any
// activity): the median call, one thread, with the slices' size.
struct RowsTiming {
  double ns, entries, slices;
};
RowsTiming time_rows(int64_t rows, int64_t cols, int64_t batch, int repeats, std::mt19937_64& rng) {
  const RowSlices w = RowSlices::from_csc(random_csc(rows, cols, 0.1, rng));
  const std::vector<GatheredInputs> in = input_sets(cols, batch, cols, rng);
  Matrix y = Matrix::Zero(rows, batch);
  return {median_ns(repeats, [&](size_t s) { gather_row_slices(w, in[s], y, 1); }), static_cast<double>(w.entries()),
          static_cast<double>(w.slices())};
}

// A batch of one full group of samples (two without groups: one sample a pass).
constexpr int64_t kRowsBatch = std::max<int64_t>(2, kRowsGroup);

// ns per entry, for one sample or per group of kRowsGroup samples (a full group).
double rows_ns_per_entry(int64_t rows, int64_t cols, int64_t batch, int repeats, std::mt19937_64& rng) {
  const RowsTiming t = time_rows(rows, cols, batch, repeats, rng);
  return t.ns / (t.entries * static_cast<double>(rows_groups(batch)));
}

// Row slices of 64 columns (~7 entries a row) at a batch: per slice and group, what the entries
// do not explain (its outputs' loads and stores and its share of the transposes).
void measure_rows_slice(CpuCostModel& m, int64_t rows, int repeats, std::mt19937_64& rng) {
  const RowsTiming t = time_rows(rows, 64, kRowsBatch, repeats, rng);
  const auto groups = static_cast<double>(rows_groups(kRowsBatch));
  m.rows_slice_ns = std::max(0.0, (t.ns - t.entries * groups * m.rows_group_entry_ns) / (t.slices * groups));
}

// Event mode's gathering of a batch (2048 inputs, 8 samples, 20 % activity, lists kept) beyond
// the tally dense mode runs on the same inputs: per input unit and sample.
void measure_gathering(CpuCostModel& m, int repeats, std::mt19937_64& rng) {
  constexpr int64_t kIn = 2048, kBatch = 8;
  MatrixProjection p(random_matrix(16, kIn, 0.2, rng));  // short columns: each sample's list
  std::vector<GatheredInputs> sets = sampled_sets(kIn, kBatch, 0.2, rng);
  std::vector<uint16_t> seen;
  const double tally = median_ns(repeats, [&](size_t s) {
    InputTally t(p);
    t.add_columns(sets[s].x);
  });
  const double gathering = median_ns(repeats, [&](size_t s) {
    InputTally t(p);
    gather_batch(sets[s], p.uses_sample_lists(), t, seen);
  });
  m.gather_input_ns = std::max(0.0, (gathering - tally) / static_cast<double>(kIn * kBatch));
}

struct Case {
  Matrix w;
  std::vector<GatheredInputs> in;
  Matrix y;
};

Case make_case(int64_t rows, int64_t cols, double density, int64_t batch, int64_t active, std::mt19937_64& rng) {
  Case c{random_matrix(rows, cols, density, rng), input_sets(cols, batch, active, rng), Matrix()};
  c.y.setZero(rows, batch);
  return c;
}

double time_product(Case& c, int repeats) {  // the product event mode's selector may take
  return median_ns(repeats, [&](size_t s) { dense_product_add(c.w, c.in[s].x, c.y, 1); });
}

double time_columns(Case& c, int repeats) {
  return median_ns(repeats, [&](size_t s) { gather_dense_columns(c.w, c.in[s], c.y, 1); });
}

// Short columns of a `rows`-row matrix, two groups of lanes at 20 % activity: ns per event.
double short_ns_per_event(int64_t rows, int64_t cols, int repeats, std::mt19937_64& rng) {
  const ShortColumns w = ShortColumns::from_dense(random_matrix(rows, cols, 1.0, rng));
  const std::vector<GatheredInputs> in = sampled_sets(cols, 8, 0.2, rng);
  Matrix y = Matrix::Zero(rows, 8);
  return median_ns(repeats, [&](size_t s) { gather_short_columns(w, in[s], y, 1); }) / gathered_events(in[0]);
}

// Reads `bytes` (one float a line) so that what the next call reads comes back from farther.
class Evictor {
 public:
  explicit Evictor(double bytes) : buf_(static_cast<size_t>(bytes / sizeof(float)), 1.0f) {}
  void operator()() {
    float sum = 0;
    for (size_t k = 0; k < buf_.size(); k += 16) sum += buf_[k];
    sink_ = sum;
  }

 private:
  std::vector<float> buf_;
  volatile float sink_ = 0;
};

// Median ns of f(set) with `evict` run before each call (not timed).
template <typename F>
double median_evicted_ns(int repeats, Evictor& evict, F f) {
  std::vector<double> t;
  for (int k = -2; k < repeats; ++k) {
    evict();
    Stopwatch clock;
    f(static_cast<size_t>((k + kSets) % kSets));
    if (k >= 0) t.push_back(clock.seconds() * 1e9);
  }
  return median(t);
}

// A 16 x 2048 matrix (128 KiB: within any L2) at batch 8 and 20 % activity, by short columns and
// by the product, in cache and with four L2s read between calls (at most half the last level:
// the model's other layers evict the L2, rarely the last level). The cold start per line each
// path reads: all 2048 lines for the product, the active columns' for short columns.
void measure_cold_lines(CpuCostModel& m, int repeats, std::mt19937_64& rng) {
  constexpr int64_t kRows = 16, kCols = 2048, kBatch = 8;
  const Matrix dense = random_matrix(kRows, kCols, 1.0, rng);
  const ShortColumns w = ShortColumns::from_dense(dense);
  const std::vector<GatheredInputs> in = sampled_sets(kCols, kBatch, 0.2, rng);
  Matrix y = Matrix::Zero(kRows, kBatch);
  auto product = [&](size_t s) { dense_product_add(dense, in[s].x, y, 1); };
  auto columns = [&](size_t s) { gather_short_columns(w, in[s], y, 1); };
  Evictor evict(std::min(4 * m.l2_bytes, m.cache_bytes / 2));
  const int n = std::max(repeats, 15) * 4;
  const double pc = median_ns(n, product), sc = median_ns(n, columns);
  const double pe = median_evicted_ns(n, evict, product), se = median_evicted_ns(n, evict, columns);
  double active = 0;
  for (const GatheredInputs& g : in) active += static_cast<double>(g.active.size()) / kSets;
  m.product_cold_line_ns = std::max(0.0, (pe - pc) / kCols);
  m.short_cold_line_ns = std::max(0.0, (se - sc) / active);
}

double time_sparse(Case& c, int repeats, double* nnz_per_step) {
  const BlockedCsc m = BlockedCsc::from_dense(c.w, std::min<int64_t>(c.w.rows(), 65536));
  double nnz = 0;
  for (const uint32_t j : c.in[0].active) nnz += static_cast<double>(m.ptr[j + 1] - m.ptr[j]);
  *nnz_per_step = nnz;
  return median_ns(repeats, [&](size_t s) { gather_sparse_columns(m, c.in[s], c.y, 1); });
}

CpuCostModel measure(const CpuCalibrationOptions& o, const CpuCostModel& base) {
  std::mt19937_64 rng(o.seed);
  CpuCostModel m = base;
  const int r = o.repeats;
  constexpr int64_t kCols = 2048, kSmallRows = 1024;
  // Past the last-level cache four times over, so that every step reads from memory.
  const int64_t big_rows =
      std::max<int64_t>(8192, static_cast<int64_t>(4 * base.cache_bytes / (4.0 * kCols)) / 64 * 64);
  const double small = double(kSmallRows) * kCols, big = double(big_rows) * kCols;
  const int64_t quarter = kCols / 4;
  {
    Case c = make_case(kSmallRows, kCols, 1.0, 1, kCols, rng);
    m.product_weight_cached_ns = time_product(c, r) / small;
    Case g = make_case(kSmallRows, kCols, 1.0, 32, kCols, rng);
    m.product_mac_ns = time_product(g, r) / (small * 32);
    Case d1 = make_case(kSmallRows, kCols, 1.0, 1, quarter, rng),
         d8 = make_case(kSmallRows, kCols, 1.0, 8, quarter, rng);
    const double t1 = time_columns(d1, r), t8 = time_columns(d8, r);
    m.dense_pair_row_ns = std::max(0.0, (t8 - t1) / (7.0 * double(quarter) * kSmallRows));
    m.dense_row_cached_ns = t1 / (double(quarter) * kSmallRows);
    Case s = make_case(kSmallRows, kCols, 0.1, 1, quarter, rng);
    double nnz = 0;
    m.sparse_nnz_cached_ns = time_sparse(s, r, &nnz) / nnz;
    // A 16-row matrix: the per-pass and per-pair overheads dominate (each path's own).
    Case p = make_case(16, kCols, 1.0, 1, kCols, rng);
    m.product_pass_ns = std::max(0.0, (time_product(p, r) - 16.0 * kCols * m.product_weight_cached_ns) / (kCols / 8));
    m.pair_ns = std::max(0.0, time_columns(p, r) / kCols - 16 * m.dense_row_cached_ns);
    Case ps = make_case(16, kCols, 0.2, 1, kCols, rng);
    const double t = time_sparse(ps, r, &nnz);
    m.sparse_pair_ns = std::max(0.0, (t - nnz * m.sparse_nnz_cached_ns) / kCols);
    const double one_vector = short_ns_per_event(16, kCols, r, rng), four = short_ns_per_event(64, kCols, r, rng);
    m.short_vector_ns = std::max(0.0, (four - one_vector) / 3);
    m.short_event_ns = std::max(0.0, one_vector - m.short_vector_ns);
    measure_cold_lines(m, r, rng);
    m.rows_entry_cached_ns = rows_ns_per_entry(kSmallRows, kCols, 1, r, rng);
    m.rows_group_entry_ns = rows_ns_per_entry(kSmallRows, kCols, kRowsBatch, r, rng);
    measure_rows_slice(m, kSmallRows, r, rng);
    measure_gathering(m, r, rng);
  }
  {
    Case c = make_case(big_rows, kCols, 1.0, 1, kCols, rng);
    m.product_weight_memory_ns = time_product(c, std::max(3, r / 3)) / big;
    Case d = make_case(big_rows, kCols, 1.0, 1, quarter, rng);
    m.dense_row_memory_ns = time_columns(d, r) / (double(quarter) * double(big_rows));
  }
  {
    // Its non-zeros alone past the cache four times over: built directly, no dense matrix.
    const int64_t rows = 65536,
                  cols = std::max<int64_t>(kCols, static_cast<int64_t>(4 * base.cache_bytes / (6 * 0.1 * rows)));
    const BlockedCsc w = random_blocked_csc(rows, cols, 0.1, rng);
    const std::vector<GatheredInputs> in = input_sets(cols, 1, cols / 4, rng);
    double nnz = 0;
    for (const uint32_t j : in[0].active) nnz += static_cast<double>(w.ptr[j + 1] - w.ptr[j]);
    Matrix y = Matrix::Zero(rows, 1);
    m.sparse_nnz_memory_ns = median_ns(r, [&](size_t s) { gather_sparse_columns(w, in[s], y, 1); }) / nnz;
  }
  {
    // Row slices past the cache four times over (512 columns: 6 bytes an entry, ~60 entries a row).
    constexpr int64_t kSliceCols = 512;
    const auto rows = static_cast<int64_t>(4 * base.cache_bytes / (6 * 0.1 * kSliceCols * 1.15)) / 16 * 16;
    m.rows_entry_memory_ns =
        std::max(0.0, rows_ns_per_entry(rows, kSliceCols, 1, std::max(3, r / 3), rng) - m.rows_entry_cached_ns);
  }
  return m;
}

// A parallel region's cost as a kernel pays it: gathered dense columns of a layer like the
// default model's (1536 rows, 100 active columns: ~7 us on one thread), on t threads, less the
// share of the one-thread time each thread gets. An empty region measured 3.4 us on the
// development VM where this measured 5-6 us: the workers read the caller's column lists and the
// caller their outputs, across cores.
double region_ns(int t, int repeats, std::mt19937_64& rng) {
  Case c = make_case(1536, 512, 1.0, 1, 100, rng);
  const int n = std::max(repeats, 15) * 20;
  const double one = median_ns(n, [&](size_t s) { gather_dense_columns(c.w, c.in[s], c.y, 1); });
  const double many = median_ns(n, [&](size_t s) { gather_dense_columns(c.w, c.in[s], c.y, t); });
  return std::max(0.0, many - one / t);
}

// On two threads, and per thread beyond (of the `threads` the run uses).
void measure_regions(CpuCostModel& m, int threads, int repeats, std::mt19937_64& rng) {
  if (threads < 2) return;  // never forks: the built-in values stay
  m.fork_ns = region_ns(2, repeats, rng);
  if (threads > 2) m.fork_thread_ns = std::max(0.0, (region_ns(threads, repeats, rng) - m.fork_ns) / (threads - 2));
}

}  // namespace

namespace {

std::string constants_table(const CpuCostModel& m, const CpuCalibrationOptions& o, int threads) {
  const CpuCostModel defaults;
  Table t({"constant", "measured", "built-in"});
  auto row = [&](const char* name, double CpuCostModel::*f) {
    t.add({name, fmt_fixed(m.*f, 4), fmt_fixed(defaults.*f, 4)});
  };
  row("product ns/weight (cached)", &CpuCostModel::product_weight_cached_ns);
  row("product ns/weight (memory)", &CpuCostModel::product_weight_memory_ns);
  row("product ns/MAC", &CpuCostModel::product_mac_ns);
  row("product ns per pass (one sample)", &CpuCostModel::product_pass_ns);
  row("dense columns ns/row (cached)", &CpuCostModel::dense_row_cached_ns);
  row("dense columns ns/row (memory)", &CpuCostModel::dense_row_memory_ns);
  row("dense columns ns/row per extra sample", &CpuCostModel::dense_pair_row_ns);
  row("sparse columns ns/nnz (cached)", &CpuCostModel::sparse_nnz_cached_ns);
  row("sparse columns ns/nnz (memory)", &CpuCostModel::sparse_nnz_memory_ns);
  row("row slices ns per entry and sample (cached)", &CpuCostModel::rows_entry_cached_ns);
  row("row slices ns per entry and group of samples", &CpuCostModel::rows_group_entry_ns);
  row("row slices ns per entry from memory", &CpuCostModel::rows_entry_memory_ns);
  row("row slices ns per slice and group of samples", &CpuCostModel::rows_slice_ns);
  row("gathering a batch, ns per input and sample", &CpuCostModel::gather_input_ns);
  row("dense columns ns per (column, sample) pair", &CpuCostModel::pair_ns);
  row("sparse columns ns per (column, sample) pair", &CpuCostModel::sparse_pair_ns);
  row("short columns ns per event", &CpuCostModel::short_event_ns);
  row("short columns ns per event and 16 rows", &CpuCostModel::short_vector_ns);
  row("product ns per line read back into the L2", &CpuCostModel::product_cold_line_ns);
  row("short columns ns per line read back into the L2", &CpuCostModel::short_cold_line_ns);
  row("parallel region ns (2 threads)", &CpuCostModel::fork_ns);
  row("parallel region ns per further thread", &CpuCostModel::fork_thread_ns);
  std::ostringstream s;
  s << "CPU cost model, one thread (the parallel region on " << threads << "), median of " << o.repeats
    << " calls per constant (last-level cache " << fmt_fixed(m.cache_bytes / (1 << 20), 0) << " MiB, L2 "
    << fmt_fixed(m.l2_bytes / 1024, 0) << " KiB)\n"
    << t.str();
  return s.str();
}

// What became of the measured constants, after the default model's check where it ran.
std::string verdict(const CpuCalibrationOptions& o, const ProfileCheck* check, bool written) {
  const bool slower = check && !check->passes();
  if (!written)
    return "not installed: with the measured constants event mode ran the default model slower than with the "
           "built-in ones (above), so later runs keep the constants they had (--output FILE writes the measured "
           "ones for --cpu-profile)\n";
  if (o.install)
    return "wrote " + o.output +
           ": this machine's profile, read by every later run on this CPU (--cpu-profile FILE or "
           "EVSIM_CPU_PROFILE=off overrides it)\n";
  return "wrote " + o.output + " (use it with --cpu-profile " + o.output + ")" +
         (slower ? "; note: with it event mode ran the default model slower than with the built-in constants (above)"
                 : "") +
         "\n";
}

}  // namespace

std::string run_cpu_calibration(const CpuCalibrationOptions& o) {
  const double load = load_average();
  const int before = cpu_threads();
  set_cpu_threads(1);  // constants per thread: the selector compares paths, not thread counts
  const CpuCostModel base = cpu_cost_model();
  CpuCostModel m = measure(o, base);
  set_cpu_threads(before);
  std::mt19937_64 rng(o.seed + 1);
  measure_regions(m, before, o.repeats, rng);
  m.cpu = this_cpu();
  m.source = "evsim calibrate --backend cpu on " + m.cpu;
  std::optional<ProfileCheck> check;
  if (o.check) check = check_profile(m, kCheckRepeats);
  const bool write = !(o.install && check && !check->passes());
  if (write) write_cpu_profile(m, o.output);
  std::ostringstream s;
  s << constants_table(m, o, before) << (check ? check->table() : "") << verdict(o, check ? &*check : nullptr, write);
  if (machine_busy(load))
    s << "note: load average " << fmt_fixed(load, 2) << " when calibration began: other work shared the cores, and a "
      << "parallel region waits for its slowest thread, so the region costs above include it; calibrate again "
         "when the machine is idle for a profile of the machine itself\n";
  return s.str();
}

}  // namespace evsim
