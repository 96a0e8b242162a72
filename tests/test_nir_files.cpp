// Cross-simulator checks on the NIR graphs in ../shared/data/nir (skipped when absent).
#include <gtest/gtest.h>

#include <filesystem>

#include "data/checkpoint.hpp"
#include "data/sequence_io.hpp"
#include "models/random_input.hpp"
#include "network/model_loader.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

const std::string kNir = std::string(EVSIM_SHARED_DATA) + "/nir";

#define REQUIRE_SHARED_DATA() \
  if (!std::filesystem::exists(kNir)) GTEST_SKIP() << kNir << " not present (reference data only)"

TEST(NirFiles, LifNorseMatchesReferenceTrace) {
  REQUIRE_SHARED_DATA();
  const Sequence csv = read_csv_columns(kNir + "/lif_traces/lif_norse.csv", {0, 1, 2});
  ASSERT_EQ(csv.steps, 1000);
  Sequence in(csv.steps, 1, 1);
  for (int64_t t = 0; t < csv.steps; ++t) in.data[static_cast<size_t>(t)] = csv.data[static_cast<size_t>(3 * t)];
  for (Mode m : {Mode::Dense, Mode::Event}) {
    Graph g = load_graph(kNir + "/lif_norse.nir", 1e-4);
    const RunResult r = testing::run_on("cpu", g, m, in, true);
    ASSERT_EQ(r.recording.size(), 1u);
    int spikes = 0;
    for (int64_t t = 0; t < csv.steps; ++t) {
      const float ref_v = csv.data[static_cast<size_t>(3 * t + 1)], ref_s = csv.data[static_cast<size_t>(3 * t + 2)];
      EXPECT_EQ(r.output.data[static_cast<size_t>(t)], ref_s) << "step " << t;
      EXPECT_NEAR(r.recording[0].v.data[static_cast<size_t>(t)], ref_v, 1e-3) << "step " << t;
      spikes += ref_s != 0.0f;
    }
    EXPECT_EQ(spikes, 4);
    EXPECT_EQ(r.recording[0].spikes.size(), 4u);
  }
}

class NirGraphs : public ::testing::TestWithParam<std::string> {};

TEST_P(NirGraphs, LoadAndAgreeInBothModes) {
  REQUIRE_SHARED_DATA();
  const std::string path = kNir + "/" + GetParam();
  const ModelSpec spec = read_checkpoint(path);
  for (double dt : {1e-4, 1.0}) {  // NIR's default dt, and the discrete-time convention of sinabs
    Graph g = build_graph(spec, dt);
    const Sequence x = spike_input(30, 2, g.input_width(), 11, 0.3);
    const RunResult d = testing::run_mode(spec, Mode::Dense, x, false, dt);
    const RunResult e = testing::run_mode(spec, Mode::Event, x, false, dt);
    EXPECT_EQ(d.output.data, e.output.data) << "dt " << dt;
    if (dt == 1.0) {
      EXPECT_GT(d.totals.events, 0u);  // not a vacuous comparison
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Shared, NirGraphs,
                         ::testing::Values("cnn_sinabs.nir", "braille_noDelay_bias_zero.nir",
                                           "braille_noDelay_noBias_subtract.nir", "lif_rockpool.nir",
                                           "two_lif_neurons.nir", "lif_norse.nir"));

}  // namespace
}  // namespace evsim
