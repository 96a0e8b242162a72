// The kernels generated per spiking graph (backends/cuda/snn_codegen.hpp) run on the CPU: the
// generated source is compiled at test time by the host compiler with tests/emulated/
// warp_emulator.hpp in front (a warp as 32 fibres), loaded, and run on random LIF, E/I and VSN
// graphs (fresh seeds). Outputs must be the CPU simulator's bit for bit where the sums are exact
// (spiking nets), events and synaptic operations its counts. So CI checks the generator's logic
// without a GPU; tests/gpu runs the same kernels on the device.
#include <dlfcn.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "backends/cuda/lowering.hpp"
#include "backends/cuda/port_count.hpp"
#include "backends/cuda/snn_codegen.hpp"
#include "backends/cuda/snn_engine.hpp"
#include "models/random_input.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

using RunFn = void (*)(const cuda::GenArgs*, int);

// The generated source plus a launcher, compiled into a shared object; cached per source.
RunFn compile_on_host(const std::string& source) {
  static std::map<std::string, RunFn> cache;
  if (auto it = cache.find(source); it != cache.end()) return it->second;
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("evsim_gen_" + std::to_string(getpid()) + "_" + std::to_string(cache.size()));
  fs::create_directories(dir);
  {
    std::ofstream f(dir / "kernel.cpp");
    f << source
      << "\nextern \"C\" void evsim_run(const GenArgs* a, int counted) {\n"
         "  evsim_emulated::launch(a->batch, [a, counted] {\n"
         "    if (counted) evsim_snn_chunk_counted(*a); else evsim_snn_chunk(*a);\n  });\n}\n";
  }
  const std::string src = EVSIM_SOURCE_DIR;
  // Initial-exec TLS: the emulator's thread_locals then sit in the static TLS block instead of
  // a block that __tls_get_addr allocates on first use. GCC 12's sanitizer runtime mistook such
  // a block, when malloc placed it 16 bytes past a page boundary, for a pre-2.25 glibc block
  // and read a size before it: LeakSanitizer's exit-time scan then crashed (SIGSEGV in its
  // tracer, 3 of 30 runs of these tests under ASan; 0 of 30 with the interceptor off).
  const std::string cmd = std::string(EVSIM_HOST_CXX) +
                          " -std=c++20 -O1 -w -ffp-contract=off -fPIC -ftls-model=initial-exec -shared -include " +
                          src + "/tests/emulated/warp_emulator.hpp -I" + src + " " + (dir / "kernel.cpp").string() +
                          " -o " + (dir / "kernel.so").string() + " -pthread 2>" + (dir / "log.txt").string();
  if (std::system(cmd.c_str()) != 0) {
    std::ifstream log(dir / "log.txt");
    ADD_FAILURE() << "the generated source did not compile on the host:\n" << log.rdbuf();
    return nullptr;
  }
  void* so = dlopen((dir / "kernel.so").c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!so) {
    ADD_FAILURE() << dlerror();
    return nullptr;
  }
  fs::remove_all(dir);
  return cache[source] = reinterpret_cast<RunFn>(dlsym(so, "evsim_run"));
}

// What the engine keeps per stage: the model's arrays, and the state of a reset (initial state
// per sample), in the layouts of the device buffers.
struct HostArrays {
  std::vector<std::vector<float>> state;
  std::vector<std::vector<uint32_t>> fanout;
  std::vector<void*> table;
};

std::vector<float> per_sample(const Vector& init, int64_t n, int64_t batch) {
  std::vector<float> all(static_cast<size_t>(n * batch), 0.0f);
  if (init.size())
    for (int64_t b = 0; b < batch; ++b) std::copy(init.data(), init.data() + n, all.begin() + b * n);
  return all;
}

HostArrays host_arrays(cuda::SnnParams& p, const cuda::GenGraph& g, int64_t batch) {
  HostArrays h;
  h.table.assign(g.stages.size() * cuda::kGenFields, nullptr);
  h.state.reserve(g.stages.size() * 5);
  h.fanout.reserve(g.stages.size());
  for (size_t k = 0; k < g.stages.size(); ++k) {
    cuda::SnnNode& n = p.stages[k];
    PointNeuron& d = n.neuron;
    auto at = [&](cuda::GenField f) -> void*& { return h.table[k * cuda::kGenFields + f]; };
    auto state = [&](const Vector& init) { return h.state.emplace_back(per_sample(init, n.out, batch)).data(); };
    h.fanout.push_back(cuda::column_fanout(n.w.data(), n.w.rows(), n.w.cols()));
    const std::pair<cuda::GenField, void*> arrays[] = {{cuda::kGenW, n.w.data()},
                                                       {cuda::kGenBias, n.bias.data()},
                                                       {cuda::kGenScale, n.scale.data()},
                                                       {cuda::kGenFanout, h.fanout.back().data()},
                                                       {cuda::kGenAMem, d.a_mem.data()},
                                                       {cuda::kGenASyn, d.a_syn.data()},
                                                       {cuda::kGenVLeak, d.v_leak.data()},
                                                       {cuda::kGenR, d.r.data()},
                                                       {cuda::kGenWIn, d.w_in.data()},
                                                       {cuda::kGenGain, d.gain.data()},
                                                       {cuda::kGenVThreshold, d.v_threshold.data()},
                                                       {cuda::kGenVReset, d.v_reset.data()},
                                                       {cuda::kGenBeta, d.beta.data()},
                                                       {cuda::kGenThreshold, d.threshold.data()},
                                                       {cuda::kGenASynInh, d.a_syn_inh.data()},
                                                       {cuda::kGenWInInh, d.w_in_inh.data()},
                                                       {cuda::kGenRInh, d.r_inh.data()},
                                                       {cuda::kGenEExc, d.e_exc.data()},
                                                       {cuda::kGenEInh, d.e_inh.data()},
                                                       {cuda::kGenRefSteps, d.refractory_steps.data()}};
    for (auto [f, ptr] : arrays)
      if (g.stages[k].has[f]) at(f) = ptr;
    at(cuda::kGenY) = state(Vector());
    if (g.stages[k].has[cuda::kGenV]) at(cuda::kGenV) = state(d.v0);
    if (g.stages[k].has[cuda::kGenI]) at(cuda::kGenI) = state(d.i0);
    if (g.stages[k].has[cuda::kGenIInh]) at(cuda::kGenIInh) = state(d.i0_inh);
    if (g.stages[k].has[cuda::kGenLeft]) at(cuda::kGenLeft) = state(Vector());
  }
  return h;
}

// The generated source run on the host against the CPU simulator: outputs, events, ops. The
// input goes through registers a step ahead (tile 1), then in tiles of steps (2, 7, 16) or as the
// generator chooses (0).
void expect_generated_matches_cpu(const ModelSpec& spec, const Sequence& x, double tolerance, std::mt19937_64& rng) {
  const RunResult cpu = testing::run_mode(spec, Mode::Dense, x);
  Graph graph = build_graph(spec, 1e-3);
  cuda::SnnParams params = cuda::lower_snn(graph);
  const bool skip_zero = std::bernoulli_distribution(0.5)(rng);
  SCOPED_TRACE(skip_zero ? "zero inputs skipped (cuda-distile)" : "every input summed (cuda-dense)");
  std::optional<cuda::GenGraph> g = cuda::gen_graph(params, skip_zero);
  ASSERT_TRUE(g) << "a small graph the generated kernel must take";
  const int tiles[] = {0, 2, 7, 16};
  for (int tile : {1, tiles[std::uniform_int_distribution<int>(0, 3)(rng)]}) {
    SCOPED_TRACE("input tile " + std::to_string(tile));
    g->input_tile = tile;
    const RunFn run = compile_on_host(cuda::generate_snn_source(*g));
    ASSERT_NE(run, nullptr);
    HostArrays h = host_arrays(params, *g, x.batch);
    Sequence out(x.steps, x.batch, cpu.output.width);
    std::vector<cuda::CountSlot> slots(g->stages.size() * static_cast<size_t>(x.steps));
    cuda::GenArgs a;
    a.input = x.data.data();
    a.out_seq = out.data.data();
    a.slots = slots.data();
    a.table = h.table.data();
    a.batch = static_cast<int>(x.batch);
    a.steps = static_cast<int>(x.steps);
    run(&a, 1);
    EXPECT_LE(testing::rel_err(out, cpu.output), tolerance);
    uint64_t cpu_events = 0, events = 0, cpu_ops = 0, ops = 0;
    for (const auto& l : cpu.layers) {
      if (l.neuron) cpu_events += l.counts.events;
      cpu_ops += l.counts.effective_ops();
    }
    for (size_t k = 0; k < g->stages.size(); ++k) {
      const cuda::PortCount c = cuda::sum_slots(slots.data() + k * static_cast<size_t>(x.steps),
                                                static_cast<int>(x.steps), [](unsigned) { return 0.0; });
      if (g->stages[k].op == cuda::GenOp::Neuron) events += c.nonzero;
      if (g->stages[k].op == cuda::GenOp::Projection) ops += c.macs + c.acs;
    }
    EXPECT_EQ(events, cpu_events);
    EXPECT_EQ(ops, cpu_ops);
  }
}

class GeneratedOnCpu : public ::testing::Test {
 protected:
  void SetUp() override {
    seed_ = testing::fresh_seed();
    rng_.seed(seed_);
  }
  uint64_t seed_ = 0;
  std::mt19937_64 rng_;
};

TEST_F(GeneratedOnCpu, LifNetsMatchTheCpu) {
  SCOPED_TRACE("seed=" + std::to_string(seed_) + " (EVSIM_TEST_SEED to replay)");
  // Up to 40 hidden units (a stage across two register slots per lane, every weight in
  // registers), then 60-100 (the recurrent matrix past the register budget: read each step).
  for (auto [lo, hi] : {std::pair<int64_t, int64_t>{4, 40}, {60, 100}}) {
    const int64_t hidden = std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
    SCOPED_TRACE("hidden " + std::to_string(hidden));
    const ModelSpec spec = testing::random_lif_net(rng_, std::bernoulli_distribution(0.5)(rng_), true, hidden);
    const Sequence x = spike_input(30, 3, spec.graph.nodes[0].params.at("shape").i[0], rng_(), 0.4);
    expect_generated_matches_cpu(spec, x, 0.0, rng_);
  }
}

TEST_F(GeneratedOnCpu, ExcitatoryInhibitoryNetsMatchTheCpu) {
  SCOPED_TRACE("seed=" + std::to_string(seed_) + " (EVSIM_TEST_SEED to replay)");
  const auto kind = static_cast<testing::EiKind>(std::uniform_int_distribution<int>(0, 2)(rng_));
  const ModelSpec spec = testing::random_ei_net(rng_, kind);
  const Sequence x = spike_input(30, 2, spec.graph.nodes[0].params.at("shape").i[0], rng_(), 0.4);
  expect_generated_matches_cpu(spec, x, 0.0, rng_);
}

TEST_F(GeneratedOnCpu, VsnMlpsMatchTheCpu) {
  SCOPED_TRACE("seed=" + std::to_string(seed_) + " (EVSIM_TEST_SEED to replay)");
  const ModelSpec spec = testing::random_vsn_mlp(rng_);
  const Sequence x = gaussian_input(8, 2, spec.graph.nodes[0].params.at("shape").i[0], rng_());
  expect_generated_matches_cpu(spec, x, 1e-5, rng_);
}

}  // namespace
}  // namespace evsim
