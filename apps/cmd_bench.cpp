#include <algorithm>
#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "bench/bench_suite.hpp"
#include "data/atomic_file.hpp"

namespace evsim {

namespace {

struct BenchOptions {
  BackendChoice backend;
  BenchGrid grid;  // fields the user gave replace the backend's default grid
  std::string csv;
  bool no_sequence = false, no_cpu = false, no_torch = false;
};

void run_bench_cmd(const BenchOptions& o, const CLI::App& cmd) {
  BenchGrid g = default_bench_grid(o.backend.backend);
  if (cmd.count("--hidden")) g.hidden = o.grid.hidden;
  if (cmd.count("--batch")) g.batch = o.grid.batch;
  if (cmd.count("--activity")) g.activity = o.grid.activity;
  if (cmd.count("--density")) g.density = o.grid.density;
  if (cmd.count("--repeats")) g.repeats = o.grid.repeats;
  g.threads = o.grid.threads;
  g.seed = o.grid.seed;
  g.sequence = !o.no_sequence;
  g.cpu = !o.no_cpu;
  g.torch = !o.no_torch;
  g.gpu_profile = o.backend.runner.gpu_profile;
  g.order = o.backend.runner.sum_order;
  // The largest projection of the grid (3H x H, float32) sets the memory level its weights are read from.
  const double h = static_cast<double>(*std::max_element(g.hidden.begin(), g.hidden.end()));
  const std::string csv = cmd.count("--csv") ? o.csv : "bench_" + o.backend.backend + ".csv";
  check_outputs({csv});  // before the grid runs for minutes, not after
  const BenchReport r = run_bench(o.backend.backend, g, load_energy_table(o.backend).resolve(12.0 * h * h));
  std::printf("%s", r.text.c_str());
  if (!csv.empty()) {
    write_text_file(csv, r.csv);
    std::printf("wrote %s\n", csv.c_str());
  }
}

}  // namespace

void register_bench(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  auto* cmd = app.add_subcommand("bench", "Dense vs event time per step of an EGRU layer over activity x density");
  const BenchGrid cpu = default_bench_grid("cpu");
  o->grid = cpu;
  auto join = [](const auto& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
    return s;
  };
  cmd->add_option("--hidden", o->grid.hidden, "Hidden sizes (default cpu: " + join(cpu.hidden) + "; cuda: 512-4096)")
      ->delimiter(',')
      ->check(in_range(1, 8192));
  cmd->add_option("--batch", o->grid.batch, "Batch sizes (default cpu: " + join(cpu.batch) + "; cuda: 1,8,64)")
      ->delimiter(',')
      ->check(in_range(1, 4096));
  cmd->add_option("--activity", o->grid.activity, "Input activities (fractions; default 1 % to 100 %)")
      ->delimiter(',')
      ->check(in_range(0.0, 1.0));
  cmd->add_option("--density", o->grid.density, "Weight densities (fractions; default cpu 5 %-100 %, cuda 10 %-100 %)")
      ->delimiter(',')
      ->check(in_range(0.0001, 1.0));
  cmd->add_option("--repeats", o->grid.repeats, "Timed steps per case (default cpu 10, cuda 20)")
      ->check(in_range(1, 1e6));
  cmd->add_option("--thread-counts", o->grid.threads,
                  "cpu: run every case with each of these thread counts, e.g. 1,2,4,8,16 (default: --threads)")
      ->delimiter(',')
      ->check(in_range(1, 4096));
  cmd->add_option("--seed", o->grid.seed, "Seed for weights and inputs")->capture_default_str();
  cmd->add_option("--csv", o->csv, "CSV output file ('' to skip; default bench_<backend>.csv)");
  add_backend_options(*cmd, o->backend, "cpu, or cuda (cuBLAS vs cuSPARSE vs DISTile, plus a 3-layer sequence)");
  cmd->add_flag("--no-sequence", o->no_sequence, "cuda: skip the 3-layer EGRU sequence benchmark");
  cmd->add_flag("--no-cpu", o->no_cpu, "cuda: skip the CPU columns (slow for large layers and batches)");
  cmd->add_flag("--no-torch", o->no_torch,
                "cpu: skip the PyTorch reference (nn.GRUCell step, same sizes and threads; $EVSIM_PYTHON or "
                "/usr/bin/python3)");
  cmd->callback([o, cmd] { run_bench_cmd(*o, *cmd); });
}

}  // namespace evsim
