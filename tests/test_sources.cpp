// Input sources inside a graph: Poisson spike counts within their spread, draws
// reproducible across modes and thread counts and changed by the run seed, counts downstream,
// constant sources, and errors.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "core/error.hpp"
#include "core/run_seed.hpp"
#include "core/threads.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

// in (unfed) ; src -> w (all-ones fan-out of 3 per unit) -> out
ModelSpec source_net(const std::string& type, const Array& values, int64_t units) {
  ModelSpec s;
  s.graph.add("in", "Input").params["shape"] = Array::ints({1}, {1});
  NodeSpec& src = s.graph.add("src", type);
  src.params[type == "PoissonSource" ? "rate" : "value"] = values;
  src.params["shape"] = Array::ints({1}, {units});
  s.graph.add("w", "Linear").params["weight"] = Array::floats({3, units}, std::vector<float>(3 * units, 1.0f));
  s.graph.add("out", "Output");
  s.graph.connect("src", "w");
  s.graph.connect("w", "out");
  return s;
}

TEST(Sources, PoissonRatesAreWithinTheirSpreadAndReproducible) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  const uint64_t before_seed = run_seed();
  const int before_threads = cpu_threads();
  set_run_seed(seed);
  const int64_t units = 400, steps = 250, batch = 2;
  std::vector<float> rates(units);
  for (int64_t i = 0; i < units; ++i) rates[static_cast<size_t>(i)] = i < units / 2 ? 20.0f : 200.0f;  // Hz
  const ModelSpec spec = source_net("PoissonSource", Array::floats({units}, rates), units);
  const Sequence x(steps, batch, 1);
  RunResult ref;
  for (Mode mode : {Mode::Dense, Mode::Event})
    for (int threads : {1, 3}) {
      set_cpu_threads(threads);
      RunResult r = testing::run_mode(spec, mode, x, true, 1e-3);
      if (ref.output.data.empty()) {
        ref = std::move(r);
        continue;
      }
      EXPECT_TRUE(r.output.data == ref.output.data) << mode_name(mode) << ", " << threads << " threads";
      EXPECT_EQ(testing::layer(r, "src").counts.events, testing::layer(ref, "src").counts.events);
    }
  // Spikes per half against rate dt per step: Poisson counts, within 5 standard deviations.
  double low = 0, high = 0, events = 0;
  for (const Event& e : ref.recording.at(0).spikes) {
    (e.source < units / 2 ? low : high) += e.value;
    events += 1;
  }
  const double n = double(units / 2) * steps * batch;
  for (auto [count, mean] : {std::pair{low, 0.02}, {high, 0.2}})
    EXPECT_NEAR(count, n * mean, 5 * std::sqrt(n * mean)) << "mean " << mean;
  EXPECT_GT(low + high, events) << "some steps should hold two spikes of one unit at 200 Hz";
  // Counts: each non-zero count is an event of the source and reaches its 3 synapses.
  EXPECT_EQ(testing::layer(ref, "src").counts.events, static_cast<uint64_t>(events));
  const OpCounts& w = testing::layer(ref, "w").counts;
  EXPECT_EQ(w.effective_acs + w.effective_macs, static_cast<uint64_t>(3 * events));
  set_run_seed(seed + 1);
  EXPECT_FALSE(testing::run_mode(spec, Mode::Event, x, false, 1e-3).output.data == ref.output.data)
      << "the run seed changed nothing";
  set_run_seed(before_seed);
  set_cpu_threads(before_threads);
}

TEST(Sources, ConstantSourcesRepeatTheirValues) {
  const ModelSpec spec = source_net("ConstantSource", Array::floats({2}, {0.25f, -1.5f}), 2);
  const RunResult r = testing::run_mode(spec, Mode::Event, Sequence(5, 3, 1), false, 1e-3);
  for (int64_t t = 0; t < 5; ++t)
    for (int64_t b = 0; b < 3; ++b)
      for (int64_t k = 0; k < 3; ++k) EXPECT_EQ(r.output.step(t)(k, b), -1.25f) << t << " " << b;
}

TEST(Sources, BadSourcesNameTheDataset) {
  auto expect_error = [](ModelSpec s, const std::string& key) {
    try {
      build_graph(s, 1e-3);
      ADD_FAILURE() << "accepted (" << key << ")";
    } catch (const CheckpointError& e) {
      EXPECT_NE(std::string(e.what()).find(key), std::string::npos) << e.what();
    }
  };
  expect_error(source_net("PoissonSource", Array::floats({2}, {10.0f, -1.0f}), 2), "rate");
  expect_error(source_net("PoissonSource", Array::floats({2}, {10.0f, 2e6f}), 2), "rate");
  ModelSpec scalar = source_net("PoissonSource", Array::scalar(5.0), 2);
  scalar.graph.nodes[1].params.erase("shape");
  expect_error(scalar, "shape");
  ModelSpec fed = source_net("ConstantSource", Array::floats({1}, {1.0f}), 1);
  fed.graph.connect("in", "src");
  expect_error(fed, "src");
}

}  // namespace
}  // namespace evsim

#include "models/snn_benchmark.hpp"

namespace evsim {
namespace {

// The Brunel builder: every neuron gets exactly C_E excitatory and C_I inhibitory synapses from
// the right populations, distinct, with the jumps and delays of the configuration; it builds.
TEST(SnnBenchmark, BrunelHasItsInDegreesWeightsAndDelays) {
  BrunelConfig c;
  c.neurons = 250;
  c.seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(c.seed));
  const ModelSpec s = make_brunel(c);
  const NodeSpec& rec = *s.graph.find("w_rec");
  const auto& ptr = rec.find("weight/indptr")->i;
  const auto& idx = rec.find("weight/indices")->i;
  const auto& val = rec.find("weight/data")->f;
  const int64_t ne = 200, ce = 20, ci = 5;
  const float jx = static_cast<float>(c.j_mv * c.tau_s / c.dt);
  for (int64_t post = 0; post < c.neurons; ++post) {
    ASSERT_EQ(ptr[static_cast<size_t>(post) + 1] - ptr[static_cast<size_t>(post)], ce + ci) << post;
    for (auto k = ptr[static_cast<size_t>(post)]; k < ptr[static_cast<size_t>(post) + 1]; ++k) {
      const auto pre = idx[static_cast<size_t>(k)];
      if (k > ptr[static_cast<size_t>(post)]) {
        EXPECT_LT(idx[static_cast<size_t>(k) - 1], pre) << "sorted, distinct";
      }
      EXPECT_EQ(val[static_cast<size_t>(k)], pre < ne ? jx : static_cast<float>(-c.g * c.j_mv * c.tau_s / c.dt));
    }
  }
  for (float d : rec.find("weight/delay")->f) EXPECT_FLOAT_EQ(d, 1.5e-3f);
  EXPECT_NO_THROW(build_graph(s, c.dt));
}

// CUBA / COBA: excitatory sources land only in the top n rows (the excitatory current) with the
// E jump, inhibitory ones only below with the I jump; rows sorted and distinct; the in-degree
// near p N_E and p N_I (binomial: within 6 standard deviations over all rows); it builds and
// consumes 2n inputs.
TEST(SnnBenchmark, VogelsAbbottSplitsExcitationAndInhibition) {
  for (const bool coba : {false, true}) {
    VogelsAbbottConfig c;
    c.conductance = coba;
    c.neurons = 500;
    c.seed = testing::fresh_seed();
    SCOPED_TRACE(std::string(coba ? "coba" : "cuba") + " seed=" + std::to_string(c.seed));
    const ModelSpec s = make_vogels_abbott(c);
    const NodeSpec& rec = *s.graph.find("w_rec");
    const auto& ptr = rec.find("weight/indptr")->i;
    const auto& idx = rec.find("weight/indices")->i;
    const auto& val = rec.find("weight/data")->f;
    const int64_t n = 500, ne = 400;
    const double p = 80.0 / 500.0;
    const float xe = static_cast<float>((coba ? 0.6 : 1.62) * 5e-3 / c.dt);
    const float xi = static_cast<float>((coba ? 6.7 : -9.0) * 1e-2 / c.dt);
    ASSERT_EQ(ptr.size(), static_cast<size_t>(2 * n + 1));
    int64_t from_e = 0, from_i = 0;
    for (int64_t row = 0; row < 2 * n; ++row)
      for (auto k = ptr[static_cast<size_t>(row)]; k < ptr[static_cast<size_t>(row) + 1]; ++k) {
        const auto pre = idx[static_cast<size_t>(k)];
        if (k > ptr[static_cast<size_t>(row)]) {
          EXPECT_LT(idx[static_cast<size_t>(k) - 1], pre) << "sorted, distinct";
        }
        ASSERT_EQ(pre < ne, row < n) << "row " << row << " source " << pre;
        EXPECT_EQ(val[static_cast<size_t>(k)], row < n ? xe : xi);
        ++(row < n ? from_e : from_i);
      }
    const double mean_e = p * ne * n, mean_i = p * (n - ne) * n;
    EXPECT_NEAR(double(from_e), mean_e, 6 * std::sqrt(mean_e * (1 - p)));
    EXPECT_NEAR(double(from_i), mean_i, 6 * std::sqrt(mean_i * (1 - p)));
    const Graph g = build_graph(s, c.dt);
    const GraphNode& cell = g.nodes[static_cast<size_t>(g.find("cell"))];
    EXPECT_EQ(cell.type, coba ? "CobaLIF" : "CubaLIF");
    EXPECT_EQ(cell.size(), n);
    EXPECT_EQ(cell.in_size(), 2 * n);
  }
}

}  // namespace
}  // namespace evsim
