#include <cstdio>
#include <sstream>

#include "apps/commands.hpp"
#include "apps/gpu_commands.hpp"
#include "apps/layer_bench.hpp"
#include "apps/table.hpp"
#include "core/error.hpp"
#include "data/atomic_file.hpp"

namespace evsim {

namespace {

struct BenchOptions {
  std::vector<int64_t> hidden{512, 2048};
  std::vector<int64_t> batch{1, 16};
  std::vector<double> activity{0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0};
  std::vector<double> density{0.05, 0.1, 0.2, 0.5, 1.0};
  int repeats = 10;
  uint64_t seed = 1;
  std::string csv = "bench_cpu.csv", backend = "cpu";
  bool no_sequence = false, no_cpu = false;
};

void run_bench(const BenchOptions& o, bool grid_given) {
  check_gpu_profile_backend(o.backend);
  if (o.backend != "cuda" && (o.no_cpu || o.no_sequence))
    throw UsageError("--no-cpu and --no-sequence apply to --backend cuda only (got '" + o.backend + "')");
  if (o.backend == "cuda") {
    GpuBenchOptions g{o.hidden,
                      o.batch,
                      o.activity,
                      o.density,
                      o.repeats,
                      o.seed,
                      o.csv == "bench_cpu.csv" ? "bench_cuda.csv" : o.csv,
                      !o.no_sequence,
                      !o.no_cpu};
    if (!grid_given) {  // the GPU default grid (issue 4): hidden 512-4096, batch 1/8/64
      g.hidden = {512, 1024, 2048, 4096};
      g.batch = {1, 8, 64};
      g.density = {0.1, 0.2, 0.5, 1.0};
      g.repeats = std::max(o.repeats, 20);
    }
    gpu_bench(g);
    return;
  }
  if (o.backend != "cpu") throw UsageError("unknown backend '" + o.backend + "' (expected cpu or cuda)");
  Table t({"hidden", "batch", "density", "activity", "dense/step", "event/step", "speedup", "theory"});
  std::ostringstream csv;
  csv << "backend,hidden,batch,density,activity,dense_s,event_s,speedup,dense_macs,effective_ops,theoretical\n";
  std::printf("EGRU layer step (W_ih + W_hh, 3H x H each, + cell) on %s, median of %d steps, single thread\n",
              o.backend.c_str(), o.repeats);
  for (int64_t h : o.hidden) {
    for (double d : o.density) {
      LayerBench bench(h, d, o.seed);
      for (int64_t b : o.batch) {
        for (double a : o.activity) {
          const LayerBenchResult r = bench.run(b, a, o.repeats, o.backend);
          const double theory = r.effective_ops ? double(r.dense_macs) / double(r.effective_ops) : 0.0;
          t.add({std::to_string(h), std::to_string(b), fmt_pct(d), fmt_pct(a), fmt_time(r.dense_s), fmt_time(r.event_s),
                 fmt_fixed(r.dense_s / r.event_s, 2) + "x", fmt_fixed(theory, 1) + "x"});
          csv << o.backend << ',' << h << ',' << b << ',' << d << ',' << a << ',' << r.dense_s << ',' << r.event_s
              << ',' << r.dense_s / r.event_s << ',' << r.dense_macs << ',' << r.effective_ops << ',' << theory << '\n';
        }
      }
      std::fprintf(stderr, "  hidden %lld, density %.0f%% done\n", static_cast<long long>(h), 100 * d);
    }
  }
  std::printf("%s", t.str().c_str());
  if (!o.csv.empty()) {
    write_text_file(o.csv, csv.str());
    std::printf("wrote %s\n", o.csv.c_str());
  }
}

}  // namespace

void register_bench(CLI::App& app) {
  auto o = std::make_shared<BenchOptions>();
  auto* cmd = app.add_subcommand("bench", "Dense vs event time per step of an EGRU layer over activity x density");
  cmd->add_option("--hidden", o->hidden, "Hidden sizes")->delimiter(',')->check(CLI::Range(1, 8192));
  cmd->add_option("--batch", o->batch, "Batch sizes")->delimiter(',')->check(CLI::Range(1, 4096));
  cmd->add_option("--activity", o->activity, "Input activities (fractions)")
      ->delimiter(',')
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--density", o->density, "Weight densities (fractions)")
      ->delimiter(',')
      ->check(CLI::Range(0.0001, 1.0));
  cmd->add_option("--repeats", o->repeats, "Timed steps per case (median reported)")->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->seed, "Seed for weights and inputs");
  cmd->add_option("--csv", o->csv, "CSV output file ('' to skip)");
  cmd->add_option("--backend", o->backend, "cpu or cuda (cuBLAS vs cuSPARSE vs DISTile, plus a 3-layer sequence)");
  cmd->add_flag("--no-sequence", o->no_sequence, "cuda: skip the 3-layer EGRU sequence benchmark");
  cmd->add_flag("--no-cpu", o->no_cpu, "cuda: skip the CPU columns (slow for large layers and batches)");
  add_gpu_profile_option(*cmd);
  cmd->callback(
      [o, cmd] { run_bench(*o, cmd->count("--hidden") + cmd->count("--batch") + cmd->count("--density") > 0); });
}

}  // namespace evsim
