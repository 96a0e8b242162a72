// Gathered event delivery (CPU DISTile): both paths, any row blocking and any thread count,
// give exactly the sums of delivery event by event (the reference order), and report the
// bytes they read; the event backend falls back to per-event delivery when a unit has two
// events in one sample; a whole model runs bit-identically on 1, 2 and 3 threads.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "backends/cpu_dense_backend.hpp"
#include "backends/cpu_event_backend.hpp"
#include "core/threads.hpp"
#include "models/egru_stack.hpp"
#include "models/random_input.hpp"
#include "network/csc_matrix.hpp"
#include "network/dense_product.hpp"
#include "network/gathered_delivery.hpp"
#include "network/l2_residency.hpp"
#include "network/matrix_projection.hpp"
#include "network/short_columns.hpp"
#include "tests/cost_model_scope.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

// Event by event, sample-major, units ascending: how the queue hands them over.
Matrix per_event(const Matrix& w, const GatheredInputs& g) {
  const CscMatrix csc = CscMatrix::from_dense(w);
  Matrix y = Matrix::Zero(w.rows(), g.x.cols());
  for (int64_t b = 0; b < g.x.cols(); ++b)
    for (int64_t j = 0; j < g.x.rows(); ++j)
      if (g.x(j, b) != 0.0f) csc.axpy_column(j, g.x(j, b), y.col(b).data());
  return y;
}

// A short matrix (1-64 rows, up to 300 columns) and a batch's inputs for trial `trial` (every
// sixth with every unit active), the trial's shape traced.
struct ShortCase {
  Matrix w;
  GatheredInputs g;
  int64_t rows, cols, batch;
};
ShortCase random_short_case(std::mt19937_64& rng, int trial, int64_t min_batch, int64_t max_batch, bool binary) {
  ShortCase c;
  c.rows = std::uniform_int_distribution<int64_t>(1, 64)(rng);
  c.cols = std::uniform_int_distribution<int64_t>(1, 300)(rng);
  c.batch = std::uniform_int_distribution<int64_t>(min_batch, max_batch)(rng);
  const double activity = trial % 6 == 0 ? 1.0 : std::uniform_real_distribution<double>(0.0, 1.0)(rng);
  c.w = testing::random_matrix(rng, c.rows, c.cols, std::uniform_real_distribution<double>(0.1, 1.0)(rng));
  c.g = testing::random_gathered(rng, c.cols, c.batch, activity, binary);
  return c;
}
std::string case_name(const ShortCase& c) {
  return std::to_string(c.rows) + " x " + std::to_string(c.cols) + ", batch " + std::to_string(c.batch);
}

// The non-zero weights in the active columns: what the pruned path reads (6 bytes each).
uint64_t active_nnz(const Matrix& w, const GatheredInputs& g) {
  uint64_t nnz = 0;
  for (uint32_t j : g.active) nnz += static_cast<uint64_t>((w.col(j).array() != 0.0f).count());
  return nnz;
}

TEST(GatheredDelivery, BothPathsEqualPerEventDeliveryExactly) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 12; ++trial) {
    const int64_t rows = std::uniform_int_distribution<int64_t>(1, 700)(rng);
    const int64_t cols = std::uniform_int_distribution<int64_t>(1, 300)(rng);
    const int64_t batch = std::uniform_int_distribution<int64_t>(1, 9)(rng);
    const double density = std::uniform_real_distribution<double>(0.02, 1.0)(rng);
    const double activity = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    SCOPED_TRACE(std::to_string(rows) + " x " + std::to_string(cols) + ", batch " + std::to_string(batch));
    const Matrix w = testing::random_matrix(rng, rows, cols, density);
    const GatheredInputs g = testing::random_gathered(rng, cols, batch, activity, trial % 2);
    const Matrix ref = per_event(w, g);
    const uint64_t nnz = active_nnz(w, g);
    for (int threads : {1, 2, 3}) {
      Matrix y = Matrix::Zero(rows, batch);
      EXPECT_EQ(gather_dense_columns(w, g, y, threads), g.active.size() * static_cast<uint64_t>(rows) * 4);
      EXPECT_TRUE(y == ref) << "dense columns, " << threads << " threads";
      for (int64_t block : {int64_t{1}, int64_t{7}, int64_t{256}, int64_t{65536}}) {
        const BlockedCsc s = BlockedCsc::from_dense(w, block);
        Matrix z = Matrix::Zero(rows, batch);
        EXPECT_EQ(gather_sparse_columns(s, g, z, threads), nnz * 6);
        EXPECT_TRUE(z == ref) << "sparse columns, blocks of " << block << ", " << threads << " threads";
      }
    }
  }
}

// Short columns (at most 64 rows, up to four vectors): the lanes of four samples, of unequal
// lengths (the shorter ones padded), batches that leave a partial group, samples with no event
// or every unit, listed events or found in x, any thread count: the reference sums exactly.
TEST(GatheredDelivery, ShortColumnsEqualPerEventDeliveryExactly) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 24; ++trial) {
    ShortCase c = random_short_case(rng, trial, 1, 13, trial % 2);
    SCOPED_TRACE(case_name(c));
    const Matrix& w = c.w;
    GatheredInputs& g = c.g;
    const int64_t rows = c.rows, batch = c.batch;
    if (batch > 2) g.x.col(1).setZero();  // a sample without events among others
    if (trial % 3 == 0 && batch > 1) list_sample_events(g);
    const Matrix ref = per_event(w, g);
    const ShortColumns s = ShortColumns::from_dense(w);
    for (int threads : {1, 2, 3}) {
      Matrix y = Matrix::Zero(rows, batch);
      EXPECT_EQ(gather_short_columns(s, g, y, threads), g.active.size() * static_cast<uint64_t>(rows) * 4);
      EXPECT_TRUE(y == ref) << threads << " threads, listed " << !g.sample_events.empty() << ", max difference "
                            << (y - ref).cwiseAbs().maxCoeff();
    }
  }
}

// Short columns fed a batch as it arrives, tallied while delivered: the reference sums exactly,
// and the tally (events, fan-outs of the non-zeros, binary or not) and bytes (the union's
// columns) counted here from x by hand; batches past one group of lanes per thread, samples
// with no event or every unit, inputs of +-1 or not, any thread count.
TEST(GatheredDelivery, ShortColumnsTalliedInDeliveryEqualPerEventDelivery) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 24; ++trial) {
    const bool binary = trial % 2 == 1;
    ShortCase c = random_short_case(rng, trial, 2, 40, binary);
    SCOPED_TRACE(case_name(c) + ", binary " + std::to_string(binary));
    const Matrix& w = c.w;
    GatheredInputs& g = c.g;
    const int64_t rows = c.rows, cols = c.cols, batch = c.batch;
    if (binary) g.x = g.x.unaryExpr([&](float v) { return v != 0.0f && rng() % 2 ? -v : v; });
    if (batch > 2) g.x.col(1).setZero();
    std::vector<uint32_t> fanout(static_cast<size_t>(cols));
    for (uint32_t& f : fanout) f = std::uniform_int_distribution<uint32_t>(0, 1u << 31)(rng);
    uint64_t events = 0, pairs = 0, active = 0;
    for (int64_t j = 0; j < cols; ++j) {
      for (int64_t b = 0; b < batch; ++b)
        if (g.x(j, b) != 0.0f) ++events, pairs += fanout[static_cast<size_t>(j)];
      active += (g.x.row(j).array() != 0.0f).any();
    }
    const Matrix ref = per_event(w, g);
    const ShortColumns s = ShortColumns::from_dense(w);
    for (int threads : {1, 2, 3, 5}) {
      Matrix y = Matrix::Zero(rows, batch);
      ColumnTally t;
      EXPECT_EQ(tally_short_columns(s, g.x, fanout.data(), y, threads, t), active * static_cast<uint64_t>(rows) * 4);
      EXPECT_TRUE(y == ref) << threads << " threads, max difference " << (y - ref).cwiseAbs().maxCoeff();
      EXPECT_EQ(t.events, events) << threads << " threads";
      EXPECT_EQ(t.pairs, pairs) << threads << " threads";
      EXPECT_EQ(t.binary, binary || events == 0) << threads << " threads";
    }
  }
}

// Larger layers in a few row blocks: the threads take whole blocks, fewer threads than blocks
// and more, and add up the bytes they read.
TEST(GatheredDelivery, ThreadedSparseColumnsEqualPerEventDelivery) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const int64_t rows = std::uniform_int_distribution<int64_t>(3000, 5000)(rng);
  const int64_t cols = std::uniform_int_distribution<int64_t>(1500, 2500)(rng);
  const Matrix w = testing::random_matrix(rng, rows, cols, 0.2);
  const GatheredInputs g = testing::random_gathered(rng, cols, 2, 0.5, false);
  const Matrix ref = per_event(w, g);
  const uint64_t nnz = active_nnz(w, g);
  for (int64_t blocks : {2, 5, 7}) {
    const BlockedCsc s = BlockedCsc::from_dense(w, (rows + blocks - 1) / blocks);
    for (int threads : {1, 2, 3, 4}) {
      Matrix z = Matrix::Zero(rows, 2);
      EXPECT_EQ(gather_sparse_columns(s, g, z, threads), nnz * 6) << blocks << " blocks, " << threads << " threads";
      EXPECT_TRUE(z == ref) << blocks << " blocks, " << threads << " threads";
    }
  }
}

// Past 65536 rows the 16-bit offsets count from each block's first row (below, they are the
// rows): blocks of either kind, threads over them, and the CSC route into the format agree with
// per-event delivery and with each other.
TEST(GatheredDelivery, TallPrunedMatricesCountRowsFromTheirBlocks) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const int64_t rows = std::uniform_int_distribution<int64_t>(65537, 70000)(rng);
  const int64_t cols = std::uniform_int_distribution<int64_t>(5, 12)(rng);
  const Matrix w = testing::random_matrix(rng, rows, cols, 0.05);
  const GatheredInputs g = testing::random_gathered(rng, cols, 2, 0.6, false);
  const Matrix ref = per_event(w, g);
  const uint64_t nnz = active_nnz(w, g);
  const CscMatrix csc = CscMatrix::from_dense(w);
  for (int64_t block : {int64_t{65536}, int64_t{30001}, int64_t{4096}}) {
    const BlockedCsc s = BlockedCsc::from_dense(w, block), c = BlockedCsc::from_csc(csc, block);
    EXPECT_FALSE(s.absolute());
    EXPECT_TRUE(s.off == c.off && s.val == c.val && s.ptr == c.ptr) << "blocks of " << block;
    for (int threads : {1, 2, 5}) {
      Matrix z = Matrix::Zero(rows, 2);
      EXPECT_EQ(gather_sparse_columns(s, g, z, threads), nnz * 6);
      EXPECT_TRUE(z == ref) << "blocks of " << block << ", " << threads << " threads";
    }
  }
}

// A pruned projection cuts its rows into one block per thread (the count when it is built):
// built on 1 or 3 threads and delivering on either, the sums are the per-event ones.
TEST(GatheredDelivery, PrunedProjectionsBuiltForAnyThreadCountGiveTheSameSums) {
  const testing::CostModelScope regions(testing::free_regions_model());
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const int before = cpu_threads();
  const int64_t rows = std::uniform_int_distribution<int64_t>(1600, 3000)(rng);
  const int64_t cols = std::uniform_int_distribution<int64_t>(300, 600)(rng);
  const Matrix w = testing::random_matrix(rng, rows, cols, 0.1);
  const GatheredInputs g = testing::random_gathered(rng, cols, 2, 0.6, false);
  const Matrix ref = per_event(w, g);
  for (int built : {1, 3}) {
    set_cpu_threads(built);
    const MatrixProjection p(w);
    for (int run : {1, 3}) {
      set_cpu_threads(run);
      Matrix y = Matrix::Zero(rows, 2);
      p.deliver_gathered(g, y, SumOrder::Reference);
      EXPECT_TRUE(y == ref) << "built on " << built << ", run on " << run << " threads";
    }
  }
  set_cpu_threads(before);
}

TEST(GatheredDelivery, TwoEventsOfOneUnitFallBackToPerEventSums) {
  Matrix w(2, 2);
  w << 1.0f + 0x1p-12f, 3.0f, 0.5f, -1.0f;
  const MatrixProjection p(w);
  CpuEventBackend backend;
  backend.prepare({&p}, 1);
  Matrix a(2, 1), b(2, 1), y;
  a << 1.0f + 0x1p-12f, 0.0f;
  b << -1.0f, 2.0f;
  backend.emit(0, a, 0);
  backend.emit(0, b, 0);  // unit 0 fires twice in this step
  OpCounts c;
  backend.propagate(0, y, c);
  // Per event: fma(w00, a0, 0) rounds (1 + 2^-12)^2 to 1 + 2^-11; then w00 * -1; then unit 1.
  const float w00 = 1.0f + 0x1p-12f;
  float y0 = std::fma(w00, -1.0f, std::fma(w00, a(0), 0.0f));
  y0 = std::fma(3.0f, 2.0f, y0);
  EXPECT_EQ(y(0, 0), y0);
  EXPECT_EQ(c.events, 3u);
  EXPECT_EQ(c.weight_bytes, 6u * 8);  // per-event delivery: 3 events x 2 weights x (value + index)
}

// The event backend delivers a readout (short columns) as it tallies it, and gathers for a
// taller projection, step after step: each port's outputs and counts equal dense mode's.
TEST(GatheredDelivery, EventBackendTalliesShortColumnsInDeliveryOnly) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const int64_t cols = std::uniform_int_distribution<int64_t>(40, 400)(rng);
  const int64_t batch = std::uniform_int_distribution<int64_t>(2, 13)(rng);
  SCOPED_TRACE(std::to_string(cols) + " inputs, batch " + std::to_string(batch));
  const MatrixProjection readout(
      testing::random_matrix(rng, std::uniform_int_distribution<int64_t>(1, 64)(rng), cols, 0.3));
  const MatrixProjection tall(testing::random_matrix(rng, 300, cols, 0.3));
  EXPECT_TRUE(readout.tallies_in_delivery());
  EXPECT_FALSE(tall.tallies_in_delivery());
  CpuEventBackend event;
  CpuDenseBackend dense;
  event.prepare({&readout, &tall}, batch);
  dense.prepare({&readout, &tall}, batch);
  for (int step = 0; step < 6; ++step) {
    const double activity = std::uniform_real_distribution<double>(0.05, 0.6)(rng);
    for (size_t port : {size_t{0}, size_t{1}}) {
      const Matrix x = testing::random_gathered(rng, cols, batch, activity, step % 2).x;
      event.emit(port, x, 0);
      dense.emit(port, x, 0);
      Matrix ye, yd;
      OpCounts ce, cd;
      event.propagate(port, ye, ce);
      dense.propagate(port, yd, cd);
      EXPECT_TRUE(ye == yd) << "step " << step << ", port " << port;
      EXPECT_EQ(ce.effective_ops(), cd.effective_ops()) << "step " << step << ", port " << port;
      EXPECT_EQ(ce.events, cd.events) << "step " << step << ", port " << port;
    }
    event.advance();
    dense.advance();
  }
}

// A projection's weights leave the L2 when the others' (dense matrices, or 6 bytes a non-zero
// where that is less) exceed it; the event backend hands that to the selector: a readout
// beside a large layer takes the product when cold lines cost more, alone it keeps short columns.
TEST(GatheredDelivery, ProjectionsBesideLargerOnesAreEvicted) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const int64_t cols = std::uniform_int_distribution<int64_t>(200, 400)(rng);
  const MatrixProjection readout(testing::random_matrix(rng, 16, cols, 1.0));
  const MatrixProjection wide(testing::random_matrix(rng, 512, cols, 1.0));
  const Matrix pruned_w = testing::random_matrix(rng, 512, cols, 0.1);
  const MatrixProjection pruned(pruned_w);
  const double r = 16.0 * 4 * static_cast<double>(cols), w = 512.0 * 4 * static_cast<double>(cols),
               p = 6.0 * static_cast<double>((pruned_w.array() != 0).count());
  EXPECT_EQ(step_weight_bytes(readout), r);
  EXPECT_EQ(step_weight_bytes(pruned), p);
  // Between the others of the readout (w + p) and of the pruned layer (r + w).
  const double l2 = (w + p + r + w) / 2;
  EXPECT_EQ(evicted_between_steps({&readout, &wide, &pruned}, l2), (std::vector<bool>{true, false, false}));
  EXPECT_EQ(evicted_between_steps({&readout}, 0), std::vector<bool>{false});

  CpuCostModel m;
  m.l2_bytes = w / 2;
  m.short_cold_line_ns = 1000;
  m.product_cold_line_ns = 0;
  const testing::CostModelScope scope(m);
  const int64_t batch = 10;
  const Matrix x = testing::random_gathered(rng, cols, batch, 0.2, false).x;
  Matrix ref;
  readout.forward_dense(x, ref);
  for (const bool beside : {false, true}) {
    CpuEventBackend event;
    if (beside)
      event.prepare({&readout, &wide}, batch);
    else
      event.prepare({&readout}, batch);
    event.emit(0, x, 0);
    Matrix y;
    OpCounts c;
    event.propagate(0, y, c);
    EXPECT_TRUE(y == ref) << "beside " << beside;
    // The product reads every weight; short columns the active columns'.
    EXPECT_EQ(c.weight_bytes == readout.dense_bytes(), beside) << "beside " << beside;
  }
}

// A readout of 1-64 rows and 100-max_cols inputs, at a batch of 2-max_batch.
struct ReadoutCase {
  int64_t rows, cols, batch;
  std::string name() const {
    return std::to_string(rows) + " x " + std::to_string(cols) + ", batch " + std::to_string(batch);
  }
};
ReadoutCase random_readout_case(std::mt19937_64& rng, int64_t max_cols, int64_t max_batch) {
  ReadoutCase c{};
  c.cols = std::uniform_int_distribution<int64_t>(100, max_cols)(rng);
  c.rows = std::uniform_int_distribution<int64_t>(1, 64)(rng);
  c.batch = std::uniform_int_distribution<int64_t>(2, max_batch)(rng);
  return c;
}

// The threshold of events from which a readout's product is predicted cheapest, with the
// built-in costs and cold lines: from it on the product every time, just below it short columns.
TEST(GatheredDelivery, ReadoutsProductThresholdSplitsThePredictions) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ReadoutCase c = random_readout_case(rng, 1000, 64);
  SCOPED_TRACE(c.name());
  const int64_t cols = c.cols, batch = c.batch;
  const MatrixProjection readout(testing::random_matrix(rng, c.rows, cols, 1.0));
  CpuCostModel m;
  m.short_cold_line_ns = std::uniform_real_distribution<double>(0, 10)(rng);
  const testing::CostModelScope scope(m);
  int thresholds = 0;
  for (const bool evicted : {false, true}) {
    const double from = readout.product_from_events(batch, evicted);
    const auto most = static_cast<double>(cols * batch);
    if (from == INFINITY) {
      EXPECT_FALSE(readout.product_predicted(batch, most, evicted));
      continue;
    }
    ++thresholds;
    EXPECT_TRUE(readout.product_predicted(batch, from, evicted)) << from;
    if (from > 0) {
      EXPECT_FALSE(readout.product_predicted(batch, from - 1, evicted)) << from;
    }
    for (int k = 0; k < 20; ++k) {  // below it the product may still win in a window (threads)
      const double e = std::floor(std::uniform_real_distribution<double>(from, most)(rng));
      EXPECT_TRUE(readout.product_predicted(batch, e, evicted)) << e << " events, from " << from;
    }
  }
  // With the built-in costs a batch's product beats short columns at full activity (16 rows:
  // 0.42 against 0.8 ns a (column, sample)), so both thresholds exist.
  EXPECT_EQ(thresholds, 2);
}

// Once a step of a readout took the product, the next steps predict it from the last step's
// events and skip the gathering: outputs and counts stay dense mode's, the bytes the product's;
// where short columns are cheaper, a readout never takes it. Tall matrices never predict it.
TEST(GatheredDelivery, ReadoutsPredictTheProductFromTheLastStepsEvents) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ReadoutCase c = random_readout_case(rng, 400, 13);
  SCOPED_TRACE(c.name());
  const int64_t rows = c.rows, cols = c.cols, batch = c.batch;
  const MatrixProjection readout(testing::random_matrix(rng, rows, cols, 0.3));
  const MatrixProjection tall(testing::random_matrix(rng, 65, cols, 1.0));
  for (const bool dear_short : {true, false}) {
    CpuCostModel m;
    m.short_event_ns = dear_short ? 1e6 : 0;
    m.product_weight_cached_ns = m.product_weight_memory_ns = m.product_mac_ns = dear_short ? 0 : 1e6;
    const testing::CostModelScope scope(m);
    EXPECT_EQ(readout.product_predicted(batch, 10, false), dear_short);
    EXPECT_FALSE(readout.product_predicted(1, 10, false));  // one sample: no lists to skip
    EXPECT_FALSE(tall.product_predicted(batch, 10, false));
    // A free product wins from no events on; a dear one never.
    EXPECT_EQ(readout.product_from_events(batch, false), dear_short ? 0 : INFINITY);
    EXPECT_EQ(tall.product_from_events(batch, false), INFINITY);
    CpuEventBackend event;
    CpuDenseBackend dense;
    event.prepare({&readout}, batch);
    dense.prepare({&readout}, batch);
    for (int step = 0; step < 5; ++step) {
      const double activity = std::uniform_real_distribution<double>(0.05, 0.6)(rng);
      const Matrix x = testing::random_gathered(rng, cols, batch, activity, step % 2).x;
      event.emit(0, x, 0);
      dense.emit(0, x, 0);
      Matrix ye, yd;
      OpCounts ce, cd;
      event.propagate(0, ye, ce);
      dense.propagate(0, yd, cd);
      SCOPED_TRACE("dear short columns " + std::to_string(dear_short) + ", step " + std::to_string(step));
      EXPECT_TRUE(ye == yd);
      EXPECT_EQ(ce.effective_ops(), cd.effective_ops());
      EXPECT_EQ(ce.events, cd.events);
      EXPECT_EQ(ce.unit_steps, cd.unit_steps);
      const uint64_t active = static_cast<uint64_t>(((x.array() != 0).rowwise().any()).count());
      EXPECT_EQ(ce.weight_bytes, dear_short ? readout.dense_bytes() : active * static_cast<uint64_t>(rows) * 4);
      event.advance();
      dense.advance();
    }
  }
}

TEST(GatheredDelivery, DenseProductIsBitIdenticalOnAnyThreadCount) {
  const testing::CostModelScope regions(testing::free_regions_model());
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> n(0, 1);
  for (int trial = 0; trial < 10; ++trial) {
    const int64_t rows = std::uniform_int_distribution<int64_t>(1, 1500)(rng);
    const int64_t cols = std::uniform_int_distribution<int64_t>(1, 600)(rng);
    const int64_t batch = std::uniform_int_distribution<int64_t>(1, 20)(rng);
    SCOPED_TRACE(std::to_string(rows) + " x " + std::to_string(cols) + ", batch " + std::to_string(batch));
    const Matrix w = Matrix::NullaryExpr(rows, cols, [&] { return n(rng); });
    const Matrix x = Matrix::NullaryExpr(cols, batch, [&] { return n(rng); });
    Matrix one, y0 = Matrix::Zero(rows, batch);
    dense_product(w, x, one, 1);
    dense_product_add(w, x, y0, 1);
    EXPECT_TRUE(y0 == one);
    EXPECT_LT((one - w * x).cwiseAbs().maxCoeff(), 1e-3f * (1 + (w * x).cwiseAbs().maxCoeff()));
    for (int t : {2, 3, 5, 16}) {
      Matrix y, z = Matrix::Zero(rows, batch);
      dense_product(w, x, y, t);
      dense_product_add(w, x, z, t);
      EXPECT_TRUE(y == one && z == one) << t << " threads";
    }
  }
}

// One sample: dense mode's product is one fused multiply-add per column in ascending order
// (network/column_fma.hpp), so it equals event-by-event delivery exactly, zero inputs and
// pruned weights included, on any thread count (sizes up to 7 threads' worth of work).
TEST(GatheredDelivery, DenseProductOfOneSampleEqualsPerEventDelivery) {
  const testing::CostModelScope regions(testing::free_regions_model());
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int trial = 0; trial < 10; ++trial) {
    const int64_t rows = std::uniform_int_distribution<int64_t>(1, 9000)(rng);  // passes of 8 and 4
    const int64_t cols = std::uniform_int_distribution<int64_t>(1, 600)(rng);
    const double density = std::uniform_real_distribution<double>(0.05, 1.0)(rng);
    const double activity = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    SCOPED_TRACE(std::to_string(rows) + " x " + std::to_string(cols));
    const Matrix w = testing::random_matrix(rng, rows, cols, density);
    const GatheredInputs g = testing::random_gathered(rng, cols, 1, activity, trial % 2);
    const Matrix ref = per_event(w, g);
    for (int t : {1, 2, 3, 7}) {
      Matrix y, z = Matrix::Zero(rows, 1);
      dense_product(w, g.x, y, t);
      dense_product_add(w, g.x, z, t);
      EXPECT_TRUE(y == ref && z == ref) << t << " threads";
    }
  }
}

// The pruned format's row blocks (one per thread) follow the thread count the projection was
// built with, not the one its formats are built under on first event use: built on 4 threads,
// formatted on 1, a step on 4 threads still splits over the blocks.
TEST(GatheredDelivery, PrunedBlocksFollowTheThreadsAtLoad) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const testing::CostModelScope scope(testing::free_regions_model());
  const int before = cpu_threads();
  set_cpu_threads(4);
  const MatrixProjection p(CscMatrix::from_dense(testing::random_matrix(rng, 4096, 64, 0.1)));
  set_cpu_threads(1);
  p.prepare_event();
  set_cpu_threads(4);
  const GatheredInputs all = testing::random_gathered(rng, 64, 1, 1.0, false);
  const MatrixProjection::PathChoice c = p.choose_path(all);
  set_cpu_threads(before);
  EXPECT_EQ(c.path, GatherPath::SparseColumns);
  EXPECT_EQ(c.threads, 4);
}

TEST(GatheredDelivery, ModelsRunBitIdenticallyOnAnyThreadCount) {
  const testing::CostModelScope regions(testing::free_regions_model());
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  EgruStackConfig cfg;
  cfg.inputs = 48;
  cfg.hidden = 160;
  cfg.layers = 2;
  cfg.density = std::uniform_real_distribution<double>(0.1, 1.0)(rng);
  cfg.target_activity = 0.15;
  cfg.seed = rng();
  Graph g = build_graph(make_egru_stack(cfg), 1e-3);
  const Sequence x = gaussian_input(20, 7, g.input_width(), rng());
  const int before = cpu_threads();
  uint64_t dense_bytes = 0;
  for (Mode mode : {Mode::Dense, Mode::Event}) {
    set_cpu_threads(1);
    const RunResult one = testing::run_on("cpu", g, mode, x);
    if (mode == Mode::Dense) dense_bytes = one.totals.weight_bytes;
    for (int t : {2, 3}) {
      set_cpu_threads(t);
      const RunResult many = testing::run_on("cpu", g, mode, x);
      EXPECT_TRUE(many.output.data == one.output.data) << mode_name(mode) << ", " << t << " threads";
      EXPECT_EQ(many.totals.effective_ops(), one.totals.effective_ops());
      EXPECT_EQ(many.totals.events, one.totals.events);
      // The bytes are those of the path the selector took, which may depend on the threads
      // (a batch's paths all give the same sums); never more than the dense product's.
      if (mode == Mode::Dense) {
        EXPECT_EQ(many.totals.weight_bytes, one.totals.weight_bytes);
      }
      EXPECT_LE(many.totals.weight_bytes, dense_bytes) << mode_name(mode) << ", " << t << " threads";
    }
  }
  set_cpu_threads(before);
}

}  // namespace
}  // namespace evsim
