#pragma once
// The CPU cost-model profile (core/cpu_cost_model.hpp) as JSON: written by
// `evsim calibrate --backend cpu`, read back with `--cpu-profile FILE`.
#include <string>

#include "core/cpu_cost_model.hpp"

namespace evsim {

CpuCostModel read_cpu_profile(const std::string& path);  // InputError naming the file and key
void write_cpu_profile(const CpuCostModel& m, const std::string& path);

}  // namespace evsim
