#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "apps/gpu_commands.hpp"
#include "apps/table.hpp"
#include "backends/backend.hpp"
#include "data/atomic_file.hpp"
#include "data/recording_writer.hpp"
#include "data/run_report.hpp"
#include "data/sequence_io.hpp"

namespace evsim {

namespace {

struct RunOptions {
  ModelChoice model;
  InputChoice input;
  std::string mode = "event", backend = "cpu", output, json, record, energy_table;
};

void run_run(const RunOptions& o) {
  const Mode mode = parse_mode(o.mode);
  Graph g = load_model(o.model);
  Sequence input = load_input(o.input, g);
  check_gpu_profile_backend(o.backend);
  RunResult r = simulate(g, o.backend, mode, input, !o.record.empty());
  const EnergyModel energy = o.energy_table.empty() ? EnergyModel{} : read_energy_table(o.energy_table);
  // Outputs are written only after the whole run succeeded, each atomically.
  if (!o.output.empty()) write_output(o.output, r.output);
  if (!o.record.empty()) write_recording(o.record, r, g.dt);
  if (!o.json.empty()) {
    RunInfo info{model_label(o.model), mode_name(mode), r.backend, input.steps, input.batch, g.dt};
    write_text_file(o.json, run_report_json(r, info, energy).dump(2) + "\n");
  }
  std::printf("%s: %s mode on %s, %lld steps x %lld samples, dt %g s, %s\n\n%s", model_label(o.model).c_str(),
              mode_name(mode).c_str(), r.backend.c_str(), static_cast<long long>(input.steps),
              static_cast<long long>(input.batch), g.dt, fmt_time(r.wall_s).c_str(), layer_table(r, energy).c_str());
}

}  // namespace

void register_run(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run", "Simulate a model on an input sequence and report counted costs");
  add_model_options(*cmd, o->model, true);
  add_input_options(*cmd, o->input);
  cmd->add_option("--mode", o->mode, "dense (every weight, every step) or event (only non-zero weights of fired units)")
      ->check(CLI::IsMember({"dense", "event"}));
  cmd->add_option("--backend", o->backend,
                  "cpu, or cuda (EGRU stacks: cuda-dense = cuBLAS, event mode = cuda-distile)");
  add_gpu_profile_option(*cmd);
  cmd->add_option("--output", o->output, "OUT.h5: dataset `output` (T x B x N_out)");
  cmd->add_option("--json", o->json, "REPORT.json: per-layer and total counts");
  cmd->add_option("--record", o->record, "REC.h5: spikes and states of every neuron node (NIR data layout)");
  cmd->add_option("--energy-table", o->energy_table, "JSON with mac_pj, ac_pj, weight_byte_pj")
      ->check(CLI::ExistingFile);
  cmd->callback([o] { run_run(*o); });
}

}  // namespace evsim
