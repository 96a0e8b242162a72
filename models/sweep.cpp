#include "models/sweep.hpp"

#include <cmath>
#include <cstdio>
#include <memory>
#include <set>

#include "core/error.hpp"
#include "core/stats.hpp"
#include "data/checkpoint.hpp"
#include "data/run_report.hpp"
#include "data/text_corpus.hpp"
#include "models/lm_evaluation.hpp"
#include "models/operator_evaluation.hpp"
#include "models/random_input.hpp"
#include "network/graph.hpp"
#include "network/model_loader.hpp"
#include "network/report_layout.hpp"

namespace evsim {
namespace {

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

nlohmann::json SweepConfig::to_json() const {
  std::vector<std::string> mode_names;
  for (Mode m : modes) mode_names.push_back(mode_name(m));
  return {{"models", models},
          {"prune", prune},
          {"prune_scope", prune_scope == PruneScope::Global ? "global" : "layer"},
          {"prune_embeddings", prune_embeddings},
          {"threshold_scales", threshold_scales},
          {"backends", backends},
          {"modes", mode_names},
          {"batches", batches},
          {"data", data},
          {"split", split},
          {"limit_tokens", limit_tokens},
          {"steps", steps},
          {"repeats", repeats},
          {"seed", seed},
          {"sum_order", sum_order_name(runner.sum_order)},
          {"energy_table", energy.name},
          {"energy_precision", energy.precision}};
}

std::string SweepVariant::key() const {
  return model + "|prune=" + (prune < 0 ? std::string("stored") : num(prune)) + "|threshold=" + num(threshold_scale);
}

std::string SweepPoint::key() const {
  return variant.key() + "|batch=" + std::to_string(batch) + "|" + backend + "|" + mode_name(mode);
}

std::vector<SweepPoint> sweep_plan(const SweepConfig& c) {
  if (c.models.empty()) throw UsageError("a sweep needs at least one model");
  std::vector<double> prune = c.prune;
  if (prune.empty()) prune.push_back(-1.0);
  std::vector<SweepPoint> plan;
  for (const auto& m : c.models)
    for (double p : prune)
      for (double s : c.threshold_scales)
        for (int64_t b : c.batches)
          for (const auto& be : c.backends)
            for (Mode mode : c.modes) plan.push_back({{m, p, s}, be, mode, b});
  std::set<std::string> keys;
  for (const auto& p : plan)
    if (!keys.insert(p.key()).second)
      throw UsageError("the sweep names point '" + p.key() + "' twice (a value repeated in a list?)");
  return plan;
}

Shard parse_shard(const std::string& s) {
  const auto slash = s.find('/');
  Shard sh;
  try {
    if (slash == std::string::npos) throw std::invalid_argument("");
    size_t used = 0;
    sh.index = std::stoi(s.substr(0, slash), &used);
    if (used != slash) throw std::invalid_argument("");
    sh.count = std::stoi(s.substr(slash + 1), &used);
    if (used != s.size() - slash - 1) throw std::invalid_argument("");
  } catch (const std::exception&) {
    throw UsageError("--shard: expected i/n (e.g. 0/4), got '" + s + "'");
  }
  if (sh.count < 1 || sh.index < 0 || sh.index >= sh.count)
    throw UsageError("--shard: expected 0 <= i < n, got '" + s + "'");
  return sh;
}

bool in_shard(size_t plan_index, const Shard& s) {
  return plan_index % static_cast<size_t>(s.count) == static_cast<size_t>(s.index);
}

namespace {

struct LoadedVariant {
  std::shared_ptr<const ModelSpec> spec;
  PruneOutcome pruned;
};

LoadedVariant load_variant(const SweepVariant& v, const SweepConfig& c) {
  auto spec = std::make_shared<ModelSpec>(read_checkpoint(v.model));
  LoadedVariant lv;
  if (v.prune >= 0) lv.pruned = prune_magnitude(*spec, v.prune, c.prune_scope, c.prune_embeddings);
  if (v.threshold_scale != 1.0 && scale_thresholds(*spec, v.threshold_scale) == 0)
    throw InputError(v.model + ": the model has no neuron thresholds to scale");
  lv.spec = spec;
  return lv;
}

// The first steps x batch tokens of the text cut into `batch` contiguous streams, as eval cuts it.
Sequence text_input(const std::vector<int64_t>& ids, int64_t steps, int64_t batch) {
  const int64_t per_stream = static_cast<int64_t>(ids.size()) / batch;
  if (per_stream < steps)
    throw InputError("the text is too short for " + std::to_string(steps) + " steps x " + std::to_string(batch) +
                     " streams");
  Sequence x(steps, batch, 1);
  for (int64_t t = 0; t < steps; ++t)
    for (int64_t b = 0; b < batch; ++b)
      x.step(t)(0, b) = static_cast<float>(ids[static_cast<size_t>(b * per_stream + t)]);
  return x;
}

// The first `batch` coefficient fields (repeated when the file has fewer), one step.
Sequence field_input(const DarcySet& d, int64_t batch) {
  const int64_t plane = d.resolution * d.resolution;
  Sequence x(1, batch, plane);
  for (int64_t b = 0; b < batch; ++b)
    std::copy_n(d.coeff.begin() + (b % d.samples) * plane, plane, x.data.begin() + b * plane);
  return x;
}

nlohmann::json operator_quality(Graph& g, const DarcySet& d, const std::string& source) {
  auto ref = make_runner(reference_backend(), Mode::Event, g);
  const OperatorEvalResult r = evaluate_operator(g, *ref, d, 10, {}, source);
  nlohmann::json rates = nlohmann::json::object();
  for (const LayerReport& l : r.run.layers)
    if (l.neuron) rates[l.name] = l.counts.activity();
  return {{"rel_l2", r.rel_l2}, {"samples", d.samples}, {"spike_rates", rates}, {"backend", r.run.backend}};
}

Sequence random_input(const Graph& g, int64_t steps, int64_t batch, uint64_t seed) {
  if (!g.token_input) return gaussian_input(steps, batch, g.input_width(), seed);
  return token_source(steps, batch, static_cast<int64_t>(g.meta.vocab.size()), seed).rest();
}

}  // namespace

SweepRunner::SweepRunner(const SweepConfig& c) : c_(c) {}

nlohmann::json SweepRunner::measure(const SweepPoint& p) {
  const std::string vkey = p.variant.key();
  if (vkey != variant_key_) {
    LoadedVariant lv = load_variant(p.variant, c_);
    spec_ = std::move(lv.spec);
    pruned_ = lv.pruned;
    variant_key_ = vkey;
  }
  Graph g = build_graph(spec_, resolve_dt(0.0, *spec_));
  const bool text = !c_.data.empty() && g.token_input && !g.meta.vocab.empty();
  const bool fields = !c_.data.empty() && !g.token_input && g.meta.vocab.empty();
  if (fields && darcy_.samples == 0) darcy_ = read_darcy(c_.data);
  if (text && ids_model_ != p.variant.model) {
    ids_ = read_token_ids(find_split_file(c_.data, c_.split), g.meta.vocab);
    ids_model_ = p.variant.model;
  }
  const std::vector<int64_t>& ids = ids_;
  if (!quality_.count(vkey)) {
    nlohmann::json q = nullptr;
    if (fields) q = operator_quality(g, darcy_, c_.data);
    if (text) {
      auto ref = make_runner(reference_backend(), Mode::Event, g);
      const LmEvalResult r = evaluate_lm(g, *ref, ids, 10, c_.limit_tokens, nullptr);
      q = {{"perplexity", r.perplexity},
           {"predicted_tokens", r.predictions},
           {"split", c_.split},
           {"backend", r.run.backend}};
    }
    quality_[vkey] = q;
  }
  const Sequence x = fields ? field_input(darcy_, p.batch)
                     : text ? text_input(ids, c_.steps, p.batch)
                            : random_input(g, c_.steps, p.batch, c_.seed);
  RunnerOptions options = c_.runner;
  if (backend_device_count(p.backend) == 0) options.device = -1;  // the rank's GPU is for GPU backends
  auto runner = make_runner(p.backend, p.mode, g, options);
  const RunResult first = runner->run(x);  // warm-up; its counts are the point's
  std::vector<double> wall, device;
  for (int k = 0; k < c_.repeats; ++k) {
    const RunResult r = runner->run(x);
    wall.push_back(r.wall_s);
    device.push_back(r.device_s);
  }
  const RunInfo info{p.variant.model, x.steps, p.batch, g.dt};
  nlohmann::json j = {{"key", p.key()},
                      {"model", p.variant.model},
                      {"prune", p.variant.prune < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.variant.prune)},
                      {"threshold_scale", p.variant.threshold_scale},
                      {"batch", p.batch},
                      {"backend", p.backend},
                      {"mode", mode_name(p.mode)},
                      {"input", fields ? "fields"
                                : text ? "text"
                                       : "random"},
                      {"quality", quality_[vkey]},
                      {"wall_s", spread_json(spread_of(wall))},
                      {"run", run_report_json(first, info, c_.energy.resolve(weight_footprint_bytes(g)))}};
  if (first.device_s > 0) j["device_s"] = spread_json(spread_of(device));
  if (p.variant.prune >= 0) j["pruned"] = {{"weights", pruned_.weights}, {"zeros", pruned_.zeros}};
  return j;
}

}  // namespace evsim
