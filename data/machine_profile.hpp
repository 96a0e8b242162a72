#pragma once
// This machine's CPU cost-model profile: `evsim calibrate --backend cpu` writes it where every
// later run looks first (once it has run the default model no slower than the built-in
// constants: bench/profile_check.hpp), so the selector uses the constants of the machine at hand
// without a flag on each command. A profile made on another CPU (a home directory shared by a
// cluster's nodes) is set aside with a warning.
#include <optional>
#include <string>

#include "core/cpu_cost_model.hpp"

namespace evsim {

// "<model name>, <n> hardware threads": what a profile records, and must match to be used.
std::string this_cpu();

// $EVSIM_CPU_PROFILE (a file, or "off"), else $XDG_CONFIG_HOME/evsim/cpu_profile.json, else
// $HOME/.config/evsim/cpu_profile.json; none when off or without either directory.
std::optional<std::string> machine_profile_path();

// Where `evsim calibrate --backend cpu` writes without --output: machine_profile_path() (its
// directory created), else evsim_cpu_profile.json here.
std::string machine_profile_output();

struct MachineProfile {
  std::optional<CpuCostModel> model;  // absent: no profile, or one of another CPU
  std::string note;                   // why one was set aside (for stderr), else empty
};
// The profile at machine_profile_path(), if one is there and was calibrated on this CPU. An
// unreadable one is an InputError naming it and how to replace or skip it.
MachineProfile find_machine_profile();

}  // namespace evsim
