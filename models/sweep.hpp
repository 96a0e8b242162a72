#pragma once
// A sweep: model variants (checkpoint x pruning fraction x threshold scale) x batch x backend
// x mode, each point measured the same way. A point is the unit of work, of resumption and
// of distribution (shards, MPI ranks); its key names it in the plan and in the results.
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "backends/runner.hpp"
#include "core/energy_table.hpp"
#include "core/mode.hpp"
#include "data/darcy_data.hpp"
#include "models/model_transforms.hpp"

namespace evsim {

struct SweepConfig {
  std::vector<std::string> models;  // checkpoints
  std::vector<double> prune;        // fractions of the reached weights; empty: as stored
  PruneScope prune_scope = PruneScope::Global;
  bool prune_embeddings = false;
  std::vector<double> threshold_scales{1.0};
  std::vector<std::string> backends{"cpu"};
  std::vector<Mode> modes{Mode::Dense, Mode::Event};
  std::vector<int64_t> batches{10};
  // Quality, once per variant, on cpu-event (the reference sum order): language models, the
  // perplexity on `split` of the text directory `data` (at most limit_tokens predicted tokens);
  // neural operators, the mean relative L2 error on the Darcy file `data`, whose first
  // samples are then also the timing input (one step per inference).
  std::string data, split = "valid";
  int64_t limit_tokens = 0;
  // Timing per point: `steps` steps (real text when `data` is given), a warm-up run, then
  // `repeats` timed runs.
  int64_t steps = 64;
  int repeats = 3;
  uint64_t seed = 1;
  RunnerOptions runner;
  EnergyTable energy;  // resolved per variant (its weight footprint)

  nlohmann::json to_json() const;  // what identifies the sweep (no timing-only settings omitted)
};

struct SweepVariant {
  std::string model;
  double prune = -1.0;  // < 0: as stored
  double threshold_scale = 1.0;
  std::string key() const;
};

struct SweepPoint {
  SweepVariant variant;
  std::string backend;
  Mode mode = Mode::Event;
  int64_t batch = 1;
  std::string key() const;
};

// Every point in plan order (variants outermost, then batch, backend, mode).
std::vector<SweepPoint> sweep_plan(const SweepConfig& c);

// "i/n": this shard takes the points whose plan index is i modulo n.
struct Shard {
  int index = 0, count = 1;
};
Shard parse_shard(const std::string& s);  // throws UsageError
bool in_shard(size_t plan_index, const Shard& s);

// Measures points. Variants are loaded (and pruned, scaled) once and their quality measured
// once; `cache` holds the qualities already known (e.g. from a resumed file).
class SweepRunner {
 public:
  explicit SweepRunner(const SweepConfig& c);
  nlohmann::json measure(const SweepPoint& p);
  void remember_quality(const std::string& variant_key, const nlohmann::json& q) { quality_[variant_key] = q; }

 private:
  const SweepConfig& c_;
  std::map<std::string, nlohmann::json> quality_;
  // The last variant's parameters and its model's token ids: points of one variant follow
  // each other in the plan, so each checkpoint and corpus is read once per variant, not per point.
  std::string variant_key_, ids_model_;
  std::shared_ptr<const ModelSpec> spec_;
  PruneOutcome pruned_;
  std::vector<int64_t> ids_;
  DarcySet darcy_;  // operators: the Darcy file, read once
};

}  // namespace evsim
