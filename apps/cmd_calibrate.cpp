#include "apps/commands.hpp"
#include "apps/gpu_commands.hpp"

namespace evsim {

void register_calibrate(CLI::App& app) {
  auto o = std::make_shared<GpuCalibrateOptions>();
  auto* cmd = app.add_subcommand(
      "calibrate", "Measure this GPU's DISTile and cuBLAS costs and write the PolyKernel cost-model profile (JSON)");
  cmd->add_option("--hidden", o->hidden, "Hidden sizes of the measured 3H x H projections (two or more)")
      ->check(CLI::Range(32, 8192));
  cmd->add_option("--repeats", o->repeats, "Timed graph replays per case (median)")->check(CLI::PositiveNumber);
  cmd->add_option("--seed", o->seed, "Seed for weights and inputs");
  cmd->add_option("--output", o->output, "Profile file to write (read back with --gpu-profile)");
  cmd->callback([o] { gpu_calibrate(*o); });
}

}  // namespace evsim
