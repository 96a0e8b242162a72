// Every backend through the one runner interface: for random EGRU stacks, language models and
// spiking graphs (fresh seeds), cpu-dense, cpu-event, cuda-dense and cuda-distile give the same
// report fields and equal counts; a stream in chunks equals one run on the GPU; and the CLI runs
// `run`, `compare` and `eval --backend cuda` on every shipped checkpoint. Skipped without a GPU.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "backends/cuda/device_info.hpp"
#include "core/error.hpp"
#include "core/run_seed.hpp"
#include "data/run_report.hpp"
#include "models/egru_stack.hpp"
#include "models/random_input.hpp"
#include "models/snn_benchmark.hpp"
#include "models/weight_layout.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

#define REQUIRE_GPU() \
  if (cuda::device_count() == 0) GTEST_SKIP() << "no CUDA device"

std::set<std::string> keys(const nlohmann::json& j) {
  std::set<std::string> k;
  for (const auto& item : j.items()) k.insert(item.key());
  return k;
}

void expect_same_counts(const RunResult& a, const RunResult& b) {
  ASSERT_EQ(a.layers.size(), b.layers.size());
  for (size_t k = 0; k < a.layers.size(); ++k) {
    const OpCounts &x = a.layers[k].counts, &y = b.layers[k].counts;
    SCOPED_TRACE(a.backend + " vs " + b.backend + ", layer " + a.layers[k].name);
    EXPECT_EQ(a.layers[k].name, b.layers[k].name);
    EXPECT_EQ(x.dense_macs, y.dense_macs);
    EXPECT_EQ(x.effective_macs, y.effective_macs);
    EXPECT_EQ(x.effective_acs, y.effective_acs);
    EXPECT_EQ(x.events, y.events);
    EXPECT_EQ(x.unit_steps, y.unit_steps);
    EXPECT_EQ(a.layers[k].weight_density(), b.layers[k].weight_density());
  }
}

// Float32 graphs with thresholds (the neural operators: transforms in another sum order, GELU
// on another erf) may move a unit across a threshold or an exact zero between backends: the
// shape-given counts equal, the input-dependent ones within 1 % per layer (one moved event in
// a small layer), outputs in L2.
void expect_close_counts(const RunResult& a, const RunResult& b) {
  ASSERT_EQ(a.layers.size(), b.layers.size());
  for (size_t k = 0; k < a.layers.size(); ++k) {
    SCOPED_TRACE(a.backend + " vs " + b.backend + ", layer " + a.layers[k].name);
    EXPECT_LE(count_discrepancy(b.layers[k].counts, a.layers[k].counts), 0.01);
  }
}

// The four runners on one input: same JSON fields, equal counts, outputs within `tolerance`
// (exact = false: close counts, L2 outputs).
void check_backends(Graph& g, const Sequence& x, double tolerance, bool exact = true) {
  const RunInfo info{"test", x.steps, x.batch, g.dt};
  const EnergyModel energy;
  std::vector<RunResult> runs;
  for (const char* backend : {"cpu", "cuda"})
    for (Mode mode : {Mode::Dense, Mode::Event}) runs.push_back(testing::run_on(backend, g, mode, x));
  const nlohmann::json ref = run_report_json(runs[0], info, energy);
  for (const RunResult& r : runs) {
    SCOPED_TRACE(r.backend);
    const nlohmann::json j = run_report_json(r, info, energy);
    EXPECT_EQ(keys(j), keys(ref));
    EXPECT_EQ(keys(j["totals"]), keys(ref["totals"]));
    ASSERT_EQ(j["layers"].size(), ref["layers"].size());
    for (size_t k = 0; k < j["layers"].size(); ++k) EXPECT_EQ(keys(j["layers"][k]), keys(ref["layers"][k]));
    if (exact) {
      expect_same_counts(runs[0], r);
      EXPECT_LE(testing::rel_err(r.output, runs[0].output), tolerance);
    } else {
      expect_close_counts(runs[0], r);
      EXPECT_LE(relative_l2_error(r.output, runs[0].output), tolerance);
    }
    EXPECT_GT(r.wall_s, 0.0);
  }
  EXPECT_GT(runs[3].device_s, 0.0);
}

TEST(CudaRunner, EgruStacksCountLikeTheCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int k = 0; k < 3; ++k) {
    ModelSpec spec = testing::random_egru_stack(rng);
    if (k == 0) {  // the GPU engine's shape limit is an error naming the node, before anything runs
      Graph odd = build_graph(make_egru_stack({5, 7, 1, 3, 0.5, 0.3, 0.0, 1}), 1e-3);
      EXPECT_THROW(make_runner("cuda", Mode::Event, odd), UsageError);
    }
    Graph g = build_graph(spec, 1e-3);
    check_backends(g, gaussian_input(9, 1 + k * 3, g.input_width(), rng()), 1e-4);
  }
}

TEST(CudaRunner, LanguageModelsCountLikeTheCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Graph g = build_graph(testing::random_lm(rng), 1e-3);
  Sequence x(12, 3, 1);
  std::uniform_int_distribution<int64_t> id(0, g.output_width() - 1);
  for (float& v : x.data) v = static_cast<float>(id(rng));
  check_backends(g, x, 1e-4);
}

TEST(CudaRunner, SpikingGraphsCountLikeTheCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int k = 0; k < 4; ++k) {
    Graph g = build_graph(testing::random_lif_net(rng, k % 2, k >= 2), 1e-3);
    check_backends(g, spike_input(30, 1 + k, g.input_width(), rng(), 0.4), 0.0);
  }
}

// WNO / VS-WNO graphs (WaveletConv2d, pointwise Conv2d, the spatial nodes, VSN or GELU): the
// GPU counts like the CPU and its outputs agree to float rounding (expect_close_counts); cuda-distile's first replay
// scatters the spikes of every spiking layer through its convolution, later ones take
// whichever path its tuning measured faster: both must agree.
TEST(CudaRunner, NeuralOperatorsCountLikeTheCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int k = 0; k < 4; ++k) {
    Graph g = build_graph(testing::random_wno(rng, k % 2 == 1), 1e-3);
    const Sequence x = gaussian_input(1 + k % 2, 1 + k, g.input_width(), rng());
    check_backends(g, x, 1e-3, false);
    auto runner = make_runner("cuda", Mode::Event, g);
    const RunResult first = runner->run(x), tuned = runner->run(x);
    EXPECT_EQ(testing::rel_err(tuned.output, first.output), 0.0);  // the same sums on either path
    expect_same_counts(first, tuned);
  }
}

// A network driven only by its initial state through a recurrent projection (the cell's only
// input is the previous step's projection: it used to be refused on the GPU), with a
// refractory period; and a random LIF net stored as sparse (csr) weights: the GPU matches the
// CPU exactly.
TEST(CudaRunner, SelfDrivenAndSparseStoredNetsMatchTheCpu) {
  REQUIRE_GPU();
  ModelSpec ring;
  GraphSpec& g = ring.graph;
  g.add("input", "Input").params["shape"] = Array::ints({1}, {1});
  NodeSpec& cell = g.add("cell", "LIF");
  for (const char* p : {"tau", "r", "v_threshold"}) cell.params[p] = Array::floats({3}, {0.02f, 0.02f, 0.02f});
  cell.params["r"] = Array::floats({3}, {1.0f, 1.0f, 1.0f});
  cell.params["v_threshold"] = Array::floats({3}, {0.5f, 0.5f, 0.5f});
  cell.params["v_leak"] = Array::floats({3}, {0.0f, 0.0f, 0.0f});
  cell.params["v0"] = Array::floats({3}, {2.0f, 0.0f, 0.0f});
  cell.params["t_ref"] = Array::floats({3}, {2e-3f, 2e-3f, 2e-3f});
  g.add("w", "Linear").params["weight"] = Array::floats({3, 3}, {0, 0, 600, 600, 0, 0, 0, 600, 0});
  g.add("output", "Output");
  g.connect("cell", "w");
  g.connect("w", "cell");
  g.connect("cell", "output");
  Graph ring_graph = build_graph(ring, 1e-3);
  check_backends(ring_graph, Sequence(20, 2, 1), 0.0);
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  ModelSpec net = testing::random_lif_net(rng, false, true);
  store_weights_sparse(net, true);
  Graph sparse = build_graph(net, 1e-3);
  check_backends(sparse, spike_input(30, 2, sparse.input_width(), rng(), 0.4), 0.0);
}

// Per-synapse delays, NIR Delay nodes and Poisson sources on the GPU (random nets, fresh
// seeds, a run seed of their own): both cuda modes give the CPU's outputs and counts exactly
// (dyadic weights and small counts: exact sums in any order; the same counter-based Poisson
// draws). And the Brunel network (Poisson drive, 1.5 ms delays, integer weights) spike for
// spike.
TEST(CudaRunner, DelaysAndPoissonSourcesMatchTheCpu) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  const uint64_t before = run_seed();
  set_run_seed(rng());
  for (int k = 0; k < 4; ++k) {
    SCOPED_TRACE("net " + std::to_string(k));
    Graph g = build_graph(testing::random_delayed_net(rng, {.poisson = k >= 2, .delay_node = k % 2 == 1}), 1e-3);
    const Sequence x = spike_input(40, 1 + k, g.input_width(), rng(), 0.3);
    EXPECT_GT(testing::run_on("cpu", g, Mode::Event, x).totals.events, 0u);
    check_backends(g, x, 0.0);
  }
  BrunelConfig c;
  c.neurons = 1000;
  c.seed = rng();
  Graph brunel = build_graph(make_brunel(c), c.dt);
  check_backends(brunel, Sequence(300, 1, 1), 0.0);
  set_run_seed(before);
}

// --sum-order reference: both cuda modes add every projection's products in cpu-event's order,
// so over a long stream with many threshold crossings the events per layer are the CPU's
// exactly (a different order flips a few of them) and the readout differs only in its own
// (cuBLAS) rounding.
TEST(CudaRunner, ReferenceOrderGivesTheCpuEventsExactly) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int64_t batch : {1, 10}) {
    EgruStackConfig c;
    c.inputs = 4 * std::uniform_int_distribution<int64_t>(16, 64)(rng);
    c.hidden = 4 * std::uniform_int_distribution<int64_t>(32, 96)(rng);
    c.layers = std::uniform_int_distribution<int64_t>(2, 3)(rng);
    c.density = std::uniform_real_distribution<double>(0.1, 1.0)(rng);
    c.target_activity = 0.1;
    c.seed = rng();
    Graph g = build_graph(make_egru_stack(c), 1e-3);
    const Sequence x = gaussian_input(200, batch, g.input_width(), rng());
    const RunResult cpu = testing::run_on("cpu", g, Mode::Event, x);
    RunnerOptions o;
    o.sum_order = SumOrder::Reference;
    for (Mode mode : {Mode::Dense, Mode::Event}) {
      const RunResult gpu = make_runner("cuda", mode, g, o)->run(x);
      SCOPED_TRACE(gpu.backend + ", batch " + std::to_string(batch));
      EXPECT_EQ(gpu.sum_order, SumOrder::Reference);
      ASSERT_EQ(gpu.layers.size(), cpu.layers.size());
      for (size_t k = 0; k < cpu.layers.size(); ++k) {
        EXPECT_EQ(gpu.layers[k].counts.events, cpu.layers[k].counts.events) << cpu.layers[k].name;
        EXPECT_EQ(gpu.layers[k].counts.effective_ops(), cpu.layers[k].counts.effective_ops()) << cpu.layers[k].name;
      }
      EXPECT_LE(testing::rel_err(gpu.output, cpu.output), 1e-5);
    }
  }
  Graph snn = build_graph(testing::random_lif_net(rng, true, false), 1e-3);
  RunnerOptions o;
  o.sum_order = SumOrder::Reference;
  EXPECT_THROW(make_runner("cuda", Mode::Event, snn, o), UsageError);
}

Sequence slice(const Sequence& x, int64_t t0, int64_t n) {
  Sequence s(n, x.batch, x.width);
  for (int64_t t = 0; t < n; ++t) s.step(t) = x.step(t0 + t);
  return s;
}

TEST(CudaRunner, ChunksCarryTheState) {
  REQUIRE_GPU();
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  Graph lm = build_graph(testing::random_lm(rng), 1e-3);
  Graph snn = build_graph(testing::random_lif_net(rng, true, true), 1e-3);
  Graph delayed = build_graph(testing::random_delayed_net(rng, {.poisson = true, .delay_node = true}), 1e-3);
  for (Graph* g : {&lm, &snn, &delayed}) {
    Sequence x = g->token_input ? Sequence(11, 2, 1) : spike_input(11, 2, g->input_width(), rng(), 0.4);
    if (g->token_input)
      for (size_t k = 0; k < x.data.size(); ++k) x.data[k] = static_cast<float>(k % 5);
    for (Mode mode : {Mode::Dense, Mode::Event}) {
      auto runner = make_runner("cuda", mode, *g);
      const RunResult whole = runner->run(x);
      runner->begin(x.batch);
      Sequence joined(x.steps, x.batch, g->output_width());
      for (auto [t0, n] : {std::pair<int64_t, int64_t>{0, 4}, {4, 1}, {5, 4}, {9, 2}}) {
        const Sequence out = runner->step(slice(x, t0, n));
        for (int64_t t = 0; t < n; ++t) joined.step(t0 + t) = out.step(t);
      }
      const RunResult streamed = runner->finish();
      EXPECT_LE(testing::rel_err(joined, whole.output), 1e-5) << runner->name();
      EXPECT_EQ(streamed.totals.events, whole.totals.events) << runner->name();
      EXPECT_EQ(streamed.totals.effective_ops(), whole.totals.effective_ops()) << runner->name();
    }
  }
}

// The CLI on the shipped checkpoints, on real text when ../shared/data/ptb is there.
int sh(const std::string& cmd) { return std::system((cmd + " > /dev/null 2>&1").c_str()); }

nlohmann::json read_json(const std::string& path) {
  std::ifstream f(path);
  return nlohmann::json::parse(f);
}

TEST(CudaRunner, ShippedCheckpointsRunOnTheGpu) {
  REQUIRE_GPU();
  namespace fs = std::filesystem;
  const std::string bin = EVSIM_BIN, dir = std::string(EVSIM_SOURCE_DIR) + "/models/checkpoints";
  // EVSIM_SHARED_DATA in the environment: the reference data where the build's path does not reach (a GPU host).
  const char* shared = std::getenv("EVSIM_SHARED_DATA");
  const std::string ptb = std::string(shared ? shared : EVSIM_SHARED_DATA) + "/ptb";
  const std::string tmp = ::testing::TempDir() + "/evsim_gpu_cli";
  fs::create_directories(tmp);
  const bool text = fs::exists(ptb);
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".h5") continue;
    const std::string ckpt = entry.path().string();
    SCOPED_TRACE(ckpt);
    const bool lm = entry.path().filename().string().starts_with("egru_lm");
    std::string input = lm ? "--steps 8 --batch 10" : "--steps 2 --batch 3";
    if (text && lm) {
      ASSERT_EQ(sh(bin + " convert text " + ptb + "/ptb.test.txt " + tmp + "/in.h5 --vocab " + ckpt +
                   " --batch 10 --steps 8"),
                0);
      input = "--input " + tmp + "/in.h5";
    }
    ASSERT_EQ(sh(bin + " run " + ckpt + " --backend cuda " + input + " --json " + tmp + "/run.json"), 0);
    ASSERT_EQ(sh(bin + " run " + ckpt + " --backend cpu " + input + " --json " + tmp + "/cpu.json"), 0);
    const auto gpu = read_json(tmp + "/run.json"), cpu = read_json(tmp + "/cpu.json");
    // Language models (reference order by default in eval only): the counts of another sum order
    // may move a few events, as may the neural operators' float32 transforms; 1e-4 of them.
    for (const char* key : {"effective_macs", "events"}) {
      const auto g = gpu["totals"][key].get<double>(), c = cpu["totals"][key].get<double>();
      EXPECT_LE(std::abs(g - c), 1e-4 * std::max(c, 1.0)) << key;
    }
    fs::remove(tmp + "/cmp.json");
    EXPECT_EQ(sh(bin + " compare " + ckpt + " --backend cuda " + input + " --repeats 2 --json " + tmp + "/cmp.json"),
              0);
    EXPECT_TRUE(read_json(tmp + "/cmp.json")["agree"].get<bool>());
    if (!text || !lm) continue;
    for (const char* mode : {"dense", "event"}) {
      const std::string eval =
          bin + " eval " + ckpt + " --data " + ptb + " --split valid --limit-tokens 3000 --mode " + mode + " --json ";
      ASSERT_EQ(sh(eval + tmp + "/eg.json --backend cuda"), 0);
      ASSERT_EQ(sh(eval + tmp + "/ec.json --backend cpu"), 0);
      EXPECT_NEAR(read_json(tmp + "/eg.json")["perplexity"].get<double>(),
                  read_json(tmp + "/ec.json")["perplexity"].get<double>(), 1e-3)
          << mode;
    }
  }
}

}  // namespace
}  // namespace evsim
