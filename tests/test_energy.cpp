// Energy of the work each mode performs, against a model worked out by hand; and on the
// default model and the shipped p90 checkpoint, dense mode is never the cheaper one.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/error.hpp"
#include "data/run_report.hpp"
#include "models/egru_stack.hpp"
#include "models/random_input.hpp"
#include "network/model_loader.hpp"
#include "tests/cost_model_scope.hpp"
#include "tests/sim_helpers.hpp"

namespace evsim {
namespace {

// Input(3) -> Linear [[1, 0, 2], [0, 0, 3]] -> Output: column fan-outs 1, 0, 2.
ModelSpec hand_model() {
  ModelSpec s;
  s.graph.add("in", "Input").params["shape"] = Array::ints({1}, {3});
  s.graph.add("w", "Linear").params["weight"] = Array::floats({2, 3}, {1, 0, 2, 0, 0, 3});
  s.graph.add("out", "Output");
  s.graph.connect("in", "w");
  s.graph.connect("w", "out");
  return s;
}

TEST(Energy, HandComputedBothModes) {
  Sequence binary(1, 1, 3), graded(1, 1, 3);
  binary.data = {1, 0, 1};
  graded.data = {0.5f, 0, 2};
  const EnergyModel e;  // 4.6 pJ / MAC, 0.9 pJ / AC, 1.25 pJ / weight byte
  for (const auto& [x, event_pj] : {std::pair{binary, 3 * 0.9 + 16 * 1.25}, std::pair{graded, 3 * 4.6 + 16 * 1.25}}) {
    const RunResult d = testing::run_mode(hand_model(), Mode::Dense, x);
    const testing::CostModelScope gathered(testing::dear_product_model());  // else the product
    const RunResult v = testing::run_mode(hand_model(), Mode::Event, x);
    // Dense: all 6 MACs and the 6 weights (24 bytes). Event: pairs 1 + 2 = 3 (ACs when the
    // input is binary); density 50 % takes gathered dense columns: inputs 0 and 2, 2 floats each.
    EXPECT_NEAR(e.energy_pj(d.totals, d.mode), 6 * 4.6 + 24 * 1.25, 1e-9);
    EXPECT_NEAR(e.energy_pj(v.totals, v.mode), event_pj, 1e-9);
    const RunInfo info{"hand", 1, 1, 1e-3};
    EXPECT_NEAR(run_report_json(v, info, e)["totals"]["energy_pj"].get<double>(), event_pj, 1e-9);
  }
}

TEST(Energy, TableFileReplacesDefaultsAndNamesItself) {
  const std::string path = ::testing::TempDir() + "/evsim_energy_table.json";
  { std::ofstream(path) << R"({"mac_pj": 2, "ac_pj": 1, "weight_byte_pj": 0, "source": "made up"})"; }
  const EnergyModel e = read_energy_table(path).resolve(1e9);
  Sequence x(1, 1, 3);
  x.data = {0.5f, 0, 2};
  const RunResult d = testing::run_mode(hand_model(), Mode::Dense, x);
  EXPECT_DOUBLE_EQ(e.energy_pj(d.totals, Mode::Dense), 12.0);
  EXPECT_NE(e.source.find("made up"), std::string::npos);
  { std::ofstream(path) << R"({"mac_pj": -1})"; }
  EXPECT_THROW(read_energy_table(path), UsageError);
  std::remove(path.c_str());
}

std::string table(const char* name) { return std::string(EVSIM_SOURCE_DIR) + "/data/energy/" + name; }

// The shipped tables: every precision and level, weights charged at the smallest level that
// holds them all. 45 nm: 32-bit float MAC 3.7 + 0.9 pJ; a 20 kB model fits the 32 KB SRAM
// (20 pJ per 64-bit read = 2.5 pJ/byte); 33 MB only DRAM (1.95 nJ per 64 bits).
TEST(Energy, ShippedTablesResolveByFootprint) {
  const EnergyTable t45 = read_energy_table(table("45nm.json"));
  EXPECT_NE(t45.sources.find("Horowitz"), std::string::npos);
  const EnergyModel small = t45.resolve(20000);
  EXPECT_DOUBLE_EQ(small.mac_pj, 3.7 + 0.9);
  EXPECT_DOUBLE_EQ(small.ac_pj, 0.9);
  EXPECT_DOUBLE_EQ(small.weight_byte_pj, 20.0 / 8);
  EXPECT_NE(small.source.find("32 KB SRAM"), std::string::npos);
  EXPECT_DOUBLE_EQ(t45.resolve(33e6).weight_byte_pj, 1950.0 / 8);
  EXPECT_DOUBLE_EQ(t45.resolve(8192).weight_byte_pj, 10.0 / 8);
  EnergyTable pinned = t45;
  pinned.weights_in = "1 MB SRAM (L2-class)";
  EXPECT_DOUBLE_EQ(pinned.resolve(33e6).weight_byte_pj, 100.0 / 8);
  pinned.precision = "fp16";
  EXPECT_DOUBLE_EQ(pinned.resolve(1).mac_pj, 1.1 + 0.4);
  pinned.precision = "fp8";
  EXPECT_THROW(pinned.resolve(1), UsageError);
  const EnergyTable t7 = read_energy_table(table("7nm.json"));
  EXPECT_LT(t7.resolve(33e6).energy_pj(OpCounts{1, 0, 0, 0, 0, 0}, Mode::Dense), small.mac_pj);
  const std::string path = ::testing::TempDir() + "/evsim_energy_levels.json";
  { std::ofstream(path) << R"({"ops_pj": {"fp32": {"mac": 1, "ac": 1}}, "memory": []})"; }
  EXPECT_THROW(read_energy_table(path), UsageError);
  std::remove(path.c_str());
}

// Dense energy is never below the op part of event energy, whatever the table (bytes may tip
// the total the other way: event delivery reads 8 bytes per weight on the CPU).
TEST(Energy, DenseNeverBelowTheEventOpsWithEveryTable) {
  Graph g = build_graph(make_egru_stack(default_model_config()), 1e-4);
  const Sequence x = gaussian_input(6, 8, g.input_width(), 3);
  const RunResult d = testing::run_on("cpu", g, Mode::Dense, x), v = testing::run_on("cpu", g, Mode::Event, x);
  for (const EnergyTable& t :
       {default_energy_table(), read_energy_table(table("45nm.json")), read_energy_table(table("7nm.json"))})
    for (double footprint : {1e3, 1e6, 1e9}) {
      const EnergyModel e = t.resolve(footprint);
      EXPECT_GE(e.energy_pj(d.totals, Mode::Dense), e.ops_pj(v.totals, Mode::Event)) << e.source;
    }
}

void expect_dense_costs_more(Graph& g, const Sequence& x) {
  const EnergyModel e;
  const RunResult d = testing::run_on("cpu", g, Mode::Dense, x);
  const RunResult v = testing::run_on("cpu", g, Mode::Event, x);
  EXPECT_GE(e.energy_pj(d.totals, Mode::Dense), e.energy_pj(v.totals, Mode::Event));
}

TEST(Energy, DenseModeIsNeverCheaperOnTheDefaultModel) {
  Graph g = build_graph(make_egru_stack(default_model_config()), 1e-4);
  for (int64_t batch : {1, 8}) expect_dense_costs_more(g, gaussian_input(6, batch, g.input_width(), 3));
}

TEST(Energy, DenseModeIsNeverCheaperOnTheShippedP90) {
  const std::string path = std::string(EVSIM_SOURCE_DIR) + "/models/checkpoints/egru_lm_ptb_p90.h5";
  Graph g = load_graph(path, 0);
  for (int64_t batch : {1, 8}) {
    Sequence x(4, batch, 1);
    for (size_t k = 0; k < x.data.size(); ++k) x.data[k] = static_cast<float>((k * 7919) % 10000);
    expect_dense_costs_more(g, x);
  }
}

}  // namespace
}  // namespace evsim
