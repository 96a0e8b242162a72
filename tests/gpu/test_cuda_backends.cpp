// GPU backends vs the CPU simulator on random EGRU stacks with fresh seeds; and DISTile
// against cuBLAS. Skipped (not failed) on machines without a GPU.
#include <cuda_runtime.h>
#include <gtest/gtest.h>

#include <random>

#include "backends/cuda/device_buffer.hpp"
#include "backends/cuda/device_info.hpp"
#include "backends/cuda/distile.cuh"
#include "backends/cuda/lowering.hpp"
#include "backends/cuda/row_blocks.hpp"
#include "backends/cuda/snn_codegen.hpp"
#include "backends/cuda/sparse_delivery.cuh"
#include "bench/gpu_bench.hpp"
#include "core/error.hpp"
#include "models/egru_stack.hpp"
#include "models/random_input.hpp"
#include "models/snn_benchmark.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

// The ops a path counted, stage by stage, against another path's (bytes differ by path).
void expect_same_ops(const cuda::SnnCounts& got, const cuda::SnnCounts& ref) {
  ASSERT_EQ(got.stages.size(), ref.stages.size());
  for (size_t k = 0; k < ref.stages.size(); ++k) {
    SCOPED_TRACE("stage " + std::to_string(k));
    EXPECT_EQ(got.stages[k].macs, ref.stages[k].macs);
    EXPECT_EQ(got.stages[k].acs, ref.stages[k].acs);
    EXPECT_EQ(got.stages[k].nonzero, ref.stages[k].nonzero);
  }
}

// cuda-distile's fused and generated kernels read the dense columns of the non-zero inputs: per
// step and block (sample) each active column once, so between nonzero / batch and nonzero
// columns of 4 x out bytes over the run.
void expect_active_column_bytes(const cuda::SnnCounts& got, const cuda::SnnParams& p, int64_t batch) {
  for (size_t k = 0; k < p.stages.size(); ++k) {
    SCOPED_TRACE("stage " + std::to_string(k));
    const uint64_t column = 4 * static_cast<uint64_t>(p.stages[k].out), nz = got.stages[k].nonzero;
    if (p.stages[k].kind != cuda::SnnNode::Kind::Projection || !p.stages[k].delayed.empty()) continue;
    EXPECT_EQ(got.stages[k].bytes % column, 0u);
    EXPECT_GE(got.stages[k].bytes * static_cast<uint64_t>(batch), nz * column);
    EXPECT_LE(got.stages[k].bytes, nz * column);
  }
}

const char* path_name(cuda::SnnPath p) {
  return p == cuda::SnnPath::Fused       ? "fused kernel"
         : p == cuda::SnnPath::Generated ? "generated kernel"
                                         : "a kernel per node";
}

#define REQUIRE_GPU() \
  if (cuda::device_count() == 0) GTEST_SKIP() << "no CUDA device"

class CudaParity : public ::testing::TestWithParam<int> {};

TEST_P(CudaParity, EgruStackMatchesCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  EgruStackConfig c;
  c.inputs = std::uniform_int_distribution<int64_t>(3, 40)(rng);
  c.hidden = 4 * std::uniform_int_distribution<int64_t>(2, 24)(rng);  // 8..96, also H % 32 != 0
  c.layers = std::uniform_int_distribution<int64_t>(1, 3)(rng);
  c.outputs = std::uniform_int_distribution<int64_t>(2, 9)(rng);
  c.density = std::uniform_real_distribution<double>(0.2, 1.0)(rng);
  c.threshold = std::uniform_real_distribution<double>(0.2, 0.6)(rng);
  c.seed = rng();
  const ModelSpec spec = make_egru_stack(c);
  const int64_t batch = GetParam() % 2 ? 1 : std::uniform_int_distribution<int64_t>(2, 11)(rng);
  const Sequence x = gaussian_input(16, batch, c.inputs, rng());
  const RunResult cpu = testing::run_mode(spec, Mode::Dense, x);
  Graph g = build_graph(spec, 1e-4);
  const auto params = cuda::lower_egru_stack(g);
  // The default profile (gather, PDL); streaming every step that has an event (no PDL);
  // pruned columns for every projection; cuBLAS GEMMs for the batch's projections.
  cuda::GpuProfile streaming, pruned, gemm;
  gemm.gemm_batch_from = 2;  // batches of 2+: projections through cuBLAS GEMMs, cells in event mode
  streaming.stream_overhead_s = 0;
  streaming.stream_bandwidth = 1e16;
  streaming.pdl = false;
  pruned.pruned_overhead_s = 0;
  pruned.pruned_bandwidth = 1e16;
  pruned.range_cols = 32 * std::uniform_int_distribution<int>(1, 8)(rng);  // and widened ranges, or one
  pruned.max_ranges = std::uniform_int_distribution<int>(1, 4)(rng);
  const std::pair<cuda::GpuMode, cuda::GpuProfile> runs[] = {{cuda::GpuMode::Dense, {}},
                                                             {cuda::GpuMode::Distile, {}},
                                                             {cuda::GpuMode::Distile, streaming},
                                                             {cuda::GpuMode::Distile, pruned},
                                                             {cuda::GpuMode::Distile, gemm}};
  int run = 0;
  for (const auto& [mode, profile] : runs) {
    SCOPED_TRACE("run " + std::to_string(run++));
    cuda::EgruEngine engine(params, mode, batch, x.steps, profile);
    const cuda::EgruRun gpu = engine.run(x);
    EXPECT_LE(testing::rel_err(gpu.output, cpu.output), 1e-4) << (mode == cuda::GpuMode::Dense ? "dense" : "distile");
    uint64_t cpu_events = 0, gpu_events = 0;
    for (const auto& l : cpu.layers)
      if (l.neuron) cpu_events += l.counts.events;
    for (auto e : gpu.counts.events) gpu_events += e;
    EXPECT_EQ(gpu_events, cpu_events);
  }
}

INSTANTIATE_TEST_SUITE_P(RandomStacks, CudaParity, ::testing::Range(0, 6));

// NIR-style graphs on the GPU vs the CPU simulator: LIF/CubaLIF nets, with and without a
// recurrent projection (dyadic weights, binary spikes: exact sums, and the GPU neuron kernels
// round like the CPU, so outputs must be identical), and VSN MLPs (graded: within 1e-4).
TEST_P(CudaParity, SnnGraphsMatchCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const bool lif = GetParam() < 4;
  const ModelSpec spec =
      lif ? testing::random_lif_net(rng, GetParam() % 2, GetParam() >= 2) : testing::random_vsn_mlp(rng);
  const int64_t width = spec.graph.nodes[0].params.at("shape").i[0], batch = 1 + GetParam() % 3;
  const Sequence x = lif ? spike_input(40, batch, width, rng(), 0.4) : gaussian_input(12, batch, width, rng());
  const RunResult cpu = testing::run_mode(spec, Mode::Dense, x);
  Graph g = build_graph(spec, 1e-3);
  const auto params = cuda::lower_snn(g);
  cuda::SnnCounts per_node;
  for (auto mode : {cuda::GpuMode::Dense, cuda::GpuMode::Distile})
    for (auto path : {cuda::SnnPath::Launches, cuda::SnnPath::Fused, cuda::SnnPath::Generated}) {
      SCOPED_TRACE(path_name(path));
      cuda::SnnEngine engine(params, mode, batch, x.steps, {}, path);
      const cuda::SnnRun gpu = engine.run(x, 2);
      EXPECT_LE(testing::rel_err(gpu.output, cpu.output), lif ? 0.0 : 1e-4)
          << (mode == cuda::GpuMode::Dense ? "dense" : "distile");
      EXPECT_LE(testing::rel_err(engine.output(), cpu.output), lif ? 0.0 : 1e-4) << "the timed replays";
      uint64_t cpu_events = 0, gpu_events = 0;
      for (const auto& l : cpu.layers)
        if (l.neuron) cpu_events += l.counts.events;
      for (auto e : gpu.counts.events) gpu_events += e;
      if (lif) {
        EXPECT_EQ(gpu_events, cpu_events);
      }
      // The fused kernel counts in-kernel: the same projection counts as the counting kernels.
      if (path == cuda::SnnPath::Launches) {
        per_node = gpu.counts;
      } else {
        expect_same_ops(gpu.counts, per_node);
        // (The generated kernel holds these small matrices in registers: read once per sample.)
        if (path == cuda::SnnPath::Fused) {
          if (mode == cuda::GpuMode::Dense) {  // one block: the whole matrix a step, as cuBLAS
            for (size_t k = 0; k < per_node.stages.size(); ++k) {
              EXPECT_EQ(gpu.counts.stages[k].bytes, per_node.stages[k].bytes) << "stage " << k;
            }
          } else {
            expect_active_column_bytes(gpu.counts, params, batch);
          }
        } else {
          EXPECT_TRUE(cuda::SnnEngine(params, mode, batch, x.steps).generated()) << "Auto takes the generated kernel";
        }
      }
    }
}

// Excitatory/inhibitory populations (two synaptic currents: CUBA Euler and exact, COBA) with a
// recurrent E/I projection: the kernels round like the CPU, so spikes and outputs are identical.
TEST_P(CudaParity, ExcitatoryInhibitoryNetsMatchCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_ei_net(rng, static_cast<testing::EiKind>(GetParam() % 3));
  const int64_t width = spec.graph.nodes[0].params.at("shape").i[0], batch = 1 + GetParam() % 3;
  const Sequence x = spike_input(60, batch, width, rng(), 0.4);
  const RunResult cpu = testing::run_mode(spec, Mode::Dense, x);
  Graph g = build_graph(spec, 1e-3);
  const auto params = cuda::lower_snn(g);
  uint64_t cpu_events = 0;
  for (const auto& l : cpu.layers)
    if (l.neuron) cpu_events += l.counts.events;
  EXPECT_GT(cpu_events, 0u);
  for (auto mode : {cuda::GpuMode::Dense, cuda::GpuMode::Distile})
    for (auto path : {cuda::SnnPath::Launches, cuda::SnnPath::Fused}) {
      SCOPED_TRACE(mode == cuda::GpuMode::Dense ? "dense" : "distile");
      SCOPED_TRACE(path == cuda::SnnPath::Fused ? "fused kernel" : "a kernel per node");
      cuda::SnnEngine engine(params, mode, batch, x.steps, {}, path);
      const cuda::SnnRun gpu = engine.run(x, 1);
      EXPECT_EQ(testing::rel_err(gpu.output, cpu.output), 0.0);
      EXPECT_EQ(testing::rel_err(engine.output(), cpu.output), 0.0) << "the timed replay";
      uint64_t gpu_events = 0;
      for (auto e : gpu.counts.events) gpu_events += e;
      EXPECT_EQ(gpu_events, cpu_events);
    }
}

// The stream x through `part` (chunks of part.steps()) and, for a shorter last chunk, `tail`
// (which takes over part's state first), each chunk one replay: the outputs concatenated.
template <class Engine, class Replay>
Sequence outputs_in_chunks(Engine& part, Engine& tail, const Sequence& x, int64_t width, Replay replay) {
  const int64_t steps = x.steps, chunk = part.steps(), batch = x.batch;
  Sequence got(steps, batch, width);
  for (int64_t t0 = 0; t0 < steps; t0 += chunk) {
    const int64_t n = std::min(chunk, steps - t0);
    Sequence xs(n, batch, x.width);
    std::copy(x.data.begin() + t0 * batch * x.width, x.data.begin() + (t0 + n) * batch * x.width, xs.data.begin());
    if (n != chunk) tail.copy_state_from(part);
    Engine& e = n == chunk ? part : tail;
    e.set_input(xs);
    replay(e);
    const Sequence y = e.output();
    std::copy(y.data.begin(), y.data.end(), got.data.begin() + t0 * batch * width);
  }
  return got;
}

// A stream evaluated in chunks (replays that continue from the state, a shorter engine for
// the tail that takes over the state) gives the outputs of one run over the whole stream.
TEST(CudaEngine, ChunkedStreamEqualsOneRun) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  EgruStackConfig c;
  c.inputs = 12;
  c.hidden = 40;
  c.layers = 2;
  c.outputs = 5;
  c.density = 0.5;
  c.threshold = 0.3;
  c.seed = rng();
  Graph g = build_graph(make_egru_stack(c), 1e-4);
  const auto model = cuda::upload_egru_stack(cuda::lower_egru_stack(g), {});
  const int64_t steps = 23, chunk = 8, batch = 3;
  const Sequence x = gaussian_input(steps, batch, c.inputs, rng());
  for (auto mode : {cuda::GpuMode::Dense, cuda::GpuMode::Distile}) {
    cuda::EgruEngine whole(model, mode, batch, steps);
    const Sequence ref = whole.run(x).output;
    cuda::EgruEngine part(model, mode, batch, chunk);
    cuda::EgruEngine tail(model, mode, batch, steps % chunk);
    const Sequence got = outputs_in_chunks(part, tail, x, ref.width, [](cuda::EgruEngine& e) { e.replay(); });
    EXPECT_LE(testing::rel_err(got, ref), 1e-5) << (mode == cuda::GpuMode::Dense ? "dense" : "distile");
  }
}

// The same for a spiking graph with a recurrent projection and refractory two-current neurons,
// on both paths: the fused kernel keeps the state in shared memory during a chunk and hands it
// over between chunks and engines (11 samples: several blocks of the fused kernel).
TEST(CudaEngine, ChunkedSpikingStreamEqualsOneRun) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_ei_net(rng, testing::EiKind::Coba);
  const int64_t width = spec.graph.nodes[0].params.at("shape").i[0], steps = 47, chunk = 16, batch = 11;
  const Sequence x = spike_input(steps, batch, width, rng(), 0.4);
  Graph g = build_graph(spec, 1e-3);
  const auto model = cuda::upload_snn(cuda::lower_snn(g), {});
  for (auto path : {cuda::SnnPath::Launches, cuda::SnnPath::Fused, cuda::SnnPath::Generated}) {
    SCOPED_TRACE(path_name(path));
    cuda::SnnEngine whole(model, cuda::GpuMode::Distile, batch, steps, path);
    const Sequence ref = whole.run(x).output;
    cuda::SnnEngine part(model, cuda::GpuMode::Distile, batch, chunk, path);
    cuda::SnnEngine tail(model, cuda::GpuMode::Distile, batch, steps % chunk, path);
    const Sequence got = outputs_in_chunks(part, tail, x, ref.width, [](cuda::SnnEngine& e) { e.replay(true); });
    EXPECT_EQ(testing::rel_err(got, ref), 0.0);
  }
}

// A hidden layer of 100 LIF units with recurrent weights: more weights than the generated kernel
// holds in registers, so the recurrent matrix is read through the L1 every step (and a stage
// spans four register slots per lane). Outputs are the CPU's, counts the per-node path's.
TEST(CudaEngine, GeneratedKernelReadsWideMatricesThroughTheCache) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_lif_net(rng, true, true, 100);
  const int64_t width = spec.graph.nodes[0].params.at("shape").i[0], batch = 5;
  const Sequence x = spike_input(40, batch, width, rng(), 0.4);
  const RunResult cpu = testing::run_mode(spec, Mode::Dense, x);
  Graph g = build_graph(spec, 1e-3);
  const auto params = cuda::lower_snn(g);
  for (auto mode : {cuda::GpuMode::Dense, cuda::GpuMode::Distile}) {
    SCOPED_TRACE(mode == cuda::GpuMode::Dense ? "dense" : "distile");
    cuda::SnnEngine per_node(params, mode, batch, x.steps, {}, cuda::SnnPath::Launches);
    cuda::SnnEngine generated(params, mode, batch, x.steps, {}, cuda::SnnPath::Generated);
    EXPECT_STREQ(per_node.path_name(), "a kernel per node");
    EXPECT_STREQ(generated.path_name(), "generated kernel");
    const cuda::SnnRun a = per_node.run(x), b = generated.run(x, 1);
    EXPECT_EQ(testing::rel_err(b.output, cpu.output), 0.0);
    EXPECT_EQ(testing::rel_err(generated.output(), cpu.output), 0.0) << "the timed replay";
    EXPECT_EQ(b.counts.events, a.counts.events);
    expect_same_ops(b.counts, a.counts);
  }
}

// Past the generator's limits (over 256 units a stage) Auto falls back to the fused kernel, with
// the CPU's outputs; within them it takes the generated kernel.
TEST(CudaEngine, AutoTakesTheFusedKernelPastTheGeneratorsLimits) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int64_t hidden : {std::uniform_int_distribution<int64_t>(8, 64)(rng), int64_t{300}}) {
    SCOPED_TRACE("hidden " + std::to_string(hidden));
    const ModelSpec spec = testing::random_lif_net(rng, true, true, hidden);
    const int64_t width = spec.graph.nodes[0].params.at("shape").i[0], batch = 3;
    const Sequence x = spike_input(20, batch, width, rng(), 0.4);
    const RunResult cpu = testing::run_mode(spec, Mode::Dense, x);
    Graph g = build_graph(spec, 1e-3);
    const auto params = cuda::lower_snn(g);
    const bool small = hidden <= 256;
    EXPECT_EQ(cuda::gen_graph(params, false).has_value(), small);
    cuda::SnnEngine engine(params, cuda::GpuMode::Distile, batch, x.steps);
    EXPECT_EQ(engine.generated(), small);
    EXPECT_EQ(engine.fused(), !small);
    EXPECT_EQ(testing::rel_err(engine.run(x).output, cpu.output), 0.0);
  }
}

// A batch larger than a block's share: the fused kernel splits the samples over blocks (the last
// one partial). Outputs are the CPU's, events and ops the per-node path's; each block reads the
// whole matrix (cuda-dense: a multiple of cuBLAS's bytes, at least two blocks) or its own samples'
// active columns (cuda-distile).
TEST(CudaEngine, FusedKernelSplitsTheBatchOverBlocks) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const ModelSpec spec = testing::random_lif_net(rng, true, true);
  const int64_t width = spec.graph.nodes[0].params.at("shape").i[0], batch = 21;
  const Sequence x = spike_input(30, batch, width, rng(), 0.4);
  const RunResult cpu = testing::run_mode(spec, Mode::Dense, x);
  Graph g = build_graph(spec, 1e-3);
  const auto params = cuda::lower_snn(g);
  for (auto mode : {cuda::GpuMode::Dense, cuda::GpuMode::Distile}) {
    SCOPED_TRACE(mode == cuda::GpuMode::Dense ? "dense" : "distile");
    cuda::SnnEngine per_node(params, mode, batch, x.steps, {}, cuda::SnnPath::Launches);
    cuda::SnnEngine fused(params, mode, batch, x.steps, {}, cuda::SnnPath::Fused);
    const cuda::SnnRun a = per_node.run(x), b = fused.run(x);
    EXPECT_EQ(testing::rel_err(b.output, cpu.output), 0.0);
    EXPECT_EQ(b.counts.events, a.counts.events);
    expect_same_ops(b.counts, a.counts);
    for (size_t k = 0; k < a.counts.stages.size(); ++k) {
      SCOPED_TRACE("stage " + std::to_string(k));
      const uint64_t one = a.counts.stages[k].bytes, got = b.counts.stages[k].bytes;
      if (mode == cuda::GpuMode::Dense && one > 0) {
        EXPECT_EQ(got % one, 0u);
        EXPECT_GE(got / one, 2u);
        EXPECT_LE(got / one, static_cast<uint64_t>(batch));
      }
    }
    if (mode == cuda::GpuMode::Distile) expect_active_column_bytes(b.counts, params, batch);
  }
}

// The sparse delivery against the CPU's reference sums (one fused multiply-add per weight, the
// active inputs in ascending order): bit for bit, over shapes with ragged row blocks, rounds of
// active columns (more than 512 active) and passes of staged entries (dense columns: each row
// found by binary search), batches over several sample groups, graded and binary inputs; by
// listing the active columns and by each row walking its own entries (the pull path).
TEST(SparseDelivery, MatchesReferenceSumsBitForBit) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  struct Case {
    int rows, cols;
    double density, activity;
    int batch;
  };
  for (const Case& c : {Case{300, 100, 0.3, 0.2, 1}, Case{700, 5000, 0.5, 0.3, 3}, Case{1300, 40000, 0.002, 0.05, 9},
                        Case{257, 2000, 1.0, 1.0, 5}, Case{64, 33, 0.5, 0.0, 2}}) {
    SCOPED_TRACE(std::to_string(c.rows) + " x " + std::to_string(c.cols));
    std::uniform_real_distribution<float> u(-1.0f, 1.0f), p(0.0f, 1.0f);
    Matrix w = Matrix::Zero(c.rows, c.cols);
    for (int j = 0; j < c.cols; ++j)
      for (int r = 0; r < c.rows; ++r)
        if (p(rng) < c.density) w(r, j) = u(rng);
    const CscMatrix csc = CscMatrix::from_dense(w);
    std::vector<float> x(static_cast<size_t>(c.cols) * c.batch, 0.0f);
    for (float& v : x)
      if (p(rng) < c.activity) v = p(rng) < 0.5f ? 1.0f : u(rng);
    std::vector<float> want(static_cast<size_t>(c.rows) * c.batch, 0.0f);
    for (int b = 0; b < c.batch; ++b)
      for (int j = 0; j < c.cols; ++j)
        if (x[static_cast<size_t>(b) * c.cols + j] != 0.0f)
          csc.axpy_column(j, x[static_cast<size_t>(b) * c.cols + j], want.data() + static_cast<size_t>(b) * c.rows);
    cuda::DeviceBuffer<uint32_t> ptr(cuda::row_block_offsets(csc, cuda::kSparseRows, uint64_t(1) << 30, "w"));
    cuda::DeviceBuffer<uint32_t> rows(csc.row_idx), mask(static_cast<size_t>(c.cols + 31) / 32);
    cuda::DeviceBuffer<float> vals(csc.values), dx(x), dy(want.size());
    const cuda::RowMajorEntries by_row = cuda::row_major_entries(csc);
    cuda::DeviceBuffer<uint32_t> row_ptr(by_row.row_ptr), col_idx(by_row.col_idx);
    cuda::DeviceBuffer<float> row_val(by_row.values);
    cuda::SparseColumns sc{ptr.get(), rows.get(), vals.get(),
                           c.rows,    c.cols,     (c.rows + cuda::kSparseRows - 1) / cuda::kSparseRows};
    for (bool pull : {false, true}) {  // listing the active columns, or each row walking its own entries
      if (pull) {
        sc.row_ptr = row_ptr.get();
        sc.col_idx = col_idx.get();
        sc.row_val = row_val.get();
        sc.pull_above = 0;
      }
      cuda::sparse_deliver(sc, dx.get(), c.batch, mask.get(), dy.get(), nullptr);
      const std::vector<float> got = dy.download();
      size_t differ = 0;
      for (size_t k = 0; k < got.size(); ++k) differ += got[k] != want[k];
      EXPECT_EQ(differ, 0u) << "of " << got.size() << (pull ? " (pull)" : " (push)");
    }
  }
}

// A Vogels-Abbott network with more inputs than the dense paths take (8,200 neurons: sparse
// weights only on the GPU): cuda-distile delivers from the compressed columns and gives the
// CPU's spikes and counts; cuda-dense refuses it with a clear error.
TEST(SparseDelivery, LargeSparseNetworkMatchesCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  VogelsAbbottConfig vc;
  vc.neurons = 8200;
  vc.conductance = seed % 2;
  vc.seed = seed;
  const ModelSpec spec = make_vogels_abbott(vc);
  const Sequence x(300, 1, 1);
  const RunResult cpu = testing::run_mode(spec, Mode::Event, x, false, vc.dt);
  Graph g = build_graph(spec, vc.dt);
  const auto params = cuda::lower_snn(g);
  EXPECT_THROW(cuda::SnnEngine(params, cuda::GpuMode::Dense, 1, x.steps), UsageError);
  cuda::SnnEngine engine(params, cuda::GpuMode::Distile, 1, x.steps);
  const cuda::SnnRun gpu = engine.run(x);
  EXPECT_EQ(testing::rel_err(gpu.output, cpu.output), 0.0);
  uint64_t cpu_events = 0, gpu_events = 0, cpu_acs = 0, gpu_acs = 0;
  for (const auto& l : cpu.layers) {
    if (l.neuron) cpu_events += l.counts.events;
    cpu_acs += l.counts.effective_acs;
  }
  for (auto e : gpu.counts.events) gpu_events += e;
  for (const auto& p : gpu.counts.stages) gpu_acs += p.acs;
  EXPECT_GT(cpu_events, 0u);
  EXPECT_EQ(gpu_events, cpu_events);
  EXPECT_EQ(gpu_acs, cpu_acs);
}

TEST(Distile, MatchesCublasOverActivityAndBatch) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  // Column ranges of the default profile (2 and 4 ranges, a ragged last one), one word per
  // range, and ranges widened to at most two (with the producer's list: two block rows, so
  // each takes several chunks of the list). ProjectionBench checks every front end (bitmask
  // from x, given bitmask, given list) and column format against cuBLAS.
  cuda::GpuProfile narrow, wide;
  narrow.range_cols = 32;
  wide.max_ranges = 2;
  for (const cuda::GpuProfile& profile : {cuda::GpuProfile{}, narrow, wide})
    for (double density : {0.1, 1.0})
      for (int64_t hidden : {96, 200}) {  // 288 rows: one row block; 600: a ragged second one
        cuda::ProjectionBench bench(hidden, density, seed, profile);
        for (int64_t batch : {1, 3, 8, 13})
          for (double activity : {0.0, 0.05, 0.3, 1.0}) {
            // Four input patterns keep the test short (under compute-sanitizer too); one
            // case sizes them itself. Its matrix is far under any L2, so a pass reads it
            // twice: 2 x H / active columns (batch 1) = 2 x 96 / 5 = 38.4 -> 39 patterns.
            const bool rotate = hidden == 96 && batch == 1 && activity == 0.05;
            const auto r = bench.run(batch, activity, 2, rotate ? 0 : 4);
            EXPECT_EQ(r.input_sets, rotate ? 39 : 4);
            EXPECT_LE(r.max_rel_err, 1e-5)
                << "hidden " << hidden << " batch " << batch << " activity " << activity << " ranges of "
                << profile.range_cols << " columns, at most " << profile.max_ranges;
          }
      }
}

// Caught on the host before any launch (no GPU needed): a plan with no column ranges would
// divide by zero in the kernel's range arithmetic.
TEST(Distile, RejectsAPlanWithoutRanges) {
  cuda::DistileProblem q;
  q.rows = q.cols = 32;
  auto message = [&](const cuda::DistilePlan& plan) {
    try {
      cuda::distile_step(&q, 1, 1, plan, nullptr);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  cuda::DistilePlan plan = cuda::plan_for(cuda::GpuProfile{});
  plan.max_ranges = 0;
  EXPECT_NE(message(plan).find("max_ranges >= 1"), std::string::npos) << message(plan);
  plan = cuda::plan_for(cuda::GpuProfile{});
  plan.range_cols = 16;
  EXPECT_NE(message(plan).find("range_cols >= 32"), std::string::npos) << message(plan);
}

// The list front end reads the count before the list: a list without one is refused on the host.
TEST(Distile, RejectsAListWithoutItsCount) {
  std::vector<float> one(4, 0.0f);
  cuda::DeviceBuffer<float> w(one);
  cuda::DeviceBuffer<int> list(std::vector<int>(32, 0));
  cuda::DistileProblem q;
  q.w = q.acc = w.get();
  q.x = w.get();
  q.list = list.get();
  q.rows = q.cols = 32;
  std::string message = "no error";
  try {
    cuda::distile_step(&q, 1, 1, cuda::plan_for(cuda::GpuProfile{}), nullptr);
  } catch (const Error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find("list of active columns needs its count"), std::string::npos) << message;
}

// The kernel indexes rows x batch with 32-bit ints: a larger step is refused before launching.
TEST(Distile, RejectsRowsTimesBatchPast32Bits) {
  std::vector<float> one(4, 0.0f);
  cuda::DeviceBuffer<float> w(one);
  cuda::DistileProblem q;
  q.w = q.acc = w.get();
  q.x = w.get();
  q.rows = 1 << 20;
  q.cols = 32;
  const cuda::DistilePlan plan = cuda::plan_for(cuda::GpuProfile{});
  std::string message = "no error";
  try {
    cuda::distile_step(&q, 1, 1 << 11, plan, nullptr);
  } catch (const Error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find("rows x batch must be below 2^31"), std::string::npos) << message;
}

}  // namespace
}  // namespace evsim
