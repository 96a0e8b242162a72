#include <cstdio>
#include <filesystem>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "backends/runner.hpp"
#include "bench/bench_suite.hpp"
#include "core/error.hpp"
#include "core/table.hpp"
#include "core/timer.hpp"
#include "data/atomic_file.hpp"
#include "models/sweep.hpp"
#include "models/sweep_parallel.hpp"
#include "models/sweep_store.hpp"

namespace evsim {

namespace {

struct SweepOptions {
  SweepConfig config;
  BackendChoice backend;
  std::vector<std::string> modes{"dense", "event"};
  std::string prune_scope = "global", out, shard;
  bool resume = false;
  int64_t break_even = 0;
};

struct MergeOptions {
  std::string out;
  std::vector<std::string> dirs;
};

std::string eta(double s) {
  char buf[32];
  if (s >= 3600)
    std::snprintf(buf, sizeof buf, "%dh%02dm", static_cast<int>(s / 3600), static_cast<int>(s / 60) % 60);
  else
    std::snprintf(buf, sizeof buf, "%dm%02ds", static_cast<int>(s / 60), static_cast<int>(s) % 60);
  return buf;
}

// Per backend, `evsim bench` over activity x density at the given hidden size and the sweep's
// batches: the data of the report's break-even maps (break_even_<backend>.csv; kept when present).
void break_even_maps(const SweepOptions& o, const std::string& dir) {
  for (const std::string& backend : o.config.backends) {
    const std::string path = dir + "/break_even_" + backend + ".csv";
    if (std::filesystem::exists(path)) continue;
    const BenchGrid g = break_even_grid(backend, o.break_even, o.config.batches, o.backend.runner.gpu_profile);
    std::fprintf(stderr, "sweep: break-even grid on %s (hidden %lld, %zu cases)\n", backend.c_str(),
                 static_cast<long long>(o.break_even), g.batch.size() * g.activity.size() * g.density.size());
    const double h = static_cast<double>(o.break_even);
    const BenchReport r = run_bench(backend, g, o.config.energy.resolve(12.0 * h * h));
    replace_text_file_now(path, r.csv);
  }
}

void run_sweep(SweepOptions& o) {
  SweepConfig& c = o.config;
  c.modes.clear();
  for (const auto& m : o.modes) c.modes.push_back(parse_mode(m));
  c.prune_scope = parse_prune_scope(o.prune_scope);
  c.runner = o.backend.runner;
  c.energy = load_energy_table(o.backend);
  for (const auto& b : c.backends) require_backend(b);  // before the directory is made
  const Shard shard = o.shard.empty() ? Shard{} : parse_shard(o.shard);
  std::string gpu_backend;
  for (const auto& b : c.backends)
    if (backend_device_count(b) > 0) gpu_backend = b;
  const SweepContext ctx = sweep_context(shard, gpu_backend);
  if (ctx.device >= 0) c.runner.device = ctx.device;
  const std::vector<SweepPoint> plan = sweep_plan(c);
  nlohmann::json keys = nlohmann::json::array();
  for (const auto& p : plan) keys.push_back(p.key());
  const std::string dir = ctx.dir(o.out);
  SweepStore store(dir,
                   {{"config", c.to_json()}, {"plan", keys}, {"shard", ctx.shard_name()}, {"command", g_command_line}},
                   o.resume);
  SweepRunner runner(c);
  for (const auto& [key, p] : store.points()) runner.remember_quality(key.substr(0, key.find("|batch=")), p["quality"]);
  std::vector<size_t> todo;
  for (size_t i = 0; i < plan.size(); ++i)
    if (in_shard(i, ctx.shard) && !store.has(plan[i].key())) todo.push_back(i);
  std::fprintf(stderr, "sweep%s: %zu points, %zu to measure, results in %s\n", ctx.label().c_str(), plan.size(),
               todo.size(), dir.c_str());
  Stopwatch clock;
  for (size_t k = 0; k < todo.size(); ++k) {
    const SweepPoint& p = plan[todo[k]];
    Stopwatch point;
    store.add(runner.measure(p));
    const double done = clock.seconds();
    std::fprintf(stderr, "sweep%s: [%zu/%zu] %s  %.1f s  (elapsed %s, ETA %s)\n", ctx.label().c_str(), k + 1,
                 todo.size(), p.key().c_str(), point.seconds(), eta(done).c_str(),
                 eta(done / double(k + 1) * double(todo.size() - k - 1)).c_str());
  }
  if (ctx.merges()) {
    merge_rank_results(ctx, o.out);
    if (ctx.rank == 0) std::printf("merged %zu points of %d ranks into %s\n", plan.size(), ctx.ranks, o.out.c_str());
  } else {
    std::printf("%zu of %zu points in %s (points.jsonl, points.csv)\n", store.points().size(), plan.size(),
                dir.c_str());
  }
  if (o.break_even > 0 && ctx.rank == 0 && ctx.shard.index == 0) break_even_maps(o, o.out);
}

}  // namespace

void register_sweep(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  auto* cmd =
      app.add_subcommand("sweep", "Measure model variants (pruning x threshold scale) x batch x backend x mode");
  cmd->add_option("models", o->config.models, "Checkpoints (each is swept; e.g. fine-tuned pruning levels)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("--out", o->out, "Directory for sweep.json, points.jsonl, points.csv (new or empty)")->required();
  cmd->add_flag("--resume", o->resume,
                "Continue the sweep in --out (finished points are kept, not re-measured), or start it when --out is "
                "absent or empty");
  cmd->add_option("--prune", o->config.prune,
                  "Post-training magnitude pruning fractions, e.g. 0,0.5,0.9 (none: as stored)")
      ->delimiter(',')
      ->check(in_range(0, 0.999999));
  cmd->add_option("--prune-scope", o->prune_scope, "global (one cut over all weights) or layer (per weight array)")
      ->check(CLI::IsMember({"global", "layer"}))
      ->capture_default_str();
  cmd->add_flag("--prune-embeddings", o->config.prune_embeddings,
                "Prune embedding tables and decoders tied to them too (default: left dense)");
  cmd->add_option("--threshold-scale", o->config.threshold_scales, "Neuron threshold scales, e.g. 0.5,1,2")
      ->delimiter(',')
      ->check(in_range(1e-6, 1e6))
      ->capture_default_str();
  std::string names;
  for (const auto& n : backend_names()) names += (names.empty() ? "" : ",") + n;
  cmd->add_option("--backends", o->config.backends, "Backends, e.g. cpu,cuda (this build: " + names + ")")
      ->delimiter(',')
      ->capture_default_str();
  cmd->add_option("--modes", o->modes, "dense,event or one of them")
      ->delimiter(',')
      ->check(CLI::IsMember({"dense", "event"}))
      ->capture_default_str();
  cmd->add_option("--batch", o->config.batches, "Batch sizes, e.g. 1,10")
      ->delimiter(',')
      ->check(in_range(1, 1e5))
      ->capture_default_str();
  cmd->add_option("--data", o->config.data,
                  "Quality and timing data: a text directory for language models (e.g. ../shared/data/ptb), a "
                  "Darcy file for neural operators (relative L2 error; its fields are the timing input)")
      ->check(CLI::ExistingPath);
  cmd->add_option("--split", o->config.split, "train, valid or test")
      ->check(CLI::IsMember({"train", "valid", "test"}))
      ->capture_default_str();
  cmd->add_option("--limit-tokens", o->config.limit_tokens, "Predicted tokens per quality measurement (0: all)")
      ->check(in_range(0, 1e12))
      ->capture_default_str();
  cmd->add_option("--steps", o->config.steps, "Steps per timed run")->check(in_range(1, 1e7))->capture_default_str();
  cmd->add_option("--repeats", o->config.repeats, "Timed runs per point (after one warm-up)")
      ->check(in_range(1, 1e4))
      ->capture_default_str();
  cmd->add_option("--seed", o->config.seed, "Seed of random input (models without --data)")->capture_default_str();
  cmd->add_option("--break-even", o->break_even,
                  "Also time one H x 3H projection over activity x density per backend (the report's break-even "
                  "maps), e.g. 512")
      ->check(in_range(4, 16384));
  cmd->add_option("--shard", o->shard, "i/n: measure only the points i, i+n, ... (job arrays; merge with sweep-merge)");
  add_runner_options(*cmd, o->backend);
  add_memory_option(*cmd);
  cmd->callback([o] { run_sweep(*o); });

  auto m = std::make_shared<MergeOptions>();
  auto* merge = app.add_subcommand("sweep-merge", "Merge the directories of one sweep's shards into one result set");
  merge->add_option("out", m->out, "New (or empty) directory for the merged sweep")->required();
  merge->add_option("dirs", m->dirs, "The shards' directories")->required()->check(CLI::ExistingDirectory);
  merge->callback([m] {
    SweepStore::merge(m->out, m->dirs);
    std::printf("merged %zu directories into %s\n", m->dirs.size(), m->out.c_str());
  });
}

}  // namespace evsim
