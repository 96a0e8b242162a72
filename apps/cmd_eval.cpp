#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "core/error.hpp"
#include "core/table.hpp"
#include "core/timer.hpp"
#include "data/atomic_file.hpp"
#include "data/darcy_data.hpp"
#include "data/run_report.hpp"
#include "data/text_corpus.hpp"
#include "models/lm_evaluation.hpp"
#include "models/operator_evaluation.hpp"

namespace evsim {

namespace {

struct EvalOptions {
  ModelChoice model;
  BackendChoice backend;
  std::string data, split = "test", mode = "event", json;
  int64_t batch = 10, limit_tokens = 0, limit_samples = 0;
  bool allow_nonfinite = false;
};

std::string counts_table(const RunResult& r, double tokens, const std::string& per = "token",
                         const std::string& activity = "activity") {
  Table t({"layer", "type", activity, "density", "dense MACs/" + per, "eff. ops/" + per, "reduction"});
  auto row = [&](const std::string& name, const std::string& type, const OpCounts& c, double density) {
    const bool work = c.dense_macs > 0;  // neuron layers without weights: no work of their own
    t.add({name, type, fmt_pct(c.activity()), work ? fmt_pct(density) : "-", fmt_count(double(c.dense_macs) / tokens),
           fmt_count(double(c.effective_ops()) / tokens),
           work ? fmt_fixed(double(c.dense_macs) / std::max(1.0, double(c.effective_ops())), 1) + "x" : "-"});
  };
  uint64_t w = 0, nnz = 0;
  for (const LayerReport& l : r.layers) {
    row(l.name, l.type, l.counts, l.weight_density());
    w += l.weights;
    nnz += l.nnz;
  }
  row("total", "", r.totals, w ? double(nnz) / double(w) : 0.0);
  return t.str();
}

// Neural operators: relative L2 error on a Darcy file, spike rates and work per inference.
void run_operator_eval(const EvalOptions& o, Graph& g, Mode mode, const Stopwatch& setup) {
  if (std::filesystem::is_directory(o.data))
    throw InputError(model_label(o.model) +
                     ": the checkpoint has no vocabulary (evsim/vocab): eval takes it for a neural operator, "
                     "whose --data is a Darcy file, not the directory " +
                     o.data);
  const DarcySet data = read_darcy(o.data, o.limit_samples);
  check_operator_data(g, data, o.data);
  check_outputs({o.json});
  auto runner = make_runner(o.backend.backend, mode, g, o.backend.runner);
  const double setup_s = setup.seconds();
  std::fprintf(stderr, "eval: %s, %lld samples of %lld x %lld in batches of %lld, %s\n", o.data.c_str(),
               static_cast<long long>(data.samples), static_cast<long long>(data.resolution),
               static_cast<long long>(data.resolution), static_cast<long long>(o.batch), runner->name().c_str());
  const bool tty = ::isatty(2);
  const auto progress = [&](int64_t done, int64_t total) {
    if (tty)
      std::fprintf(stderr, "\r  %lld/%lld samples%s", static_cast<long long>(done), static_cast<long long>(total),
                   done == total ? "\n" : "");
  };
  const OperatorEvalResult r = evaluate_operator(g, *runner, data, o.batch, progress, o.data);
  check_finite(r.run, model_label(o.model), o.allow_nonfinite);
  const double n = double(data.samples);
  std::printf("%s on %s: relative L2 error %.4f %% (mean over %lld samples), %s\n", model_label(o.model).c_str(),
              o.data.c_str(), 100.0 * r.rel_l2, static_cast<long long>(data.samples), r.run.backend.c_str());
  std::printf("evaluation %s end to end (%s per inference)", fmt_time(r.wall_s).c_str(),
              fmt_time(r.wall_s / n).c_str());
  if (r.run.device_s > 0) std::printf(", of which GPU graph replays %s", fmt_time(r.run.device_s).c_str());
  std::printf("; setup %s\n\n%s", fmt_time(setup_s).c_str(),
              counts_table(r.run, n, "inference", "spike rate / activity").c_str());
  if (!o.json.empty()) {
    const RunInfo info{model_label(o.model), 1, data.samples, g.dt};
    nlohmann::json j = run_report_json(r.run, info, load_energy(o.backend, g));
    j["rel_l2"] = r.rel_l2;
    j["rel_l2_per_sample"] = r.per_sample;
    j["samples"] = data.samples;
    j["data"] = o.data;
    j["eval_wall_s"] = r.wall_s;
    j["setup_s"] = setup_s;
    j["dense_macs_per_inference"] = double(r.run.totals.dense_macs) / n;
    j["effective_ops_per_inference"] = double(r.run.totals.effective_ops()) / n;
    write_text_file(o.json, j.dump(2) + "\n");
  }
}

void run_eval(const EvalOptions& o) {
  Stopwatch setup;
  const Mode mode = parse_mode(o.mode);
  Graph g = load_model(o.model);
  if (g.meta.vocab.empty()) {
    // The reference order is the language models' default (a perplexity reproduced exactly);
    // a neural operator's pointwise sums are already in the CPU's order on every backend.
    EvalOptions op = o;
    op.backend.runner.sum_order = SumOrder::Fast;
    return run_operator_eval(op, g, mode, setup);
  }
  const std::string path = find_split_file(o.data, o.split);
  const std::vector<int64_t> ids = read_token_ids(path, g.meta.vocab);
  lm_eval_steps(static_cast<int64_t>(ids.size()), o.batch, o.limit_tokens, path);  // enough text, or its name
  check_outputs({o.json});
  auto runner = make_runner(o.backend.backend, mode, g, o.backend.runner);
  const double setup_s = setup.seconds();
  std::fprintf(stderr, "eval: %s, %zu tokens in %lld streams, %s\n", path.c_str(), ids.size(),
               static_cast<long long>(o.batch), runner->name().c_str());
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
  const LmEvalResult r = evaluate_lm(g, *runner, ids, o.batch, o.limit_tokens, progress);
  check_finite(r.run, model_label(o.model), o.allow_nonfinite);
  if (!std::isfinite(r.perplexity) && !o.allow_nonfinite)
    throw Error(model_label(o.model) + ": perplexity is not finite (NaN or Inf logits); --allow-nonfinite prints it");
  const double tokens = double(r.predictions);
  std::printf("%s on %s (%s): perplexity %.3f over %lld predicted tokens, %s (%s sum order)\n",
              model_label(o.model).c_str(), path.c_str(), o.split.c_str(), r.perplexity,
              static_cast<long long>(r.predictions), r.run.backend.c_str(), sum_order_name(r.run.sum_order).c_str());
  std::printf("evaluation %s end to end (%.0f tokens/s)", fmt_time(r.wall_s).c_str(), tokens / r.wall_s);
  if (r.run.device_s > 0) std::printf(", of which GPU graph replays %s", fmt_time(r.run.device_s).c_str());
  std::printf("; setup %s (checkpoint, corpus, planning)\n\n%s", fmt_time(setup_s).c_str(),
              counts_table(r.run, tokens).c_str());
  if (!o.json.empty()) {
    const RunInfo info{model_label(o.model), r.predictions / o.batch, o.batch, g.dt};
    nlohmann::json j = run_report_json(r.run, info, load_energy(o.backend, g));
    j["perplexity"] = r.perplexity;
    j["predicted_tokens"] = r.predictions;
    j["split"] = o.split;
    j["data"] = path;
    j["eval_wall_s"] = r.wall_s;
    j["setup_s"] = setup_s;
    j["dense_macs_per_token"] = double(r.run.totals.dense_macs) / tokens;
    j["effective_ops_per_token"] = double(r.run.totals.effective_ops()) / tokens;
    write_text_file(o.json, j.dump(2) + "\n");
  }
}

}  // namespace

void register_eval(CLI::App& app) {
  auto o = std::make_shared<EvalOptions>();
  // A perplexity is a quality figure: by default the GPU reproduces the CPU's exactly.
  o->backend.runner.sum_order = SumOrder::Reference;
  auto* cmd = app.add_subcommand("eval",
                                 "Perplexity of a language model on Mikolov-format text, or the relative L2 error of a "
                                 "neural operator (WNO, VS-WNO) on a Darcy file, with counts per layer");
  add_model_options(*cmd, o->model, true);
  cmd->add_option("--data", o->data,
                  "Language models: directory with <split>.txt or *.<split>.txt (e.g. ../shared/data/ptb); "
                  "operators: a Darcy file (evsim data darcy, or FNO's .mat)")
      ->required();
  cmd->add_option("--split", o->split, "train, valid or test")
      ->check(CLI::IsMember({"train", "valid", "test"}))
      ->capture_default_str();
  cmd->add_option("--mode", o->mode, "dense or event")->check(CLI::IsMember({"dense", "event"}))->capture_default_str();
  add_backend_options(*cmd, o->backend, "Where to run (cuda: stack, decoder and log-softmax on the GPU)");
  cmd->add_option("--batch", o->batch, "Parallel streams (PyTorch's eval batch size)")
      ->check(in_range(1, 1e6))
      ->capture_default_str();
  cmd->add_option("--limit-tokens", o->limit_tokens, "Stop after about this many predicted tokens (0: all)")
      ->check(in_range(0, 1e12))
      ->capture_default_str();
  cmd->add_option("--samples", o->limit_samples, "Operators: evaluate the first N samples (0: all)")
      ->check(in_range(0, 1e9))
      ->capture_default_str();
  cmd->add_option("--json", o->json, "Write perplexity or error and counts as JSON")->check(output_path());
  add_allow_nonfinite(*cmd, o->allow_nonfinite);
  cmd->callback([o] { run_eval(*o); });
}

}  // namespace evsim
