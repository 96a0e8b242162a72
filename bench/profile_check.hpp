#pragma once
// Before a calibrated CPU profile becomes this machine's (data/machine_profile.hpp): event mode
// of the default model with the measured constants against the built-in ones, alternating, at
// batch 1 / 10 / 64, on one thread and on every thread. Constants measured kernel by kernel can
// choose worse paths than the defaults: on the device host's 16 Xeon vCPUs one calibration ran
// the default model at batch 10 in 235-270 ms against 163-201 ms with the built-in constants
// (docs/measurements.md), where another calibration of the same host tied them.
#include <cstdint>
#include <string>
#include <vector>

#include "core/cpu_cost_model.hpp"

namespace evsim {

// A measured profile may run event mode at most this much slower than the built-in constants
// (medians of the alternating runs): a tie within the runs' noise still installs.
constexpr double kProfileTolerance = 1.05;

struct ProfileCheckRow {
  int threads = 1;
  int64_t batch = 1;
  double builtin_s = 0, measured_s = 0;  // medians of the runs, event mode, whole run
};

struct ProfileCheck {
  std::vector<ProfileCheckRow> rows;
  bool passes() const;
  std::string table() const;  // one row per case
};

// Runs at the thread count in effect and on one thread (once where that is one); restores the
// cost model in effect.
ProfileCheck check_profile(const CpuCostModel& measured, int repeats,
                           const std::vector<int64_t>& batches = {1, 10, 64});

}  // namespace evsim
