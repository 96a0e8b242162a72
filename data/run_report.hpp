#pragma once
// Machine-readable run report (--json): per layer and totals, NeuroBench-style counts.
#include <nlohmann/json.hpp>
#include <string>

#include "core/energy_model.hpp"
#include "core/energy_table.hpp"
#include "core/run_result.hpp"
#include "core/stats.hpp"

namespace evsim {

struct RunInfo {
  std::string model;
  int64_t steps = 0, batch = 0;
  double dt = 0.0;
};

// The counts with the energy of the work `mode` performs.
// Repeated timings as JSON: min, quartiles, median, max, n.
nlohmann::json spread_json(const Spread& s);
nlohmann::json counts_json(const OpCounts& c, const EnergyModel& energy, Mode mode);
nlohmann::json run_report_json(const RunResult& r, const RunInfo& info, const EnergyModel& energy);

// Reads a JSON energy table ({"mac_pj":..,"ac_pj":..,"weight_byte_pj":..}); missing keys keep defaults.
// --energy-table files (core/energy_table.hpp; also the first, flat format {mac_pj, ac_pj,
// weight_byte_pj, source}), and the table used without one: 45 nm figures, every weight byte
// charged as an 8 KB SRAM read (the usual, optimistic, assumption of the literature).
EnergyTable read_energy_table(const std::string& path);
EnergyTable default_energy_table();

}  // namespace evsim
