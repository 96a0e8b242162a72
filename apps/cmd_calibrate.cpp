#include <cstdio>

#include "apps/commands.hpp"
#include "apps/common.hpp"
#include "bench/bench_suite.hpp"

namespace evsim {

void register_calibrate(CLI::App& app) {
  auto o = std::make_shared<CalibrationOptions>();
  auto* cmd = app.add_subcommand(
      "calibrate", "Measure this GPU's DISTile and cuBLAS costs and write the PolyKernel cost-model profile (JSON)");
  cmd->add_option("--hidden", o->hidden, "Hidden sizes of the measured 3H x H projections (two or more)")
      ->delimiter(',')
      ->check(in_range(32, 8192))
      ->capture_default_str();
  cmd->add_option("--repeats", o->repeats, "Timed graph replays per case (median)")
      ->check(in_range(1, 1e6))
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed for weights and inputs")->capture_default_str();
  cmd->add_option("--output", o->output, "Profile file to write (read back with --gpu-profile)")
      ->check(output_path())
      ->capture_default_str();
  cmd->callback([o] { std::printf("%s", run_calibration(*o).c_str()); });
}

}  // namespace evsim
