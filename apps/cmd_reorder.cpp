#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "core/error.hpp"
#include "core/table.hpp"
#include "data/checkpoint.hpp"
#include "models/unit_reorder.hpp"
#include "network/graph.hpp"

namespace evsim {
namespace {

struct ReorderOptions {
  std::string model, output;
  InputChoice input;
  int tile = 32;
  double dt = 0.0;
};

// Recording neuron activity is the reference backend's feature.
RunResult run_spec(const ModelSpec& spec, double dt, const Sequence& x, bool record) {
  Graph g = build_graph(spec, dt);
  RunnerOptions o;
  o.record = record;
  return make_runner(reference_backend(), Mode::Event, g, o)->run(x);
}

void run_reorder(const ReorderOptions& o) {
  ModelSpec spec = read_checkpoint(o.model);
  check_outputs({o.output});
  const double dt = o.dt > 0 ? o.dt : (spec.meta.dt > 0 ? spec.meta.dt : 1e-4);
  const Graph g = build_graph(spec, dt);
  const Sequence x = load_input(o.input, g);
  const RunResult before = run_spec(spec, dt, x, true);
  const auto plan = plan_reorder(spec, before, x.steps, x.batch, o.tile);
  apply_reorder(spec, plan);
  // The permuted model must compute the same function: same outputs on the same input.
  const RunResult after = run_spec(spec, dt, x, false);
  const double err = max_relative_error(after.output, before.output);
  Table t({"layer", "active tiles/sample before", "after", "reduction", "note"});
  for (const auto& l : plan)
    t.add({l.node, fmt_fixed(l.tiles_before, 2), fmt_fixed(l.tiles_after, 2),
           fmt_fixed(l.tiles_before / std::max(l.tiles_after, 1e-12), 2) + "x", l.note});
  std::printf(
      "%s: tiles of %d units, activity of %lld steps x %lld samples\n%soutputs before/after: max rel. diff %.3g\n",
      o.model.c_str(), o.tile, static_cast<long long>(x.steps), static_cast<long long>(x.batch), t.str().c_str(), err);
  if (err > 1e-5)
    throw Error("reorder: the permuted model's outputs differ by " + std::to_string(err) + "; nothing written");
  write_checkpoint(spec, o.output);
  std::printf("wrote %s\n", o.output.c_str());
}

}  // namespace

void register_reorder(CLI::App& app) {
  auto o = std::make_shared<ReorderOptions>();
  auto* cmd = app.add_subcommand(
      "reorder", "Permute EGRU units so co-active units share tiles (from recorded activity); same function");
  cmd->add_option("model", o->model, "MODEL.h5")->required()->check(CLI::ExistingFile);
  cmd->add_option("output", o->output, "OUT.h5 (written only if the outputs are unchanged)")
      ->required()
      ->check(output_path());
  add_input_options(*cmd, o->input);
  cmd->add_option("--tile", o->tile, "Units per tile")->check(in_range(1, 1024))->capture_default_str();
  cmd->add_option("--dt", o->dt, "Seconds per step (default: the checkpoint's)")->check(in_range(1e-12, 1e3));
  add_memory_option(*cmd);
  cmd->callback([o] { run_reorder(*o); });
}

}  // namespace evsim
