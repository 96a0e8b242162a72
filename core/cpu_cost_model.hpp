#pragma once
// What a step of event delivery costs on this CPU, per path, and the choice made from it per
// projection and step (network/matrix_projection.cpp): the dense product over every column,
// the gathered dense columns, the gathered pruned columns (network/gathered_delivery.hpp), or
// the pruned rows in slices of 16 (network/row_slices.hpp).
// The shipped defaults were measured on the development machine (2-core AMD EPYC VM, one
// thread, `evsim calibrate --backend cpu`), and a path on several threads is predicted to take
// its one-thread time over the threads it can use; `evsim calibrate --backend cpu` measures
// them on the machine at hand and `--cpu-profile FILE` loads them.
#include <cstdint>
#include <string>

namespace evsim {

// Row slices at batch > 1 carry this many samples per pass (network/row_slices.hpp): one per
// lane of an AVX-512 vector; built without it, one sample at a time.
#if defined(__AVX512F__)
constexpr double kRowsEntryNs = 0.3, kRowsGroupEntryNs = 0.75;
constexpr int64_t kRowsGroup = 16;
#else
constexpr double kRowsEntryNs = 0.9, kRowsGroupEntryNs = 0.9;
constexpr int64_t kRowsGroup = 1;
#endif
// The passes a batch takes over each slice.
constexpr int64_t rows_groups(int64_t batch) { return (batch + kRowsGroup - 1) / kRowsGroup; }

struct CpuCostModel {
  // The dense product (network/dense_product.hpp): per weight streamed (matrix in cache / from
  // memory) and per multiply-add (the larger of the two terms counts).
  double product_weight_cached_ns = 0.05, product_weight_memory_ns = 0.14, product_mac_ns = 0.026;
  // One sample: per pass over a thread's rows (eight columns each), what a matrix of short
  // columns pays beyond its weights (a 16 x 2048 one: 1.6 us of weights, 1.4 us of passes).
  double product_pass_ns = 5.3;
  // Gathered dense columns: per row of an active column read, and per row of each extra
  // (column, sample) pair added from the cached tile.
  double dense_row_cached_ns = 0.07, dense_row_memory_ns = 0.14, dense_pair_row_ns = 0.04;
  // Gathered pruned columns: per non-zero scattered per (column, sample) pair.
  double sparse_nnz_cached_ns = 0.5, sparse_nnz_memory_ns = 0.75;
  // Pruned rows in slices of 16: per entry (a non-zero or its slice's padding) for one sample,
  // per entry and group of kRowsGroup samples at batch > 1, and per entry once a step where the
  // format does not fit the cache. Built without AVX-512 the slices run lane by lane: 0.91
  // against 0.32 ns an entry on the development VM.
  double rows_entry_cached_ns = kRowsEntryNs, rows_group_entry_ns = kRowsGroupEntryNs, rows_entry_memory_ns = 0.05;
  // Per slice and group at batch > 1: its outputs' loads and stores and its share of the 16 x 16
  // transposes (the default model's 1536 x 64 input matrix at batch 8: 24 us where its 20k
  // entries predicted 12, with the outputs staged element by element: 200 ns then, 80-110 now).
  double rows_slice_ns = 90;
  // Per input unit and sample at batch > 1: event mode's gathering (backends/batch_gathering.hpp:
  // masks, each sample's list, the union) beyond the tally both modes run, paid by every gathered
  // path and not by the product. A 16 x 512 readout at batch 8-10: 0.2-0.4 us of a 1.2-2.5 us step
  // (this VM: 0.042-0.049 ns calibrated), which short columns predicted at 0.5-0.9 us missed.
  double gather_input_ns = 0.05;
  // Per (column, sample) pair: list building, loop set-up; dense columns and pruned columns
  // (column pointers, the prefetch of the next column: on a 16-row matrix twice the former).
  double pair_ns = 2.5, sparse_pair_ns = 5.0;
  // Short columns (network/short_columns.hpp): per event, and per event and vector of 16 rows
  // (a 16-row readout at 20 % activity, batch 64: 0.78 ns an event, 64 rows 2.07).
  double short_event_ns = 0.35, short_vector_ns = 0.45;
  // A matrix that fits the L2 but was evicted from it between its steps (the model's other
  // projections read more than the L2: GatherShape::evicted), per 64-byte line of weights it
  // reads: the product streams its lines in order, short columns fetch the active columns' out
  // of order (the default model's 16 x 512 readout at batch 10 on the device host: a tie in
  // cache, 0.7x with 8 MB read between steps).
  double product_cold_line_ns = 0.5, short_cold_line_ns = 1.0;
  // A parallel region as a kernel pays it (the workers read the caller's lists, the caller
  // their outputs) split over two threads, and per thread beyond two. Every region wakes the
  // run's whole team (core/threads.hpp), so calibrate measures mostly the first term (the
  // device host's 16 vCPUs: 4.9-7.4 us, 36-226 ns per further thread). On the development VM:
  // 5.3 us (an empty region 3-4.5 us); the default model's 512-unit layers ran slower on its two
  // cores than on one while their deliveries forked at a fixed work size.
  double fork_ns = 5300, fork_thread_ns = 500;
  // The least work a thread takes (path_threads below; 0: the regions' cost alone decides).
  double min_thread_work = 1 << 14;
  double cache_bytes = 32.0 * (1 << 20);  // last-level cache (detected)
  double l2_bytes = 1.0 * (1 << 20);      // one core's L2 (detected)
  std::string source = "built-in defaults (development machine)";
  std::string cpu;  // the CPU a profile was measured on (data/machine_profile.hpp); empty: built in
};

enum class GatherPath { DenseColumns, SparseColumns, DenseProduct, ShortColumns, RowSlices };
// Rows a short-columns matrix may have (network/short_columns.hpp: up to four SIMD vectors).
constexpr int64_t kShortColumnsMaxRows = 64;
const char* gather_path_name(GatherPath p);

// One step of one projection, as the selector sees it.
struct GatherShape {
  int64_t rows = 0, cols = 0, batch = 1;
  double active = 0;           // input units with an event in some sample
  double pairs = 0;            // (unit, sample) events
  double active_nnz = 0;       // non-zero weights in the active columns
  bool cached = false;         // the dense weight matrix fits the last-level cache
  bool sparse_cached = false;  // the pruned format (6 bytes per non-zero) does
  int threads = 1;             // the product and dense columns split rows over all of them,
  int sparse_blocks = 1;       // pruned columns over the row blocks of their format
  bool evicted = false;        // other projections read more than the L2 between two steps
  double row_entries = 0;      // entries of the row slices (0: the matrix has none)
  bool rows_cached = false;    // the row slices fit the last-level cache
};
double predict_ns(const CpuCostModel& m, GatherPath p, const GatherShape& s);
double predict_one_thread_ns(const CpuCostModel& m, GatherPath p, const GatherShape& s);
// The threads (of s.threads) the path's kernel runs on: the count that minimises predict_ns,
// each thread with at least min_thread_work of the work (multiply-adds / 4 for the product, rows
// of dense columns and short columns, non-zeros of pruned ones, entries of row slices). The floor is kept beside the
// regions' measured cost: on the device host's 16 Xeon threads, regions inside a running model cost many times what
// calibrate measured back to back (p90's decoder at batch 1 took 150 us a step on 16 threads, 88 us on one, where the
// floor gives it 3 threads and 30 us). Most of that was teams changing size between regions (core/threads.hpp: now one
// team); with one team the floor went from 2^16 to 2^14, never slower there in three runs and dense mode of the default
// model at batch 1 1.5x faster (twenty-fifth session, docs/measurements.md).
int path_threads(const CpuCostModel& m, GatherPath p, const GatherShape& s);
// The dense product's threads (of at most `threads`) for a rows x cols matrix and a batch, in
// either mode.
int product_threads(const CpuCostModel& m, int64_t rows, int64_t cols, int64_t batch, int threads);

// A kernel of `one_thread_ns` split into `units` equal pieces (row chunks, row blocks) over t of
// at most `max_threads` threads: the slowest thread takes ceil(units / t) pieces, and the
// region costs fork_ns + (t - 2) fork_thread_ns, paid `regions` times (row slices at a batch
// run three: the transposes in, the slices, the transposes out). The best split (the fewest
// threads on a tie) replaces one thread only when predicted kThreadMargin cheaper: the per-row
// costs moved 15 % between calibrations on one machine, and near the crossover a split gains
// nothing.
constexpr double kThreadMargin = 0.85;
struct ThreadPlan {
  int threads = 1;
  double ns = 0;
};
ThreadPlan plan_threads(const CpuCostModel& m, double one_thread_ns, int max_threads, int64_t units, int regions = 1);
// What reading its weights back into the L2 adds to a step of the product or of short columns
// when s.evicted and the matrix (as whole 16-row vectors) fits the L2; larger matrices stream
// from the cache or memory anyway, as their constants were measured. Each thread reads the
// columns its samples touch, so the cost does not shrink with threads.
double cold_lines_ns(const CpuCostModel& m, GatherPath p, const GatherShape& s);
// The path's plan: its threads (path_threads) and predicted time (predict_ns) at once.
ThreadPlan plan_path(const CpuCostModel& m, GatherPath p, const GatherShape& s);
// A gathered path replaces the dense product only when predicted this much cheaper: near the
// crossover the two cost the same, and a model error there would make event mode the slower.
constexpr double kGatherMargin = 0.8;

// The model the CPU backends use (process-wide, like the thread count).
const CpuCostModel& cpu_cost_model();
// The shipped constants with this machine's cache sizes: the model in effect where no profile is.
CpuCostModel builtin_cpu_cost_model();
void set_cpu_cost_model(const CpuCostModel& m);

}  // namespace evsim
