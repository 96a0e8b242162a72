#include <algorithm>
#include <cmath>
#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "core/cpu_cost_model.hpp"
#include "core/error.hpp"
#include "core/stats.hpp"
#include "core/table.hpp"
#include "data/atomic_file.hpp"
#include "data/run_report.hpp"

namespace evsim {

namespace {

struct CompareOptions {
  ModelChoice model;
  InputChoice input;
  BackendChoice backend;
  int repeats = 5;
  double tolerance = 1e-5, cross_tolerance = 1e-4;
  std::string json;
  bool allow_nonfinite = false;
};

// One mode's runs: the first (warm-up) result, then the timed repeats.
struct ModeRuns {
  RunResult first;
  std::vector<double> wall, device;
  std::vector<std::vector<double>> layer_s;  // per layer, per repeat
  void record(const RunResult& r) {
    wall.push_back(r.wall_s);
    device.push_back(r.device_s);
    layer_s.resize(r.layers.size());
    for (size_t k = 0; k < r.layers.size(); ++k) layer_s[k].push_back(r.layers[k].seconds);
  }
};

std::string ratio(double num, double den) { return den > 0 ? fmt_fixed(num / den, 2) + "x" : "-"; }
std::string spread_str(const Spread& s) {
  return fmt_time(s.median) + " [" + fmt_time(s.min) + "-" + fmt_time(s.max) + "]";
}

bool same_counts(const OpCounts& a, const OpCounts& b) {
  return a.dense_macs == b.dense_macs && a.effective_macs == b.effective_macs && a.effective_acs == b.effective_acs &&
         a.events == b.events && a.unit_steps == b.unit_steps;
}

std::string layer_rows(const ModeRuns& dense, const ModeRuns& event, const EnergyModel& energy) {
  const RunResult &d = dense.first, &e = event.first;
  const bool per_layer_times = !dense.layer_s.empty() && median(dense.layer_s[0]) > 0;
  Table t({"layer", "type", "dense MACs", "eff. ops", "activity", "density", "theory", "dense uJ", "event uJ",
           "dense time", "event time", "realized"});
  uint64_t w = 0, nnz = 0;
  for (size_t k = 0; k < e.layers.size(); ++k) {
    const LayerReport& l = e.layers[k];
    const OpCounts& c = l.counts;
    const Spread td = per_layer_times ? spread_of(dense.layer_s[k]) : Spread{},
                 te = per_layer_times ? spread_of(event.layer_s[k]) : Spread{};
    t.add({l.name, l.type, fmt_count(double(c.dense_macs)), fmt_count(double(c.effective_ops())), fmt_pct(c.activity()),
           l.weights ? fmt_pct(l.weight_density()) : "", ratio(double(c.dense_macs), double(c.effective_ops())),
           fmt_fixed(energy.energy_pj(d.layers[k].counts, Mode::Dense) * 1e-6, 2),
           fmt_fixed(energy.energy_pj(c, Mode::Event) * 1e-6, 2), per_layer_times ? spread_str(td) : "-",
           per_layer_times ? spread_str(te) : "-", per_layer_times ? ratio(td.median, te.median) : "-"});
    w += l.weights;
    nnz += l.nnz;
  }
  const Spread sd = spread_of(dense.wall), se = spread_of(event.wall);
  const OpCounts& c = e.totals;
  t.add({"total", "", fmt_count(double(c.dense_macs)), fmt_count(double(c.effective_ops())), fmt_pct(c.activity()),
         w ? fmt_pct(double(nnz) / double(w)) : "", ratio(double(c.dense_macs), double(c.effective_ops())),
         fmt_fixed(energy.energy_pj(d.totals, Mode::Dense) * 1e-6, 2),
         fmt_fixed(energy.energy_pj(c, Mode::Event) * 1e-6, 2), spread_str(sd), spread_str(se),
         ratio(sd.median, se.median)});
  return t.str();
}

// The layers whose dense and event [min-max] time ranges overlap, comma-separated.
std::string overlapping_layers(const ModeRuns& dense, const ModeRuns& event) {
  std::string names;
  for (size_t k = 0; k < event.first.layers.size() && k < dense.layer_s.size() && k < event.layer_s.size(); ++k)
    if (median(dense.layer_s[k]) > 0 && ranges_overlap(spread_of(dense.layer_s[k]), spread_of(event.layer_s[k])))
      names += (names.empty() ? "" : ", ") + event.first.layers[k].name;
  return names;
}

// Each layer's times over the repeats, both modes.
nlohmann::json layer_times_json(const ModeRuns& dense, const ModeRuns& event) {
  nlohmann::json layers = nlohmann::json::array();
  for (size_t k = 0; k < event.first.layers.size() && k < dense.layer_s.size() && k < event.layer_s.size(); ++k) {
    const Spread sd = spread_of(dense.layer_s[k]), se = spread_of(event.layer_s[k]);
    layers.push_back({{"name", event.first.layers[k].name},
                      {"dense_s", spread_json(sd)},
                      {"event_s", spread_json(se)},
                      {"realized_speedup", se.median > 0 ? sd.median / se.median : 0.0},
                      {"conclusive", !ranges_overlap(sd, se)}});
  }
  return layers;
}

void run_compare(const CompareOptions& o) {
  if (!(o.tolerance >= 0) || !(o.cross_tolerance >= 0)) throw UsageError("tolerances must be numbers >= 0");
  Graph g = load_model(o.model);
  const Sequence input = load_input(o.input, g);
  const EnergyModel energy = load_energy(o.backend, g);
  check_outputs({o.json});
  auto dense_runner = make_runner(o.backend.backend, Mode::Dense, g, o.backend.runner);
  auto event_runner = make_runner(o.backend.backend, Mode::Event, g, o.backend.runner);
  ModeRuns dense, event;
  // Warm-up (outputs and counts), then the modes alternate so that drift affects both alike.
  dense.first = dense_runner->run(input);
  event.first = event_runner->run(input);
  for (int k = 0; k < o.repeats; ++k) {
    dense.record(dense_runner->run(input));
    event.record(event_runner->run(input));
  }
  const RunResult &d = dense.first, &e = event.first;
  check_finite(d, model_label(o.model), o.allow_nonfinite);
  check_finite(e, model_label(o.model), o.allow_nonfinite);
  std::printf("%s: %s vs %s, %lld steps x %lld samples, dt %g s; times end to end per run, median [min-max] of %d\n\n",
              model_label(o.model).c_str(), d.backend.c_str(), e.backend.c_str(), static_cast<long long>(input.steps),
              static_cast<long long>(input.batch), g.dt, o.repeats);
  std::printf("%s\n", layer_rows(dense, event, energy).c_str());
  const std::string overlap = overlapping_layers(dense, event);
  const Spread sd = spread_of(dense.wall), se = spread_of(event.wall);
  const bool conclusive = !ranges_overlap(sd, se);
  std::printf(
      "theory = dense MACs / effective ops; realized = dense / event time (same input, alternating runs): %s%s\n",
      ratio(sd.median, se.median).c_str(),
      conclusive ? "" : " -- inconclusive: the two modes' [min-max] ranges overlap (use more --repeats or steps)");
  if (!overlap.empty())
    std::printf("layers whose two ranges overlap (their ratio inconclusive): %s\n", overlap.c_str());
  if (d.device_s > 0)
    std::printf("GPU graph alone (CUDA events%s%s): dense %s, event %s\n", d.device_path.empty() ? "" : ", ",
                d.device_path.c_str(), spread_str(spread_of(dense.device)).c_str(),
                spread_str(spread_of(event.device)).c_str());
  std::printf(
      "energy: the work each mode performs (dense: every MAC and weight byte; event: effective ops and the "
      "bytes it reads); table: %s\n",
      energy.source.c_str());
  std::printf("weight bytes read: dense %s, event %s\n", fmt_count(double(d.totals.weight_bytes)).c_str(),
              fmt_count(double(e.totals.weight_bytes)).c_str());
  if (e.backend.rfind("cpu", 0) == 0)
    std::printf("event mode's paths chosen by the CPU cost model of: %s\n", cpu_cost_model().source.c_str());
  const double err = max_relative_error(e.output, d.output);
  bool agree = err <= o.tolerance && same_counts(d.totals, e.totals);
  std::printf("outputs: max |event - dense| / max |dense| = %.3g (tolerance %.3g), counts %s: %s\n", err, o.tolerance,
              same_counts(d.totals, e.totals) ? "equal" : "DIFFER", agree ? "AGREE" : "DIFFER");
  nlohmann::json cross;
  if (o.backend.backend != reference_backend()) {
    Graph ref_graph = load_model(o.model);
    const RunResult ref = make_runner(reference_backend(), Mode::Dense, ref_graph)->run(input);
    // Another backend's float32 sums in another order may move a threshold crossing or an exact
    // zero: the outputs are compared in L2 (one moved unit is not a diverging output) and the
    // counts within the same relative tolerance (the shape-given ones exactly).
    const double ed = relative_l2_error(d.output, ref.output), ee = relative_l2_error(e.output, ref.output);
    const bool counts = same_counts(ref.totals, d.totals) && same_counts(ref.totals, e.totals);
    const double moved = std::max(count_discrepancy(d.totals, ref.totals), count_discrepancy(e.totals, ref.totals));
    const bool ok = ed <= o.cross_tolerance && ee <= o.cross_tolerance && moved <= o.cross_tolerance;
    char within[48];
    std::snprintf(within, sizeof within, "within %.2g (relative)", moved);
    const std::string count_text = counts ? "equal" : within;
    std::printf(
        "vs %s: outputs rel. L2 %s %.3g, %s %.3g; counts %s (cross-backend tolerance %.3g: float32 sums in another "
        "order): %s\n",
        ref.backend.c_str(), d.backend.c_str(), ed, e.backend.c_str(), ee, count_text.c_str(), o.cross_tolerance,
        ok ? "AGREE" : "DIFFER");
    agree = agree && ok;
    cross = {{"reference", ref.backend},
             {"dense_error", ed},
             {"event_error", ee},
             {"counts_equal", counts},
             {"count_discrepancy", moved}};
  }
  if (!o.json.empty()) {
    const RunInfo info{model_label(o.model), input.steps, input.batch, g.dt};
    nlohmann::json j = {{"dense", run_report_json(d, info, energy)},
                        {"event", run_report_json(e, info, energy)},
                        {"dense_wall_s", spread_json(sd)},
                        {"event_wall_s", spread_json(se)},
                        {"realized_speedup", sd.median / se.median},
                        {"conclusive", conclusive},
                        {"layer_times", layer_times_json(dense, event)},
                        {"relative_error", err},
                        {"tolerance", o.tolerance},
                        {"agree", agree},
                        {"cpu_cost_model", cpu_cost_model().source}};
    if (d.device_s > 0) {
      j["dense_device_s"] = spread_json(spread_of(dense.device));
      j["event_device_s"] = spread_json(spread_of(event.device));
      if (!d.device_path.empty()) j["device_path"] = d.device_path;
    }
    if (!cross.is_null()) j["cross_backend"] = cross;
    write_text_file(o.json, j.dump(2) + "\n");
  }
  if (!agree) {
    std::fprintf(stderr, "evsim: error: %s: outputs or counts differ between modes or backends (see above)\n",
                 model_label(o.model).c_str());
    g_exit_code = 4;
  }
}

}  // namespace

void register_compare(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  auto* cmd = app.add_subcommand("compare", "Run dense and event mode on the same input: parity, counts, timings");
  add_model_options(*cmd, o->model, false);
  add_input_options(*cmd, o->input);
  add_backend_options(*cmd, o->backend, "Where both modes run (cuda is also checked against cpu-dense)");
  cmd->add_option("--repeats", o->repeats, "Timed runs per mode (median and range reported)")
      ->check(in_range(1, 1e6))
      ->capture_default_str();
  cmd->add_option("--tolerance", o->tolerance, "Largest accepted relative output difference between the two modes")
      ->check(in_range(0, 1e30))
      ->capture_default_str();
  cmd->add_option("--cross-tolerance", o->cross_tolerance,
                  "Another backend against cpu-dense: largest accepted relative L2 output difference and "
                  "relative difference of the effective ops and events")
      ->check(in_range(0, 1e30))
      ->capture_default_str();
  cmd->add_option("--json", o->json, "Write both runs' reports, timings and parity as JSON")->check(output_path());
  add_allow_nonfinite(*cmd, o->allow_nonfinite);
  cmd->callback([o] { run_compare(*o); });
}

}  // namespace evsim
