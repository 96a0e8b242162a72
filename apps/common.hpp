#pragma once
// Shared pieces of the subcommands: which model, which input, which backend, how to report.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "backends/runner.hpp"
#include "core/energy_model.hpp"
#include "core/energy_table.hpp"
#include "models/input_source.hpp"
#include "network/graph.hpp"

namespace evsim {

struct ModelChoice {
  std::string path;  // empty: the embedded default model
  double dt = 0.0;   // 0: checkpoint's dt or 1e-4
};

struct InputChoice {
  std::string path;  // empty: random input from the seed
  int64_t steps = 64, batch = 8;
  bool batch_given = false;  // --batch on the command line
  uint64_t seed = 1;
};

struct BackendChoice {
  std::string backend = "cpu";
  RunnerOptions runner;
  std::string energy_table;
};

void add_model_options(CLI::App& cmd, ModelChoice& m, bool path_required);
// --max-memory: the budget what a file or an option asks for is checked against (core/memory_budget.hpp).
void add_memory_option(CLI::App& cmd);
void add_input_options(CLI::App& cmd, InputChoice& in);
// --backend (the registry's names), then add_runner_options.
void add_backend_options(CLI::App& cmd, BackendChoice& b, const std::string& what);
// --gpu-profile, --sum-order, --energy-table.
void add_runner_options(CLI::App& cmd, BackendChoice& b);

// Numbers the user gives: finite and within [lo, hi] (bounds printed readably).
CLI::Validator in_range(double lo, double hi);

// A validator for output-path options: an empty path is an error, not "no output".
CLI::Validator output_path();
// The outputs a command will write, checked before it runs (data/file_policy.hpp); empty
// entries are options not given.
void check_outputs(std::initializer_list<std::string> paths);

Graph load_model(const ModelChoice& m);
std::string model_label(const ModelChoice& m);
// Reads IN.h5, or draws a seeded random input: token ids for Embedding models,
// N(0,1) values otherwise; zeros for a model whose input feeds no node. A source hands it out
// as a run takes it (drawn inputs are never held whole); load_input takes it whole.
InputSource input_source(const InputChoice& in, const Graph& g);
Sequence load_input(const InputChoice& in, const Graph& g);
// --energy-table (or the default table), resolved for a model: its weights charged at the
// memory level that holds them (core/energy_table.hpp).
EnergyTable load_energy_table(const BackendChoice& b);
EnergyModel load_energy(const BackendChoice& b, const Graph& g);

// A run that produced NaN or Inf is an error naming the first node and step, unless `allow`
// (then a warning on stderr).
void check_finite(const RunResult& r, const std::string& model, bool allow);
void add_allow_nonfinite(CLI::App& cmd, bool& allow);

// Per-layer count table of one run, layers in graph order, energy of the run's mode.
std::string layer_table(const RunResult& r, const EnergyModel& energy);

}  // namespace evsim
