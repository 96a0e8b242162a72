// `evsim reorder`: the clustering on a hand-made activity pattern, and on random EGRU
// stacks that the permuted model computes the same function.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "models/egru_stack.hpp"
#include "models/random_input.hpp"
#include "models/unit_reorder.hpp"
#include "tests/random_models.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

TEST(Reorder, CoActiveUnitsShareTiles) {
  // Units 0 and 2 fire in samples 0 and 1, units 1 and 3 in samples 2 and 3. In the given
  // order every sample touches both tiles of 2 units (2 active tiles per sample); grouped
  // {0, 2} and {1, 3}, every sample touches one.
  const UnitActivity fires = {{0b0011}, {0b1100}, {0b0011}, {0b1100}};
  const auto perm = cluster_units(fires, 2);
  std::vector<int64_t> tiles[2] = {{perm[0], perm[1]}, {perm[2], perm[3]}};
  for (auto& t : tiles) std::sort(t.begin(), t.end());
  std::sort(std::begin(tiles), std::end(tiles));
  EXPECT_EQ(tiles[0], (std::vector<int64_t>{0, 2}));
  EXPECT_EQ(tiles[1], (std::vector<int64_t>{1, 3}));
  // Samples are counted over whole 64-bit words: 4 samples active of 64.
  EXPECT_DOUBLE_EQ(active_tiles(fires, {}, 2), 8.0 / 64.0);
  EXPECT_DOUBLE_EQ(active_tiles(fires, perm, 2), 4.0 / 64.0);
}

TEST(Reorder, PermutedStacksComputeTheSameFunction) {
  const uint64_t seed = testing::fresh_seed();
  SCOPED_TRACE("seed=" + std::to_string(seed));
  std::mt19937_64 rng(seed);
  for (int rep = 0; rep < 3; ++rep) {
    ModelSpec spec = testing::random_egru_stack(rng);
    const int64_t width = spec.graph.nodes[0].params.at("shape").i[0];
    const Sequence x = gaussian_input(12, 3, width, rng());
    const RunResult before = testing::run_mode(spec, Mode::Event, x, true);
    const int tile = std::uniform_int_distribution<int>(2, 9)(rng);
    const auto plan = plan_reorder(spec, before, x.steps, x.batch, tile);
    for (const auto& l : plan) {
      ASSERT_TRUE(l.applied) << l.node << ": " << l.note;
      std::vector<int64_t> sorted = l.perm, identity(sorted.size());
      std::sort(sorted.begin(), sorted.end());
      std::iota(identity.begin(), identity.end(), 0);
      EXPECT_EQ(sorted, identity) << l.node << ": not a permutation";
    }
    const ModelSpec original = spec;
    apply_reorder(spec, plan);
    for (const auto& l : plan) {  // a non-trivial permutation really moved the weights
      std::vector<int64_t> identity(l.perm.size());
      std::iota(identity.begin(), identity.end(), 0);
      if (l.perm != identity) {
        EXPECT_NE(spec.graph.find(l.node)->params.at("weight_hh"), original.graph.find(l.node)->params.at("weight_hh"));
      }
    }
    for (Mode m : {Mode::Dense, Mode::Event}) {
      const RunResult after = testing::run_mode(spec, m, x);
      EXPECT_LE(testing::rel_err(after.output, before.output), 1e-5);
      uint64_t ev_before = 0, ev_after = 0;
      for (const auto& l : before.layers) ev_before += l.neuron ? l.counts.events : 0;
      for (const auto& l : after.layers) ev_after += l.neuron ? l.counts.events : 0;
      EXPECT_EQ(ev_after, ev_before);
    }
  }
}

TEST(Reorder, LayersFeedingTheOutputStayInPlace) {
  std::mt19937_64 rng(3);
  ModelSpec spec = testing::random_egru_stack(rng);
  // Drop the readout: the last EGRU now feeds Output directly.
  auto& g = spec.graph;
  std::string last, readout;
  for (const auto& [a, b] : g.edges)
    if (g.find(b)->type == "Affine") last = a, readout = b;
  g.nodes.erase(std::remove_if(g.nodes.begin(), g.nodes.end(), [&](const NodeSpec& n) { return n.name == readout; }),
                g.nodes.end());
  std::erase_if(g.edges, [&](const auto& e) { return e.first == readout || e.second == readout; });
  g.connect(last, "output");
  g.nodes.back().params.erase("shape");
  const Sequence x = gaussian_input(6, 2, g.nodes[0].params.at("shape").i[0], 5);
  const RunResult rec = testing::run_mode(spec, Mode::Event, x, true);
  const auto plan = plan_reorder(spec, rec, x.steps, x.batch, 4);
  EXPECT_FALSE(plan.back().applied);
  EXPECT_NE(plan.back().note.find("Output"), std::string::npos);
}

}  // namespace
}  // namespace evsim
