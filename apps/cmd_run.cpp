#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "core/error.hpp"
#include "core/table.hpp"
#include "data/atomic_file.hpp"
#include "data/output_stream.hpp"
#include "data/recording_writer.hpp"
#include "data/run_report.hpp"
#include "data/sequence_io.hpp"
#include "models/chunked_run.hpp"

namespace evsim {

namespace {

struct RunOptions {
  ModelChoice model;
  InputChoice input;
  BackendChoice backend;
  std::string mode = "event", output, json, record;
  bool allow_nonfinite = false;
};

void run_run(RunOptions o) {
  const Mode mode = parse_mode(o.mode);
  Graph g = load_model(o.model);
  InputSource input = input_source(o.input, g);
  const EnergyModel energy = load_energy(o.backend, g);
  check_outputs({o.output, o.json, o.record});
  const RecordWhat& what = o.backend.runner.record_what;
  if (!o.record.empty() && !what.spikes && !what.state)
    throw UsageError("--record with --record-spikes off and --record-state off would record nothing");
  o.backend.runner.record = !o.record.empty();
  auto runner = make_runner(o.backend.backend, mode, g, o.backend.runner);
  // Long runs go in chunks of a few seconds (models/chunked_run.hpp) with a progress line on
  // stderr once the run takes over 2 s (simulated time, rate, time left); their input is drawn,
  // and their outputs and recordings stream to their files, chunk by chunk (no output is formed
  // when none is asked for), so memory does not grow with the run.
  const bool chunked = input.steps() >= 200;
  std::unique_ptr<OutputStream> out_file;
  std::unique_ptr<RecordingStream> rec_file;
  ChunkSinks sinks;
  sinks.outputs = o.output.empty() ? Outputs::Discard : Outputs::Sink;
  if (chunked && !o.output.empty()) {
    out_file = std::make_unique<OutputStream>(o.output, input.steps(), input.batch(), g.output_width());
    sinks.output = [&](int64_t t0, const Sequence& chunk) { out_file->write(t0, chunk); };
  }
  if (chunked && !o.record.empty()) {
    rec_file = std::make_unique<RecordingStream>(o.record, input.steps(), g.dt);
    sinks.recording = [&](const std::vector<NodeRecording>& w, int64_t t0) { rec_file->write(w, t0); };
  }
  const auto progress = [&](const RunProgress& p) {
    if (p.seconds < 2.0 || p.steps_done == p.steps) return;
    const double rate = static_cast<double>(p.steps_done) / p.seconds;
    std::fprintf(stderr, "evsim: %lld of %lld steps (%.3g s simulated), %.3g steps/s, %s left\n",
                 static_cast<long long>(p.steps_done), static_cast<long long>(p.steps),
                 static_cast<double>(p.steps_done) * g.dt, rate,
                 fmt_time(static_cast<double>(p.steps - p.steps_done) / rate).c_str());
  };
  RunResult r = chunked ? run_in_chunks(*runner, input, ChunkPlan{}, progress, sinks) : runner->run(input.rest());
  check_finite(r, model_label(o.model), o.allow_nonfinite);
  // Outputs appear only after the whole run succeeded, each atomically.
  if (out_file) out_file->commit();
  if (rec_file) rec_file->commit();
  if (!chunked && !o.output.empty()) write_output(o.output, r.output);
  if (!chunked && !o.record.empty()) write_recording(o.record, r, g.dt);
  if (!o.json.empty()) {
    const RunInfo info{model_label(o.model), input.steps(), input.batch(), g.dt};
    write_text_file(o.json, run_report_json(r, info, energy).dump(2) + "\n");
  }
  std::printf("%s: %s, %lld steps x %lld samples, dt %g s, %s end to end", model_label(o.model).c_str(),
              r.backend.c_str(), static_cast<long long>(input.steps()), static_cast<long long>(input.batch()), g.dt,
              fmt_time(r.wall_s).c_str());
  if (r.device_s > 0)
    std::printf(" (GPU graph alone%s%s: %s)", r.device_path.empty() ? "" : ", ", r.device_path.c_str(),
                fmt_time(r.device_s).c_str());
  std::printf("\n\n%senergy table: %s\n", layer_table(r, energy).c_str(), energy.source.c_str());
}

}  // namespace

void register_run(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run", "Simulate a model on an input sequence and report counted costs");
  add_model_options(*cmd, o->model, true);
  add_input_options(*cmd, o->input);
  cmd->add_option("--mode", o->mode, "dense (every weight, every step) or event (only non-zero weights of fired units)")
      ->check(CLI::IsMember({"dense", "event"}))
      ->capture_default_str();
  add_backend_options(*cmd, o->backend,
                      "Where to run: cpu (cpu-dense / cpu-event) or cuda (cuda-dense / cuda-distile)");
  cmd->add_option("--output", o->output, "OUT.h5: dataset `output` (T x B x N_out)")->check(output_path());
  cmd->add_option("--json", o->json, "REPORT.json: per-layer and total counts")->check(output_path());
  cmd->add_option("--record", o->record, "REC.h5: spikes and states of every neuron node (NIR data layout; cpu)")
      ->check(output_path());
  cmd->add_option_function<std::string>(
         "--record-state", [o](const std::string& v) { o->backend.runner.record_what.state = v == "on"; },
         "on: --record keeps every neuron's state trace (float32 per neuron and step); off: not")
      ->check(CLI::IsMember({"on", "off"}))
      ->default_str("on");
  cmd->add_option_function<std::string>(
         "--record-spikes", [o](const std::string& v) { o->backend.runner.record_what.spikes = v == "on"; },
         "on: --record keeps every neuron's spikes (events); off: not")
      ->check(CLI::IsMember({"on", "off"}))
      ->default_str("on");
  add_allow_nonfinite(*cmd, o->allow_nonfinite);
  cmd->callback([o] { run_run(*o); });
}

}  // namespace evsim
