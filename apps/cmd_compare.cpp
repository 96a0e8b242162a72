#include <algorithm>
#include <cmath>
#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "apps/gpu_commands.hpp"
#include "apps/table.hpp"
#include "core/timer.hpp"
#include "data/atomic_file.hpp"
#include "data/run_report.hpp"

namespace evsim {

namespace {

struct CompareOptions {
  ModelChoice model;
  InputChoice input;
  std::string backend = "cpu", json;
  int repeats = 5;
  double tolerance = 1e-5;
};

struct ModeRuns {
  RunResult first;
  std::vector<double> wall;
  std::vector<std::vector<double>> layer_s;  // per layer, per repeat
};

void record_timing(ModeRuns& m, const RunResult& r) {
  m.wall.push_back(r.wall_s);
  m.layer_s.resize(r.layers.size());
  for (size_t k = 0; k < r.layers.size(); ++k) m.layer_s[k].push_back(r.layers[k].seconds);
}

std::string ratio(double num, double den) { return den > 0 ? fmt_fixed(num / den, 2) + "x" : "-"; }

void run_compare(const CompareOptions& o) {
  check_gpu_profile_backend(o.backend);
  Graph g = load_model(o.model);
  const Sequence input = load_input(o.input, g);
  if (o.backend == "cuda") {
    gpu_compare(g, input, o.repeats, std::max(o.tolerance, 1e-4));
    return;
  }
  ModeRuns dense, event;
  // Warm-up, then alternate the modes so that drift affects both alike.
  dense.first = simulate(g, o.backend, Mode::Dense, input);
  event.first = simulate(g, o.backend, Mode::Event, input);
  for (int k = 0; k < o.repeats; ++k) {
    record_timing(dense, simulate(g, o.backend, Mode::Dense, input));
    record_timing(event, simulate(g, o.backend, Mode::Event, input));
  }
  const double err = max_relative_error(event.first.output, dense.first.output);
  const RunResult& d = dense.first;
  const RunResult& e = event.first;
  std::printf("%s on %s: %lld steps x %lld samples, dt %g s, median of %d runs per mode\n\n",
              model_label(o.model).c_str(), o.backend.c_str(), static_cast<long long>(input.steps),
              static_cast<long long>(input.batch), g.dt, o.repeats);
  Table t({"layer", "type", "dense MACs", "eff. ops", "activity", "density", "theory", "dense time", "event time",
           "realized"});
  auto row = [&](const std::string& name, const std::string& type, const OpCounts& c, double density, double td,
                 double te) {
    t.add({name, type, fmt_count(double(c.dense_macs)), fmt_count(double(c.effective_ops())), fmt_pct(c.activity()),
           density < 0 ? "" : fmt_pct(density), ratio(double(c.dense_macs), double(c.effective_ops())), fmt_time(td),
           fmt_time(te), ratio(td, te)});
  };
  uint64_t w = 0, nnz = 0;
  for (size_t k = 0; k < d.layers.size(); ++k) {
    const LayerReport& l = e.layers[k];
    row(l.name, l.type, l.counts, l.weights ? l.weight_density() : -1.0, median(dense.layer_s[k]),
        median(event.layer_s[k]));
    w += l.weights;
    nnz += l.nnz;
  }
  row("total", "", e.totals, w ? double(nnz) / double(w) : -1.0, median(dense.wall), median(event.wall));
  std::printf("%s\n", t.str().c_str());
  std::printf("theory = dense MACs / effective ops; realized = dense time / event time (same run, same input).\n");
  std::printf("weight bytes read: dense %s, event %s (dense / event = %s)\n",
              fmt_count(double(d.totals.weight_bytes)).c_str(), fmt_count(double(e.totals.weight_bytes)).c_str(),
              ratio(double(d.totals.weight_bytes), double(e.totals.weight_bytes)).c_str());
  const bool same_counts = d.totals.effective_ops() == e.totals.effective_ops() && d.totals.events == e.totals.events;
  const bool agree = err <= o.tolerance && same_counts;
  std::printf("outputs: max |event - dense| / max |dense| = %.3g (tolerance %.3g): %s\n", err, o.tolerance,
              agree ? "AGREE" : "DIFFER");
  if (!o.json.empty()) {
    const EnergyModel energy;
    RunInfo di{model_label(o.model), "dense", d.backend, input.steps, input.batch, g.dt};
    RunInfo ei{model_label(o.model), "event", e.backend, input.steps, input.batch, g.dt};
    nlohmann::json j = {{"dense", run_report_json(d, di, energy)},
                        {"event", run_report_json(e, ei, energy)},
                        {"dense_wall_s_median", median(dense.wall)},
                        {"event_wall_s_median", median(event.wall)},
                        {"relative_error", err},
                        {"agree", agree}};
    write_text_file(o.json, j.dump(2) + "\n");
  }
  if (!agree) {
    std::fprintf(stderr, "evsim: error: dense and event outputs differ (relative error %.3g)\n", err);
    g_exit_code = 4;
  }
}

}  // namespace

void register_compare(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  auto* cmd = app.add_subcommand("compare", "Run dense and event mode on the same input: parity, counts, timings");
  add_model_options(*cmd, o->model, false);
  add_input_options(*cmd, o->input);
  cmd->add_option("--backend", o->backend, "cpu, or cuda (cuda-dense and cuda-distile next to cpu-dense)");
  add_gpu_profile_option(*cmd);
  cmd->add_option("--repeats", o->repeats, "Timed runs per mode (median reported)")->check(CLI::PositiveNumber);
  cmd->add_option("--tolerance", o->tolerance, "Largest accepted relative output difference");
  cmd->add_option("--json", o->json, "Write both runs' reports and timings as JSON");
  cmd->callback([o] { run_compare(*o); });
}

}  // namespace evsim
