#include <unistd.h>

#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "apps/gpu_commands.hpp"
#include "apps/table.hpp"
#include "core/timer.hpp"
#include "data/atomic_file.hpp"
#include "data/run_report.hpp"
#include "data/text_corpus.hpp"
#include "models/lm_evaluation.hpp"

namespace evsim {

namespace {

struct EvalOptions {
  ModelChoice model;
  std::string data, split = "test", mode = "event", backend = "cpu", json;
  int64_t batch = 10, limit_tokens = 0;
};

void run_eval(const EvalOptions& o) {
  const Mode mode = parse_mode(o.mode);
  Graph g = load_model(o.model);
  const std::string path = find_split_file(o.data, o.split);
  const std::vector<int64_t> ids = read_token_ids(path, g.meta.vocab);
  check_gpu_profile_backend(o.backend);
  const bool gpu = o.backend == "cuda";
  auto backend = gpu ? nullptr : make_backend(o.backend, mode);
  std::fprintf(stderr, "eval: %s, %zu tokens in %lld streams, %s mode on %s\n", path.c_str(), ids.size(),
               static_cast<long long>(o.batch), mode_name(mode).c_str(),
               gpu ? (mode == Mode::Dense ? "cuda-dense" : "cuda-distile") : std::string(backend->name()).c_str());
  Stopwatch clock;
  // On a terminal the progress line redraws itself; in a log it appears every 10 %.
  const bool tty = ::isatty(2);
  int64_t next_report = 0;
  auto progress = [&](int64_t done, int64_t total, double ppl) {
    if (!tty && done < next_report && done != total) return;
    next_report = done + total / 10;
    std::fprintf(stderr, "%s  step %lld/%lld  perplexity %.2f  %.0f tokens/s%s", tty ? "\r" : "",
                 static_cast<long long>(done), static_cast<long long>(total), ppl,
                 double(done * o.batch) / clock.seconds(), tty && done != total ? "   " : "\n");
  };
  const LmEvalResult r = gpu ? gpu_evaluate_lm(g, mode, ids, o.batch, o.limit_tokens, progress)
                             : evaluate_lm(g, *backend, ids, o.batch, o.limit_tokens, progress);
  const double tokens = double(r.predictions);
  std::printf("%s on %s (%s): perplexity %.3f over %lld predicted tokens, %s mode, %s\n\n",
              model_label(o.model).c_str(), path.c_str(), o.split.c_str(), r.perplexity,
              static_cast<long long>(r.predictions), mode_name(mode).c_str(), fmt_time(r.run.wall_s).c_str());
  if (gpu) {  // the GPU engine counts events, not ops
    Table t({"layer", "type", "activity"});
    for (const LayerReport& l : r.run.layers) t.add({l.name, l.type, fmt_pct(l.counts.activity())});
    std::printf("%s(op counts per token: --backend cpu)\n", t.str().c_str());
  }
  Table t({"layer", "type", "activity", "density", "dense MACs/token", "eff. ops/token", "reduction"});
  uint64_t w = 0, nnz = 0;
  for (const LayerReport& l : r.run.layers) {
    t.add({l.name, l.type, fmt_pct(l.counts.activity()), fmt_pct(l.weight_density()),
           fmt_count(double(l.counts.dense_macs) / tokens), fmt_count(double(l.counts.effective_ops()) / tokens),
           fmt_fixed(double(l.counts.dense_macs) / std::max(1.0, double(l.counts.effective_ops())), 1) + "x"});
    w += l.weights;
    nnz += l.nnz;
  }
  const OpCounts& c = r.run.totals;
  t.add({"total", "", fmt_pct(c.activity()), fmt_pct(w ? double(nnz) / double(w) : 0.0),
         fmt_count(double(c.dense_macs) / tokens), fmt_count(double(c.effective_ops()) / tokens),
         fmt_fixed(double(c.dense_macs) / std::max(1.0, double(c.effective_ops())), 1) + "x"});
  if (!gpu) std::printf("%s", t.str().c_str());
  if (!o.json.empty()) {
    RunInfo info{model_label(o.model), mode_name(mode), r.run.backend, r.predictions / o.batch, o.batch, g.dt};
    nlohmann::json j = run_report_json(r.run, info, EnergyModel{});
    j["perplexity"] = r.perplexity;
    j["predicted_tokens"] = r.predictions;
    j["split"] = o.split;
    j["data"] = path;
    j["dense_macs_per_token"] = double(c.dense_macs) / tokens;
    j["effective_ops_per_token"] = double(c.effective_ops()) / tokens;
    write_text_file(o.json, j.dump(2) + "\n");
  }
}

}  // namespace

void register_eval(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  auto* cmd = app.add_subcommand("eval", "Perplexity of a language-model checkpoint on Mikolov-format text");
  add_model_options(*cmd, o->model, true);
  cmd->add_option("--data", o->data, "Directory with <split>.txt or *.<split>.txt (e.g. ../shared/data/ptb)")
      ->required();
  cmd->add_option("--split", o->split, "valid or test")->check(CLI::IsMember({"train", "valid", "test"}));
  cmd->add_option("--mode", o->mode, "dense or event")->check(CLI::IsMember({"dense", "event"}));
  cmd->add_option("--backend", o->backend,
                  "cpu, or cuda (EGRU stack and decoder on the GPU: activity only, no op counts)");
  add_gpu_profile_option(*cmd);
  cmd->add_option("--batch", o->batch, "Parallel streams (PyTorch's eval batch size)")->check(CLI::PositiveNumber);
  cmd->add_option("--limit-tokens", o->limit_tokens, "Stop after about this many predicted tokens")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--json", o->json, "Write perplexity and counts as JSON");
  cmd->callback([o] { run_eval(*o); });
}

}  // namespace evsim
