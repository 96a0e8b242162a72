#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "bench/bench_suite.hpp"
#include "bench/cpu_calibration.hpp"
#include "core/error.hpp"
#include "data/machine_profile.hpp"

namespace evsim {

namespace {

struct CalibrateOptions {
  std::string backend = "cuda";
  CalibrationOptions gpu;  // the flags land here; cpu takes what the user gave of them
  bool skip_check = false;
};

CpuCalibrationOptions cpu_options(const CalibrateOptions& o, const CLI::App& cmd) {
  if (cmd.count("--hidden")) throw UsageError("--hidden applies to --backend cuda only");
  CpuCalibrationOptions c;
  if (cmd.count("--repeats")) c.repeats = o.gpu.repeats;
  c.seed = o.gpu.seed;
  c.check = !o.skip_check;
  if (cmd.count("--output")) {
    c.output = o.gpu.output;
  } else if (machine_profile_path()) {
    c.output = machine_profile_output();
    c.install = true;
  }
  return c;
}

void run_calibrate(const CalibrateOptions& o, const CLI::App& cmd) {
  if (o.backend == "cpu") {
    std::printf("%s", run_cpu_calibration(cpu_options(o, cmd)).c_str());
    return;
  }
  if (o.skip_check) throw UsageError("--skip-check applies to --backend cpu only");
  std::printf("%s", run_calibration(o.gpu).c_str());
}

}  // namespace

void register_calibrate(CLI::App& app) {
  auto o = std::make_shared<CalibrateOptions>();
  auto* cmd = app.add_subcommand("calibrate",
                                 "Measure this machine's costs per delivery path and write the cost-model profile "
                                 "(JSON): cuda (DISTile vs cuBLAS) or cpu (dense product vs gathered columns)");
  cmd->add_option("--backend", o->backend, "cuda (read back with --gpu-profile) or cpu (with --cpu-profile)")
      ->check(CLI::IsMember({"cpu", "cuda"}))
      ->capture_default_str();
  cmd->add_option("--hidden", o->gpu.hidden, "cuda: hidden sizes of the measured 3H x H projections (two or more)")
      ->delimiter(',')
      ->check(in_range(32, 8192))
      ->capture_default_str();
  cmd->add_option("--repeats", o->gpu.repeats, "Timed calls per case (median; default cuda 20, cpu 15)")
      ->check(in_range(1, 1e6));
  cmd->add_option("--seed", o->gpu.seed, "Seed for weights and inputs")->capture_default_str();
  cmd->add_option("--output", o->gpu.output,
                  "Profile file to write (default evsim_gpu_profile.json; cpu: this machine's profile, "
                  "$XDG_CONFIG_HOME/evsim/cpu_profile.json or ~/.config/evsim/cpu_profile.json, or $EVSIM_CPU_PROFILE)")
      ->check(output_path());
  cmd->add_flag("--skip-check", o->skip_check,
                "cpu: write the profile without first running the default model with it against the built-in "
                "constants (a profile that ran it slower is otherwise not installed as this machine's)");
  cmd->callback([o, cmd] { run_calibrate(*o, *cmd); });
}

}  // namespace evsim
