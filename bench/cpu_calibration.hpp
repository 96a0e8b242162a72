#pragma once
// `evsim calibrate --backend cpu`: the CPU cost model's constants (core/cpu_cost_model.hpp)
// measured on this machine, one thread, through the very kernels event mode runs.
#include <cstdint>
#include <string>

namespace evsim {

struct CpuCalibrationOptions {
  int repeats = 15;
  uint64_t seed = 1;
  std::string output = "evsim_cpu_profile.json";
  bool install = false;  // output is this machine's profile: written only if the check passes
  bool check = true;     // run the default model with the measured constants against the built-in ones
};
// Alternating runs per case of that check.
constexpr int kCheckRepeats = 5;

// Writes the profile; returns a table of the constants, the built-in value beside each.
std::string run_cpu_calibration(const CpuCalibrationOptions& o);

}  // namespace evsim
