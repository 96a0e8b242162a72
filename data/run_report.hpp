#pragma once
// Machine-readable run report (--json): per layer and totals, NeuroBench-style counts.
#include <nlohmann/json.hpp>
#include <string>

#include "core/energy_model.hpp"
#include "core/run_result.hpp"

namespace evsim {

struct RunInfo {
  std::string model;
  int64_t steps = 0, batch = 0;
  double dt = 0.0;
};

// The counts with the energy of the work `mode` performs.
nlohmann::json counts_json(const OpCounts& c, const EnergyModel& energy, Mode mode);
nlohmann::json run_report_json(const RunResult& r, const RunInfo& info, const EnergyModel& energy);

// Reads a JSON energy table ({"mac_pj":..,"ac_pj":..,"weight_byte_pj":..}); missing keys keep defaults.
EnergyModel read_energy_table(const std::string& path);

}  // namespace evsim
